package dev.ferry.dialect.mariadb;

import dev.ferry.dialect.ReadSnapshot;
import dev.ferry.util.Jdbc;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * MariaDB's consistent reads: every reader starts {@code WITH CONSISTENT SNAPSHOT} while a
 * global read lock ({@code FLUSH TABLES WITH READ LOCK}) holds writers for the moment it takes,
 * as {@code mydumper} does; the binary log position is read under that lock. Without the RELOAD
 * privilege the lock is refused and one reader reads alone, its position from
 * {@code binlog_snapshot_file}/{@code _position}, which MariaDB keeps consistent with a
 * snapshot.
 */
final class MariaDbSnapshot {
  private MariaDbSnapshot() {}

  private static final String START = "START TRANSACTION WITH CONSISTENT SNAPSHOT, READ ONLY";

  static ReadSnapshot open(ReadSnapshot.Opener open, int workers) throws SQLException {
    List<Connection> readers = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    Map<String, String> position = new LinkedHashMap<>();
    try {
      Connection lead = open.open();
      readers.add(lead);
      lead.setAutoCommit(true);
      boolean locked = false;
      if (workers > 1) {
        try (Statement st = lead.createStatement()) {
          st.execute("FLUSH TABLES WITH READ LOCK");
          locked = true;
        } catch (SQLException refused) {
          notes.add("one reader instead of " + workers + ": MariaDB refused the brief global read"
              + " lock that lets several share one snapshot (" + refused.getMessage() + ");"
              + " grant RELOAD to read side by side");
        }
      }
      try {
        start(lead);
        if (locked) {
          for (int i = 1; i < workers; i++) {
            Connection c = open.open();
            readers.add(c);
            c.setAutoCommit(true);
            start(c);
          }
        }
        readPosition(lead, position);
      } finally {
        if (locked) {
          try (Statement st = lead.createStatement()) {
            st.execute("UNLOCK TABLES");
          }
        }
      }
      return new ReadSnapshot(List.copyOf(readers), Map.copyOf(position), List.copyOf(notes));
    } catch (SQLException | RuntimeException e) {
      new ReadSnapshot(readers, Map.of(), List.of()).close();
      throw e;
    }
  }

  private static void start(Connection c) throws SQLException {
    try (Statement st = c.createStatement()) {
      st.execute("SET SESSION TRANSACTION ISOLATION LEVEL REPEATABLE READ");
      st.execute(START);
    }
  }

  /** The snapshot's binary log file, position and GTID; nothing when the binary log is off. */
  private static void readPosition(Connection c, Map<String, String> out) throws SQLException {
    String file = null;
    String pos = null;
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SHOW STATUS LIKE 'binlog_snapshot_%'")) {
      while (rs.next()) {
        if (rs.getString(1).equalsIgnoreCase("binlog_snapshot_file")) {
          file = rs.getString(2);
        } else if (rs.getString(1).equalsIgnoreCase("binlog_snapshot_position")) {
          pos = rs.getString(2);
        }
      }
    }
    if (file == null || file.isEmpty() || pos == null) {
      return;
    }
    out.put("binlogFile", file);
    out.put("binlogPosition", pos);
    try (PreparedStatement ps = c.prepareStatement("SELECT BINLOG_GTID_POS(?, ?)")) {
      ps.setString(1, file);
      ps.setLong(2, Long.parseLong(pos));
      try (ResultSet rs = ps.executeQuery()) {
        if (rs.next() && rs.getString(1) != null && !rs.getString(1).isEmpty()) {
          out.put("gtid", rs.getString(1));
        }
      }
    }
  }

  /** The next AUTO_INCREMENT value of each table of {@code namespace} that has one. */
  static Map<String, Map<String, Long>> identityNext(Connection c, @Nullable String namespace)
      throws SQLException {
    String q = "SELECT t.TABLE_NAME, c.COLUMN_NAME, t.AUTO_INCREMENT FROM information_schema.TABLES t"
        + " JOIN information_schema.COLUMNS c ON c.TABLE_SCHEMA = t.TABLE_SCHEMA"
        + " AND c.TABLE_NAME = t.TABLE_NAME AND LOWER(c.EXTRA) LIKE '%auto_increment%'"
        + " WHERE t.TABLE_SCHEMA = COALESCE(?, DATABASE()) AND t.AUTO_INCREMENT IS NOT NULL";
    return Jdbc.longsByTwoNames(c, q, namespace);
  }
}
