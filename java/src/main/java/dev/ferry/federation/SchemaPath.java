package dev.ferry.federation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.calcite.adapter.jdbc.FerryJdbcSchema;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.schema.lookup.LikePattern;
import org.checkerframework.checker.nullness.qual.Nullable;

/** Finds a schema of Calcite's tree by the names leading to it, as a query names it, and what it holds. */
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

  /**
   * The tables, views and schemas under the dotted path {@code dottedPath}, sorted: what a
   * "not found" is answered with; null when the path leads nowhere or cannot be listed.
   */
  static @Nullable List<String> namesUnder(SchemaPlus root, String dottedPath) {
    try {
      SchemaPlus s = at(root, List.of(dottedPath.split("\\.")));
      if (s == null) {
        return null;
      }
      // Relations only: a database's schemas list no indexes or sequences (FerryJdbcSchema).
      List<String> names = new ArrayList<>(s.tables().getNames(LikePattern.any()));
      names.addAll(s.subSchemas().getNames(LikePattern.any()));
      Collections.sort(names);
      return names;
    } catch (RuntimeException e) {
      return null;
    }
  }

  /**
   * What the database under {@code dottedPath} calls {@code name} when it has it but not as a
   * table or view ("sequence", "index"), else null; asked only to explain a miss.
   */
  static @Nullable String unreadableKind(SchemaPlus root, String dottedPath, String name) {
    try {
      SchemaPlus s = at(root, List.of(dottedPath.split("\\.")));
      FerryJdbcSchema jdbc = s == null ? null : s.unwrap(FerryJdbcSchema.class);
      return jdbc == null ? null : jdbc.unreadableKind(name);
    } catch (RuntimeException e) {
      return null;
    }
  }
}
