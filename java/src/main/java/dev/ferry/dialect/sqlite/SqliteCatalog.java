package dev.ferry.dialect.sqlite;

import dev.ferry.catalog.CatalogFacts;
import dev.ferry.catalog.CatalogReader;
import dev.ferry.catalog.Scope;
import dev.ferry.catalog.SqlClauses;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * SQLite's keys, foreign keys and indexes from its table-valued PRAGMA functions joined with
 * {@code sqlite_master}: one statement each, all answered in-process.
 *
 * <p>SQLite keeps no constraint names, so keys and foreign keys have none. Its driver reports
 * DECIMAL(12,2) as a FLOAT of size 14, so the declared type from {@code pragma_table_info}
 * replaces the driver's. A single INTEGER PRIMARY KEY is an alias of the rowid: never NULL and
 * assigned automatically, whatever the driver says.
 */
final class SqliteCatalog implements CatalogReader {
  private static final String COLUMNS = """
      SELECT m.name, p.name, p.type, p.pk, instr(upper(m.sql), 'WITHOUT ROWID') > 0
      FROM sqlite_master m JOIN pragma_table_info(m.name) p
      WHERE m.type IN ('table', 'view') {tables:m.name}
      ORDER BY m.name, p.pk""";

  private static final String FOREIGN_KEYS = """
      SELECT m.name, f.id, f."table", f."from", f."to"
      FROM sqlite_master m JOIN pragma_foreign_key_list(m.name) f
      WHERE m.type = 'table' {tables:m.name}
      ORDER BY m.name, f.id, f.seq""";

  // origin: 'pk' backs the primary key, 'u' a UNIQUE constraint, 'c' a CREATE INDEX.
  private static final String INDEXES = """
      SELECT m.name, il.name, il."unique", il.origin, ii.name
      FROM sqlite_master m JOIN pragma_index_list(m.name) il JOIN pragma_index_info(il.name) ii
      WHERE m.type = 'table' {tables:m.name}
      ORDER BY m.name, il.name, ii.seqno""";

  // SQLite keeps each table and view as the statement that created it, and nothing else.
  private static final String DEFINITIONS = """
      SELECT m.name, m.type, m.sql FROM sqlite_master m
      WHERE m.type IN ('table', 'view') {tables:m.name}
      ORDER BY m.name""";

  private final Set<String> withoutRowid = new HashSet<>();

  @Override public boolean bulk() {
    return true;
  }

  @Override public String[] tableTypes() {
    return new String[] {"TABLE", "VIEW"};
  }

  @Override public boolean isSystemTable(String name) {
    return name.toLowerCase(Locale.ROOT).startsWith("sqlite_");
  }

  /** Primary keys, and each column's declared type. */
  @Override public void keys(Connection c, Scope scope, CatalogFacts facts) throws SQLException {
    CatalogReader.read(c, "primary keys and declared types", COLUMNS, scope, facts, rs -> {
      String table = rs.getString(1);
      CatalogFacts.TableFacts t = facts.table(table);
      CatalogFacts.ColumnFacts col = t == null ? null : t.column(rs.getString(2));
      String declared = rs.getString(3);
      if (col != null && declared != null && !declared.isBlank()) {
        col.typeName = declared;
      }
      if (rs.getInt(4) > 0) {
        facts.keyColumn(table, "", null, true, rs.getString(2));
      }
      if (rs.getBoolean(5)) {
        withoutRowid.add(table);
      }
    });
  }

  @Override public void foreignKeys(Connection c, Scope scope, CatalogFacts facts)
      throws SQLException {
    CatalogReader.read(c, "foreign keys", FOREIGN_KEYS, scope, facts, rs -> facts.foreignKeyColumn(
        rs.getString(1), rs.getString(2), null, null, rs.getString(3), rs.getString(4),
        rs.getString(5)));
  }

  /** Indexes, and the unique constraints they back (SQLite has no other record of those). */
  @Override public void indexes(Connection c, Scope scope, CatalogFacts facts) throws SQLException {
    CatalogReader.read(c, "indexes and unique constraints", INDEXES, scope, facts, rs -> {
      // An expression has no name here; its text is only in the CREATE INDEX statement.
      String column = rs.getString(5);
      column = column == null ? CatalogFacts.EXPRESSION : column;
      facts.indexColumn(rs.getString(1), rs.getString(2), rs.getBoolean(3), column);
      if ("u".equals(rs.getString(4))) {
        facts.keyColumn(rs.getString(1), rs.getString(2), null, false, column);
      }
    });
  }

  /** CHECK constraints and view queries, read from the statements that created them. */
  @Override public void structure(Connection c, Scope scope, CatalogFacts facts) throws SQLException {
    CatalogReader.read(c, "CHECK constraints and view definitions", DEFINITIONS, scope, facts, rs -> {
      CatalogFacts.TableFacts t = facts.table(String.valueOf(rs.getString(1)));
      if (t == null) {
        return;
      }
      if (t.view) {
        t.definition = SqlClauses.viewBody(rs.getString(3));
      } else {
        t.checks.addAll(SqlClauses.checks(rs.getString(3)));
      }
    });
  }

  @Override public void adjustColumns(CatalogFacts facts) {
    for (CatalogFacts.TableFacts t : facts.tables()) {
      var pk = t.primaryKey;
      if (t.view || pk == null || pk.columns().size() != 1 || withoutRowid.contains(t.name)) {
        continue;
      }
      CatalogFacts.ColumnFacts col = t.column(pk.columns().get(0));
      if (col != null && "INTEGER".equalsIgnoreCase(String.valueOf(col.typeName).strip())) {
        col.nullable = false;
        col.autoIncrement = true;
      }
    }
  }
}
