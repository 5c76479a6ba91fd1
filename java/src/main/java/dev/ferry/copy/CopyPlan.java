package dev.ferry.copy;

import java.util.List;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * What a table copy will do, as {@code --dry-run} shows it; nothing is written to know it.
 *
 * @param table the source table
 * @param targetTable the target table, as the target names it
 * @param ddl statements that create the target table (empty when it exists)
 * @param indexes secondary indexes built after the load
 * @param chunks the key ranges, each one transaction
 * @param key the key the ranges follow (empty: one chunk of everything)
 * @param resumeFrom the key a resumed copy continues after, or null
 * @param rowsTotal rows this run copies
 * @param notes what the plan decided and why
 */
public record CopyPlan(String table, String targetTable, List<String> ddl, List<String> indexes,
    List<Chunk> chunks, List<String> key, @Nullable String resumeFrom, long rowsTotal,
    List<String> notes) {
  /**
   * One key range: keys above {@code from} up to {@code to}; a null bound is open.
   *
   * @param from the exclusive lower bound
   * @param to the inclusive upper bound
   */
  public record Chunk(@Nullable String from, @Nullable String to) {}
}
