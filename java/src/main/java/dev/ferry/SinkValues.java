package dev.ferry;

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
final class SinkValues {
  /** Timestamps as every engine parses them: {@code 2024-01-02 03:04:05.123456}. */
  static final DateTimeFormatter TIMESTAMP = new DateTimeFormatterBuilder()
      .appendPattern("uuuu-MM-dd HH:mm:ss")
      .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
      .toFormatter(Locale.ROOT);
  /** Times as every engine parses them: {@code 03:04:05.123456}. */
  static final DateTimeFormatter TIME = new DateTimeFormatterBuilder()
      .appendPattern("HH:mm:ss")
      .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
      .toFormatter(Locale.ROOT);
  private static final DateTimeFormatter LENIENT_TIMESTAMP = new DateTimeFormatterBuilder()
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
  interface Reader {
    @Nullable Object read(ResultSet rs) throws SQLException;
  }

  /** One reader per column; {@code sqlite} marks a SQLite driver's own result set. */
  static Reader[] readers(List<ColumnSpec> columns, boolean sqlite) {
    Reader[] out = new Reader[columns.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = reader(columns.get(i), i + 1, sqlite);
    }
    return out;
  }

  private static Reader reader(ColumnSpec spec, int i, boolean sqlite) {
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
      // SQLite holds decimals as REAL, INTEGER or TEXT; its driver's own getBigDecimal expands a
      // REAL's binary value, so doubles are read at the 15 digits they hold for certain.
      return sqlite ? rs -> {
        Object o = rs.getObject(i);
        return o == null ? null
            : o instanceof Double || o instanceof Float ? SqliteResults.asDecimal(((Number) o).doubleValue())
            : o instanceof Number n ? new java.math.BigDecimal(n.toString())
            : new java.math.BigDecimal(o.toString().trim());
      } : rs -> rs.getBigDecimal(i);
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
      return sqlite ? rs -> sqliteTemporal(rs.getString(i), Types.DATE) : new Temporal<>(i, LocalDate.class,
          rs -> {
            java.sql.Date d = rs.getDate(i);
            return d == null ? null : d.toLocalDate();
          });
    case Types.TIME:
      return sqlite ? rs -> sqliteTemporal(rs.getString(i), Types.TIME) : new Temporal<>(i, LocalTime.class,
          rs -> {
            java.sql.Time t = rs.getTime(i);
            return t == null ? null : t.toLocalTime();
          });
    case Types.TIMESTAMP:
      return sqlite ? rs -> sqliteTemporal(rs.getString(i), Types.TIMESTAMP) : new Temporal<>(i, LocalDateTime.class,
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

  /**
   * A value PostgreSQL printed as text, handed to PostgreSQL's COPY as it is: exact by
   * construction, and no parsing or formatting on the way.
   */
  record PgText(String text) {
    @Override public String toString() {
      return text;
    }
  }

  /**
   * Readers for PostgreSQL to PostgreSQL: every cell as the text pgjdbc received (text protocol),
   * text columns as strings (so their length is checked), everything else as {@link PgText}.
   */
  static Reader[] postgresText(List<ColumnSpec> columns) {
    Reader[] out = new Reader[columns.size()];
    for (int i = 0; i < out.length; i++) {
      int col = i + 1;
      switch (columns.get(i).jdbcType()) {
      case Types.CHAR:
      case Types.VARCHAR:
      case Types.LONGVARCHAR:
        out[i] = rs -> rs.getString(col);
        break;
      default:
        out[i] = rs -> {
          String s = rs.getString(col);
          return s == null ? null : new PgText(s);
        };
      }
    }
    return out;
  }

  /**
   * Reads a {@code java.time} value with {@code getObject(i, type)}, falling back for good to the
   * {@code java.sql} getter on a driver (or Calcite's result set) that does not support it.
   */
  private static final class Temporal<T> implements Reader {
    private final int i;
    private final Class<T> type;
    private final Reader fallback;
    private boolean useFallback;

    Temporal(int i, Class<T> type, Reader fallback) {
      this.i = i;
      this.type = type;
      this.fallback = fallback;
    }

    @Override public @Nullable Object read(ResultSet rs) throws SQLException {
      if (!useFallback) {
        try {
          Object v = rs.getObject(i, type);
          return v instanceof OffsetDateTime o ? o.withOffsetSameInstant(ZoneOffset.UTC) : v;
        } catch (SQLException | RuntimeException | AbstractMethodError e) {
          // Unsupported here: the java.sql getter reports a genuinely bad value itself.
          useFallback = true;
        }
      }
      return fallback.read(rs);
    }
  }

  /**
   * SQLite keeps dates and times as text (as Ferry writes them), or as epoch milliseconds (as
   * its driver's {@code setTimestamp} writes them); both are read back without a zone shift.
   */
  static @Nullable Object sqliteTemporal(@Nullable String raw, int jdbcType) {
    if (raw == null) {
      return null;
    }
    if (integral(raw)) {
      // getString, not getObject: the driver's getObject parses declared TIMESTAMP columns
      // itself, to milliseconds.
      LocalDateTime t = LocalDateTime.ofInstant(Instant.ofEpochMilli(Long.parseLong(raw)), ZoneOffset.UTC);
      return jdbcType == Types.DATE ? t.toLocalDate() : jdbcType == Types.TIME ? t.toLocalTime() : t;
    }
    String s = raw.strip();
    if (jdbcType == Types.TIME) {
      LocalTime fast = TemporalText.parseTime(s);
      return fast != null ? fast : LocalTime.parse(s, TIME);
    }
    LocalDateTime fast = TemporalText.parseTimestamp(s);
    LocalDateTime t = fast != null ? fast : LocalDateTime.parse(s, LENIENT_TIMESTAMP);
    return jdbcType == Types.DATE ? t.toLocalDate() : t;
  }

  /** Whether {@code s} is an optional minus and one or more ASCII digits. */
  private static boolean integral(String s) {
    int n = s.length();
    int i = n > 0 && s.charAt(0) == '-' ? 1 : 0;
    if (i == n) {
      return false;
    }
    for (; i < n; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  /** A timestamp as every engine parses it, with only the fraction digits it needs. */
  static String timestamp(LocalDateTime t) {
    String fast = TemporalText.formatTimestamp(t);
    return fast != null ? fast : TIMESTAMP.format(t);
  }

  /** A value as text for messages and text-only targets. */
  static String text(Object v) {
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
  static String shown(@Nullable Object v) {
    if (v == null) {
      return "NULL";
    }
    String s = text(v);
    return s.length() > 80 ? s.substring(0, 77) + "…" : s;
  }

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  /** Lower-case hex digits of {@code b}. */
  static String hex(byte[] b) {
    char[] out = new char[b.length * 2];
    for (int i = 0; i < b.length; i++) {
      out[2 * i] = HEX[(b[i] >> 4) & 0xf];
      out[2 * i + 1] = HEX[b[i] & 0xf];
    }
    return new String(out);
  }
}
