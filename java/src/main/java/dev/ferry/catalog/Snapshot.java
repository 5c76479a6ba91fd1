package dev.ferry.catalog;

import dev.ferry.message.AddedLater;
import dev.ferry.types.LogicalType;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Everything inspected of one database, serialized as Node's {@code SchemaSnapshot}.
 *
 * <p>Plain records so Jackson writes exactly the fields of {@code src/schema/model.ts}, in the
 * same order; statistics are not part of it (Node adds them when asked).
 *
 * @param format always {@link #FORMAT}
 * @param database the configured database name
 * @param engine product name as the driver reports it
 * @param engineVersion product version as the driver reports it
 * @param takenAt ISO-8601 instant
 * @param tables tables by name
 * @param views views by name
 */
public record Snapshot(String format, String database, String engine, String engineVersion,
    String takenAt, List<Table> tables, List<View> views) {
  /** The format marker Node checks before reading a snapshot. */
  public static final String FORMAT = "ferry-snapshot/1";

  /**
   * This snapshot as database {@code database} holds it, with only the tables and views
   * {@code names} names (exactly, else ignoring case; null: all): how a stored snapshot (a
   * backup's) answers an inspection.
   */
  public Snapshot only(String database, @Nullable List<String> names) {
    if (names == null) {
      return new Snapshot(format, database, engine, engineVersion, takenAt, tables, views);
    }
    java.util.Set<String> exact = new java.util.HashSet<>(names);
    java.util.Set<String> folded = new java.util.HashSet<>();
    names.forEach(n -> folded.add(n.toLowerCase(java.util.Locale.ROOT)));
    java.util.function.Predicate<String> wanted = n -> exact.contains(n)
        || folded.contains(n.toLowerCase(java.util.Locale.ROOT));
    return new Snapshot(format, database, engine, engineVersion, takenAt,
        tables.stream().filter(t -> wanted.test(t.name())).toList(),
        views.stream().filter(v -> wanted.test(v.name())).toList());
  }

  /**
   * One table with its keys and indexes.
   *
   * @param checks CHECK constraints, including those a column's domain brings
   * @param partitionOf the partitioned table this table is a partition of (its rows are that
   *     table's rows: a migration never copies them as a table of their own); null otherwise
   * @param partitionBy a partitioned table's partitioning as its engine prints it ({@code RANGE
   *     (sold_on)}); null for a plain table
   * @param partitionBound a partition's bounds as its engine prints them ({@code FOR VALUES FROM
   *     ('2024-01-01') TO ('2025-01-01')}); null for a table that is no partition
   */
  public record Table(String name, @Nullable String schema, List<Column> columns,
      @Nullable Key primaryKey, List<Key> uniques, List<ForeignKey> foreignKeys,
      List<Index> indexes, List<Check> checks, @Nullable String partitionOf,
      @Nullable String partitionBy, @Nullable String partitionBound) {

    /** A plain table without CHECK constraints. */
    public Table(String name, @Nullable String schema, List<Column> columns,
        @Nullable Key primaryKey, List<Key> uniques, List<ForeignKey> foreignKeys,
        List<Index> indexes) {
      this(name, schema, columns, primaryKey, uniques, foreignKeys, indexes, List.of(), null, null,
          null);
    }

    /** The column named {@code name} exactly, or null (an index on an expression names none). */
    public @Nullable Column column(String name) {
      return columns.stream().filter(c -> c.name().equals(name)).findFirst().orElse(null);
    }
  }

  /**
   * One view; check compares its columns, a migration recreates it from its definition.
   *
   * @param definition the view's query as the engine prints it; null when it does not say
   */
  public record View(String name, @Nullable String schema, List<Column> columns,
      @Nullable String definition) {

    /** A view whose definition is not known. */
    public View(String name, @Nullable String schema, List<Column> columns) {
      this(name, schema, columns, null);
    }
  }

  /**
   * A CHECK constraint.
   *
   * @param name its name; null when the engine keeps none
   * @param expression the condition, in the engine's own SQL, without {@code CHECK}
   */
  public record Check(@Nullable String name, String expression) {}

  /**
   * One column.
   *
   * @param position 1-based, without the gaps dropped columns leave in PostgreSQL
   * @param nativeType the type as the database spells it
   * @param defaultValue the default expression as reported, or null
   * @param comment the column's comment; null when it has none
   * @param enumValues an enumerated type's values in declared order; null for other types
   * @param domain the domain the column is declared with (PostgreSQL); {@code nativeType} and
   *     {@code type} are then its base type's; null for a column of a plain type
   */
  public record Column(String name, int position, String nativeType, LogicalType type,
      boolean nullable, @JsonProperty("default") @Nullable String defaultValue,
      boolean autoIncrement, @Nullable String comment, @Nullable List<String> enumValues,
      @Nullable String domain) {

    /** A column of a plain type without a comment. */
    public Column(String name, int position, String nativeType, LogicalType type,
        boolean nullable, @Nullable String defaultValue, boolean autoIncrement) {
      this(name, position, nativeType, type, nullable, defaultValue, autoIncrement, null, null, null);
    }
  }

  /** A primary key or unique constraint; SQLite's have no name. */
  public record Key(@Nullable String name, List<String> columns) {}

  /**
   * A foreign key from {@code columns} to {@code refTable.refColumns}.
   *
   * @param onDelete what deleting a referenced row does, in SQL words ({@code CASCADE},
   *     {@code SET NULL}, {@code SET DEFAULT}, {@code RESTRICT}, {@code NO ACTION}) as the engine
   *     reports it; null when the catalog reader does not say
   * @param onUpdate what updating a referenced key does, in the same words; null when the catalog
   *     reader does not say
   */
  public record ForeignKey(@Nullable String name, List<String> columns, @Nullable String refSchema,
      String refTable, List<String> refColumns, @AddedLater @Nullable String onDelete,
      @AddedLater @Nullable String onUpdate) {

    /** A foreign key whose actions are not known. */
    public ForeignKey(@Nullable String name, List<String> columns, @Nullable String refSchema,
        String refTable, List<String> refColumns) {
      this(name, columns, refSchema, refTable, refColumns, null, null);
    }
  }

  /**
   * An index, including those backing constraints; expressions appear as their SQL text.
   *
   * @param predicate a partial index's {@code WHERE} condition as the engine prints it (it
   *     indexes, and for a unique one constrains, only the rows matching it); null for all rows
   * @param descending per column, whether the index sorts it descending; null when every column
   *     is ascending or the catalog reader does not say
   */
  public record Index(String name, List<String> columns, boolean unique, @Nullable String predicate,
      @AddedLater @Nullable List<Boolean> descending) {

    /** A full index (no predicate). */
    public Index(String name, List<String> columns, boolean unique) {
      this(name, columns, unique, null, null);
    }

    /** An index of ascending columns (or whose order is not known). */
    public Index(String name, List<String> columns, boolean unique, @Nullable String predicate) {
      this(name, columns, unique, predicate, null);
    }
  }
}
