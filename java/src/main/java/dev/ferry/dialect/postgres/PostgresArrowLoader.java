package dev.ferry.dialect.postgres;

import dev.ferry.arrow.ArrowResultSet;
import dev.ferry.dialect.ArrowLoader;
import dev.ferry.sink.SinkContext;
import dev.ferry.sink.TableSink;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Loads a chunk file into PostgreSQL with one {@code COPY … FROM STDIN} (text format) whose
 * text is printed straight from the Arrow vectors ({@link ArrowCopyFields}) into one reused
 * buffer, sent in 1 MiB blocks.
 *
 * <p>This is what the typed sink does, minus a Java object per cell: a restore's JVM time went
 * mostly to building {@code Long}s, {@code BigDecimal}s and {@code LocalDateTime}s only to
 * print them again. Values PostgreSQL refuses fail the COPY, whose message names the line and
 * column; the caller's rollback leaves nothing of the file.
 */
final class PostgresArrowLoader implements ArrowLoader {
  private static final int FLUSH_BYTES = 1 << 20;
  private static final String WHERE = "(COPY of a chunk file, lines count from 1 within it)";

  @Override public boolean accepts(SinkContext ctx, ArrowResultSet rows) {
    return fields(ctx, rows) != null;
  }

  /** One field per column, or null when a column pairing is not exact as text. */
  private static ArrowCopyFields @Nullable [] fields(SinkContext ctx, ArrowResultSet rows) {
    if (ctx.options.mode() != TableSink.Mode.INSERT) {
      return null;
    }
    List<FieldVector> vectors = rows.batch().getFieldVectors();
    if (vectors.size() != ctx.targetColumns.length) {
      return null;
    }
    ArrowCopyFields[] out = new ArrowCopyFields[vectors.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = ArrowCopyFields.of(vectors.get(i), rows.specs().get(i), ctx.targetColumns[i]);
      if (out[i] == null) {
        return null;
      }
    }
    return out;
  }

  @Override public long load(SinkContext ctx, Connection c, ArrowResultSet rows)
      throws SQLException {
    ArrowCopyFields[] fields = fields(ctx, rows);
    if (fields == null) {
      throw new IllegalStateException("load of " + ctx.table + " without accepts()");
    }
    String sql = "COPY " + ctx.table.quoted(ctx.dialect) + " " + ctx.columnList() + " FROM STDIN";
    CopyIn in = c.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
    CopyTextBuffer out = new CopyTextBuffer(FLUSH_BYTES + (64 << 10));
    long total = 0;
    try {
      VectorSchemaRoot batch;
      while ((batch = rows.nextBatch()) != null) {
        int n = batch.getRowCount();
        for (int r = 0; r < n; r++) {
          row(ctx, rows, fields, r, out);
          if (out.len >= FLUSH_BYTES) {
            in.writeToCopy(out.buf, 0, out.len);
            out.len = 0;
            ctx.options.progress().accept(total + r + 1);
            ctx.checkCancelled();
          }
        }
        total += n;
      }
      if (out.len > 0) {
        in.writeToCopy(out.buf, 0, out.len);
      }
      in.endCopy();
      ctx.options.progress().accept(total);
      return total;
    } catch (SQLException e) {
      throw ctx.orRejected(e, WHERE);
    } finally {
      if (in.isActive()) {
        try {
          in.cancelCopy();
        } catch (SQLException ignored) {
          // The caller rolls the transaction back anyway.
        }
      }
    }
  }

  /** Prints row {@code r} of the current batch, tab-separated, newline-terminated. */
  private static void row(SinkContext ctx, ArrowResultSet rows, ArrowCopyFields[] fields, int r,
      CopyTextBuffer out) {
    for (int i = 0; i < fields.length; i++) {
      if (i > 0) {
        out.put((byte) '\t');
      }
      ArrowCopyFields f = fields[i];
      if (f.vector.isNull(r)) {
        out.nul();
        continue;
      }
      try {
        f.write(r, out);
      } catch (ArrowCopyFields.Rejected e) {
        throw ctx.rejected(ctx.columns.get(i), "row " + (rows.rowsBefore() + r + 1) + " of the file",
            e.value, e.getMessage());
      }
    }
    out.put((byte) '\n');
  }
}
