package dev.ferry.inspect;

import dev.ferry.catalog.CatalogFacts;
import dev.ferry.catalog.CatalogReader;
import dev.ferry.catalog.RoundTrips;
import dev.ferry.catalog.Scope;
import dev.ferry.catalog.Snapshot;
import dev.ferry.connect.FerryDataSource;
import dev.ferry.ddl.FerryNamespace;
import dev.ferry.error.FerryFailure;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Inspects the tables and views of one namespace of a database into a {@link Snapshot}: all of
 * them, or only those named.
 *
 * <p>Tables and columns come from {@code getTables} and {@code getColumns}; keys, foreign keys
 * and indexes from the engine's {@link CatalogReader}, one query per kind. A whole namespace
 * costs five round trips for PostgreSQL, MariaDB, H2, SQLite and DuckDB, plus one to three for
 * CHECK constraints, enumerated and domain types, view definitions and partitions, whatever the
 * number of tables ({@link RoundTrips} counts them). Named tables are looked up by name and their
 * catalog rows alone are read, so planning the copy of one table of a thousand reads one
 * table's worth: work grows with the tables asked for, not with the database.
 */
public final class Inspector {
  /** Set {@code -Dferry.debug.catalog=true} to print each inspection's round trips on stderr. */
  private static final boolean DEBUG = Boolean.getBoolean("ferry.debug.catalog");
  /** Past this many named tables, one listing of the namespace is cheaper than a call each. */
  private static final int PER_TABLE_LIMIT = 50;

  private Inspector() {}

  /** One table or view found in a namespace. */
  private record Entry(String name, boolean view) {}

  /**
   * Inspects {@code ds} within {@code scope} on one pooled connection: every table and view, or
   * only those {@code tables} names (exactly, else ignoring case; names not found are left out).
   */
  public static Snapshot inspect(FerryDataSource ds, Scope scope, @Nullable List<String> tables) {
    requireNonNull(ds, "ds");
    requireNonNull(scope, "scope");
    String name = ds.spec().name();
    Snapshot stored = ds.dialect().storedSnapshot();
    if (stored != null) {
      return stored.only(name, tables);
    }
    long start = System.nanoTime();
    RoundTrips trips = new RoundTrips();
    try (Connection pooled = ds.getConnection()) {
      Connection c = trips.wrap(pooled);
      DatabaseMetaData md = c.getMetaData();
      CatalogReader reader = ds.dialect().catalogReader();
      List<Entry> entries = tables == null ? list(md, scope, reader, "%")
          : find(md, scope, reader, tables);
      List<String> only = tables == null ? null : entries.stream().map(Entry::name).toList();
      CatalogFacts facts = new CatalogFacts(scope.namespace(), only);
      entries.forEach(e -> facts.addTable(e.name(), e.view()));
      if (only != null && only.size() <= PER_TABLE_LIMIT) {
        for (String t : only) {
          readColumns(md, scope, escape(md, t), facts);
        }
      } else {
        readColumns(md, scope, "%", facts);
      }
      reader.keys(c, scope, facts);
      reader.foreignKeys(c, scope, facts);
      reader.indexes(c, scope, facts);
      reader.structure(c, scope, facts);
      reader.adjustColumns(facts);
      String product = String.valueOf(md.getDatabaseProductName());
      Snapshot s = facts.snapshot(name, product, String.valueOf(md.getDatabaseProductVersion()),
          Instant.now().truncatedTo(ChronoUnit.MILLIS).toString(), ds.dialect().columnTypes());
      if (DEBUG) {
        System.err.printf(Locale.ROOT, "ferry: inspected %s of '%s': %d tables, %d views, %d round"
                + " trips with %s (%s) in %d ms%n", scope, name, s.tables().size(), s.views().size(),
            trips.count(), reader.bulk() ? "catalog queries" : "per-table metadata",
            String.join(", ", trips.calls()), (System.nanoTime() - start) / 1_000_000);
      }
      return s;
    } catch (SQLException | RuntimeException e) {
      throw FerryFailure.wrap(e, "inspecting " + scope + " of database '" + name + "'")
          .with("database", name);
    }
  }

