package dev.ferry.dialect;

import dev.ferry.config.DatabaseSpec;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.util.Properties;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * {@link Connector#driver}: connections from one named driver class, instantiated on first use,
 * falling back to {@code DriverManager} when that class is missing or does not take the URL
 * (another driver from the config's {@code drivers:} folder may).
 */
final class DriverConnector implements Connector {
  private final String className;
  private volatile @Nullable Driver driver;
  private volatile boolean missing;

  DriverConnector(String className) {
    this.className = className;
  }

  @Override public Connection open(DatabaseSpec spec, Properties properties) throws SQLException {
    Driver d = driver();
    if (d != null && d.acceptsURL(spec.url())) {
      Connection c = d.connect(spec.url(), properties);
      if (c != null) {
        return c;
      }
    }
    return DRIVER_MANAGER.open(spec, properties);
  }

  private @Nullable Driver driver() {
    Driver d = driver;
    if (d != null || missing) {
      return d;
    }
    try {
      d = (Driver) Class.forName(className).getDeclaredConstructor().newInstance();
      driver = d;
      return d;
    } catch (ReflectiveOperationException | LinkageError | ClassCastException e) {
      missing = true;
      return null;
    }
  }
}
