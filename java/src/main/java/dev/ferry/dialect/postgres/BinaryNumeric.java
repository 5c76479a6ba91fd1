package dev.ferry.dialect.postgres;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * A PostgreSQL {@code numeric} in its binary send format, read as a scaled whole number or as
 * its exact decimal, and written from one, never through its text.
 *
 * <p>The format: int16 count of base-10000 digits, int16 weight (the first digit's power of
 * 10000), uint16 sign ({@code 0x0000}, {@code 0x4000} negative, {@code 0xC000} NaN,
 * {@code 0xD000}/{@code 0xF000} ±Infinity), uint16 display scale, then the digits, most
 * significant first. Stored values have no digits past their display scale, so the value is
 * exact at that scale.
 */
final class BinaryNumeric {
  private static final int NEGATIVE = 0x4000;
  private static final long[] POW10 = new long[19];
  /** The largest accumulator that one more base-10000 digit cannot overflow. */
  private static final long ROOM = (Long.MAX_VALUE - 9999) / 10000;

  static {
    POW10[0] = 1;
    for (int i = 1; i < POW10.length; i++) {
      POW10[i] = POW10[i - 1] * 10;
    }
  }

  private BinaryNumeric() {}

  /**
   * Why {@code b[at..]} is no number, or null when it is one: NaN and the infinities have no
   * decimal (the JDBC read of them fails too).
   */
  static String notANumber(byte[] b, int at) {
    int sign = u16(b, at + 4);
    return sign == 0xC000 ? "NaN" : sign == 0xD000 ? "Infinity" : sign == 0xF000 ? "-Infinity"
        : sign != 0 && sign != NEGATIVE ? "a numeric of sign 0x" + Integer.toHexString(sign)
        : null;
  }

  /**
   * The value times 10^{@code scale} as a long when it is a whole number that fits in fewer
   * than {@code precision} + 1 digits (up to 18), else {@link Long#MIN_VALUE}: the caller then
   * takes {@link #exact} (rounding or too many digits, which is rare).
   */
  static long unscaled(byte[] b, int at, int scale, int precision) {
    int n = s16(b, at);
    int weight = s16(b, at + 2);
    long acc = 0;
    for (int i = 0; i < n; i++) {
      if (acc > ROOM) {
        return Long.MIN_VALUE;
      }
      acc = acc * 10000 + s16(b, at + 8 + 2 * i);
    }
    if (acc != 0) {
      // acc is the value times 10^-(4 * (weight - n + 1)); shift it to the wanted scale.
      int shift = 4 * (weight - n + 1) + scale;
      if (shift >= 0) {
        if (shift >= POW10.length || acc > Long.MAX_VALUE / POW10[shift]) {
          return Long.MIN_VALUE;
        }
        acc *= POW10[shift];
      } else {
        if (-shift >= POW10.length || acc % POW10[-shift] != 0) {
          return Long.MIN_VALUE;
        }
        acc /= POW10[-shift];
      }
      if (precision < POW10.length && acc >= POW10[precision]) {
        return Long.MIN_VALUE;
      }
    }
    return u16(b, at + 4) == NEGATIVE ? -acc : acc;
  }

  /** The exact value at its display scale. */
  static BigDecimal exact(byte[] b, int at) {
    int n = s16(b, at);
    int weight = s16(b, at + 2);
    int dscale = u16(b, at + 6);
    BigInteger acc = BigInteger.ZERO;
    BigInteger base = BigInteger.valueOf(10000);
    for (int i = 0; i < n; i++) {
      acc = acc.multiply(base).add(BigInteger.valueOf(s16(b, at + 8 + 2 * i)));
    }
    BigDecimal v = new BigDecimal(acc, -4 * (weight - n + 1));
    // Digits past the display scale are zeros in every stored value: UNNECESSARY proves it.
    v = v.setScale(dscale, RoundingMode.UNNECESSARY);
    return u16(b, at + 4) == NEGATIVE ? v.negate() : v;
  }

  /** The exact value rounded to {@code scale} half up, as the JDBC path rounds it. */
  static BigDecimal atScale(byte[] b, int at, int scale) {
    return exact(b, at).setScale(scale, RoundingMode.HALF_UP);
  }

  /**
   * Writes {@code unscaled} times 10^-{@code scale} (a scale of 0 or more) as a binary COPY
   * field: its int32 length, then the value at display scale {@code scale}.
   */
  static void write(long unscaled, int scale, CopyTextBuffer out) {
    int pad = (4 - scale % 4) % 4;
    long u = Math.abs(unscaled);
    if (unscaled == Long.MIN_VALUE || u > Long.MAX_VALUE / POW10[pad]) {
      write(BigInteger.valueOf(unscaled), scale, out);
      return;
    }
    // u is a whole number of base-10000 digits, the last (scale + pad) / 4 of them fractional.
    u *= POW10[pad];
    int[] groups = new int[5];
    int n = 0;
    while (u != 0) {
      groups[n++] = (int) (u % 10000);
      u /= 10000;
    }
    int low = 0;
    while (low < n && groups[low] == 0) {
      low++;
    }
    int ndigits = n - low;
    out.i32(8 + 2 * ndigits);
    out.i16(ndigits);
    out.i16(ndigits == 0 ? 0 : n - 1 - (scale + pad) / 4);
    out.i16(unscaled < 0 ? NEGATIVE : 0);
    out.i16(scale);
    for (int i = n - 1; i >= low; i--) {
      out.i16(groups[i]);
    }
  }

  /** As {@link #write(long, int, CopyTextBuffer)}, for any whole number. */
  static void write(BigInteger unscaled, int scale, CopyTextBuffer out) {
    int pad = (4 - scale % 4) % 4;
    StringBuilder digits = new StringBuilder(unscaled.abs().toString());
    digits.append("000", 0, pad);
    while (digits.length() % 4 != 0) {
      digits.insert(0, '0');
    }
    int n = digits.length() / 4;
    int first = 0;
    while (first < n && digits.substring(4 * first, 4 * first + 4).equals("0000")) {
      first++;
    }
    int last = n - 1;
    while (last >= first && digits.substring(4 * last, 4 * last + 4).equals("0000")) {
      last--;
    }
    int ndigits = last - first + 1;
    out.i32(8 + 2 * ndigits);
    out.i16(ndigits);
    out.i16(ndigits == 0 ? 0 : n - 1 - first - (scale + pad) / 4);
    out.i16(unscaled.signum() < 0 ? NEGATIVE : 0);
    out.i16(scale);
    for (int i = first; i <= last; i++) {
      out.i16(Integer.parseInt(digits, 4 * i, 4 * i + 4, 10));
    }
  }

  private static int s16(byte[] b, int at) {
    return (short) (((b[at] & 0xFF) << 8) | (b[at + 1] & 0xFF));
  }

  private static int u16(byte[] b, int at) {
    return ((b[at] & 0xFF) << 8) | (b[at + 1] & 0xFF);
  }
}
