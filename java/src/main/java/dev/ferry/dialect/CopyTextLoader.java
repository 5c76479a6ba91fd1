package dev.ferry.dialect;

import dev.ferry.sink.CopyTextRows;
import dev.ferry.sink.SinkContext;

import java.sql.Connection;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A target engine that loads COPY text ({@link CopyTextRows}) as it is, or re-encoded for its
 * own bulk path, when every target column holds its source column's values exactly.
 */
public interface CopyTextLoader {
  /** Whether a merge (upsert) can load this way. */
  boolean merges();

  /**
   * Opens a load into the sink table of {@code ctx} on {@code c} of rows described by
   * {@code source} (the SELECT's metadata as the source engine reports it), or returns null,
   * having written nothing, when a column pairing would not be exact.
   */
  @Nullable Load open(SinkContext ctx, Connection c, ResultSetMetaData source) throws SQLException;

  /** One load of COPY text into one table, inside the caller's transaction. */
  interface Load extends AutoCloseable {
    /**
     * Loads every row and returns the count; {@link CopyTextRows.Unsuitable} when a value
     * cannot go as text, after which the caller rolls back and copies through typed values.
     */
    long load(CopyTextRows rows) throws SQLException;

    /** Completes what {@link #load} left on the server side (an upsert's merge). */
    void finish() throws SQLException;

    /** What the copy's notes say when rows went this way. */
    String note();

    @Override void close();
  }
}
