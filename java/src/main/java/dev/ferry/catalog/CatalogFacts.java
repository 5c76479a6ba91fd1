package dev.ferry.catalog;

import dev.ferry.types.ColumnTypes;
import dev.ferry.types.LogicalType;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.type.SqlTypeFactoryImpl;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * What inspection learns about the tables of one namespace, fed one row at a time.
 *
 * <p>Every bulk catalog query returns one row per key or index column, for all tables at once;
 * this groups the rows by table and constraint (in the order they arrive, which each query sorts
 * by position), so a {@link CatalogReader} only translates its rows. Rows about tables that were
 * not listed (system tables, other namespaces) are dropped here.
 */
public final class CatalogFacts {
  /** Stands for an index column that is an expression whose text the engine does not give. */
  public static final String EXPRESSION = "(expression)";

  /** One column as the driver's metadata reported it, before its type is normalized. */
  public static final class ColumnFacts {
    public final String name;
    final int ordinal;
    public int jdbcType;
    public @Nullable String typeName;
    public int size;
    public int digits;
    public boolean nullable;
    public @Nullable String defaultValue;
    public boolean autoIncrement;
    /** The column's comment, when the engine keeps one. */
    public @Nullable String comment;
    /** An enumerated type's values in declared order. */
    public @Nullable List<String> enumValues;
    /** The domain the column is declared with; {@code typeName} is then set to its base type. */
    public @Nullable String domain;

    public ColumnFacts(String name, int ordinal) {
      this.name = requireNonNull(name, "name");
      this.ordinal = ordinal;
    }
  }

  /** One table or view and what has been learnt of it so far. */
  public static final class TableFacts {
    public final String name;
    public final boolean view;
    public final List<ColumnFacts> columns = new ArrayList<>();
    public @Nullable KeyFacts primaryKey;
    final Map<String, KeyFacts> uniques = new LinkedHashMap<>();
    final Map<String, ForeignKeyFacts> foreignKeys = new LinkedHashMap<>();
    final Map<String, IndexFacts> indexes = new LinkedHashMap<>();
    /** CHECK constraints, in the engine's SQL. */
    public final List<Snapshot.Check> checks = new ArrayList<>();
    /** The partitioned table this one is a partition of. */
    public @Nullable String partitionOf;
    /** A partitioned table's partitioning, as the engine prints it. */
    public @Nullable String partitionBy;
    /** A partition's bounds, as the engine prints them. */
    public @Nullable String partitionBound;
    /** A view's query, as the engine prints it. */
    public @Nullable String definition;

    public TableFacts(String name, boolean view) {
      this.name = name;
      this.view = view;
    }

    public @Nullable ColumnFacts column(String name) {
      for (ColumnFacts c : columns) {
        if (c.name.equals(name)) {
          return c;
        }
      }
      return null;
    }
  }

  public record KeyFacts(@Nullable String name, List<String> columns) {}

  private record ForeignKeyFacts(@Nullable String name, @Nullable String refSchema, String refTable,
      List<String> columns, List<@Nullable String> refColumns, @Nullable String onDelete,
      @Nullable String onUpdate) {}

  private record IndexFacts(String name, boolean unique, List<String> columns,
      @Nullable String[] predicate, List<Boolean> descending) {}

  private final @Nullable String schema;
  private final @Nullable List<String> only;
  private final Map<String, TableFacts> tables = new LinkedHashMap<>();

  /**
   * Starts empty; {@code schema} is what each table's {@code schema} field will say, and
   * {@code only}, when given, the exact names of the tables being inspected (catalog queries
   * read just their rows).
   */
  public CatalogFacts(@Nullable String schema, @Nullable List<String> only) {
    this.schema = schema;
    this.only = only == null ? null : List.copyOf(only);
  }

  /** The tables being inspected, by exact name; null when the whole namespace is. */
  public @Nullable List<String> only() {
    return only;
  }

  public void addTable(String name, boolean view) {
    tables.putIfAbsent(name, new TableFacts(name, view));
  }

