package dev.ferry.dialect;

import dev.ferry.arrow.ArrowResultSet;
import dev.ferry.sink.SinkContext;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * A target engine that loads a chunk file's Arrow batches straight from their vectors, never
 * decoding a value into a Java object, when every target column holds its vector's values
 * exactly.
 *
 * <p>A restore spends most of its time turning each cell into a {@code Long} or a
 * {@code LocalDateTime} only for the sink to print it again; an engine whose bulk load takes
 * text (PostgreSQL's COPY) can print the vectors' bytes directly. The typed sink stays the
 * fallback: a loader that cannot vouch for a column pairing declines and writes nothing.
 */
public interface ArrowLoader {
  /**
   * Whether every column of {@code rows} can go into the table of {@code ctx} as its text,
   * unchanged by the target: false when one pairing could round, truncate or shift a value
   * silently (the typed sink then checks each value), or when {@code ctx} asks for a merge.
   */
  boolean accepts(SinkContext ctx, ArrowResultSet rows);

  /**
   * Loads every remaining row of {@code rows} into the table of {@code ctx} on {@code c}, inside
   * the caller's transaction (which the caller commits or rolls back), and returns the count.
   * A value the target refuses fails with the row and column named.
   */
  long load(SinkContext ctx, Connection c, ArrowResultSet rows) throws SQLException;
}
