package dev.ferry.copy;

import dev.ferry.catalog.Snapshot;
import dev.ferry.types.TypeFamily;

import java.util.List;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The column a table is split into key ranges by: its single-column primary key, when that key
 * is of a family whose literals round-trip exactly through Calcite's SQL (integers, decimals
 * without a fraction, text, dates).
 *
 * @param column the key column, as the source names it
 * @param family its logical type family
 */
record ChunkKey(String column, TypeFamily family) {
  /** The chunk key of {@code table}, or null when it must be copied in one transaction. */
  static @Nullable ChunkKey of(Snapshot.Table table) {
    List<String> pk = table.primaryKey() == null ? List.of() : table.primaryKey().columns();
    if (pk.size() != 1) {
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
