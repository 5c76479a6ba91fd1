package dev.ferry.dialect.duckdb;

import dev.ferry.catalog.CatalogFacts;
import dev.ferry.catalog.Scope;
import dev.ferry.catalog.SqlCatalog;
import dev.ferry.catalog.EnumLabels;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Locale;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * DuckDB's keys, foreign keys and indexes from {@code duckdb_constraints()} and
 * {@code duckdb_indexes()} of the current database, one query each.
 *
 * <p>Constraints carry their columns as lists, unnested here in declared order.
 * {@code duckdb_indexes()} lists only {@code CREATE INDEX} indexes, with each column as SQL
 * (a quoted identifier where needed, an expression in parentheses); the indexes backing primary
 * keys and unique constraints come from the constraints, as other engines list them.
 */
final class DuckDbCatalog extends SqlCatalog {
  private static final String KEYS = """
      SELECT table_name, constraint_name, p, col FROM (
        SELECT table_name, constraint_name,
               CASE WHEN constraint_type = 'PRIMARY KEY' THEN 1 ELSE 0 END AS p,
               unnest(constraint_column_names) AS col,
               generate_subscripts(constraint_column_names, 1) AS pos
        FROM duckdb_constraints()
        WHERE database_name = current_database() AND schema_name = ?
          AND constraint_type IN ('PRIMARY KEY', 'UNIQUE')) k
      WHERE 1 = 1 {tables:table_name}
      ORDER BY table_name, constraint_name, pos""";

  private static final String FOREIGN_KEYS = """
      SELECT table_name, constraint_name, schema_name, referenced_table, col, ref FROM (
        SELECT table_name, constraint_name, schema_name, referenced_table,
               unnest(constraint_column_names) AS col, unnest(referenced_column_names) AS ref,
               generate_subscripts(constraint_column_names, 1) AS pos
        FROM duckdb_constraints()
        WHERE database_name = current_database() AND schema_name = ?
          AND constraint_type = 'FOREIGN KEY') f
      WHERE 1 = 1 {tables:table_name}
      ORDER BY table_name, constraint_name, pos""";

  private static final String INDEXES = """
      SELECT table_name, index_name, u, col FROM (
        SELECT table_name, index_name, CASE WHEN is_unique THEN 1 ELSE 0 END AS u,
               unnest(CAST(expressions AS VARCHAR[])) AS col,
               generate_subscripts(CAST(expressions AS VARCHAR[]), 1) AS pos
        FROM duckdb_indexes()
        WHERE database_name = current_database() AND schema_name = ?
        UNION ALL
        SELECT table_name, constraint_name, 1, unnest(constraint_column_names),
               generate_subscripts(constraint_column_names, 1)
        FROM duckdb_constraints()
        WHERE database_name = current_database() AND schema_name = ?
          AND constraint_type IN ('PRIMARY KEY', 'UNIQUE')) i
      WHERE 1 = 1 {tables:table_name}
      ORDER BY table_name, index_name, pos""";

  // DuckDB keeps a view as its whole CREATE VIEW statement.
  private static final String CHECKS_AND_VIEWS = """
      SELECT t, n, e, v FROM (
        SELECT table_name AS t, constraint_name AS n, expression AS e, NULL AS v
        FROM duckdb_constraints()
        WHERE database_name = current_database() AND schema_name = ? AND constraint_type = 'CHECK'
        UNION ALL
        SELECT view_name, NULL, NULL, sql
        FROM duckdb_views()
        WHERE database_name = current_database() AND schema_name = ? AND NOT internal) x
      WHERE 1 = 1 {tables:t}
      ORDER BY t, n""";

  DuckDbCatalog() {
    super(KEYS, FOREIGN_KEYS, INDEXES);
  }

  @Override public String[] tableTypes() {
    return new String[] {"TABLE", "VIEW"};
  }

  /**
   * CHECK constraints and view definitions; a column defaulting to {@code nextval(…)} is
   * generated (as serial is in PostgreSQL); an ENUM column (reported as OTHER, its type named
   * {@code ENUM('a', 'b')} even when declared with a named type) holds text, and its labels are
   * in that name.
   */
  @Override public void structure(Connection c, Scope scope, CatalogFacts facts) throws SQLException {
    checksAndViews(c, scope, facts, CHECKS_AND_VIEWS);
    for (CatalogFacts.TableFacts t : facts.tables()) {
      for (CatalogFacts.ColumnFacts col : t.columns) {
        String type = col.typeName == null ? "" : col.typeName.strip().toUpperCase(Locale.ROOT);
        var labels = type.startsWith("ENUM(") ? EnumLabels.of(col.typeName, false) : null;
        if (labels != null) {
          col.enumValues = labels;
          col.jdbcType = Types.VARCHAR;
          col.size = Integer.MAX_VALUE;
        }
        // DuckDB has no identity columns: a key drawn from a sequence is its generated key.
        if (col.defaultValue != null && col.defaultValue.strip().toLowerCase(Locale.ROOT).startsWith("nextval(")) {
          col.autoIncrement = true;
        }
      }
    }
  }

  /** {@code "My Col"} is a quoted name, {@code (lower(x))} an expression, anything else a name. */
  @Override protected @Nullable String indexColumn(@Nullable String raw) {
    if (raw == null || raw.startsWith("(")) {
      return null;
    }
    if (raw.length() >= 2 && raw.startsWith("\"") && raw.endsWith("\"")) {
      return raw.substring(1, raw.length() - 1).replace("\"\"", "\"");
    }
    return raw;
  }
}
