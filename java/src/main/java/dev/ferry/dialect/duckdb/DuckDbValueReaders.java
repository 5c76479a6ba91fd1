package dev.ferry.dialect.duckdb;

import dev.ferry.sink.SinkValues;
import dev.ferry.sink.ValueReaders;
import dev.ferry.types.ColumnSpec;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

/**
 * Reads DuckDB's own result sets: its driver's {@code getObject(i, LocalDate.class)} goes through
 * {@code java.sql.Date} and moves dates before 1582, while plain {@code getObject} gives the
 * exact {@code LocalDate}; 128-bit and unsigned integers arrive as {@code BigInteger}.
 */
final class DuckDbValueReaders implements ValueReaders {
  @Override public SinkValues.Reader reader(ColumnSpec spec, int i) {
    switch (spec.jdbcType()) {
    case Types.DATE:
      return rs -> {
        Object o = rs.getObject(i);
        return o == null || o instanceof LocalDate ? o : LocalDate.parse(o.toString());
      };
    case Types.TIME:
      return rs -> {
        Object o = rs.getObject(i);
        return o == null || o instanceof LocalTime ? o : LocalTime.parse(o.toString());
      };
    case Types.TIMESTAMP:
      return rs -> rs.getObject(i, LocalDateTime.class);
    case Types.DECIMAL:
    case Types.NUMERIC:
      return rs -> {
        Object o = rs.getObject(i);
        return o == null ? null : o instanceof BigDecimal d ? d
            : o instanceof BigInteger b ? new BigDecimal(b) : new BigDecimal(o.toString());
      };
    default:
      return SinkValues.typed(spec, i);
    }
  }
}
