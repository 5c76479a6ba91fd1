package dev.ferry.sink;

import dev.ferry.arrow.ArrowStreamFileWriter;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;
import org.apache.calcite.sql.SqlDialect;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Writes rows from a source result set into one table of a target database, with the target's
 * fastest bulk path; each dialect opens its own ({@code Dialect.openSink}): PostgreSQL
 * {@code COPY FROM STDIN}, MariaDB {@code LOAD DATA}, DuckDB's appender, prepared-statement
 * batches ({@link BatchSink}) elsewhere.
 *
 * <p>A sink never commits: the caller owns the connection's transaction, so a chunk and its
 * checkpoint commit together and a failed chunk leaves nothing behind. Rows stream through a
 * bounded buffer; a whole chunk is never held in memory.
 */
public interface TableSink extends AutoCloseable {
  /** Insert rows as they come, or merge them into existing rows by key. */
  enum Mode { INSERT, UPSERT }

  /**
   * How a sink writes.
   *
   * @param mode insert or upsert
   * @param key the target's key columns: the conflict target of an upsert, and what error
   *     messages name a rejected row by (empty: rows are named by position)
   * @param progress told the rows written so far after each flushed buffer
   * @param cancelled polled between buffers; true stops the write with {@code CANCELLED}
   * @param rowRead sees each row on the source's result set once its values were read and
   *     accepted (a migration hashes the rows it loads), or null
   */
  public record Options(Mode mode, List<String> key, LongConsumer progress, BooleanSupplier cancelled,
      ArrowStreamFileWriter.@Nullable RowHook rowRead) {
    /** Options without a row hook. */
    public Options(Mode mode, List<String> key, LongConsumer progress, BooleanSupplier cancelled) {
      this(mode, key, progress, cancelled, null);
    }

    /** Plain inserts, rows named by position, no progress. */
    public static Options inserts() {
      return new Options(Mode.INSERT, List.of(), n -> { }, () -> false);
    }

    /** These options with {@code hook} seeing each row read (null: none). */
    public Options withRowRead(ArrowStreamFileWriter.@Nullable RowHook hook) {
      return new Options(mode, key, progress, cancelled, hook);
    }
  }

  /**
   * Writes up to {@code limit} rows from {@code rs} (positioned before its next row) and flushes
   * them to the target; returns the rows written. A value the target cannot hold fails with
   * {@code COPY_VALUE_REJECTED} naming table, column, key and value.
   */
  long write(ResultSet rs, long limit) throws SQLException;

  /** Completes what {@link #write} buffered on the server side (an upsert's merge). */
  default void finish() throws SQLException { }

  @Override void close();
}
