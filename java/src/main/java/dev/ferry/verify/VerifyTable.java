package dev.ferry.verify;

import dev.ferry.checksum.CellKind;
import dev.ferry.config.DatabaseSpec;
import dev.ferry.connect.FerryDataSource;
import dev.ferry.dialect.Dialect;
import dev.ferry.error.FerryFailure;

import static java.util.Objects.requireNonNull;

import dev.ferry.util.Jdbc;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * One side of a verification: a table found in one database, its columns and primary key.
 *
 * <p>Found through {@code DatabaseMetaData} in the namespace asked for, else the pinned one,
 * else the connection's default (PostgreSQL's {@code current_schema}, MariaDB's database, H2's
 * {@code PUBLIC}); the name matches exactly first, then case-insensitively, so {@code orders}
 * finds H2's {@code ORDERS}.
 */
final class VerifyTable {
  /** One column as the driver describes it; {@link RowCanon} reads values by its kind. */
  record Column(String name, int jdbcType, String typeName, int size, int digits, CellKind kind,
      @Nullable String expression) {

    /** A column of the table itself. */
    Column(String name, int jdbcType, String typeName, int size, int digits, CellKind kind) {
      this(name, jdbcType, typeName, size, digits, kind, null);
    }

    /** The column as a SELECT reads it: its quoted name, or its expression over the table's columns. */
    String sql(VerifyTable table) {
      return expression != null ? "(" + expression + ")" : table.quoted(name);
    }

    /** The declared type in one spelling, to tell whether two sides store values alike. */
    String declared() {
      return typeName.toLowerCase(Locale.ROOT) + "(" + size + "," + digits + ")";
    }

    /** This column read as {@code other} is. */
    Column readAs(CellKind other) {
      return new Column(name, jdbcType, typeName, size, digits, other, expression);
    }
  }

  final FerryDataSource dataSource;
  final Dialect engine;
  final @Nullable String catalog;
  final @Nullable String schema;
  final String name;
  final List<Column> columns;
  final List<String> primaryKey;
  private final String quote;
  /** A condition (in this database's SQL) the compared rows match; null for every row. */
  final @Nullable String filter;

  private VerifyTable(FerryDataSource dataSource, @Nullable String catalog, @Nullable String schema,
      String name, List<Column> columns, List<String> primaryKey, String quote,
      @Nullable String filter) {
    this.dataSource = dataSource;
    this.engine = dataSource.dialect();
    this.catalog = catalog;
    this.schema = schema;
    this.name = name;
    this.columns = columns;
    this.primaryKey = primaryKey;
    this.quote = quote;
    this.filter = filter;
  }

  /** This table with only the rows matching {@code condition} (in this database's SQL) compared. */
  VerifyTable filtered(String condition) {
    return new VerifyTable(dataSource, catalog, schema, name, columns, primaryKey, quote, condition);
  }

  /** What compared rows are read FROM: the table, or its rows matching the filter. */
  String rows() {
    return filter == null ? qualified()
        : "(SELECT * FROM " + qualified() + " WHERE " + filter + ") ferry_rows";
  }

  /** The database's configured name, for messages. */
  String database() {
    return dataSource.spec().name();
  }

  /** The table as this database's SQL names it, namespace included. */
  String qualified() {
    String ns = catalog != null ? catalog : schema;
    return ns == null ? quoted(name) : quoted(ns) + "." + quoted(name);
  }

  /** Quotes one identifier with the driver's quote character. */
  String quoted(String identifier) {
    return quote + identifier.replace(quote, quote + quote) + quote;
  }

  /** The column named {@code wanted}, exactly or else ignoring case; null when absent. */
  @Nullable Column column(String wanted) {
    for (Column c : columns) {
      if (c.name().equals(wanted)) {
        return c;
      }
    }
    for (Column c : columns) {
      if (c.name().equalsIgnoreCase(wanted)) {
        return c;
      }
    }
    return null;
  }

