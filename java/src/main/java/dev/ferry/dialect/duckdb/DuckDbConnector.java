package dev.ferry.dialect.duckdb;

import dev.ferry.config.DatabaseSpec;
import dev.ferry.dialect.Connector;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.duckdb.DuckDBConnection;

/**
 * One DuckDB database instance per pool: the first connection opens it and stays with the
 * connector; every connection handed out is a {@code duplicate()} of it.
 *
 * <p>DuckDB runs inside this process. Each {@code getConnection} of {@code jdbc:duckdb:} makes a
 * new, private in-memory database, and a file opened twice must be opened with identical
 * properties; duplicates share the one instance either way, and its file lock is released when
 * the last of them closes.
 */
final class DuckDbConnector implements Connector {
  private @Nullable DuckDBConnection root;

  @Override public synchronized Connection open(DatabaseSpec spec, Properties properties)
      throws SQLException {
    if (root == null || root.isClosed()) {
      root = DriverManager.getConnection(spec.url(), properties).unwrap(DuckDBConnection.class);
    }
    return root.duplicate();
  }

  @Override public synchronized void close() {
    if (root != null) {
      try {
        root.close();
      } catch (SQLException ignored) {
        // Closing anyway.
      }
      root = null;
    }
  }
}
