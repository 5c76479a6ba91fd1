package dev.ferry.dialect;

import dev.ferry.sink.CopyTextRows;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * A source engine that prints a SELECT's rows as COPY text ({@link CopyTextRows}), which a
 * target's {@link CopyTextLoader} takes without a value decoded in the JVM.
 */
public interface CopyTextSource {
  /**
   * Starts printing the rows of {@code sql} on {@code source}. {@code onAbandon} runs when the
   * stream is closed before its end, which leaves the connection unfit for reuse.
   */
  CopyTextRows open(Connection source, String sql, Runnable onAbandon) throws SQLException;

  /** Stops a running read on {@code source} from another thread, where the driver allows it. */
  void cancel(Connection source);
}
