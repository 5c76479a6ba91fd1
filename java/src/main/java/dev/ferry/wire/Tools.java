package dev.ferry.wire;

import dev.ferry.config.DatabaseSpec;
import dev.ferry.connect.FerryDataSource;
import dev.ferry.dialect.Connector;
import dev.ferry.dialect.Dialect;
import dev.ferry.dialect.Dialects;
import dev.ferry.error.FerryFailure;
import dev.ferry.message.Messages;
import dev.ferry.validate.SnapshotSchema;
import dev.ferry.validate.StatementValidator;
import dev.ferry.validate.StatementVerdict;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.TimeZone;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Stateless calls Node makes outside a query: what the JVM has, native SQL for set-up, and
 * validating statements against a schema snapshot.
 */
public final class Tools {
  private Tools() {}

  /** A {@link RuntimeInfo}: Java's version, the drivers on the classpath, Ferry's dialects. */
  public static byte[] runtime() {
    List<RuntimeInfo.Driver> drivers = new ArrayList<>();
    for (Driver d : ServiceLoader.load(Driver.class)) {
      drivers.add(new RuntimeInfo.Driver(d.getClass().getName(),
          d.getMajorVersion() + "." + d.getMinorVersion()));
    }
    return Messages.write(new RuntimeInfo(System.getProperty("java.version"),
        System.getProperty("java.vendor"), System.getProperty("java.home"),
        TimeZone.getDefault().getID(), drivers,
        Dialects.all().stream().map(Dialect::name).toList()));
  }

  /**
   * Runs a {@link ScriptRequest}'s statements in one transaction on a database outside Calcite,
   * then closes the connection; used to create the demo's databases and test fixtures. Returns
   * the rows changed.
   */
  public static long runScript(byte[] requestJson) {
    ScriptRequest script = Messages.read(requestJson, ScriptRequest.class);
    DatabaseSpec spec = new DatabaseSpec("script", script.url(), blank(script.user()),
        blank(script.password()), null, false, 0);
    long changed = 0;
    String current = null;
    Dialect dialect = Dialects.of(spec);
    Connector connector = dialect.connector(spec);
    try (connector; Connection c = connector.open(spec, FerryDataSource.driverProperties(spec, dialect))) {
      c.setAutoCommit(false);
      try (Statement st = c.createStatement()) {
        for (String sql : script.statements()) {
          current = sql;
          if (!st.execute(sql)) {
            changed += Math.max(0, st.getUpdateCount());
          }
        }
        c.commit();
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
      return changed;
    } catch (SQLException e) {
      String shown = current == null ? "" : " in statement: "
          + (current.length() > 200 ? current.substring(0, 200) + "…" : current);
      throw FerryFailure.wrap(new SQLException(spec.scrub(String.valueOf(e.getMessage())) + shown,
          e.getSQLState(), e.getErrorCode()), "running a script on " + spec.safeUrl());
    }
  }

  /**
   * Parses and validates a {@link ValidateRequest}'s statements against its snapshot, running
   * nothing: one {@link StatementVerdict} per statement, with positions relative to the
   * statement (Node adds where it starts in its file).
   */
  public static byte[] validate(byte[] requestJson) {
    ValidateRequest request = Messages.read(requestJson, ValidateRequest.class);
    try {
      StatementValidator validator = new StatementValidator(SnapshotSchema.of(request.snapshot()));
      List<StatementVerdict> out = new ArrayList<>();
      for (ValidateRequest.Statement st : request.statements()) {
        out.add(validator.validate(st.sql()));
      }
      return Messages.write(out);
    } catch (Exception e) {
      throw FerryFailure.wrap(e, "validating statements");
    }
  }

  private static @Nullable String blank(@Nullable String s) {
    return s == null || s.isEmpty() ? null : s;
  }
}
