package dev.ferry.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The hand-written timestamp and time text of the copy's hot path. */
class TemporalTextTest {
  @Test void parsesTheCommonShapes() {
    assertEquals(LocalDateTime.of(2024, 1, 2, 0, 0), TemporalText.parseTimestamp("2024-01-02"));
    assertEquals(LocalDateTime.of(2024, 1, 2, 3, 4), TemporalText.parseTimestamp("2024-01-02 03:04"));
    assertEquals(LocalDateTime.of(2024, 1, 2, 3, 4, 5), TemporalText.parseTimestamp("2024-01-02T03:04:05"));
    assertEquals(LocalDateTime.of(2024, 1, 2, 3, 4, 5, 123_456_000),
        TemporalText.parseTimestamp("2024-01-02 03:04:05.123456"));
    assertEquals(LocalDateTime.of(2024, 1, 2, 3, 4, 5, 100_000_000),
        TemporalText.parseTimestamp("2024-01-02 03:04:05.1"));
    assertEquals(LocalDateTime.of(2024, 1, 2, 3, 4, 5, 123_456_789),
        TemporalText.parseTimestamp("2024-01-02 03:04:05.123456789"));
  }

  @Test void leavesOtherShapesToThePatternFormatters() {
    for (String s : List.of("2024-1-02", "2024-01-02X03:04", "2024-01-02 03", "2024-01-02 03:04:05.",
        "2024-01-02 03:04:05.1234567890", "2024-13-01", "2024-02-30", "2024-01-02 24:00:00",
        "2024-01-02 03:04:05+02", "-2024-01-02", "20240102", "2024-01-02 03:04:5x")) {
      assertNull(TemporalText.parseTimestamp(s), s);
    }
    assertNull(TemporalText.parseTime("3:04"));
    assertNull(TemporalText.parseTime("03:04:05,1"));
    assertNull(TemporalText.parseTime("03:60"));
  }

  @Test void parsesTimes() {
    assertEquals(LocalTime.of(3, 4), TemporalText.parseTime("03:04"));
    assertEquals(LocalTime.of(23, 59, 59, 999_999_000), TemporalText.parseTime("23:59:59.999999"));
    assertEquals(LocalTime.MIDNIGHT, TemporalText.parseTime("00:00:00"));
  }

  @Test void formatsWithOnlyTheFractionDigitsNeeded() {
    assertEquals("2024-01-02 03:04:05", TemporalText.formatTimestamp(LocalDateTime.of(2024, 1, 2, 3, 4, 5)));
    assertEquals("2024-01-02 00:00:00", TemporalText.formatTimestamp(LocalDateTime.of(2024, 1, 2, 0, 0)));
    assertEquals("2024-01-02 03:04:05.1",
        TemporalText.formatTimestamp(LocalDateTime.of(2024, 1, 2, 3, 4, 5, 100_000_000)));
    assertEquals("2024-01-02 03:04:05.12345",
        TemporalText.formatTimestamp(LocalDateTime.of(2024, 1, 2, 3, 4, 5, 123_450_000)));
    assertEquals("2024-01-02 03:04:05.000001",
        TemporalText.formatTimestamp(LocalDateTime.of(2024, 1, 2, 3, 4, 5, 1_000)));
    assertEquals("2024-01-02 03:04:05.000000001",
        TemporalText.formatTimestamp(LocalDateTime.of(2024, 1, 2, 3, 4, 5, 1)));
    assertEquals("00:00:00.5", TemporalText.formatTime(LocalTime.of(0, 0, 0, 500_000_000)));
    assertEquals("23:59:59", TemporalText.formatTime(LocalTime.of(23, 59, 59)));
  }

  @Test void yearsOutsideFourDigitsAreLeftToTheCaller() {
    assertNull(TemporalText.formatTimestamp(LocalDateTime.of(10_000, 1, 1, 0, 0)));
    assertNull(TemporalText.formatTimestamp(LocalDateTime.of(-1, 1, 1, 0, 0)));
    assertEquals("0000-01-01 00:00:00", TemporalText.formatTimestamp(LocalDateTime.of(0, 1, 1, 0, 0)));
  }

  @Test void roundTripsAgreeWithJavaTime() {
    DateTimeFormatter iso = new DateTimeFormatterBuilder().appendPattern("uuuu-MM-dd HH:mm:ss")
        .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
        .toFormatter(Locale.ROOT);
    for (LocalDateTime t : List.of(
        LocalDateTime.of(1000, 1, 1, 0, 0),
        LocalDateTime.of(1000, 1, 1, 0, 0, 0, 1_000),
        LocalDateTime.of(9999, 12, 31, 23, 59, 59, 999_999_000),
        LocalDateTime.of(1582, 10, 10, 12, 0),
        LocalDateTime.of(2024, 2, 29, 13, 14, 15, 120_000_000),
        LocalDateTime.of(1970, 1, 1, 0, 0, 0, 100))) {
      String text = TemporalText.formatTimestamp(t);
      assertEquals(t, TemporalText.parseTimestamp(text), text);
      assertEquals(t, LocalDateTime.parse(text, iso), "java.time reads the same text: " + text);
      assertEquals(t.toLocalTime(), TemporalText.parseTime(TemporalText.formatTime(t.toLocalTime())));
    }
  }
}
