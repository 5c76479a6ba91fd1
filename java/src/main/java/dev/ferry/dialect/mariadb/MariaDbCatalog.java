package dev.ferry.dialect.mariadb;

import dev.ferry.catalog.CatalogFacts;
import dev.ferry.catalog.CatalogReader;
import dev.ferry.catalog.EnumLabels;
import dev.ferry.catalog.Scope;
import dev.ferry.catalog.SqlCatalog;
import dev.ferry.catalog.SqlClauses;

import java.sql.Connection;
import java.sql.SQLException;

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
             k.COLUMN_NAME, k.REFERENCED_COLUMN_NAME, r.DELETE_RULE, r.UPDATE_RULE
      FROM information_schema.REFERENTIAL_CONSTRAINTS r
      JOIN information_schema.KEY_COLUMN_USAGE k ON k.CONSTRAINT_SCHEMA = r.CONSTRAINT_SCHEMA
        AND k.TABLE_NAME = r.TABLE_NAME AND k.CONSTRAINT_NAME = r.CONSTRAINT_NAME
      WHERE r.CONSTRAINT_SCHEMA = ? {tables:k.TABLE_NAME}
      ORDER BY k.TABLE_NAME, k.CONSTRAINT_NAME, k.ORDINAL_POSITION""";

  // COLLATION is D for a descending column (MariaDB 10.8+, MySQL 8), A or NULL otherwise.
  private static final String INDEXES = """
      SELECT TABLE_NAME, INDEX_NAME, 1 - NON_UNIQUE, COLUMN_NAME, NULL,
             CASE WHEN COLLATION = 'D' THEN 1 ELSE 0 END
      FROM information_schema.STATISTICS
      WHERE TABLE_SCHEMA = ? {tables:TABLE_NAME}
      ORDER BY TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX""";

  // MariaDB names a column's CHECK after the column, so names repeat across tables.
  private static final String CHECKS = """
      SELECT TABLE_NAME, CONSTRAINT_NAME, CHECK_CLAUSE
      FROM information_schema.CHECK_CONSTRAINTS
      WHERE CONSTRAINT_SCHEMA = ? {tables:TABLE_NAME}
      ORDER BY TABLE_NAME, CONSTRAINT_NAME""";

  // MySQL's CHECK_CONSTRAINTS has no TABLE_NAME; its CHECK names are unique per database.
  private static final String CHECKS_WITHOUT_TABLES = """
      SELECT tc.TABLE_NAME, cc.CONSTRAINT_NAME, cc.CHECK_CLAUSE
      FROM information_schema.TABLE_CONSTRAINTS tc
      JOIN information_schema.CHECK_CONSTRAINTS cc ON cc.CONSTRAINT_SCHEMA = tc.CONSTRAINT_SCHEMA
        AND cc.CONSTRAINT_NAME = tc.CONSTRAINT_NAME
      WHERE tc.CONSTRAINT_SCHEMA = ? AND tc.CONSTRAINT_TYPE = 'CHECK' {tables:tc.TABLE_NAME}
      ORDER BY tc.TABLE_NAME, cc.CONSTRAINT_NAME""";

  /** ER_BAD_FIELD_ERROR: MySQL's CHECK_CONSTRAINTS lacks the TABLE_NAME column. */
  private static final int UNKNOWN_COLUMN = 1054;
  /** ER_UNKNOWN_TABLE: a server older than CHECK constraints (MySQL 5.7 parses and drops them). */
  private static final int UNKNOWN_TABLE = 1109;

  // A view's query (no column), or an ENUM column's declared type.
  private static final String VIEWS_AND_ENUMS = """
      SELECT t, c, d FROM (
        SELECT TABLE_NAME AS t, NULL AS c, VIEW_DEFINITION AS d
        FROM information_schema.VIEWS WHERE TABLE_SCHEMA = ?
        UNION ALL
        SELECT TABLE_NAME, COLUMN_NAME, COLUMN_TYPE
        FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ? AND DATA_TYPE = 'enum') x
      WHERE 1 = 1 {tables:t}""";

  MariaDbCatalog() {
    super(KEYS, FOREIGN_KEYS, INDEXES);
  }

  /**
   * CHECK constraints, ENUM labels and view definitions. MariaDB's JSON is a LONGTEXT with an
   * automatic {@code json_valid(col)} CHECK named after the column: that CHECK is the type, so
   * it names the column's type JSON instead of being listed.
   */
  @Override public void structure(Connection c, Scope scope, CatalogFacts facts) throws SQLException {
    CatalogReader.Row check = rs -> {
      String table = rs.getString(1);
      String name = rs.getString(2);
      String clause = rs.getString(3);
      CatalogFacts.ColumnFacts json = facts.column(table, name);
      if (json != null && clause != null && clause.strip().equalsIgnoreCase(
          "json_valid(`" + json.name.replace("`", "``") + "`)")) {
        json.typeName = "JSON";
      } else {
        facts.check(table, name, clause);
      }
    };
    try {
      CatalogReader.read(c, "CHECK constraints", CHECKS, scope, facts, check);
    } catch (SQLException e) {
      if (e.getErrorCode() == UNKNOWN_COLUMN) {
        CatalogReader.read(c, "CHECK constraints", CHECKS_WITHOUT_TABLES, scope, facts, check);
      } else if (e.getErrorCode() != UNKNOWN_TABLE) {
        throw e;
      }
    }
    CatalogReader.read(c, "view definitions and enum types", VIEWS_AND_ENUMS, scope, facts, rs -> {
      String column = rs.getString(2);
      if (column == null) {
        CatalogFacts.TableFacts view = facts.table(String.valueOf(rs.getString(1)));
        if (view != null) {
          view.definition = SqlClauses.trimQuery(rs.getString(3));
        }
        return;
      }
      CatalogFacts.ColumnFacts col = facts.column(rs.getString(1), column);
      if (col != null) {
        col.enumValues = EnumLabels.of(rs.getString(3), true);
      }
    });
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
