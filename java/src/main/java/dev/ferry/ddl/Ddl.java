package dev.ferry.ddl;

import dev.ferry.catalog.Snapshot;
import dev.ferry.types.ColumnTypes;
import dev.ferry.types.LogicalType;
import dev.ferry.types.TableName;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.apache.calcite.sql.SqlDialect;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The DDL that creates a copy of a source table in one target engine, with types mapped from
 * their {@link LogicalType} so values arrive exactly.
 *
 * <p>This base class writes standard SQL, which is what an engine without a dialect of its own
 * gets (HSQLDB, Derby, drivers in {@code drivers:}); each engine's dialect overrides the few
 * types and clauses it spells differently. The rules every engine follows: DECIMAL keeps
 * precision and scale; timestamps keep their fraction; unbounded text and binary become the
 * engine's unbounded type; types Calcite has no name for keep their native name between two
 * databases of the same engine and become text otherwise. Defaults, identity and foreign keys
 * are not copied.
 */
public class Ddl {
  /**
   * What the target needs to know of the source engine.
   *
   * @param sameEngine the source is the same engine, so native type names carry over
   * @param enforcesTypes the source enforces its declared precisions (SQLite's do not, so a
   *     timestamp it holds may carry any fraction)
   * @param indexNamesPerTable the source's index names are unique per table only (MariaDB),
   *     so two of its tables may have indexes of the same name
   * @param types the source engine's types, which say what its types without an equivalent
   *     become here ({@link ColumnTypes#elsewhere})
   */
  public record Source(boolean sameEngine, boolean enforcesTypes, boolean indexNamesPerTable,
      ColumnTypes types) {
    /** A source whose index names are unique in their schema, of the default types. */
    public Source(boolean sameEngine, boolean enforcesTypes) {
      this(sameEngine, enforcesTypes, false, ColumnTypes.DEFAULT);
    }
  }

  /** {@code CREATE TABLE} for {@code source} named {@code table}, primary key included. */
  public String createTable(SqlDialect q, TableName table, Snapshot.Table source, Source from) {
    List<String> key = source.primaryKey() == null ? List.of() : source.primaryKey().columns();
    StringBuilder b = new StringBuilder("CREATE TABLE ").append(table.quoted(q)).append(" (");
    boolean first = true;
    for (Snapshot.Column c : source.columns()) {
      b.append(first ? "" : ", ").append(q.quoteIdentifier(c.name())).append(' ')
          .append(type(c, key.contains(c.name()), from));
      if (!c.nullable() || key.contains(c.name())) {
        b.append(" NOT NULL");
      }
      first = false;
    }
    if (!key.isEmpty()) {
      b.append(", PRIMARY KEY (");
      for (int i = 0; i < key.size(); i++) {
        b.append(i == 0 ? "" : ", ").append(q.quoteIdentifier(key.get(i)));
      }
      b.append(')');
    }
    return b.append(')').append(tableOptions()).toString();
  }

  /**
   * {@code CREATE INDEX} for each secondary index of {@code source} (not the primary key's; an
   * expression or partial index only from the same engine, its SQL as the source printed it;
   * descending columns stay descending), to run after the load.
   */
  public List<String> indexes(SqlDialect q, TableName table, Snapshot.Table source, Source from) {
    return IndexStatements.of(this, q, table, source, from);
  }

