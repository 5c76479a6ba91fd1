package dev.ferry.verify;

/**
 * The canonical text of whole numbers, decimals, dates and times written as ASCII bytes
 * straight into a row buffer ({@link VectorCanon}'s), with the values RowCanon's text has.
 *
 * <p>Digits are written two at a time from a table, and dates are computed from the epoch day
 * by arithmetic: a backup hashes every cell of every row, and a LocalDate per date plus a
 * division per digit were a tenth of its time.
 */
final class CanonDigits {
  /** The longest text {@link #date} writes. */
  static final int DATE_WIDTH = 10;
  /** The text {@link #time} writes: {@code HH:mm:ss.ffffff}. */
  static final int TIME_WIDTH = 15;
  /** The two digits of 0 to 99, in order: {@code 00 01 … 99}. */
  private static final byte[] PAIRS = new byte[200];
  private static final long[] POW10 = new long[19];

  static {
    for (int i = 0; i < 100; i++) {
      PAIRS[2 * i] = (byte) ('0' + i / 10);
      PAIRS[2 * i + 1] = (byte) ('0' + i % 10);
    }
    POW10[0] = 1;
    for (int i = 1; i < POW10.length; i++) {
      POW10[i] = POW10[i - 1] * 10;
    }
  }

  private CanonDigits() {}

  /** The decimal digits of {@code v} (not negative), by comparisons rather than divisions. */
  static int digitCount(long v) {
    int n = 1;
    for (long p = 10; n < 19 && v >= p; p *= 10) {
      n++;
    }
    return n;
  }

  /** Writes {@code v} (not negative) in decimal, its last digit just before {@code end}. */
  static void whole(byte[] buf, long v, int end) {
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

  /** Writes {@code v} (below 10^width) as exactly {@code width} digits ending before {@code end}. */
  static void fixed(byte[] buf, long v, int end, int width) {
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

  /**
   * The width of the plain text of {@code unscaled} (positive, without trailing zeros in its
   * fraction) at {@code scale}: {@code 0.05}, {@code 12.5}, {@code 300}.
   */
  static int plainWidth(long unscaled, int scale) {
    return Math.max(digitCount(unscaled), scale + 1) + (scale > 0 ? 1 : 0);
  }

  /** Writes that plain text, {@link #plainWidth} bytes ending before {@code end}. */
  static void plain(byte[] buf, long unscaled, int scale, int end) {
    if (scale == 0) {
      whole(buf, unscaled, end);
    } else if (scale < POW10.length) {
      int point = end - scale - 1;
      whole(buf, unscaled / POW10[scale], point);
      buf[point] = '.';
      fixed(buf, unscaled % POW10[scale], end, scale);
    } else {
      int at = end - 1;
      for (int k = 0; k < scale; k++) {
        buf[at--] = (byte) ('0' + unscaled % 10);
        unscaled /= 10;
      }
      buf[at] = '.';
      whole(buf, unscaled, at);
    }
  }

  /**
   * Writes the date {@code epochDay} as {@code yyyy-MM-dd} at {@code at} (room for
   * {@link #DATE_WIDTH} bytes) and returns where it ends; -1, nothing written, for a year
   * outside 0 to 9999.
   */
  static int date(byte[] buf, int at, long epochDay) {
    // The proleptic Gregorian date counted in 400-year eras from 0000-03-01, so that February
    // and its leap day end each year.
    long z = epochDay + 719_468;
    long era = Math.floorDiv(z, 146_097);
    int dayOfEra = (int) (z - era * 146_097);
    int yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
    int dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
    int shifted = (5 * dayOfYear + 2) / 153;
    int day = dayOfYear - (153 * shifted + 2) / 5 + 1;
    int month = shifted < 10 ? shifted + 3 : shifted - 9;
    long year = era * 400 + yearOfEra + (month <= 2 ? 1 : 0);
    if (year < 0 || year > 9999) {
      return -1;
    }
    pair(buf, at, (int) year / 100);
    pair(buf, at + 2, (int) year % 100);
    buf[at + 4] = '-';
    pair(buf, at + 5, month);
    buf[at + 7] = '-';
    pair(buf, at + 8, day);
    return at + DATE_WIDTH;
  }

  /**
   * Writes {@code micros} of the day as {@code HH:mm:ss.ffffff} at {@code at} (room for
   * {@link #TIME_WIDTH} bytes) and returns where it ends.
   */
  static int time(byte[] buf, int at, long micros) {
    int seconds = (int) (micros / 1_000_000L);
    pair(buf, at, seconds / 3600);
    buf[at + 2] = ':';
    pair(buf, at + 3, seconds / 60 % 60);
    buf[at + 5] = ':';
    pair(buf, at + 6, seconds % 60);
    buf[at + 8] = '.';
    fixed(buf, micros % 1_000_000L, at + TIME_WIDTH, 6);
    return at + TIME_WIDTH;
  }

  private static void pair(byte[] buf, int at, int v) {
    buf[at] = PAIRS[2 * v];
    buf[at + 1] = PAIRS[2 * v + 1];
  }
}
