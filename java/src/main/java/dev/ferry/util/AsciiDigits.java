package dev.ferry.util;

/**
 * Numbers and calendar dates written as ASCII digits straight into a byte array, with no String
 * or LocalDate in between: the canonical row text verification hashes and the COPY text a
 * restore sends both print every number and date of every row this way.
 *
 * <p>Digits go two at a time from a table (one division per pair), and a date is computed from
 * its epoch day by arithmetic alone.
 */
public final class AsciiDigits {
  /** The two digits of 0 to 99, in order: {@code 00 01 … 99}. */
  private static final byte[] PAIRS = new byte[200];
  /** Days from 0000-03-01 to 1970-01-01: the civil-date arithmetic counts from that March. */
  private static final long EPOCH_SHIFT = 719_468;
  private static final int DAYS_PER_ERA = 146_097;

  static {
    for (int i = 0; i < 100; i++) {
      PAIRS[2 * i] = (byte) ('0' + i / 10);
      PAIRS[2 * i + 1] = (byte) ('0' + i % 10);
    }
  }

  private AsciiDigits() {}

  /**
   * The decimal digits of {@code v} (not negative), by comparisons rather than divisions.
   *
   * <p>Example: {@code width(0) == 1}, {@code width(100) == 3}.
   */
  public static int width(long v) {
    int n = 1;
    for (long p = 10; n < 19 && v >= p; p *= 10) {
      n++;
    }
    return n;
  }

  /**
   * Writes {@code v} (not negative) in decimal, its last digit just before {@code end}; it takes
   * {@link #width}{@code (v)} bytes.
   */
  public static void whole(byte[] buf, long v, int end) {
    int at = end;
    while (v >= 100) {
      int r = (int) (v % 100) * 2;
      v /= 100;
      buf[--at] = PAIRS[r + 1];
      buf[--at] = PAIRS[r];
    }
    if (v >= 10) {
      int r = (int) v * 2;
      buf[--at] = PAIRS[r + 1];
      buf[--at] = PAIRS[r];
    } else {
      buf[--at] = (byte) ('0' + v);
    }
  }

  /**
   * Writes {@code v} (not negative, below 10^width) as exactly {@code width} digits, zeros in
   * front, ending just before {@code end}.
   */
  public static void fixed(byte[] buf, long v, int end, int width) {
    int at = end;
    for (; width >= 2; width -= 2) {
      int r = (int) (v % 100) * 2;
      v /= 100;
      buf[--at] = PAIRS[r + 1];
      buf[--at] = PAIRS[r];
    }
    if (width == 1) {
      buf[--at] = (byte) ('0' + v);
    }
  }

  /** Writes {@code v} (0 to 99) as two digits at {@code at}. */
  public static void pair(byte[] buf, int at, int v) {
    buf[at] = PAIRS[2 * v];
    buf[at + 1] = PAIRS[2 * v + 1];
  }

  /**
   * The proleptic Gregorian date of {@code epochDay} (days since 1970-01-01), packed into one
   * long so that no object is made: read it with {@link #year}, {@link #month} and {@link #day}.
   * Years before 1 are ISO's (0 is 1 BC, -1 is 2 BC).
   */
  public static long civil(long epochDay) {
    // Howard Hinnant's civil-from-days: 400-year eras counted from 0000-03-01, so that February
    // and its leap day end each year of the count.
    long z = epochDay + EPOCH_SHIFT;
    long era = Math.floorDiv(z, DAYS_PER_ERA);
    int dayOfEra = (int) (z - era * DAYS_PER_ERA);
    int yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
    int dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
    int shifted = (5 * dayOfYear + 2) / 153;
    int day = dayOfYear - (153 * shifted + 2) / 5 + 1;
    int month = shifted < 10 ? shifted + 3 : shifted - 9;
    long year = era * 400 + yearOfEra + (month <= 2 ? 1 : 0);
    return (year << 9) | ((long) month << 5) | day;
  }

  /** The year of a {@link #civil} date. */
  public static long year(long civil) {
    return civil >> 9;
  }

  /** The month (1 to 12) of a {@link #civil} date. */
  public static int month(long civil) {
    return (int) (civil >>> 5) & 15;
  }

  /** The day of the month (1 to 31) of a {@link #civil} date. */
  public static int day(long civil) {
    return (int) civil & 31;
  }
}
