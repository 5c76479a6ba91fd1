package dev.ferry.sink;

import dev.ferry.error.FerryFailure;

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
 * Writes with prepared statements: JDBC batches, or multi-row {@code INSERT … VALUES (…), (…)}
 * statements where the engine's {@link BatchSql} asks for them; upserts as the engine spells
 * them; values bound by the engine's {@link ValueBinder}.
 *
 * <p>The generic sink: every dialect without a bulk path of its own writes through it (H2,
 * SQLite, HSQLDB, Derby, any other driver), and MariaDB for upserts.
 */
public final class BatchSink implements TableSink {
  private static final int BATCH_ROWS = 10_000;
  private static final int MULTI_ROW_PARAMS = 30_000;

  private final SinkContext ctx;
  private final Connection connection;
  private final BatchSql style;
  private final ValueBinder binder;
  private final boolean multiRow;
  private final int rowsPerStatement;
  private final Object[][] pending;
  private int pendingRows;
  private @Nullable PreparedStatement full;
  private long firstPendingRow;

  /** A sink writing on {@code connection} (autocommit off, owned by the caller). */
  public BatchSink(SinkContext ctx, Connection connection, BatchSql style, ValueBinder binder) {
    this.ctx = ctx;
    this.connection = connection;
    this.style = style;
    this.binder = binder;
    this.multiRow = style.multiRow();
    int n = Math.max(1, ctx.columns.size());
    this.rowsPerStatement = multiRow ? Math.max(1, Math.min(1000, MULTI_ROW_PARAMS / n)) : BATCH_ROWS;
    this.pending = new Object[rowsPerStatement][];
    if (ctx.options.mode() == Mode.UPSERT && ctx.keyIndexes.length == 0) {
      throw FerryFailure.of("USAGE", "an upsert into " + ctx.table + " needs its key columns");
    }
  }

  private String sql(int rows) {
    StringBuilder marks = new StringBuilder("(");
    for (int i = 0; i < ctx.columns.size(); i++) {
      marks.append(i == 0 ? "?" : ", ?");
    }
    marks.append(')');
    StringBuilder values = new StringBuilder();
    for (int r = 0; r < rows; r++) {
      values.append(r == 0 ? "" : ", ").append(marks);
    }
    if (ctx.options.mode() == Mode.UPSERT) {
      return style.upsert(ctx, values.toString());
    }
    return "INSERT INTO " + ctx.table.quoted(ctx.dialect) + " " + ctx.columnList() + " VALUES "
        + values;
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
      binder.bind(ps, offset + i + 1, row[i], ctx.targetColumns[i].jdbcType());
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
