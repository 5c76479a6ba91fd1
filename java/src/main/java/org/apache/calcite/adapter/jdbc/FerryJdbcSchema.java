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
import org.apache.calcite.schema.lookup.IgnoreCaseLookup;
import org.apache.calcite.schema.lookup.LikePattern;
import org.apache.calcite.schema.lookup.Lookup;
import org.apache.calcite.schema.lookup.Named;
import org.apache.calcite.sql.SqlDialect;
import org.apache.calcite.sql.type.SqlTypeFactoryImpl;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A {@link JdbcSchema} whose column types come from Ferry's {@link ColumnTypes} and whose tables
 * are the engine's relations only (tables and views, never indexes or sequences).
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
  /**
   * The {@code getTables} types that are relations on this engine; null for any type but
   * indexes, sequences and types.
   */
  private final String @Nullable [] tableTypes;

  /**
   * Creates a schema over one catalog/schema of a data source, sharing {@code convention}, whose
   * tables are those {@code getTables} lists with one of {@code tableTypes} (the dialect's
   * {@code CatalogReader.tableTypes()}).
   */
  public FerryJdbcSchema(DataSource dataSource, SqlDialect dialect, JdbcConvention convention,
      @Nullable String catalog, @Nullable String schema, ColumnTypes types,
      Supplier<Map<String, Long>> estimates, String @Nullable [] tableTypes) {
    super(dataSource, dialect, convention, catalog, schema);
    this.types = types;
    this.estimates = estimates;
    this.tableTypes = tableTypes == null ? null : tableTypes.clone();
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
   * a table created later is found on its first lookup.
   *
   * <p>Only the relations the dialect names ({@link #tableTypes}) are tables here: stock
   * JdbcSchema lists whatever {@code getTables} returns, which for PostgreSQL includes indexes,
   * sequences and composite types, so {@code SELECT * FROM an_index} passed validation.
   */
  @Override public Lookup<Table> tables() {
    Lookup<Table> t = tables;
    if (t == null) {
      synchronized (this) {
        t = tables;
        if (t == null) {
          t = new CachedLookup();
          tables = t;
        }
      }
    }
    return t;
  }

  /** One row of the database's table list: catalog, schema, name and type. */
  private record Listed(@Nullable String catalog, @Nullable String schema, String name,
      @Nullable String type) {}

  /**
   * The relations the database lists now whose names match {@code pattern} (a
   * {@code getTables} pattern; all when null).
   */
  private java.util.List<Listed> listTables(@Nullable String pattern) {
    java.util.List<Listed> out = new java.util.ArrayList<>();
    try (java.sql.Connection c = getDataSource().getConnection();
         ResultSet rs = c.getMetaData().getTables(catalog, schema, pattern, tableTypes)) {
      while (rs.next()) {
        String name = rs.getString(3);
        String type = rs.getString(4);
        if (name != null && isRelation(type)) {
          out.add(new Listed(rs.getString(1), rs.getString(2), name, type));
        }
      }
      return out;
    } catch (SQLException e) {
      throw new IllegalStateException("reading the tables of " + (schema != null ? schema
          : catalog != null ? catalog : "the database") + ": " + e.getMessage(), e);
    }
  }

  /**
   * Whether a listed table is one a statement reads: of the dialect's types (which the driver
   * was asked for, checked again as not every driver filters), else anything but an index, a
   * sequence or a type for engines that name no types.
   */
  private boolean isRelation(@Nullable String type) {
    String t = String.valueOf(type).toUpperCase(Locale.ROOT);
    if (tableTypes == null) {
      return !t.contains("INDEX") && !t.contains("SEQUENCE") && !t.equals("TYPE");
    }
    for (String wanted : tableTypes) {
      if (wanted.equalsIgnoreCase(t)) {
        return true;
      }
    }
    return false;
  }

  /**
   * What the database calls {@code name} when it lists it but not as a relation ({@code
   * "sequence"}, {@code "index"}), else null: said when a query names one. One catalog query,
   * asked only to explain a table that was not found.
   */
  public @Nullable String unreadableKind(String name) {
    try (java.sql.Connection c = getDataSource().getConnection();
         ResultSet rs = c.getMetaData().getTables(catalog, schema, null, null)) {
      while (rs.next()) {
        String type = rs.getString(4);
        if (name.equalsIgnoreCase(rs.getString(3)) && type != null && !isRelation(type)) {
          return type.toLowerCase(Locale.ROOT);
        }
      }
      return null;
    } catch (SQLException e) {
      return null;
    }
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

  /**
   * The database's relations, asked as stock JdbcSchema asks (one {@code getTables} per name
   * looked up, the whole list for names ignoring case) but for the dialect's table types only,
   * with the hits kept: a table found once is not asked for again.
   */
  private final class CachedLookup extends IgnoreCaseLookup<Table> {
    private final Map<String, Optional<Table>> exact = new ConcurrentHashMap<>();
    private final Map<String, Optional<Named<Table>>> ignoreCase = new ConcurrentHashMap<>();

    /**
     * The table named exactly {@code name}. The name is a {@code getTables} pattern, so a
     * {@code _} in it may list other tables too, which are passed over.
     */
    @Override public @Nullable Table get(String name) {
      Optional<Table> hit = exact.get(name);
      if (hit != null) {
        return hit.orElse(null);
      }
      for (Listed t : listTables(name)) {
        if (t.name().equals(name)) {
          // Only hits are kept: a table created later (`ferry copy --create`) must be found.
          Table found = table(t);
          exact.put(name, Optional.of(found));
          return found;
        }
      }
      return null;
    }

    /**
     * Through the names listed last (listed again once when {@code name} is not among them,
     * so a table created since is found), then {@link #get}, which the listing filled.
     */
    @Override public @Nullable Named<Table> getIgnoreCase(String name) {
      String key = name.toLowerCase(Locale.ROOT);
      Optional<Named<Table>> hit = ignoreCase.get(key);
      if (hit != null) {
        return hit.orElse(null);
      }
      Named<Table> t = super.getIgnoreCase(name);
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
      org.apache.calcite.linq4j.function.Predicate1<String> matches = pattern.matcher();
      Set<String> out = new java.util.LinkedHashSet<>();
      for (Listed t : listTables(null)) {
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
