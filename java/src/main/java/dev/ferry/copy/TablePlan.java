package dev.ferry.copy;

import dev.ferry.catalog.Snapshot;
import dev.ferry.types.TableName;

import java.util.ArrayList;
import java.util.List;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Everything {@link CopyPlanner} decided for one table copy, which {@link CopyJob} then carries
 * out.
 *
 * @param table the source table as inspected
 * @param sourceRef the source table in Calcite's SQL ({@code "db"."schema"."t"})
 * @param targetName the target table as the target names it
 * @param columns the target columns written, in order
 * @param items the SELECT items (Calcite SQL) giving their values, in the same order
 * @param key the chunk key, or null for one chunk of everything
 * @param ddl statements that create the target table (empty when it exists)
 * @param indexes secondary indexes to build after the load
 * @param ranges the key ranges still to copy
 * @param rowsTotal rows those ranges hold
 * @param resumeFrom the key a resumed copy continues after, or null
 * @param prior the checkpoint the target held before this run, or null
 * @param condition what every chunk also applies ({@code --where}, the watermark window), or null
 * @param watermarkHi the watermark the last chunk records, or null
 * @param notes what the plan decided and why
 */
record TablePlan(Snapshot.Table table, String sourceRef, TableName targetName,
    List<String> columns, List<String> items, @Nullable ChunkKey key, List<String> ddl, List<String> indexes,
    List<ChunkPlanner.Range> ranges, long rowsTotal, @Nullable String resumeFrom,
    Checkpoints.@Nullable State prior, @Nullable String condition, @Nullable String watermarkHi,
    List<String> notes) {

  /** The plan as {@code --dry-run} and Node see it. */
  CopyPlan report() {
    List<CopyPlan.Chunk> chunks = new ArrayList<>();
    ranges.forEach(r -> chunks.add(new CopyPlan.Chunk(r.lo(), r.hi())));
    return new CopyPlan(table.name(), targetName.toString(), ddl, indexes, List.copyOf(chunks),
        key == null ? List.of() : List.of(key.column()), resumeFrom, rowsTotal, notes);
  }
}
