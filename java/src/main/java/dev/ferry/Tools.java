package dev.ferry;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.ServiceLoader;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Stateless calls Node makes outside a query: what the JVM has, native SQL for set-up, and
 * validating statements against a schema snapshot.
 */
public final class Tools {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Tools() {}

  /** The running JVM: {@code {"version","vendor","home","drivers":[{class,version}]}}. */
  public static byte[] runtime() {
    try {
      ObjectNode out = JSON.createObjectNode();
      out.put("version", System.getProperty("java.version"));
      out.put("vendor", System.getProperty("java.vendor"));
      out.put("home", System.getProperty("java.home"));
      out.put("timeZone", java.util.TimeZone.getDefault().getID());
      ArrayNode drivers = out.putArray("drivers");
      for (Driver d : ServiceLoader.load(Driver.class)) {
        ObjectNode n = drivers.addObject();
        n.put("class", d.getClass().getName());
        n.put("version", d.getMajorVersion() + "." + d.getMinorVersion());
      }
      return JSON.writeValueAsBytes(out);
    } catch (Exception e) {
      throw FerryFailure.wrap(e, "describing the JVM");
    }
  }

  /**
   * Runs native SQL statements in one transaction on a database outside Calcite, then closes the
   * connection; used to create the demo's databases and test fixtures. Returns rows changed.
   */
  public static long runScript(byte[] scriptJson) {
    com.fasterxml.jackson.databind.JsonNode script;
    try {
      script = JSON.readTree(scriptJson);
    } catch (java.io.IOException e) {
      throw FerryFailure.wrap(e, "reading a script");
    }
    String url = script.path("url").asText();
    String user = script.path("user").isTextual() ? script.get("user").asText() : null;
    String password = script.path("password").isTextual() ? script.get("password").asText() : null;
    java.util.List<String> statements = new java.util.ArrayList<>();
    script.path("statements").forEach(n -> statements.add(n.asText()));
    DatabaseSpec spec = new DatabaseSpec("script", url, blank(user), blank(password), null, false, 0);
    Properties p = spec.driverProperties();
    long changed = 0;
    String current = null;
    try (Connection c = DriverManager.getConnection(url, p)) {
      c.setAutoCommit(false);
      try (Statement st = c.createStatement()) {
        for (String sql : statements) {
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
      throw FerryFailure.wrap(new SQLException(FerryFailure.scrub(spec, String.valueOf(e.getMessage()))
          + shown, e.getSQLState(), e.getErrorCode()), "running a script on " + spec.safeUrl());
    }
  }

  /**
   * Parses and validates statements against a snapshot, running nothing:
   * {@code {"snapshot": SchemaSnapshot, "statements": [{"sql", "line", "column"}]}} gives
   * {@code [{"valid", "message", "line", "column"}]}, one per statement, with positions relative
   * to the statement (Node adds where it starts in its file).
   */
  public static byte[] validate(byte[] requestJson) {
    try {
      com.fasterxml.jackson.databind.JsonNode request = JSON.readTree(requestJson);
      StatementValidator validator =
          new StatementValidator(SnapshotSchema.of(request.path("snapshot")));
      ArrayNode out = JSON.createArrayNode();
      for (com.fasterxml.jackson.databind.JsonNode st : request.path("statements")) {
        out.add(validator.validate(st.path("sql").asText()));
      }
      return JSON.writeValueAsBytes(out);
    } catch (Exception e) {
      throw FerryFailure.wrap(e, "validating statements");
    }
  }

  private static @Nullable String blank(@Nullable String s) {
    return s == null || s.isEmpty() ? null : s;
  }
}
