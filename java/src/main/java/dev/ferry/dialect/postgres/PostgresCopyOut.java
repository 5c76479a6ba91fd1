package dev.ferry.dialect.postgres;

import dev.ferry.dialect.CopyTextSource;
import dev.ferry.sink.CopyTextRows;

import java.sql.Connection;
import java.sql.SQLException;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyOut;
import org.postgresql.core.BaseConnection;

/**
 * A SELECT printed by PostgreSQL itself as COPY text: {@code COPY (select) TO STDOUT}, one
 * message per row, read through pgjdbc's CopyManager.
 */
final class PostgresCopyOut implements CopyTextSource {
  @Override public CopyTextRows open(Connection source, String sql, Runnable onAbandon)
      throws SQLException {
    CopyOut out = source.unwrap(PGConnection.class).getCopyAPI()
        .copyOut("COPY (" + sql + ") TO STDOUT");
    return new CopyTextRows() {
      @Override public byte @Nullable [] next() throws SQLException {
        return out.readFromCopy();
      }

      @Override public void close() {
        if (out.isActive()) {
          // The connection may be left out of step with the server: it must not be reused.
          onAbandon.run();
          try {
            out.cancelCopy();
          } catch (SQLException ignored) {
            // The connection is discarded anyway.
          }
        }
      }
    };
  }

  @Override public void cancel(Connection source) {
    try {
      source.unwrap(BaseConnection.class).cancelQuery();
    } catch (SQLException ignored) {
      // Closing the connection afterwards stops the read anyway.
    }
  }
}
