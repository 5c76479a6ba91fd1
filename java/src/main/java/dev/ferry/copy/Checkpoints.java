package dev.ferry.copy;


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
public abstract class Checkpoints {
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
}