  /**
   * The target type for one source column; {@code inKey} when it is part of the primary key. A
   * type without equivalent keeps its native name (with the length the catalog reports apart,
   * as for BIT(n)) within one engine, and elsewhere becomes what the source says of it.
   */
  public String type(Snapshot.Column c, boolean inKey, Source from) {
    LogicalType t = from.sameEngine() ? c.type() : from.types().elsewhere(c.type());
    t = t == null ? c.type() : t;
    Integer p = t.precision();
    Integer s = t.scale();
    switch (t.family()) {
    case INTEGER:
      return integer(t.sqlType());
    case DECIMAL:
      return p == null ? unboundedDecimal() : decimal(p, s == null ? 0 : s);
    case FLOAT:
      return floating(t.sqlType().equals("REAL"));
    case BOOLEAN:
      return "BOOLEAN";
    case CHAR:
      return text(t.sqlType().equals("CHAR"), p, inKey);
    case BINARY:
      return binary(t.sqlType().equals("BINARY"), p, inKey);
    case DATE:
      return "DATE";
    case TIME:
      return time(fraction(p, from), t.sqlType().contains("ZONE"));
    case TIMESTAMP:
      return timestamp(fraction(p, from));
    case TIMESTAMPTZ:
      return timestamptz(fraction(p, from));
    default:
      return !from.sameEngine() ? text(false, null, inKey) : p == null || c.nativeType().contains("(")
          ? c.nativeType() : c.nativeType() + "(" + p + ")";
    }
  }

  /** Fraction digits for a time or timestamp: the source's, within what this engine holds. */
  private int fraction(@Nullable Integer p, Source from) {
    // A source that does not enforce its declared fraction may hold any; keep microseconds.
    int f = p == null || !from.enforcesTypes() ? 6 : p;
    return Math.max(0, Math.min(f, maxFraction()));
  }

  /** Whether index names are unique per table here (MariaDB) rather than per schema. */
  public boolean indexNamesPerTable() {
    return false;
  }

  /** The most fraction digits a time or timestamp holds here. */
  protected int maxFraction() {
    return 6;
  }

  /**
   * An integer type; {@code sqlType} is Calcite's name, with a {@code U} prefix for unsigned
   * ones, which widen to the next signed type here.
   */
  protected String integer(String sqlType) {
    return switch (sqlType) {
      case "TINYINT" -> "TINYINT";
      case "SMALLINT", "UTINYINT" -> "SMALLINT";
      case "INTEGER", "USMALLINT" -> "INTEGER";
      case "UBIGINT" -> "NUMERIC(20, 0)";
      default -> "BIGINT";
    };
  }

  /** An exact decimal of {@code p} digits, {@code s} after the point. */
  protected String decimal(int p, int s) {
    return "DECIMAL(" + p + ", " + s + ")";
  }

  /** A decimal declared without precision (PostgreSQL's bare {@code numeric}). */
  protected String unboundedDecimal() {
    return "DECIMAL(38, 18)";
  }

  /** A binary floating-point type, single or double precision. */
  protected String floating(boolean single) {
    return single ? "REAL" : "DOUBLE PRECISION";
  }

  /** A character type: {@code fixed} for CHAR(n), {@code length} null when unbounded. */
  protected String text(boolean fixed, @Nullable Integer length, boolean inKey) {
    return length == null ? "VARCHAR" : (fixed ? "CHAR(" : "VARCHAR(") + length + ")";
  }

  /** A binary type: {@code fixed} for BINARY(n), {@code length} null when unbounded. */
  protected String binary(boolean fixed, @Nullable Integer length, boolean inKey) {
    return length == null ? "VARBINARY" : (fixed ? "BINARY(" : "VARBINARY(") + length + ")";
  }

  /** A time of day with {@code fraction} digits; {@code zoned} when the source kept a zone. */
  protected String time(int fraction, boolean zoned) {
    return "TIME(" + fraction + ")";
  }

  /** A timestamp without zone (a wall-clock value). */
  protected String timestamp(int fraction) {
    return "TIMESTAMP(" + fraction + ")";
  }

  /** A timestamp with zone (an instant). */
  protected String timestamptz(int fraction) {
    return "TIMESTAMP(" + fraction + ") WITH TIME ZONE";
  }

  /** A timestamp column with microseconds, for Ferry's own bookkeeping tables. */
  public String timestampColumn() {
    return timestamp(6);
  }

  /** What follows {@code CREATE TABLE t (…)}: character set, engine options. */
  public String tableOptions() {
    return "";
  }

  /** One column of an index whose column has target type {@code type}. */
  protected String indexColumn(SqlDialect q, String column, String type) {
    return q.quoteIdentifier(column);
  }

