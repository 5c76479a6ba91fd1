package org.apache.calcite.adapter.jdbc;

import dev.ferry.types.ColumnTypes;

import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeImpl;
import org.apache.calcite.rel.type.RelProtoDataType;
import org.apache.calcite.schema.Schema;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.lookup.LikePattern;
import org.apache.calcite.schema.lookup.Lookup;
import org.apache.calcite.schema.lookup.Named;
import org.apache.calcite.sql.SqlDialect;
import org.apache.calcite.sql.type.SqlTypeFactoryImpl;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A {@link JdbcSchema} whose column types come from Ferry's {@link ColumnTypes}.
 *
 * <p>It lives in Calcite's package because the hook it overrides,
 * {@code getRelDataType(DatabaseMetaData, …)}, is package-private. Stock JdbcSchema builds types
 * with the default type system, which cuts DECIMAL(38, s) to 19 digits, and trusts what SQLite's
 * driver reports (DECIMAL as FLOAT, TIMESTAMP as VARCHAR).
 */
public final class FerryJdbcSchema extends JdbcSchema {
  private final ColumnTypes types;
  private volatile @Nullable Lookup<Table> tables;
  private volatile @Nullable Map<String, RelProtoDataType> rowTypes;
  private final Supplier<Map<String, Long>> estimates;
  private volatile @Nullable Map<String, Long> rowEstimates;

  /** Creates a schema over one catalog/schema of a data source, sharing {@code convention}. */
  public FerryJdbcSchema(DataSource dataSource, SqlDialect dialect, JdbcConvention convention,
      @Nullable String catalog, @Nullable String schema, ColumnTypes types,
      Supplier<Map<String, Long>> estimates) {
    super(dataSource, dialect, convention, catalog, schema);
    this.types = types;
    this.estimates = estimates;
  }

  /**
   * The database's estimate of {@code table}'s rows (asked once per schema, on the first table
   * the planner sizes), or null when it has none.
   */
  @Nullable Long rowEstimate(String table) {
    Map<String, Long> known = rowEstimates;
    if (known == null) {
      synchronized (this) {
        known = rowEstimates;
        if (known == null) {
          known = estimates.get();
          rowEstimates = known;
        }
      }
    }
    Long rows = known.get(table);
    if (rows == null) {
      for (Map.Entry<String, Long> e : known.entrySet()) {
        if (e.getKey().equalsIgnoreCase(table)) {
          return e.getValue();
        }
      }
    }
    return rows;
  }

  /**
   * Tables, looked up once per engine. Stock JdbcSchema asks the database for the whole table
   * list on every case-insensitive lookup, i.e. several times per query; `check` runs hundreds of
   * proof queries and spent most of its time in those catalog queries. Misses are not kept, so
   * a table created later is found on its first lookup: stock JdbcSchema keeps its misses for a
   * minute too, so a miss is asked of the database again ({@link #freshTable}).
   */
  @Override public Lookup<Table> tables() {
    Lookup<Table> t = tables;
    if (t == null) {
      synchronized (this) {
        t = tables;
        if (t == null) {
          t = new CachedLookup(super.tables());
          tables = t;
        }
      }
    }
    return t;
  }

  /** One row of the database's table list: catalog, schema, name and type. */
  private record Listed(@Nullable String catalog, @Nullable String schema, String name,
      @Nullable String type) {}

  /** The tables the database lists now, or null when it cannot be asked. */
  private java.util.@Nullable List<Listed> listTables() {
    java.util.List<Listed> out = new java.util.ArrayList<>();
    try (java.sql.Connection c = getDataSource().getConnection();
         ResultSet rs = c.getMetaData().getTables(catalog, schema, null, null)) {
      while (rs.next()) {
        String name = rs.getString(3);
        if (name != null) {
          out.add(new Listed(rs.getString(1), rs.getString(2), name, rs.getString(4)));
        }
      }
      return out;
    } catch (SQLException e) {
      return null;
    }
  }

  /**
   * The table {@code name} as the database lists it now (ignoring case when asked), or null;
   * for lookups that stock JdbcSchema answered from its minute-long cache of misses.
   */
  private @Nullable Named<Table> freshTable(String name, boolean ignoreCase) {
    java.util.List<Listed> all = listTables();
    if (all == null) {
      return null;
    }
    Listed found = null;
    for (Listed t : all) {
      if (name.equals(t.name())) {
        found = t;
        break;
      }
      if (ignoreCase && found == null && name.equalsIgnoreCase(t.name())) {
        found = t;
      }
    }
    if (found == null) {
      return null;
    }
    return new Named<>(found.name(), table(found));
  }

  /** The Calcite table for one listed table, as stock JdbcSchema makes it. */
  private JdbcTable table(Listed t) {
    String type = String.valueOf(t.type()).toUpperCase(Locale.ROOT).replace(' ', '_');
    Schema.TableType tableType;
    try {
      tableType = Schema.TableType.valueOf(type);
    } catch (IllegalArgumentException e) {
      tableType = Schema.TableType.OTHER;
    }
    return new FerryJdbcTable(this, t.catalog(), t.schema(), t.name(), tableType);
  }

