package dev.ferry.dialect.mariadb;

import dev.ferry.catalog.CatalogFacts;
import dev.ferry.catalog.SqlCatalog;

/**
 * MariaDB's (and MySQL's) keys, foreign keys and indexes from {@code information_schema}, one
 * query each.
 *
 * <p>The namespace is a database, which JDBC calls a catalog. Constraint names are only unique
 * per table here (every primary key is {@code PRIMARY}), so every join also matches the table.
 */
final class MariaDbCatalog extends SqlCatalog {
  private static final String KEYS = """
      SELECT tc.TABLE_NAME, tc.CONSTRAINT_NAME,
             CASE WHEN tc.CONSTRAINT_TYPE = 'PRIMARY KEY' THEN 1 ELSE 0 END, k.COLUMN_NAME
      FROM information_schema.TABLE_CONSTRAINTS tc
      JOIN information_schema.KEY_COLUMN_USAGE k ON k.CONSTRAINT_SCHEMA = tc.CONSTRAINT_SCHEMA
        AND k.TABLE_NAME = tc.TABLE_NAME AND k.CONSTRAINT_NAME = tc.CONSTRAINT_NAME
      WHERE tc.TABLE_SCHEMA = ? AND tc.CONSTRAINT_TYPE IN ('PRIMARY KEY', 'UNIQUE') {tables:tc.TABLE_NAME}
      ORDER BY tc.TABLE_NAME, tc.CONSTRAINT_NAME, k.ORDINAL_POSITION""";

  private static final String FOREIGN_KEYS = """
      SELECT k.TABLE_NAME, k.CONSTRAINT_NAME, k.REFERENCED_TABLE_SCHEMA, k.REFERENCED_TABLE_NAME,
             k.COLUMN_NAME, k.REFERENCED_COLUMN_NAME
      FROM information_schema.REFERENTIAL_CONSTRAINTS r
      JOIN information_schema.KEY_COLUMN_USAGE k ON k.CONSTRAINT_SCHEMA = r.CONSTRAINT_SCHEMA
        AND k.TABLE_NAME = r.TABLE_NAME AND k.CONSTRAINT_NAME = r.CONSTRAINT_NAME
      WHERE r.CONSTRAINT_SCHEMA = ? {tables:k.TABLE_NAME}
      ORDER BY k.TABLE_NAME, k.CONSTRAINT_NAME, k.ORDINAL_POSITION""";

  private static final String INDEXES = """
      SELECT TABLE_NAME, INDEX_NAME, 1 - NON_UNIQUE, COLUMN_NAME
      FROM information_schema.STATISTICS
      WHERE TABLE_SCHEMA = ? {tables:TABLE_NAME}
      ORDER BY TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX""";

  MariaDbCatalog() {
    super(KEYS, FOREIGN_KEYS, INDEXES);
  }

  /**
   * Since MariaDB 10.2.7 {@code COLUMN_DEFAULT} is an expression, so a nullable column without a
   * default reports the text {@code NULL}; that is no default at all, as other engines say.
   */
  @Override public void adjustColumns(CatalogFacts facts) {
    for (CatalogFacts.TableFacts t : facts.tables()) {
      for (CatalogFacts.ColumnFacts col : t.columns) {
        if ("NULL".equals(col.defaultValue)) {
          col.defaultValue = null;
        }
      }
    }
  }
}
