package dev.ferry.sync;

import dev.ferry.dialect.Dialect;
import dev.ferry.error.FerryFailure;
import dev.ferry.types.TableName;
import dev.ferry.util.Jdbc;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.checkerframework.checker.nullness.qual.Nullable;

/** What a sync reads of its source's catalog: the tables' exact names and primary keys. */
final class SourceTables {
  private SourceTables() {}

  /**
   * The exact name of {@code table} in namespace {@code ns} (matched ignoring case; {@code known}
   * caches the namespace's tables); {@code UNKNOWN_TABLE}, listing them, when there is none.
   */
  static String exactName(Connection c, Dialect engine, @Nullable String ns, String table,
      Map<String, String> known) throws SQLException {
    if (known.isEmpty()) {
      DatabaseMetaData md = c.getMetaData();
      boolean catalogs = !md.supportsSchemasInTableDefinitions()
          && md.supportsCatalogsInTableDefinitions();
      try (ResultSet rs = md.getTables(catalogs ? ns : null, catalogs ? null : ns, "%",
          new String[] {"TABLE", "PARTITIONED TABLE"})) {
        while (rs.next()) {
          known.put(rs.getString("TABLE_NAME"), rs.getString("TABLE_NAME"));
        }
      }
    }
    String exact = known.get(table);
    if (exact == null) {
      throw FerryFailure.of("UNKNOWN_TABLE", "no table '" + table + "' in " + (ns == null ? ""
          : ns + " of ") + "the source (" + engine.name() + "); there are: "
          + String.join(", ", known.values())).with("table", table);
    }
    return exact;
  }

  /** The primary key's columns of {@code t}, in key order; {@code SYNC_SETUP} when it has none. */
  static List<String> primaryKey(Connection c, TableName t) throws SQLException {
    DatabaseMetaData md = c.getMetaData();
    boolean catalogs = !md.supportsSchemasInTableDefinitions()
        && md.supportsCatalogsInTableDefinitions();
    List<String> cols = Jdbc.primaryKey(md, catalogs ? t.namespace() : null,
        catalogs ? null : t.namespace(), t.name());
    if (cols.isEmpty()) {
      throw FerryFailure.of("SYNC_SETUP", "the source table " + t + " has no primary key; ferry"
          + " sync applies changes by key. Add one (ALTER TABLE " + t + " ADD PRIMARY KEY (…))")
          .with("table", t.toString());
    }
    return cols;
  }
}
