package dev.ferry.arrow;

import dev.ferry.types.ColumnSpec;
import dev.ferry.types.TemporalText;

import java.sql.Time;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import org.apache.arrow.vector.FieldVector;

/**
 * The cells of date, time and timestamp vectors: days since 1970, microseconds of the day, and
 * microseconds since 1970 read as UTC wall-clock time (proleptic Gregorian, as
 * {@link ArrowColumn} computed them, so dates before 1582 and BC stay exact through
 * {@code java.time}).
 */
final class TemporalCells {
  private TemporalCells() {}

  /** DATE: days since 1970-01-01. */
  static final class Day extends ArrowCell {
    Day(ColumnSpec spec, FieldVector vector) {
      super(spec, vector);
    }

    @Override Class<?> objectClass() {
      return java.sql.Date.class;
    }

    @Override Object object(int row) {
      return java.sql.Date.valueOf(localDate(row));
    }

    @Override String text(int row) {
      return localDate(row).toString();
    }

    @Override LocalDate localDate(int row) {
      return LocalDate.ofEpochDay(vector.getDataBuffer().getInt((long) row * 4));
    }

    @Override LocalDateTime localDateTime(int row) {
      return localDate(row).atStartOfDay();
    }
  }

  /** TIME: microseconds of the day. */
  static final class TimeOfDay extends ArrowCell {
    TimeOfDay(ColumnSpec spec, FieldVector vector) {
      super(spec, vector);
    }

    private long micros(int row) {
      return vector.getDataBuffer().getLong((long) row * 8);
    }

    @Override Class<?> objectClass() {
      return Time.class;
    }

    @Override Object object(int row) {
      return sqlTime(row);
    }

    @Override String text(int row) {
      return TemporalText.formatTime(localTime(row));
    }

    @Override LocalTime localTime(int row) {
      return LocalTime.ofNanoOfDay(micros(row) * 1000L);
    }

    @Override Time sqlTime(int row) {
      return new Time(micros(row) / 1000L);
    }
  }

  /** TIMESTAMP without zone: microseconds since 1970-01-01 00:00 of the same wall clock. */
  static final class Stamp extends ArrowCell {
    Stamp(ColumnSpec spec, FieldVector vector) {
      super(spec, vector);
    }

    @Override Class<?> objectClass() {
      return java.sql.Timestamp.class;
    }

    @Override Object object(int row) {
      return java.sql.Timestamp.valueOf(localDateTime(row));
    }

    @Override String text(int row) {
      LocalDateTime t = localDateTime(row);
      String fast = TemporalText.formatTimestamp(t);
      return fast != null ? fast : t.toString().replace('T', ' ');
    }

    @Override LocalDateTime localDateTime(int row) {
      long micros = vector.getDataBuffer().getLong((long) row * 8);
      return LocalDateTime.ofEpochSecond(Math.floorDiv(micros, 1_000_000L),
          (int) Math.floorMod(micros, 1_000_000L) * 1000, ZoneOffset.UTC);
    }

    @Override LocalDate localDate(int row) {
      return localDateTime(row).toLocalDate();
    }

    @Override LocalTime localTime(int row) {
      return localDateTime(row).toLocalTime();
    }
  }
}
