package dev.ferry.dialect.postgres;

import dev.ferry.config.DatabaseSpec;
import dev.ferry.dialect.ChangeCapture;
import dev.ferry.error.FerryFailure;
import dev.ferry.types.TableName;
import dev.ferry.util.Jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * PostgreSQL's change capture: logical decoding with the built-in {@code pgoutput} plugin, from
 * a replication slot and a publication of exactly the job's tables, both named
 * {@code ferry_<job>}.
 *
 * <p>The publication lists the tables one by one (never {@code FOR ALL TABLES}): a table without
 * a replica identity in a publication makes its own {@code UPDATE} and {@code DELETE} fail on
 * the source, so a table without a primary key is refused before anything is created. Heartbeats
 * and marks are logical decoding messages with the prefix {@code ferry}, which needs
 * PostgreSQL 14 (pgoutput's {@code messages} option).
 */
public final class PostgresChangeCapture implements ChangeCapture {
  /** Debezium's offset key for the last position whose events were all handed over. */
  private static final String PROCESSED = "lsn_proc";
  /** Debezium's offset key for the position of the event itself. */
  private static final String EVENT = "lsn";

  /**
   * wal_level, slots and senders, PostgreSQL 14 or later, REPLICATION, the right to create a
   * publication of the tables, and a primary key (and a replica identity) on each.
   */
  @Override public void check(Connection c, List<TableName> tables) throws SQLException {
    String[] s = row(c, "SELECT current_setting('wal_level'), current_setting('max_replication_slots'),"
        + " current_setting('max_wal_senders'), (SELECT count(*) FROM pg_catalog.pg_stat_replication),"
        + " current_setting('server_version_num')::int >= 140000, r.rolreplication OR r.rolsuper,"
        + " current_user, current_database(), has_database_privilege(current_database(), 'CREATE')"
        + " FROM pg_catalog.pg_roles r WHERE r.rolname = current_user");
    if (!"logical".equals(s[0])) {
      throw setup("wal_level is '" + s[0] + "' but change capture needs 'logical'. As a superuser run"
          + " ALTER SYSTEM SET wal_level = logical; then restart PostgreSQL (e.g. pg_ctl restart -D <data"
          + " directory>, or sudo systemctl restart postgresql); max_replication_slots (now " + s[1]
          + ") and max_wal_senders (now " + s[2] + ") must be above 0 too");
    }
    if (Integer.parseInt(s[1]) < 1 || Integer.parseInt(s[2]) <= Integer.parseInt(s[3])) {
      throw setup("change capture needs a replication slot and a free WAL sender, but max_replication_slots"
          + " is " + s[1] + " and max_wal_senders is " + s[2] + " (" + s[3] + " in use). As a superuser run"
          + " ALTER SYSTEM SET max_replication_slots = 10; ALTER SYSTEM SET max_wal_senders = 10;"
          + " then restart PostgreSQL");
    }
    if (!"t".equals(s[4])) {
      throw setup("change capture needs PostgreSQL 14 or later (pgoutput's logical decoding messages"
          + " carry Ferry's heartbeats and marks)");
    }
    List<String> grants = new ArrayList<>();
    if (!"t".equals(s[5])) {
      grants.add("ALTER ROLE " + ident(s[6]) + " REPLICATION;");
    }
    if (!"t".equals(s[8])) {
      grants.add("GRANT CREATE ON DATABASE " + ident(s[7]) + " TO " + ident(s[6]) + ";");
    }
    List<String> notOwned = new ArrayList<>();
    List<String> refused = new ArrayList<>();
    for (TableName t : tables) {
      String[] r = tableFacts(c, t);
      if (r == null) {
        refused.add(t + " (not found)");
      } else if (!"t".equals(r[0])) {
        refused.add(t + " (no primary key: its UPDATE and DELETE could not be published)");
      } else if ("n".equals(r[1])) {
        refused.add(t + " (REPLICA IDENTITY NOTHING; ALTER TABLE " + r[3] + " REPLICA IDENTITY DEFAULT;)");
      } else if (!"p".equals(r[2])) {
        refused.add(t + " (unlogged or temporary: it never reaches the log)");
      }
      if (r != null && !"t".equals(r[4])) {
        notOwned.add(t.toString());
        grants.add("ALTER TABLE " + r[3] + " OWNER TO " + ident(s[6]) + ";");
      }
    }
    if (!refused.isEmpty()) {
      throw setup("cannot capture the changes of " + String.join(", ", refused)
          + "; leave these tables out of the sync job or fix them first");
    }
    if (!grants.isEmpty()) {
      List<String> lacks = new ArrayList<>();
      if (!"t".equals(s[5])) {
        lacks.add("lacks REPLICATION");
      }
      if (!"t".equals(s[8])) {
        lacks.add("cannot create a publication in database " + s[7]);
      }
      if (!notOwned.isEmpty()) {
        lacks.add("does not own " + String.join(", ", notOwned) + " (a publication needs the tables' owner)");
      }
      throw setup("user " + s[6] + " cannot stream these changes: it " + String.join("; it ", lacks)
          + ". As a superuser run: " + String.join(" ", grants));
    }
  }

  /**
   * The publication first (pgoutput reads it as of each change, so it must exist before the
   * slot's start), then the slot; each in a transaction of its own.
   */
  @Override public String prepare(Connection c, String job, List<TableName> tables) throws SQLException {
    String name = PostgresCdcNames.of(job);
    if (tables.isEmpty()) {
      throw setup("a sync job needs at least one table");
    }
    boolean auto = c.getAutoCommit();
    c.setAutoCommit(true);
    try {
      Set<String> published = new LinkedHashSet<>();
      boolean exists = Jdbc.firstRow(c, "SELECT 1 FROM pg_catalog.pg_publication WHERE pubname = ?", name) != null;
      try (PreparedStatement ps = c.prepareStatement("SELECT quote_ident(schemaname) || '.' ||"
          + " quote_ident(tablename) FROM pg_catalog.pg_publication_tables WHERE pubname = ?")) {
        ps.setString(1, name);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            published.add(rs.getString(1));
          }
        }
      }
      List<String> missing = new ArrayList<>();
      for (TableName t : tables) {
        String q = quoted(c, t);
        if (!published.contains(q)) {
          missing.add(q);
        }
      }
      if (!exists) {
        // publish_via_partition_root: a partitioned table's changes under its own name.
        execute(c, "CREATE PUBLICATION " + name + " FOR TABLE " + String.join(", ", missing)
            + " WITH (publish_via_partition_root = true)");
      } else if (!missing.isEmpty()) {
        execute(c, "ALTER PUBLICATION " + name + " ADD TABLE " + String.join(", ", missing));
      }
      String slot = Jdbc.firstRow(c, "SELECT plugin, database = current_database(),"
          + " confirmed_flush_lsn FROM pg_catalog.pg_replication_slots WHERE slot_name = ?", name);
      if (slot != null) {
        String[] f = slot.split("\\|");
        if (!"pgoutput".equals(f[0]) || !"t".equals(f[1])) {
          throw setup("replication slot " + name + " exists but is not a pgoutput slot of this database;"
              + " drop it (SELECT pg_drop_replication_slot('" + name + "');) or choose another job");
        }
        return PostgresLsn.format(PostgresLsn.parse(f[2]));
      }
      String[] free = row(c, "SELECT current_setting('max_replication_slots')::int,"
          + " (SELECT count(*) FROM pg_catalog.pg_replication_slots)");
      if (Integer.parseInt(free[0]) <= Integer.parseInt(free[1])) {
        throw setup("every replication slot is taken (max_replication_slots = " + free[0] + "); drop an"
            + " unused one (SELECT slot_name, active FROM pg_replication_slots;) or raise"
            + " max_replication_slots and restart PostgreSQL");
      }
      return PostgresLsn.format(PostgresLsn.parse(String.valueOf(Jdbc.firstRow(c,
          "SELECT lsn FROM pg_catalog.pg_create_logical_replication_slot(?, 'pgoutput')", name))));
    } finally {
      c.setAutoCommit(auto);
    }
  }

  @Override public Map<String, String> connectorProperties(DatabaseSpec source, String job,
      List<TableName> tables, String start) {
    return PostgresCdcProperties.of(source, job, tables);
  }

  /**
   * A transactional logical decoding message ({@code ferry}, {@code mark}), committed at once: it
   * is decoded after every transaction that committed before it. Commits {@code c}'s open
   * transaction.
   */
  @Override public String mark(Connection c) throws SQLException {
    String lsn = Jdbc.firstRow(c, "SELECT pg_logical_emit_message(true, '"
        + PostgresCdcProperties.MESSAGE_PREFIX + "', 'mark')");
    if (!c.getAutoCommit()) {
      c.commit();
    }
    return PostgresLsn.format(PostgresLsn.parse(String.valueOf(lsn)));
  }

  @Override public String position(Connection c) throws SQLException {
    return String.valueOf(Jdbc.firstRow(c, "SELECT pg_current_wal_lsn()"));
  }

  /**
   * {@code lsn} (where the record's own change, message or commit stands), else {@code lsn_proc}
   * (everything before it handed over). Once a record with {@code lsn} at or past a
   * {@link #mark} has arrived, every transaction that committed before the mark has arrived:
   * decoding follows commit order.
   */
  @Override public @Nullable String position(Map<String, ?> sourceOffset) {
    Object v = sourceOffset.get(EVENT);
    if (!(v instanceof Number)) {
      v = sourceOffset.get(PROCESSED);
    }
    return v instanceof Number n ? PostgresLsn.format(n.longValue()) : null;
  }

  @Override public int compare(String a, String b) {
    return PostgresLsn.compare(a, b);
  }

  @Override public long bytesBetween(String from, String to) {
    return PostgresLsn.bytesBetween(from, to);
  }

  /** Refuses while a stream still reads the slot (naming its process), then drops both. */
  @Override public List<String> drop(Connection c, String job) throws SQLException {
    String name = PostgresCdcNames.of(job);
    boolean auto = c.getAutoCommit();
    c.setAutoCommit(true);
    try {
      List<String> out = new ArrayList<>();
      String slot = Jdbc.firstRow(c, "SELECT coalesce(active_pid::text, '') FROM"
          + " pg_catalog.pg_replication_slots WHERE slot_name = ?", name);
      if (slot != null && !slot.isEmpty()) {
        throw setup("replication slot " + name + " is in use by process " + slot + " (a running ferry sync?);"
            + " stop it first, or end it with SELECT pg_terminate_backend(" + slot + ");");
      }
      if (slot != null) {
        Jdbc.firstRow(c, "SELECT 1 FROM pg_catalog.pg_drop_replication_slot(?)", name);
        out.add("replication slot " + name);
      }
      if (Jdbc.firstRow(c, "SELECT 1 FROM pg_catalog.pg_publication WHERE pubname = ?", name) != null) {
        execute(c, "DROP PUBLICATION " + name);
        out.add("publication " + name);
      }
      return out;
    } finally {
      c.setAutoCommit(auto);
    }
  }

  /**
   * Has a primary key, replica identity, persistence, the name quoted, and whether the user
   * owns it (or is in the owning role); null when no such table.
   */
  private static String @Nullable [] tableFacts(Connection c, TableName t) throws SQLException {
    String r = Jdbc.firstRow(c, "SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_index i WHERE i.indrelid = c.oid"
        + " AND i.indisprimary), c.relreplident, c.relpersistence, quote_ident(n.nspname) || '.' ||"
        + " quote_ident(c.relname), pg_catalog.pg_has_role(c.relowner, 'USAGE')"
        + " FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
        + " WHERE c.relkind IN ('r', 'p') AND c.relname = ? AND n.nspname = COALESCE(CAST(? AS text),"
        + " current_schema())", t.name(), t.namespace());
    return r == null ? null : r.split("\\|", -1);
  }

  private static String quoted(Connection c, TableName t) throws SQLException {
    return String.valueOf(Jdbc.firstRow(c, "SELECT quote_ident(COALESCE(CAST(? AS text), current_schema()))"
        + " || '.' || quote_ident(?)", t.namespace(), t.name()));
  }

  private static String[] row(Connection c, String sql) throws SQLException {
    return String.valueOf(Jdbc.firstRow(c, sql)).split("\\|", -1);
  }

  private static String ident(String name) {
    return name.matches("[a-z_][a-z0-9_$]*") ? name : "\"" + name.replace("\"", "\"\"") + "\"";
  }

  private static void execute(Connection c, String sql) throws SQLException {
    try (java.sql.Statement st = c.createStatement()) {
      st.execute(sql);
    }
  }

  private static FerryFailure setup(String message) {
    return FerryFailure.of("SYNC_SETUP", message);
  }
}