  public @Nullable TableFacts table(String name) {
    return tables.get(name);
  }

  public Collection<TableFacts> tables() {
    return tables.values();
  }

  /** Adds a column of a listed table; returns null (and keeps nothing) for any other table. */
  public @Nullable ColumnFacts addColumn(String table, String column, int ordinal) {
    TableFacts t = tables.get(table);
    if (t == null) {
      return null;
    }
    ColumnFacts c = new ColumnFacts(column, ordinal);
    t.columns.add(c);
    return c;
  }

  /** A column of a listed table; null for any other table or column (or a null name). */
  public @Nullable ColumnFacts column(@Nullable String table, @Nullable String column) {
    TableFacts t = table == null ? null : tables.get(table);
    return t == null || column == null ? null : t.column(column);
  }

  /**
   * Adds a CHECK constraint of a listed table from its text as the engine prints it (with or
   * without the {@code CHECK} keyword); text without a condition in it is skipped.
   */
  public void check(@Nullable String table, @Nullable String name, @Nullable String text) {
    TableFacts t = table == null ? null : tables.get(table);
    String condition = SqlClauses.condition(text);
    if (t != null && condition != null) {
      t.checks.add(new Snapshot.Check(name, condition));
    }
  }

  /** Adds the next column of a primary key or unique constraint; {@code group} tells them apart. */
  public void keyColumn(String table, String group, @Nullable String name, boolean primary, String column) {
    TableFacts t = tables.get(table);
    if (t == null) {
      return;
    }
    if (primary) {
      if (t.primaryKey == null) {
        t.primaryKey = new KeyFacts(name, new ArrayList<>());
      }
      t.primaryKey.columns().add(column);
    } else {
      t.uniques.computeIfAbsent(group, g -> new KeyFacts(name, new ArrayList<>())).columns().add(column);
    }
  }

  /**
   * Adds the next column pair of a foreign key. A null {@code refColumn} means "the referenced
   * table's primary key" (SQLite's {@code REFERENCES t} without columns).
   */
  public void foreignKeyColumn(String table, String group, @Nullable String name, @Nullable String refSchema,
      String refTable, String column, @Nullable String refColumn) {
    foreignKeyColumn(table, group, name, refSchema, refTable, column, refColumn, null, null);
  }

  /**
   * Adds the next column pair of a foreign key whose actions are known: {@code onDelete} and
   * {@code onUpdate} in SQL words ({@code CASCADE}, {@code SET NULL}, {@code NO ACTION}, …), as
   * the first column pair gives them.
   */
  public void foreignKeyColumn(String table, String group, @Nullable String name, @Nullable String refSchema,
      String refTable, String column, @Nullable String refColumn, @Nullable String onDelete,
      @Nullable String onUpdate) {
    TableFacts t = tables.get(table);
    if (t == null) {
      return;
    }
    ForeignKeyFacts fk = t.foreignKeys.computeIfAbsent(group,
        g -> new ForeignKeyFacts(name, refSchema, refTable, new ArrayList<>(), new ArrayList<>(),
            onDelete, onUpdate));
    fk.columns().add(column);
    fk.refColumns().add(refColumn);
  }

  /** Adds the next column (or expression, null when its text is unknown) of an index. */
  public void indexColumn(String table, String name, boolean unique, @Nullable String column) {
    indexColumn(table, name, unique, column, null);
  }

  /**
   * Adds the next column of an index that only covers the rows matching {@code predicate} (a
   * partial index, its {@code WHERE} condition as the engine prints it; null for every row).
   */
  public void indexColumn(String table, String name, boolean unique, @Nullable String column,
      @Nullable String predicate) {
    indexColumn(table, name, unique, column, predicate, false);
  }

