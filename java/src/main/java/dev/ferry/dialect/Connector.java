package dev.ferry.dialect;

import dev.ferry.config.DatabaseSpec;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * Makes the physical connections of one database's pool; owned by that pool, which closes it
 * after its last connection.
 */
public interface Connector extends AutoCloseable {
  /** Each connection straight from the driver. */
  Connector DRIVER_MANAGER = (spec, properties) -> DriverManager.getConnection(spec.url(), properties);

  /**
   * Each connection from the engine's own driver class when it takes the URL, else from
   * {@link #DRIVER_MANAGER}. Skips {@code DriverManager}'s first-use scan, which loads and
   * starts every driver on the classpath (about 90 ms of a first query).
   */
  static Connector driver(String className) {
    return new DriverConnector(className);
  }

  /**
   * A Calcite connection from Calcite's driver itself, for the same reason as {@link #driver}.
   */
  static Connection calcite(Properties info) throws SQLException {
    Connection c = new org.apache.calcite.jdbc.Driver().connect("jdbc:calcite:", info);
    if (c == null) {
      throw new SQLException("Calcite's driver refused jdbc:calcite:");
    }
    return c;
  }

  /** A new physical connection to {@code spec} with the driver {@code properties}. */
  Connection open(DatabaseSpec spec, Properties properties) throws SQLException;

  /** Releases what the connector holds of its own; its connections are closed already. */
  @Override default void close() {}
}
