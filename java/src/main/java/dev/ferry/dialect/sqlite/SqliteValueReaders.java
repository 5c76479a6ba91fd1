package dev.ferry.dialect.sqlite;

import dev.ferry.sink.SinkValues;
import dev.ferry.sink.ValueReaders;
import dev.ferry.types.ColumnSpec;
import dev.ferry.types.Decimals;
import dev.ferry.types.TemporalText;

import java.math.BigDecimal;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Reads SQLite's own result sets: cells carry whatever storage class they were written with, so
 * decimals and dates are converted by their column's declared type.
 *
 * <p>SQLite holds decimals as REAL, INTEGER or TEXT; its driver's own {@code getBigDecimal}
 * expands a REAL's binary value, so doubles are read at the 15 digits they hold for certain
 * ({@link Decimals#fromDouble}). Dates and times are text (as Ferry writes them) or epoch
 * milliseconds (as the driver's {@code setTimestamp} writes them); both are read back without a
 * zone shift.
 */
final class SqliteValueReaders implements ValueReaders {
  @Override public SinkValues.Reader reader(ColumnSpec spec, int i) {
    switch (spec.jdbcType()) {
    case Types.DECIMAL:
    case Types.NUMERIC:
      return rs -> {
        Object o = rs.getObject(i);
        return o == null ? null
            : o instanceof Double || o instanceof Float ? Decimals.fromDouble(((Number) o).doubleValue())
            : o instanceof Number n ? new BigDecimal(n.toString())
            : new BigDecimal(o.toString().trim());
      };
    case Types.DATE:
    case Types.TIME:
    case Types.TIMESTAMP:
      int type = spec.jdbcType();
      return rs -> temporal(rs.getString(i), type);
    default:
      return SinkValues.typed(spec, i);
    }
  }

  /** A date, time or timestamp SQLite stored as text or as epoch milliseconds. */
  static @Nullable Object temporal(@Nullable String raw, int jdbcType) {
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
      return fast != null ? fast : LocalTime.parse(s, SinkValues.TIME);
    }
    LocalDateTime fast = TemporalText.parseTimestamp(s);
    LocalDateTime t = fast != null ? fast : LocalDateTime.parse(s, SinkValues.LENIENT_TIMESTAMP);
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
}
