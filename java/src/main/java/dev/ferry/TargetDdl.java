package dev.ferry;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.calcite.sql.SqlDialect;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The DDL that creates a copy of a source table in a target engine, with types mapped from
 * their {@link LogicalType} so values arrive exactly.
 *
 * <p>DECIMAL keeps precision and scale; timestamps keep their fraction (MariaDB gets DATETIME,
 * whose range and zone handling match a plain TIMESTAMP); unbounded text and binary become each
 * engine's unbounded type; MariaDB tables are utf8mb4 with a binary, no-pad collation so keys
 * that differ only in case or trailing spaces stay distinct. SQLite has no exact decimal
 * storage: DECIMAL columns of more than 15 digits are declared {@code DECIMAL TEXT(p,s)} (text
 * affinity, values kept as written; Ferry still reads them as DECIMAL(p,s)). Types Calcite has
 * no name for keep their native name between two databases of the same engine and become text
 * otherwise. Defaults, identity and foreign keys are not copied.
 */
final class TargetDdl {
  private final String engine;
  private final String sourceEngine;
  private final SqlDialect dialect;

  TargetDdl(String targetEngine, String sourceEngine, SqlDialect dialect) {
    this.engine = targetEngine.toLowerCase(Locale.ROOT);
    this.sourceEngine = sourceEngine.toLowerCase(Locale.ROOT);
    this.dialect = dialect;
  }

  private boolean maria() {
    return engine.equals("mariadb") || engine.equals("mysql");
  }

  /** {@code CREATE TABLE} for {@code source} named {@code table}, primary key included. */
  String createTable(TableName table, Snapshot.Table source) {
    List<String> key = source.primaryKey() == null ? List.of() : source.primaryKey().columns();
    StringBuilder b = new StringBuilder("CREATE TABLE ").append(table.quoted(dialect)).append(" (");
    boolean first = true;
    for (Snapshot.Column c : source.columns()) {
      b.append(first ? "" : ", ").append(dialect.quoteIdentifier(c.name())).append(' ')
          .append(type(c, key.contains(c.name())));
      if (!c.nullable() || key.contains(c.name())) {
        b.append(" NOT NULL");
      }
      first = false;
    }
    if (!key.isEmpty()) {
      b.append(", PRIMARY KEY (").append(quotedList(key, null)).append(')');
    }
    b.append(')');
    if (maria()) {
      b.append(" DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin");
    }
    return b.toString();
  }

  /**
   * {@code CREATE INDEX} for each secondary index of {@code source} (not the primary key's, not
   * expression indexes), to run after the load.
   */
  List<String> indexes(TableName table, Snapshot.Table source) {
    List<String> key = source.primaryKey() == null ? List.of() : source.primaryKey().columns();
    List<String> out = new ArrayList<>();
    for (Snapshot.Index ix : source.indexes()) {
      if (ix.columns().contains(CatalogFacts.EXPRESSION) || ix.columns().isEmpty()
          || (ix.unique() && ix.columns().equals(key))) {
        continue;
      }
      String name = table.name().equals(source.name()) ? ix.name() : table.name() + "_" + ix.name();
      String qualifiedName = dialect.quoteIdentifier(name);
      if (!maria() && table.namespace() != null && engine.equals("h2")) {
        qualifiedName = dialect.quoteIdentifier(table.namespace()) + "." + qualifiedName;
      }
      out.add("CREATE " + (ix.unique() ? "UNIQUE " : "") + "INDEX IF NOT EXISTS " + qualifiedName
          + " ON " + table.quoted(dialect) + " (" + quotedList(ix.columns(), source) + ")");
    }
    return out;
  }

  private String quotedList(List<String> columns, Snapshot.@Nullable Table source) {
    StringBuilder b = new StringBuilder();
    for (String c : columns) {
      b.append(b.length() == 0 ? "" : ", ").append(dialect.quoteIdentifier(c));
      if (source != null && maria()) {
        for (Snapshot.Column col : source.columns()) {
          String t = col.name().equals(c) ? type(col, false) : "";
          if (t.endsWith("TEXT") || t.endsWith("BLOB")) {
            // MariaDB indexes TEXT and BLOB columns by a prefix only.
            b.append("(255)");
          }
        }
      }
    }
    return b.toString();
  }

