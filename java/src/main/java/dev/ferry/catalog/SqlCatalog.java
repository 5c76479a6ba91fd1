package dev.ferry.catalog;


import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A catalog read with one SQL query per kind, for engines whose system catalog holds keys and
 * indexes for a whole namespace.
 *
 * <p>Subclasses only pass in the three queries, each taking the namespace for every {@code ?}
 * and returning the same columns in the same order whatever the engine: keys (table,
 * constraint, 1 for a primary key else 0, column), foreign keys (table, constraint, referenced
 * schema, referenced table, column, referenced column, and optionally the delete and update
 * actions in SQL words) and indexes (table, index, 1 when unique else 0, column, and optionally
 * a partial index's predicate and 1 when the column is sorted descending), ordered by table,
 * name and column position. Each query holds one
 * {@code {tables:EXPR}} marker after its last {@code ?}, where {@code EXPR} is the table-name
 * column: inspecting named tables turns it into {@code AND EXPR IN (?, …)}, so only their rows
 * are read; inspecting a whole namespace drops it.
 */
public abstract class SqlCatalog implements CatalogReader {
  private static final Pattern TABLES = Pattern.compile("\\{tables:([^}]+)}");
  private final String keysSql;
  private final String foreignKeysSql;
  private final String indexesSql;

  /** Takes the three queries: keys, foreign keys (one row per column pair), indexes. */
  protected SqlCatalog(String keysSql, String foreignKeysSql, String indexesSql) {
    this.keysSql = checked(keysSql);
    this.foreignKeysSql = checked(foreignKeysSql);
    this.indexesSql = checked(indexesSql);
  }

  private static String checked(String sql) {
    Matcher m = TABLES.matcher(sql);
    if (!m.find() || sql.indexOf('?', m.end()) >= 0 || m.find()) {
      throw new IllegalArgumentException("a catalog query needs one {tables:…} marker after its"
          + " last parameter: " + sql);
    }
    return sql;
  }

  /** {@code sql} for the tables {@code only} names (all when null): its marker rendered. */
  public static String render(String sql, @Nullable List<String> only) {
    Matcher m = TABLES.matcher(sql);
    if (!m.find()) {
      return sql;
    }
    String filter = only == null ? ""
        : only.isEmpty() ? " AND 1 = 0"
        : " AND " + m.group(1) + " IN (" + String.join(", ", java.util.Collections.nCopies(only.size(), "?")) + ")";
    return sql.substring(0, m.start()) + filter + sql.substring(m.end());
  }

  @Override public final boolean bulk() {
    return true;
  }

  @Override public String[] tableTypes() {
    return new String[] {"TABLE", "BASE TABLE", "VIEW"};
  }

  @Override public final void keys(Connection c, Scope scope, CatalogFacts facts)
      throws SQLException {
    CatalogReader.read(c, "primary and unique keys", keysSql, scope, facts,
        rs -> facts.keyColumn(rs.getString(1), rs.getString(2), rs.getString(2),
            rs.getInt(3) == 1, rs.getString(4)));
  }

  @Override public final void foreignKeys(Connection c, Scope scope, CatalogFacts facts)
      throws SQLException {
    CatalogReader.read(c, "foreign keys", foreignKeysSql, scope, facts,
        rs -> {
          boolean actions = rs.getMetaData().getColumnCount() >= 8;
          facts.foreignKeyColumn(rs.getString(1), rs.getString(2), rs.getString(2),
              rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
              actions ? rs.getString(7) : null, actions ? rs.getString(8) : null);
        });
  }

  @Override public final void indexes(Connection c, Scope scope, CatalogFacts facts)
      throws SQLException {
    CatalogReader.read(c, "indexes", indexesSql, scope, facts,
        rs -> facts.indexColumn(rs.getString(1), rs.getString(2), rs.getInt(3) == 1,
            indexColumn(rs.getString(4)),
            rs.getMetaData().getColumnCount() >= 5 ? rs.getString(5) : null,
            rs.getMetaData().getColumnCount() >= 6 && rs.getInt(6) == 1));
  }

  /**
   * Runs a query for CHECK constraints and view definitions together, each row giving a table
   * or view name, a CHECK's name and text (null on a view's row) and a view's text (null on a
   * CHECK's row).
   */
  protected static void checksAndViews(Connection c, Scope scope, CatalogFacts facts, String sql)
      throws SQLException {
    CatalogReader.read(c, "CHECK constraints and view definitions", sql, scope, facts, rs -> {
      String name = rs.getString(1);
      String view = rs.getString(4);
      CatalogFacts.TableFacts t = name == null ? null : facts.table(name);
      if (view != null && t != null) {
        t.definition = SqlClauses.viewBody(view);
      } else {
        facts.check(name, rs.getString(2), rs.getString(3));
      }
    });
  }

  /**
   * A column of an index as the catalog query returned it, made a plain column name; null for
   * an expression whose text is not known. The default takes it as it is.
   */
  protected @Nullable String indexColumn(@Nullable String raw) {
    return raw;
  }
}
