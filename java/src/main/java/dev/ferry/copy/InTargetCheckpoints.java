package dev.ferry.copy;

import dev.ferry.ddl.Ddl;
import dev.ferry.dialect.Dialect;
import dev.ferry.sink.ValueBinder;
import dev.ferry.types.TableName;
import dev.ferry.util.Jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.apache.calcite.sql.SqlDialect;
import org.checkerframework.checker.nullness.qual.Nullable;

/** Checkpoints in a {@code ferry_checkpoint} table of the target, created when missing. */
final class InTargetCheckpoints extends Checkpoints {
  private final Connection connection;
  private final String table;
  private final SqlDialect dialect;
  private final Dialect engine;

  /**
   * Checkpoints on {@code connection} in the {@code ferry_checkpoint} table of {@code namespace},
   * quoted by {@code dialect} and typed for {@code engine}.
   */
  InTargetCheckpoints(Connection connection, @Nullable String namespace, SqlDialect dialect,
      Dialect engine) {
    this.connection = connection;
    this.dialect = dialect;
    this.engine = engine;
    this.table = new TableName(namespace, CheckpointTable.NAME).quoted(dialect);
  }

  private String q(String name) {
    return dialect.quoteIdentifier(name);
  }

  /** Creates the table if missing, in a transaction of its own. */
  void ensure() throws SQLException {
    Ddl ddl = engine.ddl();
    Jdbc.execute(connection, "CREATE TABLE IF NOT EXISTS " + table + " (" + q("job")
        + " VARCHAR(200) NOT NULL, " + q("tbl") + " VARCHAR(200) NOT NULL, " + q("chunk_hi")
        + " VARCHAR(200), " + q("rows") + " BIGINT, " + q("watermark") + " VARCHAR(200), "
        + q("updated_at") + " " + ddl.timestampColumn() + ", PRIMARY KEY (" + q("job") + ", "
        + q("tbl") + "))" + ddl.tableOptions(), true);
  }

  @Override @Nullable State read(String job, String tbl) throws SQLException {
    try (PreparedStatement ps = connection.prepareStatement("SELECT " + q("chunk_hi") + ", "
        + q("rows") + ", " + q("watermark") + " FROM " + table + " WHERE " + q("job") + " = ? AND "
        + q("tbl") + " = ?")) {
      ps.setString(1, job);
      ps.setString(2, tbl);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return null;
        }
        String hi = rs.getString(1);
        long rows = rs.getLong(2);
        String wm = rs.getString(3);
        boolean done = "done".equals(hi);
        return new State(hi != null && hi.startsWith("hi:") ? hi.substring(3) : null, rows, wm,
            done, null, null, false);
      }
    } finally {
      connection.commit();
    }
  }

  @Override void write(Connection c, String job, String tbl, State s) throws SQLException {
    String hi = s.done() ? "done" : s.chunkHi() == null ? null : "hi:" + s.chunkHi();
    LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
    ValueBinder binder = engine.binder();
    int n;
    try (PreparedStatement ps = c.prepareStatement("UPDATE " + table + " SET " + q("chunk_hi")
        + " = ?, " + q("rows") + " = ?, " + q("watermark") + " = ?, " + q("updated_at")
        + " = ? WHERE " + q("job") + " = ? AND " + q("tbl") + " = ?")) {
      ps.setString(1, hi);
      ps.setLong(2, s.rows());
      ps.setString(3, s.watermark());
      binder.bind(ps, 4, now, Types.TIMESTAMP);
      ps.setString(5, job);
      ps.setString(6, tbl);
      n = ps.executeUpdate();
    }
    if (n == 0) {
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + table + " (" + q("job")
          + ", " + q("tbl") + ", " + q("chunk_hi") + ", " + q("rows") + ", " + q("watermark")
          + ", " + q("updated_at") + ") VALUES (?, ?, ?, ?, ?, ?)")) {
        ps.setString(1, job);
        ps.setString(2, tbl);
        ps.setString(3, hi);
        ps.setLong(4, s.rows());
        ps.setString(5, s.watermark());
        binder.bind(ps, 6, now, Types.TIMESTAMP);
        ps.executeUpdate();
      }
    }
  }
}
