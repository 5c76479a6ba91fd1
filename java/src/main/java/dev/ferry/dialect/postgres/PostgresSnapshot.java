package dev.ferry.dialect.postgres;

import dev.ferry.dialect.KeyRanges;
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
 * PostgreSQL's consistent reads: the first reader's repeatable-read transaction exports its
 * snapshot ({@code pg_export_snapshot}) and every other reader adopts it
 * ({@code SET TRANSACTION SNAPSHOT}), as {@code pg_dump -j} does; the WAL position is read in
 * that same transaction.
 */
final class PostgresSnapshot {
  private PostgresSnapshot() {}

  private static final String BEGIN = "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY";

  static ReadSnapshot open(ReadSnapshot.Opener open, int workers) throws SQLException {
    List<Connection> readers = new ArrayList<>();
    try {
      Connection lead = begin(open.open(), readers);
      String id;
      Map<String, String> position = new LinkedHashMap<>();
      try (Statement st = lead.createStatement();
          ResultSet rs = st.executeQuery("SELECT pg_catalog.pg_export_snapshot(),"
              + " CAST(CASE WHEN pg_catalog.pg_is_in_recovery() THEN pg_catalog.pg_last_wal_replay_lsn()"
              + " ELSE pg_catalog.pg_current_wal_lsn() END AS text)")) {
        rs.next();
        id = rs.getString(1);
        if (rs.getString(2) != null) {
          position.put("lsn", rs.getString(2));
        }
      }
      for (int i = 1; i < workers; i++) {
        Connection c = begin(open.open(), readers);
        try (PreparedStatement ps = c.prepareStatement("SET TRANSACTION SNAPSHOT '"
            + id.replace("'", "''") + "'")) {
          ps.execute();
        }
      }
      return new ReadSnapshot(List.copyOf(readers), Map.copyOf(position), List.of());
    } catch (SQLException | RuntimeException e) {
      new ReadSnapshot(readers, Map.of(), List.of()).close();
      throw e;
    }
  }

  private static Connection begin(Connection c, List<Connection> readers) throws SQLException {
    readers.add(c);
    c.setAutoCommit(false);
    c.commit();
    try (Statement st = c.createStatement()) {
      st.execute(BEGIN);
    }
    return c;
  }

  /**
   * Ranges of the table's pages ({@code ctid}, read by a TID range scan, as pgcopydb does): each
   * reader reads only its own pages, whatever the key.
   */
  static List<String> splitReads(Connection c, String quotedTable, int parts) throws SQLException {
    long pages;
    try (PreparedStatement ps = c.prepareStatement("SELECT pg_catalog.pg_relation_size(CAST(? AS regclass))"
        + " / CAST(pg_catalog.current_setting('block_size') AS bigint)")) {
      ps.setString(1, quotedTable);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        pages = rs.getLong(1);
      }
    }
    return KeyRanges.split(0, pages, parts, MIN_PAGES_PER_PART,
        to -> "ctid < '(" + to + ",0)'::tid", from -> "ctid >= '(" + from + ",0)'::tid");
  }

  /** Fewer pages than this (8 MB) per part are not worth a reader of their own. */
  private static final long MIN_PAGES_PER_PART = 1024;

  /** The next value of every sequence a column of {@code namespace} owns (serial, identity). */
  static Map<String, Map<String, Long>> identityNext(Connection c, @Nullable String namespace)
      throws SQLException {
    String q = "SELECT t.relname, a.attname, COALESCE(s.last_value + s.increment_by, s.start_value)"
        + " FROM pg_catalog.pg_class t JOIN pg_catalog.pg_namespace n ON n.oid = t.relnamespace"
        + " JOIN pg_catalog.pg_depend d ON d.refobjid = t.oid AND d.refclassid = 'pg_catalog.pg_class'::regclass"
        + "  AND d.classid = 'pg_catalog.pg_class'::regclass AND d.deptype IN ('a', 'i')"
        + " JOIN pg_catalog.pg_attribute a ON a.attrelid = t.oid AND a.attnum = d.refobjsubid"
        + " JOIN pg_catalog.pg_class sc ON sc.oid = d.objid AND sc.relkind = 'S'"
        + " JOIN pg_catalog.pg_sequences s ON s.schemaname = n.nspname AND s.sequencename = sc.relname"
        + " WHERE t.relkind IN ('r', 'p') AND n.nspname = COALESCE(CAST(? AS text), current_schema())";
    return Jdbc.longsByTwoNames(c, q, namespace);
  }
}
