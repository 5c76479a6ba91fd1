package dev.ferry.arrow;

/**
 * A date's {@code yyyy-MM-dd} text read as its epoch day, without a LocalDate.
 *
 * <p>Only a real date of years 0 to 9999 in exactly that form is read; anything else (MariaDB's
 * zero dates such as {@code 0000-00-00} or {@code 2024-02-00}, other lengths, signs) is
 * answered {@link #NOT_PLAIN}, and the caller reads the cell the typed way, which decides
 * what such a value is.
 */
final class IsoDateText {
  /** What {@link #epochDay} answers for text it does not read. */
  static final long NOT_PLAIN = Long.MIN_VALUE;
  /** Days before each month in a common year (January first). */
  private static final int[] DAYS_BEFORE = {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334};
  private static final int[] MONTH_DAYS = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  /** Days from 0000-01-01 to 1970-01-01 in the proleptic Gregorian calendar. */
  private static final long DAYS_0000_TO_1970 = 719_528;

  private IsoDateText() {}

  /** The days from 1970-01-01 to the date {@code text} spells; {@link #NOT_PLAIN} otherwise. */
  static long epochDay(String text) {
    if (text.length() != 10 || text.charAt(4) != '-' || text.charAt(7) != '-') {
      return NOT_PLAIN;
    }
    int y = digits(text, 0, 4);
    int m = digits(text, 5, 2);
    int d = digits(text, 8, 2);
    if (y < 0 || m < 1 || m > 12 || d < 1) {
      return NOT_PLAIN;
    }
    boolean leap = (y & 3) == 0 && (y % 100 != 0 || y % 400 == 0);
    if (d > MONTH_DAYS[m - 1] + (m == 2 && leap ? 1 : 0)) {
      return NOT_PLAIN;
    }
    // Whole years since year 0 count 366 days for each leap year among them (year 0 is one).
    long days = 365L * y + (y + 3) / 4 - (y + 99) / 100 + (y + 399) / 400;
    days += DAYS_BEFORE[m - 1] + (m > 2 && leap ? 1 : 0) + d - 1;
    return days - DAYS_0000_TO_1970;
  }

  /** The number the {@code n} characters at {@code at} spell, or -1 if one is not a digit. */
  private static int digits(String text, int at, int n) {
    int v = 0;
    for (int k = at; k < at + n; k++) {
      int c = text.charAt(k) - '0';
      if (c < 0 || c > 9) {
        return -1;
      }
      v = v * 10 + c;
    }
    return v;
  }
}
