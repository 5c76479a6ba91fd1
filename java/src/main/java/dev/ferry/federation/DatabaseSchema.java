package dev.ferry.federation;

import dev.ferry.catalog.Scope;
import dev.ferry.config.DatabaseSpec;
import dev.ferry.connect.FerryDataSource;
import dev.ferry.dialect.Dialect;
import dev.ferry.error.FerryFailure;
import dev.ferry.planner.FerryConvention;
import dev.ferry.types.ColumnTypes;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.apache.calcite.adapter.jdbc.JdbcConvention;
import org.apache.calcite.adapter.jdbc.FerryJdbcSchema;
import org.apache.calcite.adapter.jdbc.JdbcSchema;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.schema.Schema;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.schema.SchemaVersion;
import org.apache.calcite.schema.Schemas;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.Wrapper;
import org.apache.calcite.schema.impl.AbstractSchema;
import org.apache.calcite.linq4j.function.Predicate1;
import org.apache.calcite.schema.lookup.LikePattern;
import org.apache.calcite.schema.lookup.Lookup;
import org.apache.calcite.schema.lookup.Named;
import org.apache.calcite.sql.SqlDialect;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The Calcite schema for one configured database, connected on first use.
 *
 * <p>Pinned entries (and engines without namespaces, such as SQLite) expose tables directly;
 * otherwise each schema (PostgreSQL, H2) or catalog (MariaDB) is a sub-schema. All of them share
 * one {@link JdbcConvention}, so a join between two schemas of one database is still pushed down
 * as a single query. Laziness means a database that is down only fails the queries that use it.
 */
public final class DatabaseSchema extends AbstractSchema implements Wrapper {
  private final FerryDataSource dataSource;
  private final Expression expression;
  private @Nullable Layout layout;
  /** Whether the last attempt to connect failed; listing names then tries no more. */
  private boolean failed;

  /**
   * What connecting revealed: the dialect and either one flat schema or named sub-schemas, plus
   * the namespace a pinned entry resolved to, whether namespaces are catalogs (MariaDB), and
   * the connection's own namespace that two-part names ({@code db.table}) resolve in when the
   * entry pins none (the URL's database on MariaDB, {@code public} on PostgreSQL).
   */
  private record Layout(SqlDialect dialect, JdbcConvention convention, @Nullable JdbcSchema flat,
      Map<String, Schema> nested, boolean catalogs, @Nullable String pinned,
      @Nullable String catalog, @Nullable String current) {}

  /** Registers a lazily connected schema for {@code dataSource} under {@code parent}. */
  public DatabaseSchema(SchemaPlus parent, FerryDataSource dataSource) {
    this.dataSource = requireNonNull(dataSource, "dataSource");
    this.expression =
        Schemas.subSchemaExpression(parent, dataSource.spec().name(), DatabaseSchema.class);
  }

  /** The pool behind this database. */
  public FerryDataSource dataSource() {
    return dataSource;
  }

  /** The engine's dialect (known from the URL; never connects). */
  public Dialect engine() {
    return dataSource.dialect();
  }

  /** The SQL dialect Calcite uses to push work into this database; connects if needed. */
  public SqlDialect dialect() {
    return layout().dialect();
  }

  private synchronized Layout layout() {
    if (layout == null) {
      try {
        layout = connect();
        failed = false;
      } catch (RuntimeException e) {
        failed = true;
        throw e;
      }
    }
    return layout;
  }

