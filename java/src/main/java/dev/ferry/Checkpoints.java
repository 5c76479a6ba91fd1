package dev.ferry;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.apache.calcite.sql.SqlDialect;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Where a copy remembers its progress per table: a {@code ferry_checkpoint} table in the target,
 * written in the same transaction as each chunk (so a committed chunk and its checkpoint exist
 * together or not at all), or a JSON state file for targets that cannot hold one.
 */
abstract class Checkpoints {
  /**
   * Progress of one table.
   *
   * @param chunkHi the upper key of the last committed chunk (null: none committed yet)
   * @param rows rows committed so far
   * @param watermark the last watermark value an incremental copy completed
   * @param done the last run finished the table
   * @param pendingLo with a state file: the lower key of a chunk whose commit was not confirmed
   * @param pendingHi its upper key
   */
  record State(@Nullable String chunkHi, long rows, @Nullable String watermark, boolean done,
      @Nullable String pendingLo, @Nullable String pendingHi, boolean pending) {
    static State started(@Nullable String watermark) {
      return new State(null, 0, watermark, false, null, null, false);
    }
  }

  /** The state of {@code tbl} under {@code job}, or null when nothing was recorded. */
  abstract @Nullable State read(String job, String tbl) throws SQLException;

  /** Records {@code state} inside the transaction of {@code c}, which the caller commits. */
  abstract void write(Connection c, String job, String tbl, State state) throws SQLException;

  /** Called once the transaction that wrote {@code state} committed. */
  void committed(String job, String tbl, State state) { }

  /** Whether progress lives outside the target's transactions. */
  boolean external() {
    return false;
  }

  /** Checkpoints in a {@code ferry_checkpoint} table of the target, created when missing. */
  static final class InTarget extends Checkpoints {
    private final Connection connection;
    private final String table;
    private final SqlDialect dialect;
    private final String engine;

    InTarget(Connection connection, @Nullable String namespace, SqlDialect dialect, String engine) {
      this.connection = connection;
      this.dialect = dialect;
      this.engine = engine;
      this.table = new TableName(namespace, "ferry_checkpoint").quoted(dialect);
    }

    private String q(String name) {
      return dialect.quoteIdentifier(name);
    }

    /** Creates the table if missing, in a transaction of its own. */
    void ensure() throws SQLException {
      boolean maria = engine.equals("mariadb") || engine.equals("mysql");
      String ts = maria ? "DATETIME(6)" : engine.equals("sqlite") ? "TEXT" : "TIMESTAMP";
      try (Statement st = connection.createStatement()) {
        st.execute("CREATE TABLE IF NOT EXISTS " + table + " (" + q("job") + " VARCHAR(200) NOT NULL, "
            + q("tbl") + " VARCHAR(200) NOT NULL, " + q("chunk_hi") + " VARCHAR(200), "
            + q("rows") + " BIGINT, " + q("watermark") + " VARCHAR(200), " + q("updated_at") + " "
            + ts + ", PRIMARY KEY (" + q("job") + ", " + q("tbl") + "))"
            + (maria ? " DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin" : ""));
        connection.commit();
      } catch (SQLException e) {
        connection.rollback();
        throw e;
      }
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
      Object now = engine.equals("sqlite")
          ? SinkValues.timestamp(LocalDateTime.now(ZoneOffset.UTC))
          : LocalDateTime.now(ZoneOffset.UTC);
      int n;
      try (PreparedStatement ps = c.prepareStatement("UPDATE " + table + " SET " + q("chunk_hi")
          + " = ?, " + q("rows") + " = ?, " + q("watermark") + " = ?, " + q("updated_at")
          + " = ? WHERE " + q("job") + " = ? AND " + q("tbl") + " = ?")) {
        ps.setString(1, hi);
        ps.setLong(2, s.rows());
        ps.setString(3, s.watermark());
        ps.setObject(4, now);
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
          ps.setObject(6, now);
          ps.executeUpdate();
        }
      }
    }
  }

  /**
   * Checkpoints in a JSON file. The file cannot commit with the target, so a chunk is marked
   * pending before its commit and done after; a resume finding a pending chunk deletes that
   * key range from the target before copying it again.
   */
  static final class StateFile extends Checkpoints {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path path;

    StateFile(Path path) {
      this.path = path;
    }

    @Override boolean external() {
      return true;
    }

    private synchronized ObjectNode load() {
      try {
        return Files.exists(path) ? (ObjectNode) JSON.readTree(path.toFile()) : JSON.createObjectNode();
      } catch (IOException | ClassCastException e) {
        throw FerryFailure.of("COPY_STATE", "cannot read the copy state file " + path + ": "
            + e.getMessage());
      }
    }

    private synchronized void save(ObjectNode all) {
      try {
        Path tmp = path.resolveSibling(path.getFileName() + ".tmp");
        JSON.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), all);
        Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException e) {
        throw FerryFailure.of("COPY_STATE", "cannot write the copy state file " + path + ": "
            + e.getMessage());
      }
    }

    @Override @Nullable State read(String job, String tbl) {
      var n = load().path(job).get(tbl);
      if (n == null || n.isNull()) {
        return null;
      }
      return new State(text(n, "chunkHi"), n.path("rows").asLong(), text(n, "watermark"),
          n.path("done").asBoolean(false), text(n, "pendingLo"), text(n, "pendingHi"),
          n.path("pending").asBoolean(false));
    }

    private static @Nullable String text(com.fasterxml.jackson.databind.JsonNode n, String k) {
      var v = n.get(k);
      return v == null || v.isNull() ? null : v.asText();
    }

    private void put(String job, String tbl, State s, boolean pending, @Nullable State previous) {
      ObjectNode all = load();
      ObjectNode j = all.has(job) ? (ObjectNode) all.get(job) : all.putObject(job);
      ObjectNode t = j.putObject(tbl);
      State base = pending && previous != null ? previous : s;
      t.put("chunkHi", base.chunkHi());
      t.put("rows", base.rows());
      t.put("watermark", base.watermark());
      t.put("done", base.done());
      if (pending) {
        t.put("pending", true);
        t.put("pendingLo", previous == null ? null : previous.chunkHi());
        t.put("pendingHi", s.chunkHi());
      }
      t.put("updatedAt", LocalDateTime.now(ZoneOffset.UTC).toString());
      save(all);
    }

    @Override void write(Connection c, String job, String tbl, State s) {
      State previous = read(job, tbl);
      put(job, tbl, s, true, previous == null ? State.started(null) : previous);
    }

    @Override void committed(String job, String tbl, State state) {
      put(job, tbl, state, false, null);
    }
  }
}
