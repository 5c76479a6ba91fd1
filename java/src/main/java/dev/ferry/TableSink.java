package dev.ferry;

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
 * fastest bulk path: PostgreSQL {@code COPY FROM STDIN}, multi-row INSERTs for MariaDB/MySQL,
 * prepared-statement batches elsewhere.
 *
 * <p>A sink never commits: the caller owns the connection's transaction, so a chunk and its
 * checkpoint commit together and a failed chunk leaves nothing behind. Rows stream through a
 * bounded buffer; a whole chunk is never held in memory.
 */
interface TableSink extends AutoCloseable {
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
   */
  record Options(Mode mode, List<String> key, LongConsumer progress, BooleanSupplier cancelled) {
    /** Plain inserts, rows named by position, no progress. */
    static Options inserts() {
      return new Options(Mode.INSERT, List.of(), n -> { }, () -> false);
    }
  }

  /**
   * Opens a sink writing {@code columns} of {@code table} on {@code c} (autocommit off, owned by
   * the caller) from rows typed as {@code sourceTypes}.
   *
   * @param sourceEngine the engine whose own driver's result set the rows come from, or null
   *     for Calcite's: SQLite's keeps dates as text, PostgreSQL's text goes to PostgreSQL as is
   */
  static TableSink open(DatabaseSpec target, SqlDialect dialect, Connection c, TableName table,
      List<String> columns, List<ColumnSpec> sourceTypes, @Nullable String sourceEngine,
      Options options)
      throws SQLException {
    String engine = target.engine();
    TargetColumns targetColumns = TargetColumns.read(c, engine, table);
    if (!targetColumns.exists()) {
      throw FerryFailure.of("SQL_VALIDATION", "table " + table + " does not exist in database '"
          + target.name() + "'").with("database", target.name()).with("table", table.toString());
    }
    SinkContext ctx = new SinkContext(target, dialect, table, columns, targetColumns,
        engine.equals("postgresql") && "postgresql".equals(sourceEngine)
            ? SinkValues.postgresText(sourceTypes)
            : SinkValues.readers(sourceTypes, "sqlite".equals(sourceEngine)), options);
    return switch (engine) {
      case "postgresql" -> new PostgresCopySink(ctx, c);
      case "mariadb", "mysql" -> options.mode() == Mode.INSERT && MariaDbLoadSink.available(c)
          ? new MariaDbLoadSink(ctx, c) : new BatchSink(ctx, c);
      default -> new BatchSink(ctx, c);
    };
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
