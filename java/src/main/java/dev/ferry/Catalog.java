package dev.ferry;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Inspects every table and view of one namespace of a database into a {@link Snapshot}.
 *
 * <p>Tables and columns come from {@code getTables} and {@code getColumns} with {@code "%"}
 * patterns; keys, foreign keys and indexes from the engine's {@link CatalogDialect}, one query
 * per kind. That is five round trips per database for PostgreSQL, MariaDB, H2 and SQLite,
 * whatever the number of tables ({@link RoundTrips} counts them).
 */
final class Catalog {
  /** Set {@code -Dferry.debug.catalog=true} to print each inspection's round trips on stderr. */
  private static final boolean DEBUG = Boolean.getBoolean("ferry.debug.catalog");

  /**
   * Where inspection looks: a schema (PostgreSQL, H2, …), a catalog (MariaDB's databases) or
   * neither (SQLite).
   */
  record Scope(@Nullable String catalog, @Nullable String schema) {
    /** The namespace's name whichever kind it is; null for engines without namespaces. */
    @Nullable String namespace() {
      return catalog != null ? catalog : schema;
    }

    @Override public String toString() {
      return catalog != null ? "database '" + catalog + "'"
          : schema != null ? "schema '" + schema + "'" : "the database";
    }
  }

  private Catalog() {}

  /** Inspects {@code db} within {@code scope} on one pooled connection. */
  static Snapshot inspect(DatabaseSchema db, Scope scope) {
    requireNonNull(db, "db");
    requireNonNull(scope, "scope");
    String name = db.dataSource().spec().name();
    long start = System.nanoTime();
    RoundTrips trips = new RoundTrips();
    try (Connection pooled = db.dataSource().getConnection()) {
      Connection c = trips.wrap(pooled);
      DatabaseMetaData md = c.getMetaData();
      String product = String.valueOf(md.getDatabaseProductName());
      CatalogDialect dialect = CatalogDialect.forProduct(product);
      CatalogFacts facts = new CatalogFacts(scope.namespace());
      readTables(md, scope, dialect, facts);
      readColumns(md, scope, facts);
      dialect.keys(c, scope, facts);
      dialect.foreignKeys(c, scope, facts);
      dialect.indexes(c, scope, facts);
      dialect.adjustColumns(facts);
      Snapshot s = facts.snapshot(name, product, String.valueOf(md.getDatabaseProductVersion()),
          Instant.now().truncatedTo(ChronoUnit.MILLIS).toString(), ColumnTypes.forProduct(product));
      if (DEBUG) {
        System.err.printf(Locale.ROOT, "ferry: inspected %s of '%s': %d tables, %d views, %d round"
                + " trips with %s (%s) in %d ms%n", scope, name, s.tables().size(), s.views().size(),
            trips.count(), dialect.bulk() ? "catalog queries" : "per-table metadata",
            String.join(", ", trips.calls()), (System.nanoTime() - start) / 1_000_000);
      }
      return s;
    } catch (SQLException | RuntimeException e) {
      throw FerryFailure.wrap(e, "inspecting " + scope + " of database '" + name + "'")
          .with("database", name);
    }
  }

  private static void readTables(DatabaseMetaData md, Scope scope, CatalogDialect dialect,
      CatalogFacts facts) throws SQLException {
    try (ResultSet rs = md.getTables(scope.catalog(), pattern(md, scope.schema()), "%",
        dialect.tableTypes())) {
      while (rs.next()) {
        String table = rs.getString("TABLE_NAME");
        String type = String.valueOf(rs.getString("TABLE_TYPE")).toUpperCase(Locale.ROOT);
        if (!inScope(rs, scope) || table == null || dialect.isSystemTable(table)
            || type.contains("SYSTEM") || type.contains("TEMPORARY")) {
          continue;
        }
        if (type.contains("VIEW")) {
          facts.addTable(table, true);
        } else if (type.contains("TABLE")) {
          facts.addTable(table, false);
        }
      }
    }
  }

  private static void readColumns(DatabaseMetaData md, Scope scope, CatalogFacts facts)
      throws SQLException {
    try (ResultSet rs = md.getColumns(scope.catalog(), pattern(md, scope.schema()), "%", "%")) {
      while (rs.next()) {
        if (!inScope(rs, scope)) {
          continue;
        }
        CatalogFacts.ColumnFacts c = facts.addColumn(rs.getString("TABLE_NAME"),
            rs.getString("COLUMN_NAME"), rs.getInt("ORDINAL_POSITION"));
        if (c == null) {
          continue;
        }
        c.jdbcType = rs.getInt("DATA_TYPE");
        c.typeName = rs.getString("TYPE_NAME");
        c.size = rs.getInt("COLUMN_SIZE");
        c.digits = rs.getInt("DECIMAL_DIGITS");
        if (rs.wasNull()) {
          c.digits = -1;
        }
        c.nullable = rs.getInt("NULLABLE") != DatabaseMetaData.columnNoNulls;
        c.defaultValue = rs.getString("COLUMN_DEF");
        c.autoIncrement = "YES".equalsIgnoreCase(rs.getString("IS_AUTOINCREMENT"));
      }
    }
  }

  /** The schema as a LIKE pattern: {@code my_app} must not also match {@code myXapp}. */
  private static @Nullable String pattern(DatabaseMetaData md, @Nullable String schema)
      throws SQLException {
    if (schema == null) {
      return null;
    }
    String esc = md.getSearchStringEscape();
    return esc == null || esc.isEmpty() ? schema
        : schema.replace(esc, esc + esc).replace("_", esc + "_").replace("%", esc + "%");
  }

  /** Whether a metadata row belongs to the inspected namespace (patterns match loosely). */
  private static boolean inScope(ResultSet rs, Scope scope) throws SQLException {
    return (scope.catalog() == null || scope.catalog().equals(rs.getString("TABLE_CAT")))
        && (scope.schema() == null || scope.schema().equals(rs.getString("TABLE_SCHEM")));
  }
}
