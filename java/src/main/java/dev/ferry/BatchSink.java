package dev.ferry;

import java.math.BigDecimal;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Writes with prepared statements: MariaDB/MySQL get multi-row {@code INSERT … VALUES (…), (…)}
 * statements (what {@code rewriteBatchedStatements} would produce, built here so it works with
 * every driver version), H2, SQLite and other engines get JDBC batches.
 *
 * <p>Upserts: MariaDB {@code ON DUPLICATE KEY UPDATE}, H2 {@code MERGE INTO … KEY}, SQLite
 * {@code ON CONFLICT … DO UPDATE}. SQLite has no date, time or exact decimal storage, so those
 * values are written as text (ISO dates, {@code yyyy-MM-dd HH:mm:ss.ffffff}, plain decimals),
 * which Ferry reads back exactly; booleans as 0/1.
 */
final class BatchSink implements TableSink {
  private static final int BATCH_ROWS = 10_000;
  private static final int MULTI_ROW_PARAMS = 30_000;

  private final SinkContext ctx;
  private final Connection connection;
  private final String engine;
  private final boolean multiRow;
  private final boolean sqlite;
  private final int rowsPerStatement;
  private final Object[][] pending;
  private int pendingRows;
  private @Nullable PreparedStatement full;
  private long firstPendingRow;

  BatchSink(SinkContext ctx, Connection connection) {
    this.ctx = ctx;
    this.connection = connection;
    this.engine = ctx.engine();
    this.multiRow = engine.equals("mariadb") || engine.equals("mysql");
    this.sqlite = engine.equals("sqlite");
    int n = Math.max(1, ctx.columns.size());
    this.rowsPerStatement = multiRow ? Math.max(1, Math.min(1000, MULTI_ROW_PARAMS / n)) : BATCH_ROWS;
    this.pending = new Object[rowsPerStatement][];
    if (ctx.options.mode() == Mode.UPSERT && ctx.keyIndexes.length == 0) {
      throw FerryFailure.of("USAGE", "an upsert into " + ctx.table + " needs its key columns");
    }
  }

  private String sql(int rows) {
    String into = ctx.table.quoted(ctx.dialect);
    String cols = ctx.columnList();
    StringBuilder marks = new StringBuilder("(");
    for (int i = 0; i < ctx.columns.size(); i++) {
      marks.append(i == 0 ? "?" : ", ?");
    }
    marks.append(')');
    StringBuilder values = new StringBuilder();
    for (int r = 0; r < rows; r++) {
      values.append(r == 0 ? "" : ", ").append(marks);
    }
    boolean upsert = ctx.options.mode() == Mode.UPSERT;
    if (!upsert) {
      return "INSERT INTO " + into + " " + cols + " VALUES " + values;
    }
    StringBuilder set = new StringBuilder();
    switch (engine) {
    case "mariadb":
    case "mysql":
      for (int i = 0; i < ctx.columns.size(); i++) {
        String c = ctx.dialect.quoteIdentifier(ctx.columns.get(i));
        if (!ctx.isKey(i)) {
          set.append(set.length() == 0 ? "" : ", ").append(c).append(" = VALUES(").append(c).append(')');
        }
      }
      if (set.length() == 0) {
        String c = ctx.dialect.quoteIdentifier(ctx.columns.get(ctx.keyIndexes[0]));
        set.append(c).append(" = ").append(c);
      }
      return "INSERT INTO " + into + " " + cols + " VALUES " + values + " ON DUPLICATE KEY UPDATE " + set;
    case "sqlite":
      for (int i = 0; i < ctx.columns.size(); i++) {
        String c = ctx.dialect.quoteIdentifier(ctx.columns.get(i));
        if (!ctx.isKey(i)) {
          set.append(set.length() == 0 ? "" : ", ").append(c).append(" = excluded.").append(c);
        }
      }
      return "INSERT INTO " + into + " " + cols + " VALUES " + values + " ON CONFLICT ("
          + ctx.keyList() + ") DO " + (set.length() == 0 ? "NOTHING" : "UPDATE SET " + set);
    default:
      // H2, HSQLDB and Derby all read this form of MERGE.
      return "MERGE INTO " + into + " " + cols + " KEY (" + ctx.keyList() + ") VALUES " + values;
    }
  }

