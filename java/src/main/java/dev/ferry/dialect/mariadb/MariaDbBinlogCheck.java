package dev.ferry.dialect.mariadb;

import dev.ferry.error.FerryFailure;
import dev.ferry.types.TableName;
import dev.ferry.util.Jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Whether a MariaDB server can stream changes to {@code ferry sync}: the binlog on, in ROW format
 * with full row images; the user's rights to read it; a primary key on every table.
 *
 * <p>Each shortfall becomes one {@code SYNC_SETUP} failure that says what to change. Rights are
 * read from {@code information_schema.USER_PRIVILEGES} (the user's own global privileges) and
 * proven by trying what needs them: {@code SHOW MASTER STATUS} for BINLOG MONITOR, a
 * {@code SELECT … LIMIT 0} per table.
 */
final class MariaDbBinlogCheck {
  private static final int ACCESS_DENIED = 1227;
  private static final int TABLE_ACCESS_DENIED = 1142;
  private static final int NO_SUCH_TABLE = 1146;

  private MariaDbBinlogCheck() {}

  /** Runs every check on {@code c} for {@code tables}; throws the first failure. */
  static void check(Connection c, List<TableName> tables) throws SQLException {
    String version = String.valueOf(Jdbc.firstRow(c, "SELECT VERSION()"));
    if (!version.toLowerCase(Locale.ROOT).contains("mariadb")) {
      throw FerryFailure.of("SYNC_SETUP", "ferry sync reads MariaDB's binlog; this server is MySQL "
          + version + ", which Ferry cannot follow yet");
    }
    settings(c);
    rights(c, tables, version);
    keys(c, tables);
  }

  /** {@code log_bin}, {@code binlog_format=ROW}, {@code binlog_row_image=FULL}. */
  private static void settings(Connection c) throws SQLException {
    String row = String.valueOf(Jdbc.firstRow(c,
        "SELECT @@log_bin, @@binlog_format, @@binlog_row_image, @@server_id"));
    String[] v = row.split("\\|", -1);
    List<String> wrong = new ArrayList<>();
    if (!"1".equals(v[0]) && !"ON".equalsIgnoreCase(v[0])) {
      wrong.add("the binary log is off (log_bin)");
    }
    if (!"ROW".equalsIgnoreCase(v[1])) {
      wrong.add("binlog_format is " + v[1] + ", not ROW");
    }
    if (!"FULL".equalsIgnoreCase(v[2])) {
      wrong.add("binlog_row_image is " + v[2] + ", not FULL");
    }
    if ("0".equals(v[3])) {
      wrong.add("server_id is 0");
    }
    if (!wrong.isEmpty()) {
      throw FerryFailure.of("SYNC_SETUP", "MariaDB cannot stream changes: " + String.join("; ", wrong)
          + ". Add to the server's configuration (e.g. /etc/mysql/mariadb.conf.d/50-server.cnf):\n"
          + "[mariadbd]\nlog_bin=mariadb-bin\nbinlog_format=ROW\nbinlog_row_image=FULL\nserver_id=1\n"
          + "then restart the server (systemctl restart mariadb). With the binlog already on,"
          + " SET GLOBAL binlog_format='ROW', binlog_row_image='FULL' takes effect for new sessions"
          + " without a restart (keep the lines in the configuration too).");
    }
  }

  /** REPLICATION SLAVE, BINLOG MONITOR (REPLICATION CLIENT before 10.5), SELECT on the tables. */
  private static void rights(Connection c, List<TableName> tables, String version)
      throws SQLException {
    Set<String> privileges = new HashSet<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT PRIVILEGE_TYPE FROM information_schema.USER_PRIVILEGES")) {
      while (rs.next()) {
        privileges.add(rs.getString(1).toUpperCase(Locale.ROOT));
      }
    }
    boolean monitorName = atLeast105(version);
    List<String> missing = new ArrayList<>();
    if (!privileges.contains("REPLICATION SLAVE")) {
      missing.add("REPLICATION SLAVE");
    }
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SHOW MASTER STATUS")) {
      rs.next();
    } catch (SQLException e) {
      if (e.getErrorCode() != ACCESS_DENIED) {
        throw e;
      }
      missing.add(monitorName ? "BINLOG MONITOR" : "REPLICATION CLIENT");
    }
    String user = String.valueOf(Jdbc.firstRow(c, "SELECT CURRENT_USER()"));
    String grantee = quoteUser(user);
    List<String> unreadable = new ArrayList<>();
    for (TableName t : tables) {
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT 1 FROM " + quoted(t) + " LIMIT 0")) {
        rs.next();
      } catch (SQLException e) {
        if (e.getErrorCode() == NO_SUCH_TABLE) {
          throw FerryFailure.of("SYNC_SETUP", "table " + t + " does not exist").with("table", t.toString());
        }
        if (e.getErrorCode() != TABLE_ACCESS_DENIED && e.getErrorCode() != ACCESS_DENIED) {
          throw e;
        }
        unreadable.add(quoted(t));
      }
    }
    if (missing.isEmpty() && unreadable.isEmpty()) {
      return;
    }
    StringBuilder m = new StringBuilder("user ").append(user).append(" cannot read the binlog of ")
        .append("these tables; as an administrator run:");
    if (!missing.isEmpty()) {
      m.append("\nGRANT ").append(String.join(", ", missing)).append(" ON *.* TO ").append(grantee).append(';');
    }
    for (String t : unreadable) {
      m.append("\nGRANT SELECT ON ").append(t).append(" TO ").append(grantee).append(';');
    }
    throw FerryFailure.of("SYNC_SETUP", m.toString());
  }

  /** Refuses a table without a primary key, naming it: changes could not be applied by key. */
  private static void keys(Connection c, List<TableName> tables) throws SQLException {
    List<String> keyless = new ArrayList<>();
    // STATISTICS, not TABLE_CONSTRAINTS: MariaDB 10.11 shows a user with only SELECT on a table
    // no rows of TABLE_CONSTRAINTS for it.
    String sql = "SELECT COUNT(*) FROM information_schema.STATISTICS"
        + " WHERE INDEX_NAME = 'PRIMARY' AND TABLE_SCHEMA = COALESCE(?, DATABASE())"
        + " AND TABLE_NAME = ?";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (TableName t : tables) {
        ps.setString(1, t.namespace());
        ps.setString(2, t.name());
        try (ResultSet rs = ps.executeQuery()) {
          if (!rs.next() || rs.getInt(1) == 0) {
            keyless.add(t.toString());
          }
        }
      }
    }
    if (!keyless.isEmpty()) {
      throw FerryFailure.of("SYNC_SETUP", "ferry sync needs a primary key on every table it follows;"
          + " without one: " + String.join(", ", keyless)
          + " (add one, e.g. ALTER TABLE … ADD PRIMARY KEY (…), or leave the table out)")
          .with("tables", keyless);
    }
  }

  /** MariaDB 10.5 split REPLICATION CLIENT into BINLOG MONITOR (the old name is an alias). */
  static boolean atLeast105(String version) {
    String[] p = version.split("[.-]");
    try {
      int major = Integer.parseInt(p[0]);
      int minor = p.length > 1 ? Integer.parseInt(p[1]) : 0;
      return major > 10 || major == 10 && minor >= 5;
    } catch (NumberFormatException e) {
      return true;
    }
  }

  /** {@code 'ferry'@'%'} from {@code CURRENT_USER()}'s {@code ferry@%}. */
  static String quoteUser(String user) {
    int at = user.lastIndexOf('@');
    return at < 0 ? "'" + user + "'"
        : "'" + user.substring(0, at) + "'@'" + user.substring(at + 1) + "'";
  }

  private static String quoted(TableName t) {
    return (t.namespace() == null ? "" : tick(t.namespace()) + ".") + tick(t.name());
  }

  private static String tick(@Nullable String name) {
    return "`" + String.valueOf(name).replace("`", "``") + "`";
  }
}
