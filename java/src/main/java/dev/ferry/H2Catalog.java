package dev.ferry;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * H2's keys, foreign keys and indexes from its standard {@code INFORMATION_SCHEMA} (H2 2.x
 * layout), one query each.
 *
 * <p>Referenced columns follow the SQL standard's route: the foreign key names the unique
 * constraint it points at, and {@code POSITION_IN_UNIQUE_CONSTRAINT} pairs the columns.
 */
final class H2Catalog implements CatalogDialect {
  private static final String KEYS = """
      SELECT tc.TABLE_NAME, tc.CONSTRAINT_NAME, tc.CONSTRAINT_TYPE, k.COLUMN_NAME
      FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS tc
      JOIN INFORMATION_SCHEMA.KEY_COLUMN_USAGE k ON k.CONSTRAINT_SCHEMA = tc.CONSTRAINT_SCHEMA
        AND k.CONSTRAINT_NAME = tc.CONSTRAINT_NAME
      WHERE tc.TABLE_SCHEMA = ? AND tc.CONSTRAINT_TYPE IN ('PRIMARY KEY', 'UNIQUE')
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
      WHERE r.CONSTRAINT_SCHEMA = ?
      ORDER BY k.TABLE_NAME, k.CONSTRAINT_NAME, k.ORDINAL_POSITION""";

  private static final String INDEXES = """
      SELECT i.TABLE_NAME, i.INDEX_NAME, i.INDEX_TYPE_NAME, c.COLUMN_NAME
      FROM INFORMATION_SCHEMA.INDEXES i
      JOIN INFORMATION_SCHEMA.INDEX_COLUMNS c ON c.INDEX_SCHEMA = i.INDEX_SCHEMA
        AND c.INDEX_NAME = i.INDEX_NAME
      WHERE i.TABLE_SCHEMA = ?
      ORDER BY i.TABLE_NAME, i.INDEX_NAME, c.ORDINAL_POSITION""";

  @Override public boolean bulk() {
    return true;
  }

  @Override public String[] tableTypes() {
    return new String[] {"BASE TABLE", "TABLE", "VIEW"};
  }

  @Override public void keys(Connection c, Catalog.Scope scope, CatalogFacts facts) throws SQLException {
    CatalogDialect.query(c, "primary and unique keys", KEYS, scope, rs -> facts.keyColumn(
        rs.getString(1), rs.getString(2), rs.getString(2), "PRIMARY KEY".equals(rs.getString(3)),
        rs.getString(4)));
  }

  @Override public void foreignKeys(Connection c, Catalog.Scope scope, CatalogFacts facts)
      throws SQLException {
    CatalogDialect.query(c, "foreign keys", FOREIGN_KEYS, scope, rs -> facts.foreignKeyColumn(
        rs.getString(1), rs.getString(2), rs.getString(2), rs.getString(3), rs.getString(4),
        rs.getString(5), rs.getString(6)));
  }

  @Override public void indexes(Connection c, Catalog.Scope scope, CatalogFacts facts) throws SQLException {
    CatalogDialect.query(c, "indexes", INDEXES, scope, rs -> {
      String kind = rs.getString(3);
      facts.indexColumn(rs.getString(1), rs.getString(2),
          "PRIMARY KEY".equals(kind) || "UNIQUE INDEX".equals(kind), rs.getString(4));
    });
  }
}
