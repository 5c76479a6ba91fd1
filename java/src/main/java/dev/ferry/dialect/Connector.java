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

  /** A new physical connection to {@code spec} with the driver {@code properties}. */
  Connection open(DatabaseSpec spec, Properties properties) throws SQLException;

  /** Releases what the connector holds of its own; its connections are closed already. */
  @Override default void close() {}
}
