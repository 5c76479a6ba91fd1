package dev.ferry.types;

import java.math.BigDecimal;

/** Decimals read from engines that keep them as binary doubles. */
public final class Decimals {
  private Decimals() {}

  /**
   * A double read back as the decimal it most likely stored: 15 significant digits, the most a
   * double holds for certain (SQLite's own shell prints the same), so a SUM of 71.36s computed
   * in floating point comes back as its decimal total instead of 0.0000000001 below it.
   */
  public static BigDecimal fromDouble(double d) {
    // The shortest text that reads back as d, when it has at most 15 significant digits, is
    // what rounding d's exact binary value to 15 digits gives (d lies within half a unit in the
    // last place of it, far inside the 15-digit rounding interval), without BigInteger math.
    String shortest = Double.toString(d);
    if (shortest.indexOf('E') < 0 && significantDigits(shortest) <= 15) {
      BigDecimal v = new BigDecimal(shortest).stripTrailingZeros();
      return v.scale() < 0 ? v.setScale(0) : v;
    }
    BigDecimal v = new BigDecimal(d).round(new java.math.MathContext(15));
    v = v.stripTrailingZeros();
    return v.scale() < 0 ? v.setScale(0) : v;
  }

  /** Digits of a plain decimal string, without leading zeros. */
  private static int significantDigits(String s) {
    int count = 0;
    boolean leading = true;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9') {
        if (c != '0' || !leading) {
          leading = false;
          count++;
        }
      }
    }
    return count;
  }
}
