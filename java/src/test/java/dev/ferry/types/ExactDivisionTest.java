package dev.ferry.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Decimal division as the databases compute {@code CAST(a / b AS DECIMAL(p, s))}. */
class ExactDivisionTest {
  private static String divide(String a, String b, int scale) {
    return ExactDivision.divide(new BigDecimal(a), new BigDecimal(b), scale).toPlainString();
  }

  @Test void keepsEveryDigitOfTheScale() {
    // Calcite's own division keeps 16 significant digits: 1666666684902.768333 and then zeros.
    assertEquals("1666666684902.7683333333333333", divide("10000000109416.61", "6", 16));
    assertEquals("0.3333333333333333", divide("1", "3", 16));
  }

  @Test void roundsHalfAwayFromZero() {
    assertEquals("0.0000000000000001", divide("0.01", "200000000000000", 16));
    assertEquals("-0.0000000000000001", divide("-0.01", "200000000000000", 16));
    assertEquals("0.666667", divide("2", "3", 6));
    assertEquals("-0.666667", divide("-2", "3", 6));
  }

  @Test void refusesDivisionByZero() {
    assertThrows(ArithmeticException.class, () -> divide("1", "0", 6));
  }
}
