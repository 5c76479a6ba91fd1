package dev.ferry.sink;

/**
 * The statements a {@link BatchSink} writes with, which differ by engine only in two ways:
 * whether several rows go in one {@code INSERT … VALUES (…), (…)} and how an upsert is spelled.
 *
 * <p>The default is JDBC batches of single-row inserts and {@code MERGE INTO … KEY (…) VALUES},
 * which H2, HSQLDB and Derby all read.
 */
public interface BatchSql {
  /** Single-row batches; upserts as {@code MERGE INTO … KEY}. */
  BatchSql STANDARD = new BatchSql() { };

  /**
   * Whether rows go several to one statement (MariaDB/MySQL: what
   * {@code rewriteBatchedStatements} would produce, built here so that it works with every
   * driver version) rather than as a JDBC batch.
   */
  default boolean multiRow() {
    return false;
  }

  /**
   * The statement that merges {@code values} ({@code (?, ?), (?, ?)}) into the sink's table by
   * its key columns.
   */
  default String upsert(SinkContext ctx, String values) {
    return "MERGE INTO " + ctx.table.quoted(ctx.dialect) + " " + ctx.columnList() + " KEY ("
        + ctx.keyList() + ") VALUES " + values;
  }
}
