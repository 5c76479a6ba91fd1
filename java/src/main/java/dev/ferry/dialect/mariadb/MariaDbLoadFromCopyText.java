package dev.ferry.dialect.mariadb;

import dev.ferry.dialect.CopyTextLoader;
import dev.ferry.sink.CopyTextRows;
import dev.ferry.sink.SinkContext;

import java.sql.Connection;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * COPY text into MariaDB's {@code LOAD DATA}, re-encoded byte by byte ({@link PgTextToLoadData})
 * when every target column holds its source column's values exactly; plain inserts only.
 */
final class MariaDbLoadFromCopyText implements CopyTextLoader {
  @Override public boolean merges() {
    return false;
  }

  @Override public @Nullable Load open(SinkContext ctx, Connection c, ResultSetMetaData source)
      throws SQLException {
    if (!MariaDbLoadSink.available(c)) {
      return null;
    }
    MariaDbLoadSink sink = new MariaDbLoadSink(ctx, c);
    PgTextToLoadData transcoder = PgTextToLoadData.forColumns(source, sink.targetColumns());
    if (transcoder == null) {
      return null;
    }
    return new Load() {
      @Override public long load(CopyTextRows rows) throws SQLException {
        return sink.transcode(rows, transcoder);
      }

      @Override public void finish() {}

      @Override public String note() {
        return "rows travelled as PostgreSQL COPY text, re-escaped for LOAD DATA without decoding"
            + " values: the target columns hold the source's exactly";
      }

      @Override public void close() {
        sink.close();
      }
    };
  }
}
