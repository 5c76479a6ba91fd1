package dev.ferry.arrow;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Plain decimal text read as an unscaled long exactly as BigDecimal reads it, or not at all. */
class DecimalTextTest {
  @Test void plainTextIsReadAtTheScale() {
    assertEquals(1234567L, DecimalText.unscaled("12345.67", 12, 2));
    assertEquals(-1234560L, DecimalText.unscaled("-12345.6", 12, 2));
    assertEquals(500L, DecimalText.unscaled("5", 12, 2));
    assertEquals(500L, DecimalText.unscaled("5.", 12, 2));
    assertEquals(50L, DecimalText.unscaled(".5", 12, 2));
    assertEquals(5L, DecimalText.unscaled("0.05", 12, 2));
    assertEquals(0L, DecimalText.unscaled("-0.00", 12, 2));
    assertEquals(999999999999999999L, DecimalText.unscaled("999999999999999999", 18, 0));
    assertEquals(-99999999999999999L, DecimalText.unscaled("-9999999999999999.9", 18, 1));
    assertEquals(123L, DecimalText.unscaled("000123", 3, 0));
  }

  @Test void anythingElseIsLeftToBigDecimal() {
    for (String t : new String[] {"", "-", ".", "-.", "1e5", "1.0E-10", "NaN", "Infinity", "+5",
        " 5", "5 ", "1.2.3", "12,5", "0x10", "1.234", "1000", "9999999999999999999"}) {
      assertEquals(DecimalText.NOT_PLAIN, DecimalText.unscaled(t, 3, 2), t);
    }
    assertEquals(DecimalText.NOT_PLAIN, DecimalText.unscaled("1", 19, 0), "over 18 digits");
    assertEquals(DecimalText.NOT_PLAIN, DecimalText.unscaled("100", 4, 2), "too many digits");
  }

  @Test void agreesWithBigDecimalOnRandomText() {
    Random r = new Random(5);
    for (int i = 0; i < 200_000; i++) {
      int precision = 1 + r.nextInt(18);
      int scale = r.nextInt(precision + 1);
      BigDecimal v = BigDecimal.valueOf(r.nextLong() % 10_000_000_000L, r.nextInt(8));
      String t = r.nextBoolean() ? v.toPlainString() : v.toString();
      long got = DecimalText.unscaled(t, precision, scale);
      BigDecimal at = v.setScale(scale, RoundingMode.HALF_UP);
      boolean fits = at.compareTo(v) == 0 && at.precision() <= precision || at.signum() == 0 && v.signum() == 0;
      if (got != DecimalText.NOT_PLAIN) {
        assertEquals(at.unscaledValue().longValueExact(), got, t + " at (" + precision + ", " + scale + ")");
        assertEquals(true, fits, t);
      } else if (fits && t.equals(v.toPlainString()) && !t.contains("E") && v.scale() <= scale) {
        throw new AssertionError("plain " + t + " fits (" + precision + ", " + scale + ") but was not read");
      }
    }
  }
}
