package dev.ferry.arrow;

/**
 * A decimal's plain text ({@code -12345.67}) read as its unscaled whole number at a scale,
 * without a BigDecimal.
 *
 * <p>Drivers keep a DECIMAL as the text the server sent (MariaDB's protocol is text) and make a
 * BigDecimal from it on request, which Arrow then turns into bytes again: reading a backup's
 * decimals that way took a fifth of its time. Text that is not plainly a number of at most the
 * scale's fractional digits and the precision's digits (exponents, NaN, too many digits, over 18
 * digits) is answered {@link #NOT_PLAIN}, and the caller takes the BigDecimal way, which rounds
 * or refuses as before.
 */
final class DecimalText {
  /** What {@link #unscaled} answers for text it does not read. */
  static final long NOT_PLAIN = Long.MIN_VALUE;
  private static final long[] POW10 = new long[19];

  static {
    POW10[0] = 1;
    for (int i = 1; i < POW10.length; i++) {
      POW10[i] = POW10[i - 1] * 10;
    }
  }

  private DecimalText() {}

  /**
   * {@code text} times 10^{@code scale}, for a DECIMAL({@code precision}, {@code scale}) of at
   * most 18 digits; {@link #NOT_PLAIN} when the text is not a plain decimal that fits exactly.
   */
  static long unscaled(String text, int precision, int scale) {
    int n = text.length();
    if (precision > 18 || scale < 0 || scale > precision || n == 0) {
      return NOT_PLAIN;
    }
    int at = 0;
    boolean negative = text.charAt(0) == '-';
    if (negative) {
      at = 1;
    }
    long v = 0;
    int digits = 0;
    int fraction = -1;
    boolean any = false;
    for (; at < n; at++) {
      char c = text.charAt(at);
      if (c >= '0' && c <= '9') {
        any = true;
        if (v != 0 || c != '0') {
          digits++;
        }
        if (fraction >= 0) {
          fraction++;
        }
        if (digits > 18) {
          return NOT_PLAIN;
        }
        v = v * 10 + (c - '0');
      } else if (c == '.' && fraction < 0) {
        fraction = 0;
      } else {
        return NOT_PLAIN;
      }
    }
    int fractional = Math.max(fraction, 0);
    if (!any || fractional > scale) {
      return NOT_PLAIN;
    }
    int integerDigits = Math.max(digits - fractional, 0);
    if (integerDigits > precision - scale) {
      return NOT_PLAIN;
    }
    v *= POW10[scale - fractional];
    return negative ? -v : v;
  }
}
