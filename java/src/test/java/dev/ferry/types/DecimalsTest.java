package dev.ferry.types;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Doubles read back as the decimals they most likely stored. */
class DecimalsTest {
  private static void is(String expected, double d) {
    BigDecimal v = Decimals.fromDouble(d);
    assertEquals(new BigDecimal(expected), v, "fromDouble(" + d + ")");
    assertEquals(new BigDecimal(expected).scale(), v.scale(), "scale of fromDouble(" + d + ")");
  }

  @Test void shortDecimalsStayAsWritten() {
    is("71.36", 71.36);
    is("0.1", 0.1);
    is("-2.5", -2.5);
    is("123456789.123456", 123456789.123456);
  }

  @Test void floatingPointNoiseIsRoundedAway() {
    is("0.3", 0.1 + 0.2);
    is("214.08", 71.36 + 71.36 + 71.36);
    is("0.7", 0.1 * 7);
    is("1.1", 1.1 * 3 / 3);
  }

  @Test void wholeNumbersHaveScaleZero() {
    is("0", 0.0);
    is("42", 42.0);
    is("1000", 1000.0);
    is("100000000000000000000", 1e20);
    is("-7", -7.0);
  }

  @Test void veryLargeAndSmallValuesKeepFifteenDigits() {
    is("123456789012345000000000000000", 1.23456789012345e29);
    is("0.000000000123456789012345", 1.23456789012345e-10);
    is("0.0000001", 1e-7);
    BigDecimal max = Decimals.fromDouble(Double.MAX_VALUE);
    assertEquals(new BigDecimal("1.79769313486232E+308").setScale(0), max);
    assertEquals(0, max.scale());
    assertEquals(new BigDecimal("4.94065645841247E-324"), Decimals.fromDouble(Double.MIN_VALUE),
        "15 digits of the exact binary value");
    is("0.333333333333333", 1.0 / 3);
  }
}
