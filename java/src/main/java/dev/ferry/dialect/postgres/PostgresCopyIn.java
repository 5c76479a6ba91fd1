package dev.ferry.dialect.postgres;

import dev.ferry.dialect.CopyTextLoader;
import dev.ferry.sink.CopyTextRows;
import dev.ferry.sink.SinkContext;

import java.sql.Connection;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * COPY text into PostgreSQL untouched, byte for byte, when every target column has the source
 * column's own type ({@link CopyRelay#possible}); upserts too, through the sink's stage table.
 */
final class PostgresCopyIn implements CopyTextLoader {
  @Override public boolean merges() {
    return true;
  }

  @Override public @Nullable Load open(SinkContext ctx, Connection c, ResultSetMetaData source)
      throws SQLException {
    if (!CopyRelay.possible(source, c, ctx.table, ctx.columns, ctx.dialect)) {
      return null;
    }
    PostgresCopySink sink = new PostgresCopySink(ctx, c);
    return new Load() {
      @Override public long load(CopyTextRows rows) throws SQLException {
        return sink.relay(rows);
      }

      @Override public void finish() throws SQLException {
        sink.finish();
      }

      @Override public String note() {
        return "rows travelled as PostgreSQL COPY text, untouched: the target columns have the"
            + " source's own types";
      }

      @Override public void close() {
        sink.close();
      }
    };
  }
}