  /** Finds {@code table} in the database behind {@code ds}. */
  static VerifyTable resolve(FerryDataSource ds, String table, @Nullable String namespace) {
    requireNonNull(table, "table");
    DatabaseSpec spec = ds.spec();
    try (Connection c = ds.getConnection()) {
      DatabaseMetaData md = c.getMetaData();
      boolean schemas = md.supportsSchemasInTableDefinitions();
      boolean catalogs = !schemas && md.supportsCatalogsInTableDefinitions();
      String ns = namespace != null ? namespace : spec.schema();
      if (ns == null) {
        ns = schemas ? c.getSchema() : catalogs ? c.getCatalog() : null;
      }
      // Where the driver lists other catalogs beside the database's own (DuckDB), look there only.
      String lookupCat = catalogs ? ns
          : schemas && ds.dialect().catalogQualified() ? c.getCatalog() : null;
      String cat = catalogs ? ns : null;
      String sch = schemas ? ns : null;
      String[] hit = scan(md, lookupCat, escape(md, table), ns, schemas, catalogs, table);
      if (hit[0] == null) {
        hit = scan(md, lookupCat, "%", ns, schemas, catalogs, table);
      }
      String exact = hit[0];
      String loose = hit[1];
      String actualNs = hit[2];
      String found = exact != null ? exact : loose;
      if (found == null) {
        throw FerryFailure.of("SQL_VALIDATION", "verify: table '" + table + "' not found in "
                + (ns == null ? "" : "namespace '" + ns + "' of ") + "database '" + spec.name() + "'")
            .with("database", spec.name()).with("table", table);
      }
      if (catalogs) {
        cat = actualNs;
      } else if (schemas) {
        sch = actualNs;
      }
      String metaCat = cat != null ? cat : lookupCat;
      List<Column> columns = columns(md, metaCat, sch, found, ds.dialect());
      List<String> key = Jdbc.primaryKey(md, metaCat, sch, found);
      String q = md.getIdentifierQuoteString();
      return new VerifyTable(ds, cat, sch, found, columns, key,
          q == null || q.isBlank() ? "\"" : q.strip(), null);
    } catch (SQLException e) {
      throw FerryFailure.wrap(e, "verify: reading table '" + table + "' of database '"
          + spec.name() + "'").with("database", spec.name()).with("table", table);
    }
  }

  /**
   * {@code {exact, loose, namespace}}: the table named {@code table} exactly, else ignoring case,
   * among those matching {@code pattern} in namespace {@code ns}.
   */
  private static @Nullable String[] scan(DatabaseMetaData md, @Nullable String cat, String pattern,
      @Nullable String ns, boolean schemas, boolean catalogs, String table) throws SQLException {
    String exact = null;
    String loose = null;
    String actualNs = null;
    try (ResultSet rs = md.getTables(cat, null, pattern, null)) {
      while (rs.next()) {
        String inNs = catalogs ? rs.getString("TABLE_CAT") : rs.getString("TABLE_SCHEM");
        if (ns != null && (schemas || catalogs) && (inNs == null || !inNs.equalsIgnoreCase(ns))) {
          continue;
        }
        String n = rs.getString("TABLE_NAME");
        if (n.equals(table) && (exact == null || ns == null || ns.equals(inNs))) {
          exact = n;
          actualNs = inNs;
        } else if (exact == null && loose == null && n.equalsIgnoreCase(table)) {
          loose = n;
          actualNs = inNs;
        }
      }
    }
    return new String[] {exact, loose, actualNs};
  }

  private static String escape(DatabaseMetaData md, String name) throws SQLException {
    String esc = md.getSearchStringEscape();
    return esc == null || esc.isEmpty() ? name
        : name.replace(esc, esc + esc).replace("_", esc + "_").replace("%", esc + "%");
  }

  private static List<Column> columns(DatabaseMetaData md, @Nullable String cat,
      @Nullable String sch, String table, Dialect dialect) throws SQLException {
    TreeMap<Integer, Column> byPosition = new TreeMap<>();
    try (ResultSet rs = md.getColumns(cat, sch, table, "%")) {
      while (rs.next()) {
        if (!table.equals(rs.getString("TABLE_NAME"))) {
          continue;
        }
        int type = rs.getInt("DATA_TYPE");
        String typeName = String.valueOf(rs.getString("TYPE_NAME"));
        byPosition.put(rs.getInt("ORDINAL_POSITION"), new Column(rs.getString("COLUMN_NAME"), type,
            typeName, rs.getInt("COLUMN_SIZE"), rs.getInt("DECIMAL_DIGITS"),
            dialect.cellKind(type, typeName, rs.getInt("COLUMN_SIZE"))));
      }
    }
    return List.copyOf(byPosition.values());
  }

}