  /** The name an index is created under (engines whose index names live in a schema qualify it). */
  protected String indexName(SqlDialect q, TableName table, String name) {
    return q.quoteIdentifier(name);
  }

  /** {@code CREATE TABLE} for a migration: defaults, identity, comments and inline constraints. */
  public String createTable(SqlDialect q, TableDef t) {
    StringBuilder b = new StringBuilder("CREATE TABLE ").append(t.name().quoted(q)).append(" (");
    for (int i = 0; i < t.columns().size(); i++) {
      TableDef.Column c = t.columns().get(i);
      b.append(i == 0 ? "" : ", ").append(q.quoteIdentifier(c.name())).append(' ').append(c.type());
      if (c.notNull() || t.primaryKey().contains(c.name())) {
        b.append(" NOT NULL");
      }
      if (c.defaultSql() != null && !c.identity()) {
        b.append(" DEFAULT ").append(c.defaultSql());
      }
      if (c.comment() != null) {
        b.append(inlineComment(c.comment()));
      }
    }
    if (!t.primaryKey().isEmpty()) {
      b.append(", PRIMARY KEY (").append(quotedList(q, t.primaryKey())).append(')');
    }
    for (TableDef.Constraint c : t.constraints()) {
      b.append(", ").append(constraint(q, c));
    }
    b.append(')');
    if (t.partitionBy() != null) {
      b.append(" PARTITION BY ").append(t.partitionBy());
    }
    return b.append(tableOptions()).toString();
  }

  /**
   * Whether this engine partitions tables declaratively ({@code PARTITION BY}, {@code PARTITION
   * OF}) as a source of the same engine printed them.
   */
  public boolean partitions() {
    return false;
  }

  /** {@code CREATE TABLE child PARTITION OF parent bound}, for engines where {@link #partitions()}. */
  public String createPartition(SqlDialect q, TableName child, TableName parent, String bound) {
    return "CREATE TABLE " + child.quoted(q) + " PARTITION OF " + parent.quoted(q) + " " + bound;
  }

  /** {@code ALTER TABLE … ADD CONSTRAINT …}, for engines where {@link #addsConstraints()}. */
  public String addConstraint(SqlDialect q, TableName table, TableDef.Constraint c) {
    return "ALTER TABLE " + table.quoted(q) + " ADD " + constraint(q, c);
  }

  /**
   * Adding the foreign key {@code fk} (unnamed: the engine names it) to {@code table} after a
   * load; by default one validating {@code ADD CONSTRAINT}, which leaves nothing behind when it
   * fails.
   */
  public AddedConstraint addForeignKey(SqlDialect q, TableName table, ForeignKeyDef fk) {
    TableDef.Constraint c = new TableDef.Constraint(fk.name(), foreignKey(q, fk));
    return new AddedConstraint(List.of(addConstraint(q, table, c)), List.of());
  }

  /**
   * Whether the statements after a load (indexes, keys, foreign-key checks) of different tables
   * may run at once on separate connections without waiting on each other's locks.
   */
  public boolean buildsSideBySide() {
    return false;
  }

  /** {@code UNIQUE (…)} over {@code columns}. */
  public String unique(SqlDialect q, List<String> columns) {
    return "UNIQUE (" + quotedList(q, columns) + ")";
  }

  /** {@code FOREIGN KEY (…) REFERENCES table (…)} and its actions other than NO ACTION. */
  public String foreignKey(SqlDialect q, ForeignKeyDef fk) {
    return "FOREIGN KEY (" + quotedList(q, fk.columns()) + ") REFERENCES " + fk.ref().quoted(q)
        + " (" + quotedList(q, fk.refColumns()) + ")"
        + (fk.onDelete() == ReferentialAction.NO_ACTION ? "" : " ON DELETE " + fk.onDelete().sql())
        + (fk.onUpdate() == ReferentialAction.NO_ACTION ? "" : " ON UPDATE " + fk.onUpdate().sql());
  }

