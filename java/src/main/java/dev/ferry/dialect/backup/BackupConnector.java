package dev.ferry.dialect.backup;

import dev.ferry.archive.Archive;
import dev.ferry.archive.Manifest;
import dev.ferry.config.DatabaseSpec;
import dev.ferry.dialect.Connector;
import dev.ferry.types.FerryTypeSystem;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.calcite.jdbc.CalciteConnection;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Connects to a backup: a Calcite connection of its own whose one schema (named after the
 * source's namespace) holds the backup's tables ({@link BackupTable}), so Ferry reads a backup
 * through JDBC like any database. Statements that are plain scans of one table are answered
 * from the chunk files directly ({@link BackupScan}); the rest is planned by that connection.
 */
final class BackupConnector implements Connector {
  private final BackupDialect dialect;

  BackupConnector(BackupDialect dialect) {
    this.dialect = dialect;
  }

  /** The namespace the backup's tables are in: the source's, or {@code main} where it had none. */
  static String namespace(Archive archive) {
    String ns = archive.manifest().source().namespace();
    return ns == null ? "main" : ns;
  }

  @Override public Connection open(DatabaseSpec spec, Properties properties) throws SQLException {
    Archive archive = dialect.archive();
    Properties info = new Properties();
    info.setProperty("fun", "standard");
    // The federation's type system: DECIMAL up to 38 digits (Calcite's own stops at 19, and a
    // wider backup column failed any query of it).
    info.setProperty("typeSystem", FerryTypeSystem.class.getName() + "#INSTANCE");
    Connection c = Connector.calcite(info);
    try {
      CalciteConnection cc = c.unwrap(CalciteConnection.class);
      String ns = namespace(archive);
      Map<String, Table> tables = new HashMap<>();
      for (Manifest.TableData t : archive.manifest().tables()) {
        tables.put(t.name(), new BackupTable(archive, t));
      }
      cc.getRootSchema().add(ns, new AbstractSchema() {
        @Override protected Map<String, Table> getTableMap() {
          return tables;
        }
      });
      cc.setSchema(ns);
    } catch (SQLException | RuntimeException e) {
      c.close();
      throw e;
    }
    return (Connection) Proxy.newProxyInstance(BackupConnector.class.getClassLoader(),
        new Class<?>[] {Connection.class}, new Scanning(c, archive));
  }

  /** A connection whose plain table scans are served from the chunk files. */
  private record Scanning(Connection calcite, Archive archive) implements InvocationHandler {
    @Override public @Nullable Object invoke(Object proxy, Method m, @Nullable Object[] args)
        throws Throwable {
      switch (m.getName()) {
        // A backup is read-only and Calcite's connection has no transactions: nothing to end.
        case "commit", "rollback", "setAutoCommit", "setTransactionIsolation", "setReadOnly",
            "setHoldability" -> {
          return null;
        }
        case "getAutoCommit", "isReadOnly" -> {
          return true;
        }
        case "abort" -> {
          calcite.close();
          return null;
        }
        default -> { }
      }
      Object r = call(calcite, m, args);
      if (m.getName().equals("getMetaData") && r instanceof DatabaseMetaData md) {
        return keyed(md);
      }
      if (m.getName().equals("createStatement") && r instanceof Statement st) {
        return statement(st, null, Statement.class);
      }
      if (m.getName().equals("prepareStatement") && r instanceof PreparedStatement ps
          && args != null && args[0] instanceof String sql) {
        return statement(ps, sql, PreparedStatement.class);
      }
      return r;
    }

    /** {@code md} with the primary keys the manifest records (Calcite's metadata knows none). */
    private DatabaseMetaData keyed(DatabaseMetaData md) {
      return (DatabaseMetaData) Proxy.newProxyInstance(BackupConnector.class.getClassLoader(),
          new Class<?>[] {DatabaseMetaData.class}, (proxy, m, args) -> {
            if (m.getName().equals("getPrimaryKeys") && args != null && args.length == 3
                && args[2] instanceof String table) {
              return BackupKeys.of(archive, (String) args[0], (String) args[1], table);
            }
            if (m.getName().equals("getConnection")) {
              return calcite;
            }
            return call(md, m, args);
          });
    }

    private Object statement(Statement st, @Nullable String prepared, Class<?> type) {
      return Proxy.newProxyInstance(BackupConnector.class.getClassLoader(), new Class<?>[] {type},
          (proxy, m, args) -> {
            if (m.getName().equals("executeQuery")) {
              String sql = args != null && args.length == 1 && args[0] instanceof String s ? s : prepared;
              ResultSet scan = sql == null ? null : BackupScan.of(archive, sql);
              if (scan != null) {
                return scan;
              }
            }
            if (m.getName().equals("getConnection")) {
              return calcite;
            }
            return call(st, m, args);
          });
    }
  }

  private static @Nullable Object call(Object target, Method m, @Nullable Object[] args)
      throws Throwable {
    try {
      return m.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
