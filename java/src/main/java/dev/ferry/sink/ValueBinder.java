package dev.ferry.sink;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Binds the values sinks carry ({@link SinkValues}) to statement parameters, the way one
 * engine's driver stores them exactly.
 *
 * <p>{@link #JDBC} binds each value with its own JDBC setter ({@code java.time} values through
 * {@code setObject}); a dialect whose engine keeps some values differently (SQLite's text dates)
 * overrides {@link #bind}.
 */
public interface ValueBinder {
  /** Each value through its own JDBC setter. */
  ValueBinder JDBC = new ValueBinder() { };

  /**
   * Binds {@code v} to parameter {@code p}; {@code nullType} is the JDBC type a NULL is bound
   * as.
   */
  default void bind(PreparedStatement ps, int p, @Nullable Object v, int nullType)
      throws SQLException {
    if (v == null) {
      ps.setNull(p, nullType);
    } else if (v instanceof String s) {
      ps.setString(p, s);
    } else if (v instanceof Long l) {
      ps.setLong(p, l);
    } else if (v instanceof BigDecimal d) {
      ps.setBigDecimal(p, d);
    } else if (v instanceof Boolean b) {
      ps.setBoolean(p, b);
    } else if (v instanceof Double d) {
      ps.setDouble(p, d);
    } else if (v instanceof byte[] b) {
      ps.setBytes(p, b);
    } else if (v instanceof LocalDateTime || v instanceof LocalTime || v instanceof LocalDate
        || v instanceof OffsetDateTime) {
      ps.setObject(p, v);
    } else if (v instanceof SourceText t) {
      ps.setString(p, t.text());
    } else {
      ps.setObject(p, v);
    }
  }
}