  /**
   * The names of the tables and views in {@code scope}, in one round trip: what
   * {@code copy --all} lists before inspecting each table on its own.
   */
  public static Map<String, Boolean> names(FerryDataSource ds, Scope scope) {
    try (Connection c = ds.getConnection()) {
      Map<String, Boolean> out = new LinkedHashMap<>();
      for (Entry e : list(c.getMetaData(), scope, ds.dialect().catalogReader(), "%")) {
        out.put(e.name(), e.view());
      }
      return out;
    } catch (SQLException | RuntimeException e) {
      throw FerryFailure.wrap(e, "listing the tables of " + scope + " of database '"
          + ds.spec().name() + "'").with("database", ds.spec().name());
    }
  }

  /**
   * The bytes on disk of the tables in {@code scope}, in one query, as the engine reports them
   * ({@code Dialect.tableBytes}): what {@code ferry tables} shows. A table left out is one whose
   * size the engine cannot tell.
   */
  public static Map<String, Long> bytes(FerryDataSource ds, Scope scope) {
    try (Connection c = ds.getConnection()) {
      return ds.dialect().tableBytes(c, scope.namespace());
    } catch (SQLException | RuntimeException e) {
      throw FerryFailure.wrap(e, "reading the table sizes of " + scope + " of database '"
          + ds.spec().name() + "'").with("database", ds.spec().name());
    }
  }

  /**
   * The named tables: each looked up by its own name (one round trip each), or, past
   * {@link #PER_TABLE_LIMIT} names, in one listing; a name not found exactly is matched
   * ignoring case against the listing.
   */
  private static List<Entry> find(DatabaseMetaData md, Scope scope, CatalogReader reader,
      List<String> wanted) throws SQLException {
    List<Entry> all = wanted.size() > PER_TABLE_LIMIT ? list(md, scope, reader, "%") : null;
    List<Entry> out = new ArrayList<>();
    for (String w : wanted) {
      Entry found = null;
      for (Entry e : all != null ? all : list(md, scope, reader, escape(md, w))) {
        if (found == null && e.name().equals(w)) {
          found = e;
        }
      }
      if (found == null) {
        if (all == null) {
          all = list(md, scope, reader, "%");
        }
        for (Entry e : all) {
          if (found == null && e.name().equalsIgnoreCase(w)) {
            found = e;
          }
        }
      }
      if (found != null && !out.contains(found)) {
        out.add(found);
      }
    }
    return out;
  }

  private static List<Entry> list(DatabaseMetaData md, Scope scope, CatalogReader reader,
      String pattern) throws SQLException {
    List<Entry> out = new ArrayList<>();
    try (ResultSet rs = md.getTables(scope.catalog(), escape(md, scope.schema()), pattern,
        reader.tableTypes())) {
      while (rs.next()) {
        String table = rs.getString("TABLE_NAME");
        String type = String.valueOf(rs.getString("TABLE_TYPE")).toUpperCase(Locale.ROOT);
        if (!inScope(rs, scope) || table == null || reader.isSystemTable(table)
            || FerryNamespace.isBookkeeping(table)
            || type.contains("SYSTEM") || type.contains("TEMPORARY")) {
          continue;
        }
        if (type.contains("VIEW")) {
          out.add(new Entry(table, true));
        } else if (type.contains("TABLE")) {
          out.add(new Entry(table, false));
        }
      }
    }
    return out;
  }

  private static void readColumns(DatabaseMetaData md, Scope scope, String tablePattern,
      CatalogFacts facts) throws SQLException {
    try (ResultSet rs = md.getColumns(scope.catalog(), escape(md, scope.schema()), tablePattern, "%")) {
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
        // Every bundled driver reports the column's comment here (MariaDB's as '' when none).
        String remarks = rs.getString("REMARKS");
        c.comment = remarks == null || remarks.isEmpty() ? null : remarks;
      }
    }
  }

  /** A name as a LIKE pattern matching only itself: {@code my_app} must not match {@code myXapp}. */
  private static @Nullable String escape(DatabaseMetaData md, @Nullable String name)
      throws SQLException {
    if (name == null) {
      return null;
    }
    String esc = md.getSearchStringEscape();
    return esc == null || esc.isEmpty() ? name
        : name.replace(esc, esc + esc).replace("_", esc + "_").replace("%", esc + "%");
  }

  /** Whether a metadata row belongs to the inspected namespace (patterns match loosely). */
  private static boolean inScope(ResultSet rs, Scope scope) throws SQLException {
    return (scope.catalog() == null || scope.catalog().equals(rs.getString("TABLE_CAT")))
        && (scope.schema() == null || scope.schema().equals(rs.getString("TABLE_SCHEM")));
  }
}
