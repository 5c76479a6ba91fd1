package dev.ferry.dialect.postgres;

import dev.ferry.arrow.ArrowResultSet;
import dev.ferry.dialect.ArrowLoader;
import dev.ferry.sink.SinkContext;
import dev.ferry.sink.TableSink;
import dev.ferry.types.ColumnSpec;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Loads a chunk file into PostgreSQL with one {@code COPY … FROM STDIN} whose data is written
 * straight from the Arrow vectors into one reused buffer, sent in 1 MiB blocks: binary COPY
 * when every column pairs with its target type exactly ({@link ArrowBinaryFields}; the server
 * skips parsing), else COPY text ({@link ArrowCopyFields}).
 *
 * <p>This is what the typed sink does, minus a Java object per cell: a restore's JVM time went
 * mostly to building {@code Long}s, {@code BigDecimal}s and {@code LocalDateTime}s only to
 * print them again. Values PostgreSQL refuses fail the COPY, whose message names the line and
 * column; the caller's rollback leaves nothing of the file.
 */
final class PostgresArrowLoader implements ArrowLoader {
  private static final int FLUSH_BYTES = 1 << 20;
  private static final String WHERE = "(COPY of a chunk file, lines count from 1 within it)";
  /**
   * Whether files whose every column has a binary field go as binary COPY
   * ({@code -Dferry.postgres.binaryLoad=false} sends every file as text).
   */
  private static final boolean BINARY =
      !"false".equals(System.getProperty("ferry.postgres.binaryLoad"));

  @Override public boolean accepts(SinkContext ctx, ArrowResultSet rows) {
    return fields(ctx, rows, false) != null;
  }

  /**
   * One field per column, binary or text as asked, or null when a column pairing is not exact
   * that way: then a load goes as text, or not through this loader at all.
   */
  private static CopyField @Nullable [] fields(SinkContext ctx, ArrowResultSet rows,
      boolean binary) {
    if (ctx.options.mode() != TableSink.Mode.INSERT) {
      return null;
    }
    List<FieldVector> vectors = rows.batch().getFieldVectors();
    if (vectors.size() != ctx.targetColumns.length) {
      return null;
    }
    CopyField[] out = new CopyField[vectors.size()];
    for (int i = 0; i < out.length; i++) {
      FieldVector v = vectors.get(i);
      ColumnSpec spec = rows.specs().get(i);
      out[i] = binary ? ArrowBinaryFields.of(v, spec, ctx.targetColumns[i])
          : ArrowCopyFields.of(v, spec, ctx.targetColumns[i]);
      if (out[i] == null) {
        return null;
      }
    }
    return out;
  }

  @Override public long load(SinkContext ctx, Connection c, ArrowResultSet rows)
      throws SQLException {
    CopyField[] binary = BINARY ? fields(ctx, rows, true) : null;
    CopyField[] fields = binary != null ? binary : fields(ctx, rows, false);
    if (fields == null) {
      throw new IllegalStateException("load of " + ctx.table + " without accepts()");
    }
    String sql = "COPY " + ctx.table.quoted(ctx.dialect) + " " + ctx.columnList() + " FROM STDIN"
        + (binary != null ? " WITH (FORMAT binary)" : "");
    CopyIn in = c.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
    CopyTextBuffer out = new CopyTextBuffer(FLUSH_BYTES + (64 << 10));
    if (binary != null) {
      out.ascii("PGCOPY\n");
      out.put((byte) 0xFF);
      out.ascii("\r\n");
      out.put((byte) 0);
      out.i32(0);
      out.i32(0);
    }
    long total = 0;
    try {
      VectorSchemaRoot batch;
      while ((batch = rows.nextBatch()) != null) {
        int n = batch.getRowCount();
        for (int r = 0; r < n; r++) {
          row(ctx, rows, fields, binary != null, r, out);
          if (out.len >= FLUSH_BYTES) {
            in.writeToCopy(out.buf, 0, out.len);
            out.len = 0;
            ctx.options.progress().accept(total + r + 1);
            ctx.checkCancelled();
          }
        }
        total += n;
      }
      if (binary != null) {
        out.i16(-1);
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

  /**
   * Writes row {@code r} of the current batch: a binary tuple (field count, then each field or
   * -1 for NULL), or a text line (tab-separated, {@code \N} for NULL, newline-terminated).
   */
  private static void row(SinkContext ctx, ArrowResultSet rows, CopyField[] fields,
      boolean binary, int r, CopyTextBuffer out) {
    if (binary) {
      out.i16(fields.length);
    }
    for (int i = 0; i < fields.length; i++) {
      if (i > 0 && !binary) {
        out.put((byte) '\t');
      }
      CopyField f = fields[i];
      if (f.vector.isNull(r)) {
        if (binary) {
          out.i32(-1);
        } else {
          out.nul();
        }
        continue;
      }
      try {
        f.write(r, out);
      } catch (ArrowCopyFields.Rejected e) {
        throw ctx.rejected(ctx.columns.get(i), "row " + (rows.rowsBefore() + r + 1) + " of the file",
            e.value, e.getMessage());
      }
    }
    if (!binary) {
      out.put((byte) '\n');
    }
  }
}
