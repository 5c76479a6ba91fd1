package dev.ferry;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * A catalog read with one SQL query per kind, for engines whose system catalog holds keys and
 * indexes for a whole namespace.
 *
 * <p>Subclasses only pass in the three queries, each taking the namespace for every {@code ?}
 * and returning the same columns in the same order whatever the engine: keys (table,
 * constraint, 1 for a primary key else 0, column), foreign keys (table, constraint, referenced
 * schema, referenced table, column, referenced column) and indexes (table, index, 1 when
 * unique else 0, column), ordered by table, name and column position.
 */
abstract class SqlCatalog implements CatalogDialect {
  private final String keysSql;
  private final String foreignKeysSql;
  private final String indexesSql;

  /** Takes the three queries: keys, foreign keys (one row per column pair), indexes. */
  SqlCatalog(String keysSql, String foreignKeysSql, String indexesSql) {
    this.keysSql = keysSql;
    this.foreignKeysSql = foreignKeysSql;
    this.indexesSql = indexesSql;
  }

  @Override public final boolean bulk() {
    return true;
  }

  @Override public String[] tableTypes() {
    return new String[] {"TABLE", "BASE TABLE", "VIEW"};
  }

  @Override public final void keys(Connection c, Catalog.Scope scope, CatalogFacts facts)
      throws SQLException {
    CatalogDialect.query(c, "primary and unique keys", keysSql, scope, rs -> facts.keyColumn(
        rs.getString(1), rs.getString(2), rs.getString(2), rs.getInt(3) == 1, rs.getString(4)));
  }

  @Override public final void foreignKeys(Connection c, Catalog.Scope scope, CatalogFacts facts)
      throws SQLException {
    CatalogDialect.query(c, "foreign keys", foreignKeysSql, scope, rs -> facts.foreignKeyColumn(
        rs.getString(1), rs.getString(2), rs.getString(2), rs.getString(3), rs.getString(4),
        rs.getString(5), rs.getString(6)));
  }

  @Override public final void indexes(Connection c, Catalog.Scope scope, CatalogFacts facts)
      throws SQLException {
    CatalogDialect.query(c, "indexes", indexesSql, scope, rs -> facts.indexColumn(
        rs.getString(1), rs.getString(2), rs.getInt(3) == 1, rs.getString(4)));
  }
}
