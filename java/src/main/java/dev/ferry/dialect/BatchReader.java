package dev.ferry.dialect;

import dev.ferry.arrow.BatchSource;
import dev.ferry.types.ColumnSpec;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.apache.arrow.vector.types.pojo.Schema;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * An engine's own bulk read of a SELECT straight into Arrow record batches, which a backup
 * prefers to a JDBC result set: no driver value is made per cell.
 *
 * <p>It either reads every column exactly as the JDBC path would have stored it, or declines
 * the whole SELECT before reading anything (the backup then reads it through JDBC as before).
 */
public interface BatchReader {
  /**
   * Starts reading {@code sql} on {@code c} (inside the caller's transaction, so on its
   * snapshot) into batches of {@code schema}, the chunk schema of {@code columns}; null when
   * some column's type or value is one this reader cannot fill exactly, in which case nothing
   * was read and {@code c} is as it was.
   */
  @Nullable BatchSource open(Connection c, String sql, List<ColumnSpec> columns, Schema schema)
      throws SQLException;
}
