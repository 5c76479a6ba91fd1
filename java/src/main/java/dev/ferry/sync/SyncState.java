package dev.ferry.sync;

import dev.ferry.ddl.Ddl;
import dev.ferry.ddl.FerryNamespace;
import dev.ferry.dialect.Dialect;
import dev.ferry.sink.ValueBinder;
import dev.ferry.types.TableName;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.calcite.sql.SqlDialect;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A sync's bookkeeping in its target: one {@code ferry_sync} table (in Ferry's own namespace
 * where the target has namespaces) with a row per job — where the stream started, the source
 * offset the applied changes reach, as Debezium's offset store holds it — and a row per table of
 * the job (whether its initial copy finished, changes applied). {@link #applied} runs inside the
 * transaction that applies a batch, so rows and position commit together.
 */
final class SyncState {
  /** The name of the table. */
  static final String TABLE = FerryNamespace.SYNC;

  /** A job's row: where it started and the offset its applied changes reach. */
  record Job(String from, String to, String start, @Nullable String partition,
      @Nullable String offset, @Nullable String position, long sourceMillis,
      @Nullable LocalDateTime appliedAt) {}

  /** A table's row: its initial copy's state and the changes applied to it. */
  record TableRow(String state, long inserts, long updates, long deletes) {}

  /** Changes applied to one table in one batch. */
  record Counts(long inserts, long updates, long deletes) {}

  private final TableName table;
  private final SqlDialect q;
  private final Dialect engine;

  SyncState(@Nullable String namespace, SqlDialect q, Dialect engine) {
    this.table = new TableName(namespace, TABLE);
    this.q = q;
    this.engine = engine;
  }

  /** The table's name. */
  TableName name() {
    return table;
  }

  /** The table, quoted. */
  String quoted() {
    return table.quoted(q);
  }

  private String c(String name) {
    return q.quoteIdentifier(name);
  }

  /** Creates the table when missing (autocommit or not: commits). */
  void ensure(Connection conn) throws SQLException {
    Ddl ddl = engine.ddl();
    try (Statement st = conn.createStatement()) {
      st.execute("CREATE TABLE IF NOT EXISTS " + quoted() + " (" + c("job") + " VARCHAR(64) NOT NULL, "
          + c("item") + " VARCHAR(300) NOT NULL, " + c("state") + " VARCHAR(40), "
          + c("source_db") + " VARCHAR(200), " + c("target_db") + " VARCHAR(200), "
          + c("start_position") + " VARCHAR(200), " + c("partition_json") + " VARCHAR(2000), "
          + c("offset_json") + " VARCHAR(4000), " + c("position") + " VARCHAR(200), "
          + c("source_ms") + " BIGINT, " + c("inserts") + " BIGINT, " + c("updates") + " BIGINT, "
          + c("deletes") + " BIGINT, " + c("applied_at") + " " + ddl.timestampColumn()
          + ", PRIMARY KEY (" + c("job") + ", " + c("item") + "))" + ddl.tableOptions());
    }
    if (!conn.getAutoCommit()) {
      conn.commit();
    }
  }

  /** The job's row, or null when the job never started here. */
  @Nullable Job job(Connection conn, String job) throws SQLException {
    try (PreparedStatement ps = conn.prepareStatement("SELECT " + c("source_db") + ", "
        + c("target_db") + ", " + c("start_position") + ", " + c("partition_json") + ", "
        + c("offset_json") + ", " + c("position") + ", " + c("source_ms") + ", " + c("applied_at")
        + " FROM " + quoted() + " WHERE " + c("job") + " = ? AND " + c("item") + " = ''")) {
      ps.setString(1, job);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return null;
        }
        java.sql.Timestamp at = rs.getTimestamp(8);
        return new Job(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
            rs.getString(5), rs.getString(6), rs.getLong(7),
            at == null ? null : at.toLocalDateTime());
      }
    }
  }

  /** The job's tables, by name, in the order they joined it. */
  Map<String, TableRow> tables(Connection conn, String job) throws SQLException {
    Map<String, TableRow> out = new LinkedHashMap<>();
    try (PreparedStatement ps = conn.prepareStatement("SELECT " + c("item") + ", " + c("state")
        + ", " + c("inserts") + ", " + c("updates") + ", " + c("deletes") + " FROM " + quoted()
        + " WHERE " + c("job") + " = ? AND " + c("item") + " <> '' ORDER BY " + c("item"))) {
      ps.setString(1, job);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.put(rs.getString(1), new TableRow(rs.getString(2), rs.getLong(3), rs.getLong(4),
              rs.getLong(5)));
        }
      }
    }
    return out;
  }

  /** Files a new job that starts at {@code start}. */
  void startJob(Connection conn, String job, String from, String to, String start)
      throws SQLException {
    try (PreparedStatement ps = conn.prepareStatement("INSERT INTO " + quoted() + " (" + c("job")
        + ", " + c("item") + ", " + c("state") + ", " + c("source_db") + ", " + c("target_db")
        + ", " + c("start_position") + ", " + c("source_ms") + ", " + c("inserts") + ", "
        + c("updates") + ", " + c("deletes") + ") VALUES (?, '', 'started', ?, ?, ?, 0, 0, 0, 0)")) {
      ps.setString(1, job);
      ps.setString(2, from);
      ps.setString(3, to);
      ps.setString(4, start);
      ps.executeUpdate();
    }
  }

  /** Sets a table's state ({@code copying}, {@code copied}), adding its row when missing. */
  void tableState(Connection conn, String job, String item, String state) throws SQLException {
    int n;
    try (PreparedStatement ps = conn.prepareStatement("UPDATE " + quoted() + " SET " + c("state")
        + " = ? WHERE " + c("job") + " = ? AND " + c("item") + " = ?")) {
      ps.setString(1, state);
      ps.setString(2, job);
      ps.setString(3, item);
      n = ps.executeUpdate();
    }
    if (n == 0) {
      try (PreparedStatement ps = conn.prepareStatement("INSERT INTO " + quoted() + " ("
          + c("job") + ", " + c("item") + ", " + c("state") + ", " + c("inserts") + ", "
          + c("updates") + ", " + c("deletes") + ") VALUES (?, ?, ?, 0, 0, 0)")) {
        ps.setString(1, job);
        ps.setString(2, item);
        ps.setString(3, state);
        ps.executeUpdate();
      }
    }
  }

  /**
   * Records, inside the caller's transaction, the offset a batch reaches and the changes it
   * applied per table.
   */
  void applied(Connection conn, String job, String partition, String offset,
      @Nullable String position, long sourceMillis, Map<String, Counts> counts)
      throws SQLException {
    ValueBinder binder = engine.binder();
    try (PreparedStatement ps = conn.prepareStatement("UPDATE " + quoted() + " SET "
        + c("state") + " = 'streaming', " + c("partition_json") + " = ?, " + c("offset_json")
        + " = ?, " + c("position") + " = ?, " + c("source_ms") + " = ?, " + c("applied_at")
        + " = ? WHERE " + c("job") + " = ? AND " + c("item") + " = ''")) {
      ps.setString(1, partition);
      ps.setString(2, offset);
      ps.setString(3, position);
      ps.setLong(4, sourceMillis);
      binder.bind(ps, 5, LocalDateTime.now(ZoneOffset.UTC), Types.TIMESTAMP);
      ps.setString(6, job);
      ps.executeUpdate();
    }
    if (counts.isEmpty()) {
      return;
    }
    try (PreparedStatement ps = conn.prepareStatement("UPDATE " + quoted() + " SET "
        + c("inserts") + " = " + c("inserts") + " + ?, " + c("updates") + " = " + c("updates")
        + " + ?, " + c("deletes") + " = " + c("deletes") + " + ? WHERE " + c("job") + " = ? AND "
        + c("item") + " = ?")) {
      for (Map.Entry<String, Counts> e : counts.entrySet()) {
        ps.setLong(1, e.getValue().inserts());
        ps.setLong(2, e.getValue().updates());
        ps.setLong(3, e.getValue().deletes());
        ps.setString(4, job);
        ps.setString(5, e.getKey());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  /** Removes the job's rows; how many there were. */
  int forget(Connection conn, String job) throws SQLException {
    try (PreparedStatement ps = conn.prepareStatement("DELETE FROM " + quoted() + " WHERE "
        + c("job") + " = ?")) {
      ps.setString(1, job);
      return ps.executeUpdate();
    }
  }
}