  /** {@code t} as a table that knows its size, when stock JdbcSchema made it. */
  private @Nullable Table sized(@Nullable Table t) {
    if (t instanceof JdbcTable j && !(t instanceof FerryJdbcTable)) {
      return new FerryJdbcTable(this, j.jdbcCatalogName, j.jdbcSchemaName, j.jdbcTableName,
          j.jdbcTableType);
    }
    return t;
  }

  /** Memoizes the hits of stock JdbcSchema's table lookup, and asks the database on a miss. */
  private final class CachedLookup implements Lookup<Table> {
    private final Lookup<Table> source;
    private final Map<String, Optional<Table>> exact = new ConcurrentHashMap<>();
    private final Map<String, Optional<Named<Table>>> ignoreCase = new ConcurrentHashMap<>();

    CachedLookup(Lookup<Table> source) {
      this.source = source;
    }

    @Override public @Nullable Table get(String name) {
      Optional<Table> hit = exact.get(name);
      if (hit != null) {
        return hit.orElse(null);
      }
      Table t = sized(source.get(name));
      if (t == null) {
        Named<Table> fresh = freshTable(name, false);
        t = fresh == null ? null : fresh.entity();
      }
      // Only hits are kept: a table created later (e.g. by `ferry copy --create`) must be found.
      if (t != null) {
        exact.put(name, Optional.of(t));
      }
      return t;
    }

    @Override public @Nullable Named<Table> getIgnoreCase(String name) {
      String key = name.toLowerCase(Locale.ROOT);
      Optional<Named<Table>> hit = ignoreCase.get(key);
      if (hit != null) {
        return hit.orElse(null);
      }
      Named<Table> t = source.getIgnoreCase(name);
      if (t != null) {
        t = new Named<>(t.name(), java.util.Objects.requireNonNull(sized(t.entity()), "table"));
      } else {
        t = freshTable(name, true);
      }
      if (t != null) {
        ignoreCase.put(key, Optional.of(t));
      }
      return t;
    }

    /**
     * Asked afresh each time: Calcite keeps the answer as its own snapshot of the schema (until
     * the federation refreshes it after a miss), so a cached answer here would only hide tables
     * created since. The listing also fills the cache of hits: Calcite looks up every name it
     * lists next, which would otherwise cost one catalog query per table of the schema.
     */
    @Override public Set<String> getNames(LikePattern pattern) {
      java.util.List<Listed> all = listTables();
      if (all == null) {
        return source.getNames(pattern);
      }
      org.apache.calcite.linq4j.function.Predicate1<String> matches = pattern.matcher();
      Set<String> out = new java.util.LinkedHashSet<>();
      for (Listed t : all) {
        exact.putIfAbsent(t.name(), Optional.of(table(t)));
        if (matches.apply(t.name())) {
          out.add(t.name());
        }
      }
      return out;
    }
  }

  /**
   * Row types, read for the whole schema with one {@code getColumns} call on first use instead
   * of one call per table (a query touching 100 tables paid 100 catalog round trips). Columns
   * are grouped by exact table name, so a table name holding {@code _} or {@code %}, which
   * {@code getColumns} reads as a pattern, never picks up another table's columns.
   */
  @Override RelProtoDataType getRelDataType(DatabaseMetaData metaData, String catalogName,
      String schemaName, String tableName) throws SQLException {
    Map<String, RelProtoDataType> all = rowTypes;
    if (all == null) {
      synchronized (this) {
        all = rowTypes;
        if (all == null) {
          all = readRowTypes(metaData, catalogName, schemaName, "%");
          rowTypes = all;
        }
      }
    }
    RelProtoDataType type = all.get(tableName);
    // A table created after the first read: ask for it alone.
    return type != null ? type
        : readRowTypes(metaData, catalogName, schemaName, tableName).getOrDefault(tableName,
            RelDataTypeImpl.proto(new SqlTypeFactoryImpl(types.typeSystem()).builder().build()));
  }

  private Map<String, RelProtoDataType> readRowTypes(DatabaseMetaData metaData,
      String catalogName, String schemaName, String tablePattern) throws SQLException {
    final RelDataTypeFactory typeFactory = new SqlTypeFactoryImpl(types.typeSystem());
    final Map<String, RelDataTypeFactory.Builder> builders = new java.util.LinkedHashMap<>();
    try (ResultSet rs = metaData.getColumns(catalogName, schemaName, tablePattern, null)) {
      while (rs.next()) {
        String table = rs.getString(3);
        String column = rs.getString(4);
        RelDataType type = types.type(typeFactory, rs.getInt(5), rs.getString(6), rs.getInt(7),
            rs.getInt(9));
        boolean nullable = rs.getInt(11) != DatabaseMetaData.columnNoNulls;
        builders.computeIfAbsent(table, t -> typeFactory.builder()).add(column, type)
            .nullable(nullable);
      }
    }
    Map<String, RelProtoDataType> out = new ConcurrentHashMap<>();
    builders.forEach((t, b) -> out.put(t, RelDataTypeImpl.proto(b.build())));
    return out;
  }
}
