package dev.ferry.copy;

import dev.ferry.ddl.FerryNamespace;
import dev.ferry.types.TableName;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.calcite.sql.SqlDialect;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The {@code ferry_checkpoint} table a copy or a migration keeps its checkpoints in, and the
 * removal of a finished job's rows from it: what a copy and a migration share once they are
 * done, so that Ferry's table does not stay beside the user's tables when nothing needs it.
 */
public final class CheckpointTable {
  /** Its name, in Ferry's own namespace or, where there is none, in the target table's. */
  public static final String NAME = FerryNamespace.CHECKPOINTS;

  private CheckpointTable() {}

  /**
   * Deletes the rows of {@code job} (only those of {@code tables} when given) from the table in
   * {@code namespace}, on {@code c} in autocommit; drops the table when {@code dropWhenEmpty}
   * and no row is left (another job's, an incremental copy's watermark). Returns the statements
   * run.
   *
   * @throws SQLException when the table is missing or may not be changed
   */
  public static List<String> remove(Connection c, SqlDialect q, @Nullable String namespace,
      String job, @Nullable Collection<String> tables, boolean dropWhenEmpty) throws SQLException {
    String table = new TableName(namespace, NAME).quoted(q);
    List<String> sql = new ArrayList<>();
    String delete = "DELETE FROM " + table + " WHERE " + q.quoteIdentifier("job") + " = ?"
        + (tables == null ? "" : " AND " + q.quoteIdentifier("tbl") + " = ?");
    try (PreparedStatement ps = c.prepareStatement(delete)) {
      for (String t : tables == null ? List.of("") : tables) {
        ps.setString(1, job);
        if (tables != null) {
          ps.setString(2, t);
        }
        ps.executeUpdate();
      }
    }
    sql.add(delete);
    if (dropWhenEmpty) {
      long left;
      try (Statement st = c.createStatement();
          ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + table)) {
        left = rs.next() ? rs.getLong(1) : 1;
      }
      if (left == 0) {
        String drop = "DROP TABLE " + table;
        try (Statement st = c.createStatement()) {
          st.execute(drop);
        }
        sql.add(drop);
      }
    }
    return sql;
  }
}
