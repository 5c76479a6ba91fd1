package dev.ferry.federation;

import java.util.List;
import org.apache.calcite.schema.SchemaPlus;
import org.checkerframework.checker.nullness.qual.Nullable;

/** Finds a schema of Calcite's tree by the names leading to it, as a query names it. */
final class SchemaPath {
  private SchemaPath() {}

  /** The schema at {@code path} under {@code root}, each name exactly, else ignoring case; null when absent. */
  static @Nullable SchemaPlus at(SchemaPlus root, List<String> path) {
    SchemaPlus s = root;
    for (String part : path) {
      SchemaPlus next = s.subSchemas().get(part);
      if (next == null) {
        var named = s.subSchemas().getIgnoreCase(part);
        next = named == null ? null : named.entity();
      }
      if (next == null) {
        return null;
      }
      s = next;
    }
    return s;
  }
}
