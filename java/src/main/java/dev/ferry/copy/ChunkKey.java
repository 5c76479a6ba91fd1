package dev.ferry.copy;

import dev.ferry.catalog.Snapshot;
import dev.ferry.types.TypeFamily;

import java.util.List;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The column a table is split into key ranges by: its primary key's first column, when that is of
 * a family whose literals round-trip exactly through Calcite's SQL (integers, decimals without a
 * fraction, text, dates). For a key of several columns each row still falls in exactly one range
 * of the first (rows sharing its value share a chunk), so TPC-H's lineitem splits by l_orderkey.
 *
 * @param column the key column, as the source names it
 * @param family its logical type family
 */
record ChunkKey(String column, TypeFamily family) {
  /** The chunk key of {@code table}, or null when it must be copied in one transaction. */
  static @Nullable ChunkKey of(Snapshot.Table table) {
    List<String> pk = table.primaryKey() == null ? List.of() : table.primaryKey().columns();
    if (pk.isEmpty()) {
      return null;
    }
    Snapshot.Column c = CopyPlanner.column(table, pk.get(0));
    if (c == null || !ChunkPlanner.CHUNKABLE.contains(c.type().family())) {
      return null;
    }
    Integer scale = c.type().scale();
    if (c.type().family() == TypeFamily.DECIMAL && scale != null && scale > 0) {
      return null;
    }
    return new ChunkKey(c.name(), c.type().family());
  }
}
