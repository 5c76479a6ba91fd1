package dev.ferry.dialect.postgres;

import java.util.Locale;

/**
 * A PostgreSQL log sequence number: a byte position in the write-ahead log, written as two
 * hexadecimal halves {@code X/Y} (the high and low 32 bits), as {@code pg_lsn} prints it.
 *
 * <p>The value is unsigned 64-bit; positions beyond {@code 7FFFFFFF/FFFFFFFF} never occur in
 * practice, but {@link #compare} orders them unsigned all the same.
 */
final class PostgresLsn {
  private PostgresLsn() {}

  /** {@code 16/B374D848} as its 64-bit value; anything else is an {@link IllegalArgumentException}. */
  static long parse(String lsn) {
    int slash = lsn.indexOf('/');
    if (slash < 1 || slash == lsn.length() - 1 || slash != lsn.lastIndexOf('/')) {
      throw new IllegalArgumentException("not a PostgreSQL LSN (X/Y in hexadecimal): '" + lsn + "'");
    }
    return (half(lsn, lsn.substring(0, slash)) << 32) | half(lsn, lsn.substring(slash + 1));
  }

  /** {@code value} as {@code pg_lsn} prints it: upper-case hexadecimal, no leading zeros. */
  static String format(long value) {
    return Long.toHexString(value >>> 32).toUpperCase(Locale.ROOT) + "/"
        + Long.toHexString(value & 0xFFFFFFFFL).toUpperCase(Locale.ROOT);
  }

  /** Orders two LSNs by position (negative when {@code a} comes first). */
  static int compare(String a, String b) {
    return Long.compareUnsigned(parse(a), parse(b));
  }

  /** The bytes from {@code from} to {@code to}; 0 when {@code from} is not behind. */
  static long bytesBetween(String from, String to) {
    long f = parse(from);
    long t = parse(to);
    return Long.compareUnsigned(t, f) <= 0 ? 0 : t - f;
  }

  private static long half(String lsn, String hex) {
    if (hex.length() > 8 || !hex.chars().allMatch(ch -> Character.digit(ch, 16) >= 0)) {
      throw new IllegalArgumentException("not a PostgreSQL LSN (X/Y in hexadecimal): '" + lsn + "'");
    }
    return Long.parseLong(hex, 16);
  }
}
