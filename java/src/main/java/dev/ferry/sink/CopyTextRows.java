package dev.ferry.sink;

import java.sql.SQLException;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Rows a source prints in PostgreSQL's COPY text format (tab-separated fields, {@code \N} for
 * NULL, backslash escapes, one row per newline-terminated line), read one row at a time.
 *
 * <p>The format is the lingua franca of Ferry's relays: a source dialect that can print a
 * SELECT this way offers it ({@code Dialect.copyTextSource}), and a target dialect that can load
 * it, as it is or re-encoded, takes it ({@code Dialect.copyTextLoader}); no value is decoded in
 * the JVM on the way.
 */
public interface CopyTextRows extends AutoCloseable {
  /** The next row, newline included, or null after the last. */
  byte @Nullable [] next() throws SQLException;

  /**
   * Stops the stream if it is still sending (a reader gave up on it); the source connection is
   * then not fit for reuse.
   */
  @Override void close();

  /**
   * Thrown by a loader that meets a value it cannot carry as text (or that the target would
   * change): the caller rolls the chunk back and copies it through the typed path, which names
   * the value.
   */
  final class Unsuitable extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Says why the text could not be carried as it is. */
    public Unsuitable(String why) {
      super(why, null, false, false);
    }
  }
}
