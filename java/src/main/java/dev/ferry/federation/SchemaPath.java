package dev.ferry.federation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.schema.Table;
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
      List<String> names = new ArrayList<>();
      for (String name : s.tables().getNames(LikePattern.any())) {
        Table t = s.tables().get(name);
        if (t != null && isRelation(t)) {
          names.add(name);
        }
      }
      names.addAll(s.subSchemas().getNames(LikePattern.any()));
      Collections.sort(names);
      return names;
    } catch (RuntimeException e) {
      return null;
    }
  }

  /**
   * Whether a table a driver lists is one a statement can read (a table or a view), not an
   * index, a sequence or a type, which PostgreSQL's driver lists among tables too.
   */
  private static boolean isRelation(Table t) {
    String type = t.getJdbcTableType().name();
    return !type.contains("INDEX") && !type.contains("SEQUENCE") && !type.equals("TYPE");
  }
}
