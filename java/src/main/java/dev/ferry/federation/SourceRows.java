package dev.ferry.federation;

import dev.ferry.dialect.Dialect;
import dev.ferry.sink.SinkValues;
import dev.ferry.sink.ValueReaders;
import dev.ferry.types.ColumnSpec;
import dev.ferry.util.Jdbc;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * An open SELECT planned by Calcite, as a JDBC result set a sink consumes.
 *
 * <p>When Calcite pushed the whole SELECT into one database ({@link DirectPlan}), the result set
 * is that database's driver's own, streaming with the pool's fetch size and keeping timestamps'
 * microseconds; otherwise it is Calcite's.
 *
 * @param source the database read directly, or null when Calcite runs the query
 */
public record SourceRows(Statement statement, ResultSet resultSet, @Nullable Connection connection,
    List<ColumnSpec> columns, @Nullable DatabaseSchema source) implements AutoCloseable {

  /** The engine whose own driver's result set this is, or null for Calcite's. */
  public @Nullable Dialect sourceDialect() {
    return source == null ? null : source.engine();
  }

  /** Readers of {@link #resultSet} into the values sinks take, as its driver needs. */
  public SinkValues.Reader[] readers() {
    return SinkValues.readers(columns, source == null ? ValueReaders.TYPED
        : source.engine().valueReaders());
  }

  /** Stops a running read from another thread (cancel), where the driver allows it. */
  public void cancel() {
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
