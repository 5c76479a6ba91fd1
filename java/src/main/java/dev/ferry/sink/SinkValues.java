package dev.ferry.sink;

import dev.ferry.types.ColumnSpec;
import dev.ferry.types.TemporalText;

import dev.ferry.util.JavaTimeReader;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.List;
import java.util.Locale;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Reads source cells into a few exact Java types, and spells them for targets.
 *
 * <p>Every sink sees the same normalized values: {@code Long}, {@code BigDecimal},
 * {@code Boolean}, {@code Double}, {@code LocalDate}, {@code LocalTime}, {@code LocalDateTime}
 * (no zone: the JVM runs in UTC and wall-clock values move unchanged between engines),
 * {@code OffsetDateTime} (instants, normalized to UTC), {@code String} and {@code byte[]}.
 * Dates and timestamps are read as {@code java.time} values where the driver supports it,
 * because {@code java.sql.Date} switches to the Julian calendar before 1582 and a driver that
 * builds it from a proleptic value moves year-1000 dates by days.
 */
public final class SinkValues {
  /** Timestamps as every engine parses them: {@code 2024-01-02 03:04:05.123456}. */
  public static final DateTimeFormatter TIMESTAMP = new DateTimeFormatterBuilder()
      .appendPattern("uuuu-MM-dd HH:mm:ss")
      .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
      .toFormatter(Locale.ROOT);
  /** Times as every engine parses them: {@code 03:04:05.123456}. */
  public static final DateTimeFormatter TIME = new DateTimeFormatterBuilder()
      .appendPattern("HH:mm:ss")
      .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
      .toFormatter(Locale.ROOT);
  /** Timestamps as engines without a timestamp type store them, with {@code T} or a space. */
  public static final DateTimeFormatter LENIENT_TIMESTAMP = new DateTimeFormatterBuilder()
      .appendPattern("uuuu-MM-dd")
      .optionalStart().appendLiteral(' ').optionalEnd()
      .optionalStart().appendLiteral('T').optionalEnd()
      .optionalStart().appendPattern("HH:mm")
      .optionalStart().appendPattern(":ss").optionalEnd()
      .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
      .optionalEnd()
      .parseDefaulting(ChronoField.HOUR_OF_DAY, 0)
      .toFormatter(Locale.ROOT);

  private SinkValues() {}

  /** Reads one column of the current row; null for SQL NULL. */
  public interface Reader {
    @Nullable Object read(ResultSet rs) throws SQLException;
  }

  /** One reader per column, made by {@code how} (the source driver's own way of reading). */
  public static Reader[] readers(List<ColumnSpec> columns, ValueReaders how) {
    Reader[] out = new Reader[columns.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = how.reader(columns.get(i), i + 1);
    }
    return out;
  }

  /**
   * The reader for column {@code i} of a driver (or Calcite) that types its cells as JDBC says:
   * what {@link ValueReaders#TYPED} gives.
   */
  public static Reader typed(ColumnSpec spec, int i) {
    String typeName = spec.typeName().toUpperCase(Locale.ROOT);
    switch (spec.jdbcType()) {
    case Types.BIGINT:
    case Types.INTEGER:
    case Types.SMALLINT:
    case Types.TINYINT:
      return rs -> {
        long v = rs.getLong(i);
        return rs.wasNull() ? null : v;
      };
    case Types.DECIMAL:
    case Types.NUMERIC:
      return rs -> rs.getBigDecimal(i);
    case Types.BOOLEAN:
    case Types.BIT:
      return rs -> {
        boolean v = rs.getBoolean(i);
        return rs.wasNull() ? null : v;
      };
    case Types.REAL:
    case Types.FLOAT:
    case Types.DOUBLE:
      return rs -> {
        double v = rs.getDouble(i);
        return rs.wasNull() ? null : v;
      };
    case Types.DATE:
      return new Temporal<>(i, LocalDate.class,
          rs -> {
            java.sql.Date d = rs.getDate(i);
            return d == null ? null : d.toLocalDate();
          });
    case Types.TIME:
      return new Temporal<>(i, LocalTime.class,
          rs -> {
            java.sql.Time t = rs.getTime(i);
            return t == null ? null : t.toLocalTime();
          });
    case Types.TIMESTAMP:
      return new Temporal<>(i, LocalDateTime.class,
          rs -> {
            Timestamp t = rs.getTimestamp(i);
            return t == null ? null : t.toLocalDateTime();
          });
    case Types.TIMESTAMP_WITH_TIMEZONE:
      return new Temporal<>(i, OffsetDateTime.class, rs -> {
        Timestamp t = rs.getTimestamp(i);
        return t == null ? null : t.toInstant().atOffset(ZoneOffset.UTC);
      });
    case Types.BINARY:
    case Types.VARBINARY:
    case Types.LONGVARBINARY:
    case Types.BLOB:
      return rs -> rs.getBytes(i);
    case Types.CHAR:
    case Types.VARCHAR:
    case Types.LONGVARCHAR:
    case Types.NCHAR:
    case Types.NVARCHAR:
    case Types.CLOB:
      return rs -> rs.getString(i);
    default:
      if (typeName.contains("TIMESTAMP") && typeName.contains("ZONE")) {
        return new Temporal<>(i, OffsetDateTime.class, rs -> {
          Timestamp t = rs.getTimestamp(i);
          return t == null ? null : t.toInstant().atOffset(ZoneOffset.UTC);
        });
      }
      return rs -> {
        Object o = rs.getObject(i);
        return o == null ? null : o instanceof byte[] || o instanceof String ? o : String.valueOf(o);
      };
    }
  }

  /** A {@link JavaTimeReader} as a column reader. */
  private static final class Temporal<T> implements Reader {
    private final JavaTimeReader<T> reader;

    Temporal(int i, Class<T> type, JavaTimeReader.Fallback fallback) {
      this.reader = new JavaTimeReader<>(i, type, fallback);
    }

    @Override public @Nullable Object read(ResultSet rs) throws SQLException {
      return reader.read(rs);
    }
  }

  /** A timestamp as every engine parses it, with only the fraction digits it needs. */
  public static String timestamp(LocalDateTime t) {
    String fast = TemporalText.formatTimestamp(t);
    return fast != null ? fast : TIMESTAMP.format(t);
  }

  /** A value as text for messages and text-only targets. */
  public static String text(Object v) {
    if (v instanceof BigDecimal d) {
      return d.toPlainString();
    }
    if (v instanceof LocalDateTime t) {
      return timestamp(t);
    }
    if (v instanceof LocalTime t) {
      return TemporalText.formatTime(t);
    }
    if (v instanceof OffsetDateTime o) {
      return timestamp(o.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime()) + "+00";
    }
    if (v instanceof byte[] b) {
      return "0x" + hex(b);
    }
    return String.valueOf(v);
  }

  /** A value shortened for an error message: at most 80 characters. */
  public static String shown(@Nullable Object v) {
    if (v == null) {
      return "NULL";
    }
    String s = text(v);
    return s.length() > 80 ? s.substring(0, 77) + "…" : s;
  }

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  /** Lower-case hex digits of {@code b}. */
  public static String hex(byte[] b) {
    char[] out = new char[b.length * 2];
    for (int i = 0; i < b.length; i++) {
      out[2 * i] = HEX[(b[i] >> 4) & 0xf];
      out[2 * i + 1] = HEX[b[i] & 0xf];
    }
    return new String(out);
  }
}