  @Override public long write(ResultSet rs, long limit) throws SQLException {
    long rows = 0;
    try {
      if (full == null) {
        full = connection.prepareStatement(sql(multiRow ? rowsPerStatement : 1));
      }
      while (rows < limit && rs.next()) {
        rows++;
        Object[] row = pending[pendingRows];
        if (row == null) {
          row = new Object[ctx.readers.length];
          pending[pendingRows] = row;
        }
        if (pendingRows == 0) {
          firstPendingRow = rows;
        }
        ctx.readRow(rs, row, rows);
        if (!multiRow) {
          bindRow(full, row, 0);
          full.addBatch();
        }
        if (++pendingRows == rowsPerStatement) {
          flush();
          ctx.options.progress().accept(rows);
          ctx.checkCancelled();
        }
      }
      flush();
      ctx.options.progress().accept(rows);
      return rows;
    } catch (SQLException e) {
      throw ctx.orRejected(e, "in one of rows " + describePending());
    }
  }

  private String describePending() {
    if (pendingRows == 0) {
      return "(unknown)";
    }
    Object[] first = pending[0];
    Object[] last = pending[pendingRows - 1];
    return ctx.key(first, firstPendingRow) + " … " + ctx.key(last, firstPendingRow + pendingRows - 1);
  }

  private void flush() throws SQLException {
    if (pendingRows == 0) {
      return;
    }
    PreparedStatement st = full;
    if (multiRow) {
      boolean partial = pendingRows < rowsPerStatement;
      PreparedStatement ps = partial ? connection.prepareStatement(sql(pendingRows)) : st;
      try {
        int n = ctx.columns.size();
        for (int r = 0; r < pendingRows; r++) {
          bindRow(ps, pending[r], r * n);
        }
        ps.executeUpdate();
      } finally {
        if (partial) {
          ps.close();
        }
      }
    } else {
      try {
        st.executeBatch();
      } catch (BatchUpdateException e) {
        SQLException next = e.getNextException();
        throw next != null && next.getSQLState() != null ? next : e;
      }
    }
    pendingRows = 0;
  }

  private void bindRow(PreparedStatement ps, Object[] row, int offset) throws SQLException {
    for (int i = 0; i < row.length; i++) {
      int p = offset + i + 1;
      Object v = row[i];
      if (v == null) {
        ps.setNull(p, ctx.targetColumns[i].jdbcType());
      } else if (v instanceof String s) {
        ps.setString(p, s);
      } else if (v instanceof Long l) {
        ps.setLong(p, l);
      } else if (v instanceof BigDecimal d) {
        if (sqlite) {
          ps.setString(p, d.toPlainString());
        } else {
          ps.setBigDecimal(p, d);
        }
      } else if (v instanceof Boolean b) {
        if (sqlite) {
          ps.setInt(p, b ? 1 : 0);
        } else {
          ps.setBoolean(p, b);
        }
      } else if (v instanceof Double d) {
        ps.setDouble(p, d);
      } else if (v instanceof byte[] b) {
        ps.setBytes(p, b);
      } else if (v instanceof LocalDateTime || v instanceof LocalTime || v instanceof LocalDate) {
        if (sqlite) {
          ps.setString(p, v instanceof LocalDate d ? d.toString() : SinkValues.text(v));
        } else {
          ps.setObject(p, v);
        }
      } else if (v instanceof OffsetDateTime o) {
        if (sqlite) {
          ps.setString(p, SinkValues.text(o));
        } else if (multiRow) {
          ps.setObject(p, o.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime());
        } else {
          ps.setObject(p, o);
        }
      } else {
        ps.setObject(p, v);
      }
    }
  }

  @Override public void close() {
    if (full != null) {
      try {
        full.close();
      } catch (SQLException ignored) {
        // The caller rolls back or commits the connection; the statement dies with it.
      }
      full = null;
    }
    pendingRows = 0;
  }
}
