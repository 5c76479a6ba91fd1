package dev.ferry.sink;

import java.util.function.UnaryOperator;

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

  /**
   * Upserts as {@code INSERT … ON CONFLICT (key) DO UPDATE SET c = excluded.c} (SQLite, DuckDB),
   * several rows to a statement when {@code multiRow}.
   */
  static BatchSql onConflict(boolean multiRow) {
    return new BatchSql() {
      @Override public boolean multiRow() {
        return multiRow;
      }

      @Override public String upsert(SinkContext ctx, String values) {
        String set = assignments(ctx, c -> "excluded." + c);
        return "INSERT INTO " + ctx.table.quoted(ctx.dialect) + " " + ctx.columnList() + " VALUES "
            + values + " ON CONFLICT (" + ctx.keyList() + ") DO "
            + (set.isEmpty() ? "NOTHING" : "UPDATE SET " + set);
      }
    };
  }

  /**
   * {@code c = value(c)} for every column outside the key, comma-separated (empty when every
   * column is part of the key); the columns come quoted.
   */
  static String assignments(SinkContext ctx, UnaryOperator<String> value) {
    StringBuilder set = new StringBuilder();
    for (int i = 0; i < ctx.columns.size(); i++) {
      if (!ctx.isKey(i)) {
        String c = ctx.dialect.quoteIdentifier(ctx.columns.get(i));
        set.append(set.length() == 0 ? "" : ", ").append(c).append(" = ").append(value.apply(c));
      }
    }
    return set.toString();
  }
}
