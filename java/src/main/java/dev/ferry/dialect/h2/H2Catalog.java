package dev.ferry.dialect.h2;

import dev.ferry.catalog.CatalogFacts;
import dev.ferry.catalog.Scope;
import dev.ferry.catalog.SqlCatalog;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * H2's keys, foreign keys and indexes from its standard {@code INFORMATION_SCHEMA} (H2 2.x
 * layout), one query each.
 *
 * <p>Referenced columns follow the SQL standard's route: the foreign key names the unique
 * constraint it points at, and {@code POSITION_IN_UNIQUE_CONSTRAINT} pairs the columns.
 */
final class H2Catalog extends SqlCatalog {
  private static final String KEYS = """
      SELECT tc.TABLE_NAME, tc.CONSTRAINT_NAME,
             CASE WHEN tc.CONSTRAINT_TYPE = 'PRIMARY KEY' THEN 1 ELSE 0 END, k.COLUMN_NAME
      FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS tc
      JOIN INFORMATION_SCHEMA.KEY_COLUMN_USAGE k ON k.CONSTRAINT_SCHEMA = tc.CONSTRAINT_SCHEMA
        AND k.CONSTRAINT_NAME = tc.CONSTRAINT_NAME
      WHERE tc.TABLE_SCHEMA = ? AND tc.CONSTRAINT_TYPE IN ('PRIMARY KEY', 'UNIQUE') {tables:tc.TABLE_NAME}
      ORDER BY tc.TABLE_NAME, tc.CONSTRAINT_NAME, k.ORDINAL_POSITION""";

  private static final String FOREIGN_KEYS = """
      SELECT k.TABLE_NAME, k.CONSTRAINT_NAME, u.TABLE_SCHEMA, u.TABLE_NAME, k.COLUMN_NAME,
             u.COLUMN_NAME
      FROM INFORMATION_SCHEMA.REFERENTIAL_CONSTRAINTS r
      JOIN INFORMATION_SCHEMA.KEY_COLUMN_USAGE k ON k.CONSTRAINT_SCHEMA = r.CONSTRAINT_SCHEMA
        AND k.CONSTRAINT_NAME = r.CONSTRAINT_NAME
      JOIN INFORMATION_SCHEMA.KEY_COLUMN_USAGE u ON u.CONSTRAINT_SCHEMA = r.UNIQUE_CONSTRAINT_SCHEMA
        AND u.CONSTRAINT_NAME = r.UNIQUE_CONSTRAINT_NAME
        AND u.ORDINAL_POSITION = k.POSITION_IN_UNIQUE_CONSTRAINT
      WHERE r.CONSTRAINT_SCHEMA = ? {tables:k.TABLE_NAME}
      ORDER BY k.TABLE_NAME, k.CONSTRAINT_NAME, k.ORDINAL_POSITION""";

  private static final String INDEXES = """
      SELECT i.TABLE_NAME, i.INDEX_NAME,
             CASE WHEN i.INDEX_TYPE_NAME IN ('PRIMARY KEY', 'UNIQUE INDEX') THEN 1 ELSE 0 END,
             c.COLUMN_NAME
      FROM INFORMATION_SCHEMA.INDEXES i
      JOIN INFORMATION_SCHEMA.INDEX_COLUMNS c ON c.INDEX_SCHEMA = i.INDEX_SCHEMA
        AND c.INDEX_NAME = i.INDEX_NAME
      WHERE i.TABLE_SCHEMA = ? {tables:i.TABLE_NAME}
      ORDER BY i.TABLE_NAME, i.INDEX_NAME, c.ORDINAL_POSITION""";

  // H2's CHECK names are unique per schema; a view's definition is its query alone.
  private static final String CHECKS_AND_VIEWS = """
      SELECT t, n, e, v FROM (
        SELECT tc.TABLE_NAME AS t, tc.CONSTRAINT_NAME AS n, cc.CHECK_CLAUSE AS e,
               CAST(NULL AS VARCHAR) AS v
        FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS tc
        JOIN INFORMATION_SCHEMA.CHECK_CONSTRAINTS cc ON cc.CONSTRAINT_SCHEMA = tc.CONSTRAINT_SCHEMA
          AND cc.CONSTRAINT_NAME = tc.CONSTRAINT_NAME
        WHERE tc.TABLE_SCHEMA = ? AND tc.CONSTRAINT_TYPE = 'CHECK'
        UNION ALL
        SELECT TABLE_NAME, NULL, NULL, VIEW_DEFINITION
        FROM INFORMATION_SCHEMA.VIEWS WHERE TABLE_SCHEMA = ?) x
      WHERE 1 = 1 {tables:t}
      ORDER BY t, n""";

  H2Catalog() {
    super(KEYS, FOREIGN_KEYS, INDEXES);
  }

  /** CHECK constraints and view definitions. */
  @Override public void structure(Connection c, Scope scope, CatalogFacts facts) throws SQLException {
    checksAndViews(c, scope, facts, CHECKS_AND_VIEWS);
  }
}
