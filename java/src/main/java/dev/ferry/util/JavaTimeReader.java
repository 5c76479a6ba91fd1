package dev.ferry.util;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Reads one column as a {@code java.time} value with {@code getObject(i, type)}, falling back for
 * good to a {@code java.sql} getter on a driver (or Calcite's result set) that does not support
 * it. The {@code java.time} read is the exact one: {@code java.sql.Date} and
 * {@code Timestamp} use the Julian calendar before 1582 and lose the era, so 44 BC would come
 * back as AD 44 and 1582-10-10 as 1582-10-20.
 *
 * @param <T> the {@code java.time} type read
 */
public final class JavaTimeReader<T> {
  /** A read of the column the {@code java.sql} way; null for SQL NULL. */
  public interface Fallback {
    @Nullable Object read(ResultSet rs) throws SQLException;
  }

  private final int column;
  private final Class<T> type;
  private final Fallback fallback;
  private boolean useFallback;

  /** Reads column {@code column} (1-based) as {@code type}, else with {@code fallback}. */
  public JavaTimeReader(int column, Class<T> type, Fallback fallback) {
    this.column = column;
    this.type = type;
    this.fallback = fallback;
  }

  /** The current row's value (offsets moved to UTC), or null for SQL NULL. */
  public @Nullable Object read(ResultSet rs) throws SQLException {
    if (!useFallback) {
      try {
        Object v = rs.getObject(column, type);
        return v instanceof OffsetDateTime o ? o.withOffsetSameInstant(ZoneOffset.UTC) : v;
      } catch (SQLException | RuntimeException | AbstractMethodError e) {
        // Unsupported here: the java.sql getter reports a genuinely bad value itself.
        useFallback = true;
      }
    }
    return fallback.read(rs);
  }
}