  /** The target type for one source column. */
  String type(Snapshot.Column c, boolean inKey) {
    LogicalType t = c.type();
    Integer p = t.precision();
    Integer s = t.scale();
    switch (t.family()) {
    case "integer":
      return integer(t.sqlType());
    case "decimal":
      return decimal(p, s);
    case "float":
      boolean single = t.sqlType().equals("REAL");
      return switch (engine) {
        case "postgresql" -> single ? "REAL" : "DOUBLE PRECISION";
        case "mariadb", "mysql" -> single ? "FLOAT" : "DOUBLE";
        case "sqlite" -> "REAL";
        default -> single ? "REAL" : "DOUBLE PRECISION";
      };
    case "boolean":
      return "BOOLEAN";
    case "char":
      return text(t.sqlType().equals("CHAR"), p, inKey);
    case "binary":
      return binary(t.sqlType().equals("BINARY"), p, inKey);
    case "date":
      return "DATE";
    case "time":
      if (engine.equals("sqlite")) {
        return "TIME";
      }
      return "TIME(" + fraction(p) + ")" + (t.sqlType().contains("ZONE") && engine.equals("h2")
          ? " WITH TIME ZONE" : "");
    case "timestamp":
      return switch (engine) {
        case "mariadb", "mysql" -> "DATETIME(" + fraction(p) + ")";
        case "sqlite" -> "TIMESTAMP";
        default -> "TIMESTAMP(" + fraction(p) + ")";
      };
    case "timestamptz":
      return switch (engine) {
        case "postgresql" -> "TIMESTAMPTZ(" + fraction(p) + ")";
        case "mariadb", "mysql" -> "DATETIME(" + fraction(p) + ")";
        case "sqlite" -> "TEXT";
        default -> "TIMESTAMP(" + fraction(p) + ") WITH TIME ZONE";
      };
    default:
      if (engine.equals(sourceEngine)) {
        return c.nativeType();
      }
      return text(false, null, inKey);
    }
  }

  private int fraction(@Nullable Integer p) {
    // SQLite declares no fraction (Ferry reads its timestamps as TIMESTAMP(3)) but stores
    // whatever text it was given, so keep microseconds.
    int f = p == null || sourceEngine.equals("sqlite") ? 6 : p;
    return Math.max(0, Math.min(f, engine.equals("h2") ? 9 : 6));
  }

  private String integer(String sqlType) {
    boolean pg = engine.equals("postgresql");
    return switch (sqlType) {
      case "TINYINT" -> pg ? "SMALLINT" : "TINYINT";
      case "SMALLINT" -> "SMALLINT";
      case "INTEGER" -> "INTEGER";
      case "UTINYINT" -> maria() ? "TINYINT UNSIGNED" : "SMALLINT";
      case "USMALLINT" -> maria() ? "SMALLINT UNSIGNED" : "INTEGER";
      case "UINTEGER" -> maria() ? "INT UNSIGNED" : "BIGINT";
      case "UBIGINT" -> maria() ? "BIGINT UNSIGNED" : "NUMERIC(20, 0)";
      default -> "BIGINT";
    };
  }

  private String decimal(@Nullable Integer p, @Nullable Integer s) {
    if (p == null) {
      return switch (engine) {
        case "postgresql" -> "NUMERIC";
        case "mariadb", "mysql" -> "DECIMAL(65, 30)";
        case "h2" -> "DECFLOAT";
        case "sqlite" -> "DECIMAL TEXT";
        default -> "DECIMAL(38, 18)";
      };
    }
    int scale = s == null ? 0 : s;
    if (engine.equals("sqlite") && p > 15) {
      return "DECIMAL TEXT(" + p + ", " + scale + ")";
    }
    return (engine.equals("postgresql") ? "NUMERIC(" : "DECIMAL(") + p + ", " + scale + ")";
  }

  private String text(boolean fixed, @Nullable Integer length, boolean inKey) {
    switch (engine) {
    case "postgresql":
      return length == null ? "TEXT" : (fixed ? "CHAR(" : "VARCHAR(") + length + ")";
    case "mariadb":
    case "mysql":
      if (length == null) {
        return inKey ? "VARCHAR(768)" : "LONGTEXT";
      }
      if (fixed && length <= 255) {
        return "CHAR(" + length + ")";
      }
      if (length <= (inKey ? 768 : 4096)) {
        return "VARCHAR(" + length + ")";
      }
      return length <= 16_383 ? "TEXT" : length <= 4_194_303 ? "MEDIUMTEXT" : "LONGTEXT";
    case "sqlite":
      return length == null ? "TEXT" : (fixed ? "CHAR(" : "VARCHAR(") + length + ")";
    default:
      return length == null ? "VARCHAR" : (fixed ? "CHAR(" : "VARCHAR(") + length + ")";
    }
  }

  private String binary(boolean fixed, @Nullable Integer length, boolean inKey) {
    switch (engine) {
    case "postgresql":
      return "BYTEA";
    case "mariadb":
    case "mysql":
      if (length == null) {
        return inKey ? "VARBINARY(3072)" : "LONGBLOB";
      }
      if (fixed && length <= 255) {
        return "BINARY(" + length + ")";
      }
      return length <= (inKey ? 3072 : 8192) ? "VARBINARY(" + length + ")"
          : length <= 16_777_215 ? "MEDIUMBLOB" : "LONGBLOB";
    case "sqlite":
      return "BLOB";
    default:
      return length == null ? "VARBINARY" : (fixed ? "BINARY(" : "VARBINARY(") + length + ")";
    }
  }
}
