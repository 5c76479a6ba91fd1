package dev.ferry.dialect.postgres;

import dev.ferry.util.AsciiDigits;

/**
 * Dates, times and timestamps printed from their Arrow numbers (days or microseconds since
 * 1970-01-01, microseconds of the day) as PostgreSQL reads them, by arithmetic alone.
 *
 * <p>The calendar is the proleptic Gregorian one both Arrow and PostgreSQL count in. Years
 * before 1 go as PostgreSQL writes them, {@code 0044-03-15 BC} (ISO year 0 is 1 BC), since it
 * reads no minus sign on a year; years past 9999 take as many digits as they need.
 */
final class CopyTextDates {
  private static final long MICROS_PER_DAY = 86_400_000_000L;

  private CopyTextDates() {}

  /** {@code yyyy-MM-dd[ BC]} of {@code days} since 1970-01-01. */
  static void date(CopyTextBuffer out, long days) {
    out.ensure(32);
    boolean bc = ymd(out, days);
    if (bc) {
      bc(out);
    }
  }

  /** {@code HH:mm:ss[.ffffff]} of {@code micros} of the day (up to 24:00:00, which time holds). */
  static void time(CopyTextBuffer out, long micros) {
    out.ensure(16);
    hms(out, micros);
  }

  /**
   * {@code yyyy-MM-dd HH:mm:ss[.ffffff][+00][ BC]} of {@code micros} since 1970-01-01 00:00;
   * {@code utc} adds the offset, so a {@code timestamptz} column reads the instant whatever the
   * session's time zone.
   */
  static void timestamp(CopyTextBuffer out, long micros, boolean utc) {
    out.ensure(48);
    long days = Math.floorDiv(micros, MICROS_PER_DAY);
    boolean bc = ymd(out, days);
    out.buf[out.len++] = ' ';
    hms(out, micros - days * MICROS_PER_DAY);
    if (utc) {
      out.buf[out.len++] = '+';
      out.buf[out.len++] = '0';
      out.buf[out.len++] = '0';
    }
    if (bc) {
      bc(out);
    }
  }

  private static void bc(CopyTextBuffer out) {
    out.buf[out.len++] = ' ';
    out.buf[out.len++] = 'B';
    out.buf[out.len++] = 'C';
  }

  /** Writes the date of {@code days}; true when its year is before 1 (printed as BC). */
  private static boolean ymd(CopyTextBuffer out, long days) {
    long civil = AsciiDigits.civil(days);
    long year = AsciiDigits.year(civil);
    boolean bc = year <= 0;
    long shown = bc ? 1 - year : year;
    out.padded(shown, shown > 9999 ? AsciiDigits.width(shown) : 4);
    out.buf[out.len++] = '-';
    out.padded(AsciiDigits.month(civil), 2);
    out.buf[out.len++] = '-';
    out.padded(AsciiDigits.day(civil), 2);
    return bc;
  }

  private static void hms(CopyTextBuffer out, long micros) {
    long seconds = micros / 1_000_000;
    int fraction = (int) (micros - seconds * 1_000_000);
    out.padded(seconds / 3600, 2);
    out.buf[out.len++] = ':';
    out.padded(seconds / 60 % 60, 2);
    out.buf[out.len++] = ':';
    out.padded(seconds % 60, 2);
    if (fraction != 0) {
      out.buf[out.len++] = '.';
      out.padded(fraction, 6);
    }
  }
}