  private Layout connect() {
    DatabaseSpec spec = dataSource.spec();
    try (Connection c = dataSource.getConnection()) {
      DatabaseMetaData md = c.getMetaData();
      Dialect engine = dataSource.dialect();
      SqlDialect dialect = engine.calciteDialect(md);
      ColumnTypes types = engine.columnTypes();
      JdbcConvention convention = new FerryConvention(dialect, expression, spec.name());
      boolean schemas = md.supportsSchemasInTableDefinitions();
      boolean catalogs = !schemas && md.supportsCatalogsInTableDefinitions();
      // Schemas of the connection's own catalog only, where the driver lists others too.
      String catalog = schemas && engine.catalogQualified() ? c.getCatalog() : null;
      List<String> names = new ArrayList<>();
      if (schemas || catalogs) {
        try (ResultSet rs = catalog != null ? md.getSchemas(catalog, "%")
            : schemas ? md.getSchemas() : md.getCatalogs()) {
          while (rs.next()) {
            String n = rs.getString(1);
            if (n != null && !engine.isSystemNamespace(n)) {
              names.add(n);
            }
          }
        }
      }
      String pinned = spec.schema();
      if (pinned != null) {
        String actual = match(names, pinned);
        if (actual == null && (schemas || catalogs)) {
          throw FerryFailure.of("CONFIG_INVALID",
              "databases." + spec.name() + ".schema: '" + pinned + "' does not exist in database '"
                  + spec.name() + "'; " + NameHints.didYouMean(names, pinned) + "it has "
                  + (names.isEmpty() ? "none" : String.join(", ", names)))
              .with("database", spec.name());
        }
        return new Layout(dialect, convention,
            jdbcSchema(dialect, convention, types, catalogs, catalog, actual), Map.of(), catalogs,
            actual, catalog, null);
      }
      if (!schemas && !catalogs) {
        return new Layout(dialect, convention,
            jdbcSchema(dialect, convention, types, false, null, null), Map.of(), false, null, null,
            null);
      }
      Map<String, Schema> nested = new LinkedHashMap<>();
      for (String n : names) {
        nested.put(n, jdbcSchema(dialect, convention, types, catalogs, catalog, n));
      }
      // The driver's own answer, so no engine is named here: the catalog a MariaDB URL names,
      // the first schema of PostgreSQL's search_path, H2's PUBLIC.
      String own = catalogs ? c.getCatalog() : c.getSchema();
      String current = own == null ? null : match(names, own);
      return new Layout(dialect, convention, null, nested, catalogs, null, catalog, current);
    } catch (SQLException e) {
      throw FerryFailure.wrap(e, "reading the catalog of database '" + spec.name() + "'");
    }
  }

  private JdbcSchema jdbcSchema(SqlDialect dialect, JdbcConvention convention, ColumnTypes types,
      boolean catalogs, @Nullable String catalog, @Nullable String namespace) {
    // The engine's relations only: PostgreSQL's driver lists indexes and sequences as tables too.
    String[] relations = engine().catalogReader().tableTypes();
    return new FerryJdbcSchema(dataSource, dialect, convention,
        catalogs ? namespace : catalog, catalogs ? null : namespace, types,
        () -> rowEstimates(namespace), relations);
  }

  /**
   * The database's row estimates for the tables of {@code namespace}; none when it cannot give
   * them (statistics only guide the planner, so a failure here must not fail the query).
   */
  private Map<String, Long> rowEstimates(@Nullable String namespace) {
    try (Connection c = dataSource.getConnection()) {
      return engine().rowEstimates(c, namespace);
    } catch (SQLException | RuntimeException e) {
      return Map.of();
    }
  }

  private static @Nullable String match(List<String> names, String wanted) {
    for (String n : names) {
      if (n.equals(wanted)) {
        return n;
      }
    }
    for (String n : names) {
      if (n.equalsIgnoreCase(wanted)) {
        return n;
      }
    }
    return null;
  }

  /** Whether Calcite planned work in {@code convention} for this database (never connects). */
  public synchronized boolean owns(org.apache.calcite.plan.Convention convention) {
    return layout != null && layout.convention() == convention;
  }

  /** Names of the sub-schemas (empty when tables are addressed directly). */
  public Set<String> namespaceNames() {
    return layout().nested().keySet();
  }

  /**
   * The namespace {@link dev.ferry.inspect.Inspector} inspects: the pinned one, else {@code requested}, which an
   * unpinned database with namespaces requires (a USAGE failure lists the choices).
   */
  public Scope inspectionScope(@Nullable String requested) {
    Layout l = layout();
    String name = dataSource.spec().name();
    String ns;
    if (l.pinned() != null) {
      if (requested != null && !requested.equalsIgnoreCase(l.pinned())) {
        throw FerryFailure.of("USAGE", "database '" + name + "' is pinned to schema '" + l.pinned()
            + "' in its config; it cannot inspect '" + requested + "'").with("database", name);
      }
      ns = l.pinned();
    } else if (l.flat() != null) {
      return new Scope(null, null);
    } else {
      List<String> names = new ArrayList<>(l.nested().keySet());
      ns = requested == null ? l.current() : match(names, requested);
      if (ns == null) {
        String kind = l.catalogs() ? "databases" : "schemas";
        throw FerryFailure.of("USAGE", (requested == null
                ? "database '" + name + "' is not pinned to one schema; name the namespace to inspect; "
                : "database '" + name + "' has no namespace '" + requested + "'; "
                    + NameHints.didYouMean(names, requested))
                + "its " + kind + ": " + (names.isEmpty() ? "none" : String.join(", ", names))
                + " (or pin one with databases." + name + ".schema)")
            .with("database", name).with("namespaces", names);
      }
    }
    return l.catalogs() ? new Scope(ns, null) : new Scope(l.catalog(), ns);
  }

