package dev.ferry.ddl;

import dev.ferry.catalog.CatalogFacts;
import dev.ferry.catalog.Snapshot;
import dev.ferry.types.LogicalType;
import dev.ferry.types.TableName;

import java.util.ArrayList;
import java.util.List;
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
   */
  public record Source(boolean sameEngine, boolean enforcesTypes, boolean indexNamesPerTable) {
    /** A source whose index names are unique in their schema. */
    public Source(boolean sameEngine, boolean enforcesTypes) {
      this(sameEngine, enforcesTypes, false);
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
   * expression or partial index only from the same engine, its SQL as the source printed it), to
   * run after the load.
   */
  public List<String> indexes(SqlDialect q, TableName table, Snapshot.Table source, Source from) {
    List<String> key = source.primaryKey() == null ? List.of() : source.primaryKey().columns();
    List<String> out = new ArrayList<>();
    for (Snapshot.Index ix : source.indexes()) {
      boolean expressions = ix.columns().stream().anyMatch(c -> column(source, c) == null);
      if (ix.columns().contains(CatalogFacts.EXPRESSION) || ix.columns().isEmpty()
          || (ix.unique() && ix.columns().equals(key))
          // An expression or a partial index's condition is the source engine's own SQL: it is
          // recreated as written into the same engine only (a partial unique index made whole
          // would refuse the rows its condition leaves out).
          || ((expressions || ix.predicate() != null) && !from.sameEngine())) {
        continue;
      }
      // Index names stay unique in the target schema: prefixed with the table's name when the
      // table is renamed, or when they come from an engine where they are unique per table only.
      boolean prefix = !table.name().equals(source.name())
          || (from.indexNamesPerTable() && !indexNamesPerTable());
      String name = prefix ? table.name() + "_" + ix.name() : ix.name();
      StringBuilder cols = new StringBuilder();
      for (String c : ix.columns()) {
        Snapshot.Column col = column(source, c);
        cols.append(cols.length() == 0 ? "" : ", ")
            .append(col == null ? "(" + c + ")" : indexColumn(q, c, type(col, key.contains(c), from)));
      }
      out.add("CREATE " + (ix.unique() ? "UNIQUE " : "") + "INDEX IF NOT EXISTS "
          + indexName(q, table, name) + " ON " + table.quoted(q) + " (" + cols + ")"
          + (ix.predicate() == null ? "" : " WHERE " + ix.predicate()));
    }
    return out;
  }

  /** The target type for one source column; {@code inKey} when it is part of the primary key. */
  public String type(Snapshot.Column c, boolean inKey, Source from) {
    LogicalType t = c.type();
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
      return from.sameEngine() ? c.nativeType() : text(false, null, inKey);
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

  private static Snapshot.@Nullable Column column(Snapshot.Table t, String name) {
    for (Snapshot.Column c : t.columns()) {
      if (c.name().equals(name)) {
        return c;
      }
    }
    return null;
  }
}
