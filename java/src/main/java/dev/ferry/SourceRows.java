package dev.ferry;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * An open SELECT planned by Calcite, as a JDBC result set a {@link TableSink} consumes.
 *
 * <p>When Calcite pushed the whole SELECT into one database ({@link DirectPlan}), the result set
 * is that database's driver's own, streaming with the pool's fetch size and keeping timestamps'
 * microseconds; otherwise it is Calcite's.
 *
 * @param source the database read directly, or null when Calcite runs the query
 */
record SourceRows(Statement statement, ResultSet resultSet, @Nullable Connection connection,
    List<ColumnSpec> columns, @Nullable DatabaseSchema source) implements AutoCloseable {

  /** Whether rows come straight from one database's driver. */
  boolean direct() {
    return source != null;
  }

  /** Stops a running read from another thread (cancel), where the driver allows it. */
  void cancel() {
    try {
      statement.cancel();
    } catch (SQLException | RuntimeException ignored) {
      // Closing the result set afterwards stops the read anyway.
    }
  }

  @Override public void close() {
    Jdbc.closeQuietly(resultSet, statement, connection);
  }
}
