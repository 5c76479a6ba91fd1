package dev.ferry.federation;

import java.util.List;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * What Calcite will run for a statement, without running it.
 *
 * @param plan Calcite's physical plan, one operator per line
 * @param queries the SQL each database receives, in plan order
 */
public record Explanation(String plan, List<Query> queries) {
  /**
   * One statement pushed into one database.
   *
   * @param database the configured database that runs it (null when it cannot be told)
   * @param sql the SQL it runs
   * @param estimatedRows Calcite's estimate of the rows it returns (its metadata's guess: a
   *     table without statistics counts as 100 rows), null when unknown
   */
  public record Query(@Nullable String database, String sql, @Nullable Long estimatedRows) {}
}
