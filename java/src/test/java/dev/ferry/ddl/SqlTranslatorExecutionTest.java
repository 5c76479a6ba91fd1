package dev.ferry.ddl;

import static dev.ferry.ddl.TranslationEngines.NS;
import static dev.ferry.ddl.TranslationEngines.first;
import static dev.ferry.ddl.TranslationEngines.rows;
import static dev.ferry.ddl.TranslationEngines.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ferry.catalog.Snapshot;
import dev.ferry.types.LogicalType;
import dev.ferry.types.TypeFamily;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Translated views, checks and defaults run on their target: a view returns the rows it returns
 * on its source, a check refuses the rows it refuses there, a default fills the value it fills
 * there. Embedded engines always; PostgreSQL and MariaDB when their servers answer.
 */
class SqlTranslatorExecutionTest {
  private static final String[] TABLES = {
      "CREATE TABLE customers (id INTEGER PRIMARY KEY, name VARCHAR(20), note VARCHAR(20))",
      "CREATE TABLE orders (id INTEGER PRIMARY KEY, customer_id INTEGER, total DECIMAL(10, 2),"
          + " status VARCHAR(10))",
      "INSERT INTO customers VALUES (1, 'Ann', NULL), (2, 'bob', 'vip'), (3, 'Al', 'x')",
      "INSERT INTO orders VALUES (1, 1, 10.50, 'new'), (2, 1, 4.50, 'paid'), (3, 2, 7.25, 'gone'),"
          + " (4, 3, 0.50, 'new'), (5, 2, 1.00, 'paid')"};

  /** The view's query, as a user of {@code engine} writes it. */
  private static String query(String engine) {
    String len = engine.equals("sqlite") ? "length" : "char_length";
    return "SELECT o.id, upper(c.name) AS cname, sum(o.total) AS total, count(*) AS n,"
        + " CASE WHEN o.status IN ('new', 'paid') THEN 'ok' ELSE 'other' END AS st,"
        + " coalesce(c.note, '-') AS note, " + len + "(c.name) AS len"
        + " FROM orders o JOIN customers c ON c.id = o.customer_id"
        + " WHERE c.name LIKE 'A%' OR o.total > 5 GROUP BY o.id, c.name, o.status, c.note"
        + " HAVING sum(o.total) > 0.75";
  }

  /** The view's definition as the catalog of {@code engine} reports it. */
  private static String definition(String engine, Connection c) throws SQLException {
    return switch (engine) {
      case "postgresql" -> first(c, "SELECT pg_get_viewdef('" + NS + ".v'::regclass, true)");
      case "mariadb" -> first(c, "SELECT VIEW_DEFINITION FROM information_schema.VIEWS"
          + " WHERE TABLE_SCHEMA = '" + NS + "' AND TABLE_NAME = 'v'");
      default -> query(engine);
    };
  }

  /** Something done with a connection to a source and one to a target. */
  private interface Pair {
    void run(Connection src, Connection tgt) throws SQLException;
  }

  /** Runs {@code body} on fresh connections to {@code from} and {@code to}, closed after. */
  private static void on(String from, String to, Pair body) throws SQLException {
    Connection src = TranslationEngines.open(from);
    try {
      Connection tgt = TranslationEngines.open(to);
      try {
        body.run(src, tgt);
      } finally {
        TranslationEngines.close(to, tgt);
      }
    } finally {
      TranslationEngines.close(from, src);
    }
  }

  private static void view(String from, String to) throws SQLException {
    on(from, to, (src, tgt) -> {
      run(src, TABLES);
      run(tgt, TABLES);
      run(src, "CREATE VIEW v AS " + query(from));
      Translation t = Translators.of(from, to, from.equals("mariadb") ? NS : null, to.equals("duckdb") ? "main" : null)
          .view(definition(from, src));
      assertEquals(null, t.reason(), from + " -> " + to);
      run(tgt, "CREATE VIEW v AS " + t.sql());
      List<List<String>> expected = rows(src, "SELECT * FROM v ORDER BY id");
      assertEquals(3, expected.size());
      assertEquals(expected, rows(tgt, "SELECT * FROM v ORDER BY id"), from + " -> " + to + ": " + t.sql());
    });
  }

  /** A join with aggregates, CASE, COALESCE, IN, LIKE returns the same rows on the target. */
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({"sqlite, duckdb", "duckdb, sqlite", "postgresql, mariadb", "mariadb, postgresql",
      "postgresql, sqlite", "postgresql, duckdb", "sqlite, postgresql"})
  void views(String from, String to) throws SQLException {
    view(from, to);
  }

  private static final String CHECKED = "CREATE TABLE p (price DECIMAL(10, 2) CHECK (price > 0),"
      + " status VARCHAR(10) CHECK (status IN ('new', 'paid')), name VARCHAR(20) CHECK (char_length(name) > 0))";