  /**
   * The namespace {@code requested} resolves to ({@link #inspectionScope}), else the one
   * {@code c} resolves unqualified names in; null for engines without namespaces.
   */
  public @Nullable String namespaceOn(java.sql.Connection c, @Nullable String requested)
      throws java.sql.SQLException {
    String ns = inspectionScope(requested).namespace();
    return ns != null ? ns : engine().currentNamespace(c);
  }

  /** The namespace two-part names resolve in when the entry pins none, or null. */
  public @Nullable String currentNamespace() {
    return layout().current();
  }

  @Override public Lookup<Table> tables() {
    Layout l = layout();
    if (l.flat() != null) {
      return l.flat().tables();
    }
    Schema own = l.current() == null ? null : l.nested().get(l.current());
    return own == null ? Lookup.empty() : own.tables();
  }

  @Override protected Map<String, Schema> getSubSchemaMap() {
    return layout().nested();
  }

  /**
   * The namespaces of a database that cannot connect list as none, its failure kept for the
   * statements that name it: Calcite lists every schema of the root while preparing each
   * statement (looking for lattices), so a database that is down would otherwise fail statements
   * that never use it. After one failure, listing does not retry; a lookup by name does.
   */
  private Set<String> namespacesOrNone() {
    synchronized (this) {
      if (layout == null && failed) {
        return Set.of();
      }
    }
    try {
      return layout().nested().keySet();
    } catch (RuntimeException e) {
      return Set.of();
    }
  }

  /** Sub-schemas by name connect the database (and fail as it does); see {@link #namespacesOrNone}. */
  @Override public Lookup<Schema> subSchemas() {
    return new Lookup<>() {
      @Override public @Nullable Schema get(String name) {
        return layout().nested().get(name);
      }

      @Override public @Nullable Named<Schema> getIgnoreCase(String name) {
        Map<String, Schema> nested = layout().nested();
        String actual = match(new ArrayList<>(nested.keySet()), name);
        Schema schema = actual == null ? null : nested.get(actual);
        return schema == null ? null : new Named<>(requireNonNull(actual, "actual"), schema);
      }

      @Override public Set<String> getNames(LikePattern pattern) {
        Predicate1<String> matches = pattern.matcher();
        Set<String> out = new java.util.LinkedHashSet<>();
        for (String n : namespacesOrNone()) {
          if (matches.apply(n)) {
            out.add(n);
          }
        }
        return out;
      }
    };
  }

  @Override public boolean isMutable() {
    return false;
  }

  @Override public Schema snapshot(SchemaVersion version) {
    return this;
  }

  @Override public Expression getExpression(@Nullable SchemaPlus parentSchema, String name) {
    return expression;
  }

  @Override public <T extends Object> @Nullable T unwrap(Class<T> clazz) {
    if (clazz.isInstance(this)) {
      return clazz.cast(this);
    }
    if (clazz == DataSource.class) {
      // What Calcite's generated code reads through: metered while a query is analyzed.
      return clazz.cast(SourceMeter.reading(dataSource));
    }
    if (clazz == FerryDataSource.class) {
      return clazz.cast(dataSource);
    }
    if (clazz == FerryJdbcSchema.class) {
      // The schema whose tables this one's are (see tables()): the pinned or the current one.
      Layout l = layout();
      Schema own = l.flat() != null ? l.flat()
          : l.current() == null ? null : l.nested().get(l.current());
      return own instanceof FerryJdbcSchema f ? clazz.cast(f) : null;
    }
    return null;
  }
}
