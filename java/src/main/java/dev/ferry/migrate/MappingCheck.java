package dev.ferry.migrate;

import dev.ferry.catalog.Snapshot;
import dev.ferry.error.FerryFailure;
import dev.ferry.federation.Federation;
import dev.ferry.federation.PlannedRows;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Checks a table's mapping while the migration is planned, before anything is written: each
 * mapped column is one the target table has, and its expressions and row condition are SQL that
 * Calcite plans over the source table (a typo, an unknown column or a non-boolean condition is
 * refused here, not halfway through the load).
 */
public final class MappingCheck {
  private MappingCheck() {}

  /**
   * Refuses {@code mapping} of target table {@code there} (read from {@code sourceRef}, Calcite's
   * name of the source table) with USAGE, SQL_SYNTAX or SQL_VALIDATION naming table and column.
   */
  static void check(Federation federation, String sourceRef, Snapshot.Table there,
      TableMapping mapping) {
    Map<String, String> columns = mapping.columns() == null ? Map.of() : mapping.columns();
    List<String> items = new ArrayList<>();
    for (Map.Entry<String, String> e : columns.entrySet()) {
      if (there.columns().stream().noneMatch(c -> c.name().equalsIgnoreCase(e.getKey()))) {
        throw FerryFailure.of("USAGE", "the mapping of " + there.name() + " names column '"
            + e.getKey() + "', which target table " + there.name() + " does not have; its columns: "
            + String.join(", ", there.columns().stream().map(Snapshot.Column::name).toList()))
            .with("table", there.name()).with("column", e.getKey());
      }
      items.add("(" + e.getValue() + ")");
    }
    if (items.isEmpty() && mapping.where() == null) {
      return;
    }
    String sql = "SELECT " + (items.isEmpty() ? "1" : String.join(", ", items)) + " FROM " + sourceRef
        + (mapping.where() == null ? "" : " WHERE " + mapping.where());
    try (PlannedRows ignored = federation.planRows(sql)) {
      // Planned (never run): the expressions are valid over the source table.
    } catch (SQLException | RuntimeException e) {
      FerryFailure f = FerryFailure.wrap(e, "checking the mapping of " + there.name());
      throw FerryFailure.of(f.code(), "the mapping of " + there.name() + " does not apply to its"
          + " source table (columns and where: are SQL over the source table's columns): "
          + f.getMessage()).with("table", there.name());
    }
  }

  /** Calcite's name of a source table: {@code "db"."namespace"."table"}. */
  public static String sourceRef(String database, @Nullable String namespace, String table) {
    return quote(database) + (namespace == null ? "" : "." + quote(namespace)) + "." + quote(table);
  }

  private static String quote(String name) {
    return "\"" + name.replace("\"", "\"\"") + "\"";
  }
}
