package dev.ferry.dialect.postgres;

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
  /** Days from 0000-03-01 to 1970-01-01: the civil-date arithmetic counts from that March. */
  private static final long EPOCH_SHIFT = 719_468;
  private static final int DAYS_PER_ERA = 146_097;

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
    // Howard Hinnant's civil-from-days: 400-year eras counted from 0000-03-01, so the leap
    // day ends each year of the count.
    long z = days + EPOCH_SHIFT;
    long era = Math.floorDiv(z, DAYS_PER_ERA);
    long dayOfEra = z - era * DAYS_PER_ERA;
    long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
    long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
    long shiftedMonth = (5 * dayOfYear + 2) / 153;
    long day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1;
    long month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
    long year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
    boolean bc = year <= 0;
    long shown = bc ? 1 - year : year;
    out.padded(shown, shown > 9999 ? Long.toString(shown).length() : 4);
    out.buf[out.len++] = '-';
    out.padded(month, 2);
    out.buf[out.len++] = '-';
    out.padded(day, 2);
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
