package dev.ferry.ddl;

import dev.ferry.catalog.CatalogFacts;
import dev.ferry.catalog.Snapshot;
import dev.ferry.types.TableName;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.SqlDialect;

/**
 * The {@code CREATE INDEX} statements of {@link Ddl#indexes}, kept apart from the table DDL
 * because they take the engine's spelling of names and columns through the {@link Ddl} hooks.
 */
final class IndexStatements {
  private IndexStatements() {}

  /** {@code CREATE INDEX} for each secondary index of {@code source}; see {@link Ddl#indexes}. */
  static List<String> of(Ddl ddl, SqlDialect q, TableName table, Snapshot.Table source,
      Ddl.Source from) {
    List<String> key = source.primaryKey() == null ? List.of() : source.primaryKey().columns();
    List<String> out = new ArrayList<>();
    for (Snapshot.Index ix : source.indexes()) {
      boolean expressions = ix.columns().stream().anyMatch(c -> source.column(c) == null);
      if (ix.columns().contains(CatalogFacts.EXPRESSION) || ix.columns().isEmpty()
          || (ix.unique() && ix.columns().equals(key))
          // An expression or a partial index's condition is the source engine's own SQL: it is
          // recreated as written into the same engine only (a partial unique index made whole
          // would refuse the rows its condition leaves out).
          || ((expressions || ix.predicate() != null) && !from.sameEngine())) {
        continue;
      }
      // Index names stay unique in the target schema: prefixed with the table's name when the
      // table is renamed, or when they come from an engine where they are unique per table only.
      boolean prefix = !table.name().equals(source.name())
          || (from.indexNamesPerTable() && !ddl.indexNamesPerTable());
      String name = prefix ? table.name() + "_" + ix.name() : ix.name();
      StringBuilder cols = new StringBuilder();
      for (int i = 0; i < ix.columns().size(); i++) {
        String c = ix.columns().get(i);
        Snapshot.Column col = source.column(c);
        cols.append(i == 0 ? "" : ", ")
            .append(col == null ? "(" + c + ")" : ddl.indexColumn(q, c, ddl.type(col, key.contains(c), from)))
            .append(descending(ix, i) ? " DESC" : "");
      }
      out.add("CREATE " + (ix.unique() ? "UNIQUE " : "") + "INDEX IF NOT EXISTS "
          + ddl.indexName(q, table, name) + " ON " + table.quoted(q) + " (" + cols + ")"
          + (ix.predicate() == null ? "" : " WHERE " + ix.predicate()));
    }
    return out;
  }

  /** Whether the index sorts its {@code i}th column descending. */
  private static boolean descending(Snapshot.Index ix, int i) {
    List<Boolean> d = ix.descending();
    return d != null && i < d.size() && Boolean.TRUE.equals(d.get(i));
  }
}
