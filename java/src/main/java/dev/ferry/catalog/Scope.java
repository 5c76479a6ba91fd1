package dev.ferry.catalog;

import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Where inspection looks: a schema (PostgreSQL, H2, DuckDB, …), a catalog (MariaDB's databases)
 * or neither (SQLite).
 *
 * @param catalog the JDBC catalog: the namespace of engines whose namespaces are catalogs, or
 *     the one catalog holding the schema where the driver lists several (DuckDB)
 * @param schema the JDBC schema, for engines whose namespaces are schemas
 */
public record Scope(@Nullable String catalog, @Nullable String schema) {
  /** The namespace's name whichever kind it is; null for engines without namespaces. */
  public @Nullable String namespace() {
    return schema != null ? schema : catalog;
  }

  @Override public String toString() {
    return schema != null ? "schema '" + schema + "'"
        : catalog != null ? "database '" + catalog + "'" : "the database";
  }
}
