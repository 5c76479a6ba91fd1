package dev.ferry.federation;

import java.util.List;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * What running one query took, like PostgreSQL's {@code EXPLAIN ANALYZE}: where the time went
 * and how many rows each database sent, next to what Calcite expected.
 *
 * @param plan Calcite's physical plan, one operator per line
 * @param direct whether the query was pushed whole into one database and read straight from its
 *     driver
 * @param planningMs parsing, validating, optimizing and generating code: until the statement
 *     was ready to run
 * @param executionMs from starting the statement until its last row was handed over
 * @param rows the rows of the result
 * @param queries each statement sent to a database, in plan order
 */
public record Analysis(String plan, boolean direct, double planningMs, double executionMs,
    long rows, List<SourceRead> queries) {
  /**
   * One statement sent to one database, and what it returned.
   *
   * @param database the configured database that ran it (null when it cannot be told)
   * @param sql the SQL it ran
   * @param estimatedRows Calcite's estimate of the rows one execution returns (null when
   *     unknown)
   * @param executions how many times it ran (a subtree under a correlated join runs once per
   *     outer row)
   * @param rowsRead the rows Ferry read from it, over every execution
   */
  public record SourceRead(@Nullable String database, String sql, @Nullable Long estimatedRows,
      long executions, long rowsRead) {}
}