  /** The CHECK conditions of table {@code p} as {@code engine}'s catalog reports them. */
  private static List<String> checks(String engine, Connection c) throws SQLException {
    String sql = engine.equals("postgresql")
        ? "SELECT regexp_replace(pg_get_constraintdef(oid), '^CHECK \\((.*)\\)$', '\\1') FROM pg_constraint"
            + " WHERE conrelid = '" + NS + ".p'::regclass AND contype = 'c' ORDER BY conname"
        : "SELECT CHECK_CLAUSE FROM information_schema.CHECK_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = '" + NS
            + "' AND TABLE_NAME = 'p' ORDER BY CONSTRAINT_NAME";
    return rows(c, sql).stream().map(r -> r.get(0)).toList();
  }

  private static void checks(String from, String to) throws SQLException {
    on(from, to, (src, tgt) -> {
      run(src, CHECKED);
      SqlTranslator tr = Translators.of(from, to, null, null);
      StringBuilder ddl = new StringBuilder("CREATE TABLE p (price DECIMAL(10, 2), status VARCHAR(10), name VARCHAR(20)");
      List<String> conditions = checks(from, src);
      assertEquals(3, conditions.size());
      for (String cond : conditions) {
        Translation t = tr.check(cond);
        assertEquals(null, t.reason(), cond);
        ddl.append(", CHECK (").append(t.sql()).append(')');
      }
      run(tgt, ddl.append(')').toString());
      run(tgt, "INSERT INTO p VALUES (1.5, 'new', 'a')");
      for (String bad : new String[] {"(0, 'new', 'a')", "(1, 'old', 'a')", "(1, 'paid', '')"}) {
        assertThrows(SQLException.class, () -> run(tgt, "INSERT INTO p VALUES " + bad), bad);
      }
    });
  }

  /** Translated checks accept and refuse the rows the source does. */
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({"postgresql, mariadb", "mariadb, postgresql", "postgresql, sqlite"})
  void checkConditions(String from, String to) throws SQLException {
    checks(from, to);
  }

  private static final String DEFAULTS = "CREATE TABLE d (k INTEGER, status VARCHAR(10) DEFAULT 'new',"
      + " qty INTEGER DEFAULT 0, price DECIMAL(10, 2) DEFAULT 1.5, flag BOOLEAN DEFAULT true,"
      + " since DATE DEFAULT '2020-01-01', at TIMESTAMP DEFAULT CURRENT_TIMESTAMP)";

  private static final LogicalType BOOL = new LogicalType(TypeFamily.BOOLEAN, "BOOLEAN", null, null, "BOOLEAN");

  private static void defaults(String from, String to) throws SQLException {
    on(from, to, (src, tgt) -> {
      run(src, DEFAULTS);
      List<List<String>> cols = rows(src, "SELECT column_name, column_default, data_type FROM"
          + " information_schema.columns WHERE table_schema = '" + NS + "' AND table_name = 'd'"
          + " ORDER BY ordinal_position");
      SqlTranslator tr = Translators.of(from, to, null, null);
      StringBuilder ddl = new StringBuilder("CREATE TABLE d (k INTEGER");
      for (List<String> col : cols.subList(1, cols.size())) {
        Translation t = tr.defaultValue(new Snapshot.Column(col.get(0), 1, col.get(2),
            col.get(0).equals("flag") ? BOOL : LogicalType.UNBOUNDED_DECIMAL, true, col.get(1), false));
        assertEquals(null, t.reason(), col.toString());
        String type = col.get(2).toUpperCase(java.util.Locale.ROOT).replace("CHARACTER VARYING", "VARCHAR")
            .replace("TIMESTAMP WITHOUT TIME ZONE", "TIMESTAMP").replace("TINYINT", "BOOLEAN")
            .replace("DATETIME", "TIMESTAMP");
        type = switch (type) {
          case "VARCHAR" -> "VARCHAR(10)";
          case "NUMERIC", "DECIMAL" -> "DECIMAL(10, 2)";
          default -> type;
        };
        ddl.append(", ").append(col.get(0)).append(' ').append(type).append(" DEFAULT ").append(t.sql());
      }
      run(tgt, ddl.append(')').toString());
      run(src, "INSERT INTO d (k) VALUES (1)");
      run(tgt, "INSERT INTO d (k) VALUES (1)");
      String same = "SELECT status, qty, price, CASE WHEN flag THEN 1 ELSE 0 END, since FROM d";
      assertEquals(rows(src, same), rows(tgt, same));
      assertFalse(rows(tgt, "SELECT at FROM d WHERE at IS NOT NULL").isEmpty());
    });
  }

  /** Translated defaults fill the values the source fills. */
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({"postgresql, mariadb", "mariadb, postgresql"})
  void columnDefaults(String from, String to) throws SQLException {
    defaults(from, to);
  }

}
