package dev.ferry.types;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Dates, times and timestamps to and from text by hand, for the copy's hot path.
 *
 * <p>{@code java.time}'s pattern formatters cost microseconds per value (a SQLite source, whose
 * timestamps are text, spent most of its copy in them). These read and write the common shapes
 * directly: {@code uuuu-MM-dd}, {@code HH:mm[:ss[.f…]]} and the two joined by a space or a
 * {@code T}, for years 0 to 9999. Anything else returns null (parse) or is left to the pattern
 * formatters by the caller, so the results are identical to theirs.
 */
public final class TemporalText {
  private TemporalText() {}

  /**
   * {@code uuuu-MM-dd[( |T)HH:mm[:ss[.f{1,9}]]]} as a timestamp (midnight when only a date), or
   * null when {@code s} has another shape or an out-of-range field (month 13, hour 24), which
   * the caller leaves to the pattern formatters and their resolving rules and messages.
   */
  public static @Nullable LocalDateTime parseTimestamp(String s) {
    try {
      return timestamp(s);
    } catch (java.time.DateTimeException e) {
      return null;
    }
  }

  private static @Nullable LocalDateTime timestamp(String s) {
    int n = s.length();
    if (n < 10 || !date(s)) {
      return null;
    }
    int year = digits(s, 0, 4);
    int month = digits(s, 5, 2);
    int day = digits(s, 8, 2);
    if (n == 10) {
      return LocalDateTime.of(year, month, day, 0, 0);
    }
    char sep = s.charAt(10);
    if (sep != ' ' && sep != 'T') {
      return null;
    }
    LocalTime t = time(s, 11);
    return t == null ? null : LocalDateTime.of(LocalDate.of(year, month, day), t);
  }

  /** {@code HH:mm[:ss[.f{1,9}]]}, or null as for {@link #parseTimestamp}. */
  public static @Nullable LocalTime parseTime(String s) {
    try {
      return time(s, 0);
    } catch (java.time.DateTimeException e) {
      return null;
    }
  }

  private static @Nullable LocalTime time(String s, int from) {
    int n = s.length() - from;
    if (n < 5 || !digit(s, from) || !digit(s, from + 1) || s.charAt(from + 2) != ':'
        || !digit(s, from + 3) || !digit(s, from + 4)) {
      return null;
    }
    int hour = digits(s, from, 2);
    int minute = digits(s, from + 3, 2);
    if (n == 5) {
      return LocalTime.of(hour, minute);
    }
    if (n < 8 || s.charAt(from + 5) != ':' || !digit(s, from + 6) || !digit(s, from + 7)) {
      return null;
    }
    int second = digits(s, from + 6, 2);
    if (n == 8) {
      return LocalTime.of(hour, minute, second);
    }
    int fracDigits = n - 9;
    if (s.charAt(from + 8) != '.' || fracDigits < 1 || fracDigits > 9) {
      return null;
    }
    int nanos = 0;
    for (int i = 0; i < 9; i++) {
      int p = from + 9 + i;
      if (i < fracDigits) {
        if (!digit(s, p)) {
          return null;
        }
        nanos = nanos * 10 + (s.charAt(p) - '0');
      } else {
        nanos *= 10;
      }
    }
    return LocalTime.of(hour, minute, second, nanos);
  }

  /**
   * {@code uuuu-MM-dd HH:mm:ss[.f…]} with only the fraction digits needed, as
   * {@link SinkValues#TIMESTAMP} prints it; null for a year outside 0–9999.
   */
  public static @Nullable String formatTimestamp(LocalDateTime t) {
    int year = t.getYear();
    if (year < 0 || year > 9999) {
      return null;
    }
    char[] out = new char[29];
    int len = pad(out, 0, year, 4);
    out[len++] = '-';
    len = pad(out, len, t.getMonthValue(), 2);
    out[len++] = '-';
    len = pad(out, len, t.getDayOfMonth(), 2);
    out[len++] = ' ';
    len = time(out, len, t.getHour(), t.getMinute(), t.getSecond(), t.getNano());
    return new String(out, 0, len);
  }

  /** {@code HH:mm:ss[.f…]} with only the fraction digits needed, as {@link SinkValues#TIME}. */
  public static String formatTime(LocalTime t) {
    char[] out = new char[18];
    int len = time(out, 0, t.getHour(), t.getMinute(), t.getSecond(), t.getNano());
    return new String(out, 0, len);
  }

  private static int time(char[] out, int at, int hour, int minute, int second, int nanos) {
    int len = pad(out, at, hour, 2);
    out[len++] = ':';
    len = pad(out, len, minute, 2);
    out[len++] = ':';
    len = pad(out, len, second, 2);
    if (nanos != 0) {
      out[len++] = '.';
      int digits = 9;
      while (nanos % 10 == 0) {
        nanos /= 10;
        digits--;
      }
      len = pad(out, len, nanos, digits);
    }
    return len;
  }

  private static int pad(char[] out, int at, int value, int width) {
    for (int i = width - 1; i >= 0; i--) {
      out[at + i] = (char) ('0' + value % 10);
      value /= 10;
    }
    return at + width;
  }

  private static boolean date(String s) {
    return digit(s, 0) && digit(s, 1) && digit(s, 2) && digit(s, 3) && s.charAt(4) == '-'
        && digit(s, 5) && digit(s, 6) && s.charAt(7) == '-' && digit(s, 8) && digit(s, 9);
  }

  private static boolean digit(String s, int i) {
    char c = s.charAt(i);
    return c >= '0' && c <= '9';
  }

  private static int digits(String s, int from, int count) {
    int v = 0;
    for (int i = from; i < from + count; i++) {
      v = v * 10 + (s.charAt(i) - '0');
    }
    return v;
  }
}