  /**
   * Adds the next column of an index, as {@link #indexColumn(String, String, boolean, String,
   * String)}, saying whether the index sorts it descending ({@code ts DESC}).
   */
  public void indexColumn(String table, String name, boolean unique, @Nullable String column,
      @Nullable String predicate, boolean descending) {
    TableFacts t = tables.get(table);
    if (t != null) {
      IndexFacts ix = t.indexes.computeIfAbsent(name,
          n -> new IndexFacts(n, unique, new ArrayList<>(), new String[1], new ArrayList<>()));
      ix.columns().add(column == null ? EXPRESSION : column);
      ix.descending().add(descending);
      if (predicate != null) {
        ix.predicate()[0] = predicate;
      }
    }
  }

  /** Normalizes every column type through {@code types} and builds the snapshot. */
  public Snapshot snapshot(String database, String engine, String engineVersion, String takenAt,
      ColumnTypes types) {
    RelDataTypeFactory f = new SqlTypeFactoryImpl(types.typeSystem());
    List<Snapshot.Table> outTables = new ArrayList<>();
    List<Snapshot.View> outViews = new ArrayList<>();
    List<TableFacts> sorted = new ArrayList<>(tables.values());
    sorted.sort(Comparator.comparing(t -> t.name));
    for (TableFacts t : sorted) {
      List<Snapshot.Column> columns = columns(t, f, types);
      if (t.view) {
        outViews.add(new Snapshot.View(t.name, schema, columns, t.definition));
        continue;
      }
      List<Snapshot.Key> uniques = new ArrayList<>();
      t.uniques.values().forEach(k -> uniques.add(new Snapshot.Key(k.name(), List.copyOf(k.columns()))));
      List<Snapshot.ForeignKey> fks = new ArrayList<>();
      t.foreignKeys.values().forEach(fk -> fks.add(new Snapshot.ForeignKey(fk.name(),
          List.copyOf(fk.columns()), fk.refSchema(), fk.refTable(), refColumns(fk), fk.onDelete(),
          fk.onUpdate())));
      List<Snapshot.Index> indexes = new ArrayList<>();
      // Ascending is the default: only an index with a descending column lists the order.
      t.indexes.values().forEach(i -> indexes.add(new Snapshot.Index(i.name(), List.copyOf(i.columns()), i.unique(),
          i.predicate()[0], i.descending().contains(true) ? List.copyOf(i.descending()) : null)));
      indexes.sort(Comparator.comparing(Snapshot.Index::name));
      Snapshot.Key pk = t.primaryKey == null ? null
          : new Snapshot.Key(t.primaryKey.name(), List.copyOf(t.primaryKey.columns()));
      outTables.add(new Snapshot.Table(t.name, schema, columns, pk, uniques, fks, indexes,
          List.copyOf(t.checks), t.partitionOf, t.partitionBy, t.partitionBound));
    }
    return new Snapshot(Snapshot.FORMAT, database, engine, engineVersion, takenAt, outTables, outViews);
  }

  private static List<Snapshot.Column> columns(TableFacts t, RelDataTypeFactory f, ColumnTypes types) {
    List<ColumnFacts> cs = new ArrayList<>(t.columns);
    cs.sort(Comparator.comparingInt(c -> c.ordinal));
    List<Snapshot.Column> out = new ArrayList<>();
    for (ColumnFacts c : cs) {
      LogicalType type = types.logicalType(f, c.jdbcType, c.typeName, c.size, c.digits);
      out.add(new Snapshot.Column(c.name, out.size() + 1, c.typeName == null ? "" : c.typeName, type,
          c.nullable, c.defaultValue, c.autoIncrement, c.comment,
          c.enumValues == null ? null : List.copyOf(c.enumValues), c.domain));
    }
    return out;
  }

  private List<String> refColumns(ForeignKeyFacts fk) {
    if (!fk.refColumns().contains(null)) {
      return List.copyOf(fk.refColumns());
    }
    TableFacts ref = tables.get(fk.refTable());
    if (ref != null && ref.primaryKey != null) {
      return List.copyOf(ref.primaryKey.columns());
    }
    List<String> out = new ArrayList<>();
    fk.refColumns().forEach(c -> out.add(c == null ? "" : c));
    return out;
  }
}