  /**
   * The foreign-key actions this engine keeps as written; the planner replaces any other with
   * NO ACTION and says so.
   */
  public Set<ReferentialAction> referentialActions() {
    return EnumSet.allOf(ReferentialAction.class);
  }

  /** {@code ALTER TABLE … ADD PRIMARY KEY} run after the load (one sorted build); null: in CREATE TABLE. */
  public @Nullable String addPrimaryKeyAfterLoad(SqlDialect q, TableName table, List<String> columns) {
    return null;
  }

  /**
   * Whether {@code ALTER TABLE … ADD CONSTRAINT} can add unique and foreign keys after a load;
   * where it cannot (SQLite, DuckDB) they are written inside {@code CREATE TABLE}.
   */
  public boolean addsConstraints() {
    return true;
  }

  /**
   * Whether rows are checked against foreign keys while they load, including rows of the same
   * load not yet committed (DuckDB): such a target gets its tables loaded parents first, and a
   * foreign key to its own table or to a later one cannot be kept.
   */
  public boolean checksForeignKeysWhileLoading() {
    return false;
  }

  /**
   * The column type of a generated key ({@code type} as {@link #type} spelled it), or null
   * when this engine cannot generate that column's values inline ({@link #identityRestart}
   * may still give it a generator after the load).
   *
   * @param soleKey whether the column is the table's whole primary key
   */
  public @Nullable String identityType(String type, boolean soleKey) {
    return type + " GENERATED BY DEFAULT AS IDENTITY";
  }

  /** Statements making a generated column continue at {@code next} after a load (past the copied ids). */
  public List<String> identityRestart(SqlDialect q, TableName table, String column, String next) {
    return List.of("ALTER TABLE " + table.quoted(q) + " ALTER COLUMN " + q.quoteIdentifier(column)
        + " RESTART WITH " + next);
  }

  /**
   * Statements creating a named enumerated type before the tables using it; none when the engine
   * has none (then {@link #enumColumnType} spells it, or it is text with {@code CHECK (… IN …)}).
   */
  public List<String> createEnumType(SqlDialect q, TableName name, List<String> values) {
    return List.of();
  }

  /** An enumerated column's type: {@link #createEnumType}'s, or an inline enum; null: neither. */
  public @Nullable String enumColumnType(SqlDialect q, TableName name, List<String> values) {
    return null;
  }

  /** Whether a timestamp with time zone keeps its zone (or instant semantics) in this engine. */
  public boolean zonedTimestamps() {
    return true;
  }

  /** The type a JSON column gets; {@code binary} for PostgreSQL's jsonb. */
  public String json(boolean binary) {
    return "JSON";
  }

  /** A column comment written inside {@code CREATE TABLE} (MariaDB); empty elsewhere. */
  protected String inlineComment(String comment) {
    return "";
  }

  /** Statements giving a column its comment after {@code CREATE TABLE}; none where inline or absent. */
  public List<String> commentStatements(SqlDialect q, TableName table, String column, String comment) {
    return List.of("COMMENT ON COLUMN " + table.quoted(q) + "." + q.quoteIdentifier(column)
        + " IS " + literal(comment));
  }

  /** {@code CREATE SCHEMA} (or database) for Ferry's bookkeeping; null where there is none. */
  public @Nullable String createNamespace(SqlDialect q, String name) {
    return "CREATE SCHEMA IF NOT EXISTS " + q.quoteIdentifier(name);
  }

  /** A SQL string literal. */
  public static String literal(String s) {
    return "'" + s.replace("'", "''") + "'";
  }

  private String constraint(SqlDialect q, TableDef.Constraint c) {
    return (c.name() == null ? "" : "CONSTRAINT " + q.quoteIdentifier(c.name()) + " ") + c.body();
  }

  /** {@code names} quoted and comma-separated. */
  protected static String quotedList(SqlDialect q, List<String> names) {
    return String.join(", ", names.stream().map(q::quoteIdentifier).toList());
  }
}
