package dev.ferry.verify;

import dev.ferry.util.AsciiDigits;

/**
 * The canonical text of whole numbers, decimals, dates and times written as ASCII bytes
 * straight into a row buffer ({@link VectorCanon}'s), with the values RowCanon's text has.
 *
 * <p>The digits and calendar arithmetic are {@link AsciiDigits}' (shared with the COPY text a
 * restore writes): a backup hashes every cell of every row, and a LocalDate per date plus a
 * division per digit were a tenth of its time.
 */
final class CanonDigits {
  /** The longest text {@link #date} writes. */
  static final int DATE_WIDTH = 10;
  /** The text {@link #time} writes: {@code HH:mm:ss.ffffff}. */
  static final int TIME_WIDTH = 15;
  private static final long[] POW10 = new long[19];

  static {
    POW10[0] = 1;
    for (int i = 1; i < POW10.length; i++) {
      POW10[i] = POW10[i - 1] * 10;
    }
  }

  private CanonDigits() {}

  /**
   * The width of the plain text of {@code unscaled} (positive, without trailing zeros in its
   * fraction) at {@code scale}: {@code 0.05}, {@code 12.5}, {@code 300}.
   */
  static int plainWidth(long unscaled, int scale) {
    return Math.max(AsciiDigits.width(unscaled), scale + 1) + (scale > 0 ? 1 : 0);
  }

  /** Writes that plain text, {@link #plainWidth} bytes ending before {@code end}. */
  static void plain(byte[] buf, long unscaled, int scale, int end) {
    if (scale == 0) {
      AsciiDigits.whole(buf, unscaled, end);
    } else if (scale < POW10.length) {
      int point = end - scale - 1;
      AsciiDigits.whole(buf, unscaled / POW10[scale], point);
      buf[point] = '.';
      AsciiDigits.fixed(buf, unscaled % POW10[scale], end, scale);
    } else {
      int at = end - 1;
      for (int k = 0; k < scale; k++) {
        buf[at--] = (byte) ('0' + unscaled % 10);
        unscaled /= 10;
      }
      buf[at] = '.';
      AsciiDigits.whole(buf, unscaled, at);
    }
  }

  /**
   * Writes the date {@code epochDay} as {@code yyyy-MM-dd} at {@code at} (room for
   * {@link #DATE_WIDTH} bytes) and returns where it ends; -1, nothing written, for a year
   * outside 0 to 9999.
   */
  static int date(byte[] buf, int at, long epochDay) {
    long civil = AsciiDigits.civil(epochDay);
    long year = AsciiDigits.year(civil);
    if (year < 0 || year > 9999) {
      return -1;
    }
    AsciiDigits.pair(buf, at, (int) year / 100);
    AsciiDigits.pair(buf, at + 2, (int) year % 100);
    buf[at + 4] = '-';
    AsciiDigits.pair(buf, at + 5, AsciiDigits.month(civil));
    buf[at + 7] = '-';
    AsciiDigits.pair(buf, at + 8, AsciiDigits.day(civil));
    return at + DATE_WIDTH;
  }

  /**
   * Writes {@code micros} of the day as {@code HH:mm:ss.ffffff} at {@code at} (room for
   * {@link #TIME_WIDTH} bytes) and returns where it ends.
   */
  static int time(byte[] buf, int at, long micros) {
    int seconds = (int) (micros / 1_000_000L);
    AsciiDigits.pair(buf, at, seconds / 3600);
    buf[at + 2] = ':';
    AsciiDigits.pair(buf, at + 3, seconds / 60 % 60);
    buf[at + 5] = ':';
    AsciiDigits.pair(buf, at + 6, seconds % 60);
    buf[at + 8] = '.';
    AsciiDigits.fixed(buf, micros % 1_000_000L, at + TIME_WIDTH, 6);
    return at + TIME_WIDTH;
  }
}
