package dev.ferry.ddl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ferry.catalog.Snapshot;
import dev.ferry.types.LogicalType;

import org.junit.jupiter.api.Test;

/** Views, checks and defaults between every pair of PostgreSQL, MariaDB, SQLite and DuckDB. */
class SqlTranslatorTest {
  private static final String PG_VIEW = " SELECT o.id,\n    c.name,\n    sum(o.total) AS total\n"
      + "   FROM orders o\n     JOIN customers c ON c.id = o.customer_id\n  GROUP BY o.id, c.name";
  private static final String MY_VIEW = "select `o`.`id` AS `id`,sum(`o`.`total`) AS `total` from "
      + "(`test`.`orders` `o` join `test`.`customers` `c` on(`c`.`id` = `o`.`customer_id`)) "
      + "group by `o`.`id`";
  private static final String PG_JOIN = "SELECT \"o\".\"id\", \"c\".\"name\", SUM(\"o\".\"total\") AS \"total\" "
      + "FROM \"orders\" AS \"o\" INNER JOIN \"customers\" AS \"c\" ON \"c\".\"id\" = \"o\".\"customer_id\" "
      + "GROUP BY \"o\".\"id\", \"c\".\"name\"";

  private static String sql(Translation t) {
    assertEquals(null, t.reason(), "refused");
    return t.sql();
  }

  private static Translation dflt(String from, String to, String text) {
    return Translators.of(from, to, null, null).defaultValue(
        new Snapshot.Column("c", 1, "x", LogicalType.UNBOUNDED_DECIMAL, true, text, false));
  }

  @Test void postgresViewToEveryEngine() {
    assertEquals(PG_JOIN, sql(Translators.of("postgresql", "postgresql", null, null).view(PG_VIEW)));
    assertEquals(PG_JOIN, sql(Translators.of("postgresql", "sqlite", null, null).view(PG_VIEW)));
    assertEquals(PG_JOIN, sql(Translators.of("postgresql", "duckdb", null, null).view(PG_VIEW)));
    assertEquals(PG_JOIN.replace('"', '`'),
        sql(Translators.of("postgresql", "mariadb", null, null).view(PG_VIEW)));
    assertEquals(PG_JOIN.replace("\"orders\"", "\"main\".\"orders\"").replace("\"customers\" AS", "\"main\".\"customers\" AS"),
        sql(Translators.of("postgresql", "duckdb", "public", "main").view(PG_VIEW)));
  }

  @Test void postgresExpressionsPerTarget() {
    String v = "SELECT 'x'::text AS a, (o.total * 2::numeric) AS b, o.name || '!' AS c,"
        + " length(o.name) AS l, substring(o.name from 1 for 2) s, CASE WHEN o.d IS NULL THEN 0 ELSE 1 END AS k,"
        + " COALESCE(o.n, 0) AS z, upper(o.name) AS u FROM public.orders o"
        + " WHERE o.id BETWEEN 1 AND 5 AND o.d > '2020-01-01'::date AND o.name LIKE 'a%' ORDER BY o.id";
    String tail = " AS \"s\", CASE WHEN \"o\".\"d\" IS NULL THEN 0 ELSE 1 END AS \"k\", COALESCE(\"o\".\"n\", 0) AS \"z\","
        + " UPPER(\"o\".\"name\") AS \"u\" FROM \"orders\" AS \"o\" WHERE \"o\".\"id\" >= 1 AND \"o\".\"id\" <= 5 AND \"o\".\"d\" > ";
    String like = " AND \"o\".\"name\" LIKE 'a%' ORDER BY \"o\".\"id\"";
    assertEquals("SELECT 'x' AS \"a\", \"o\".\"total\" * CAST(2 AS NUMERIC) AS \"b\", \"o\".\"name\" || '!' AS \"c\","
        + " CHAR_LENGTH(\"o\".\"name\") AS \"l\", SUBSTRING(\"o\".\"name\", 1, 2)" + tail + "DATE '2020-01-01'" + like,
        sql(Translators.of("postgresql", "postgresql", "public", null).view(v)));
    assertEquals("SELECT 'x' AS \"a\", \"o\".\"total\" * CAST(2 AS NUMERIC) AS \"b\", \"o\".\"name\" || '!' AS \"c\","
        + " LENGTH(\"o\".\"name\") AS \"l\", SUBSTRING(\"o\".\"name\", 1, 2)" + tail + "'2020-01-01'" + like,
        sql(Translators.of("postgresql", "sqlite", "public", null).view(v)));
    assertEquals("SELECT 'x' AS \"a\", \"o\".\"total\" * CAST(2 AS DECIMAL) AS \"b\", \"o\".\"name\" || '!' AS \"c\","
        + " CHAR_LENGTH(\"o\".\"name\") AS \"l\", SUBSTRING(\"o\".\"name\", 1, 2)" + tail + "DATE '2020-01-01'" + like,
        sql(Translators.of("postgresql", "duckdb", "public", null).view(v)));
    assertEquals(("SELECT 'x' AS \"a\", \"o\".\"total\" * CAST(2 AS DECIMAL(65, 30)) AS \"b\", CONCAT(\"o\".\"name\", '!') AS \"c\","
        + " CHAR_LENGTH(\"o\".\"name\") AS \"l\", SUBSTRING(\"o\".\"name\", 1, 2)" + tail + "DATE '2020-01-01'" + like)
        .replace('"', '`'), sql(Translators.of("postgresql", "mariadb", "public", null).view(v)));
  }

  @Test void mariadbViewToEveryEngine() {
    String out = "SELECT \"o\".\"id\" AS \"id\", SUM(\"o\".\"total\") AS \"total\" FROM \"orders\" AS \"o\""
        + " INNER JOIN \"customers\" AS \"c\" ON \"c\".\"id\" = \"o\".\"customer_id\" GROUP BY \"o\".\"id\"";
    assertEquals(out, sql(Translators.of("mariadb", "postgresql", "test", null).view(MY_VIEW)));
    assertEquals(out, sql(Translators.of("mariadb", "sqlite", "test", null).view(MY_VIEW)));
    assertEquals(out, sql(Translators.of("mariadb", "duckdb", null, null).view(MY_VIEW)));
    assertEquals(out.replace('"', '`'), sql(Translators.of("mariadb", "mariadb", "test", null).view(MY_VIEW)));
    assertEquals(out.replace("\"orders\"", "\"public\".\"orders\"").replace("\"customers\" AS", "\"public\".\"customers\" AS"),
        sql(Translators.of("mariadb", "postgresql", "test", "public").view(MY_VIEW)));
  }

  @Test void looselyGroupedViewsGetMinWhereTheTargetIsStrict() {
    // Sakila's sales_by_store: grouped by the store, selecting its city and manager.
    String v = "select concat(`c`.`city`,_utf8mb4',',`cy`.`country`) AS `store`,`m`.`first_name` AS `manager`,"
        + "`s`.`store_id` AS `id`,`t`.`note`,'x' AS `k`,sum(`p`.`amount`) AS `total_sales` from `test`.`payment` `p`"
        + " join `test`.`store` `s` on `p`.`store_id` = `s`.`store_id` group by `s`.`store_id`"
        + " order by `cy`.`country`,`c`.`city` desc,`id`";
    assertEquals("SELECT MIN(\"c\".\"city\" || ',' || \"cy\".\"country\") AS \"store\", MIN(\"m\".\"first_name\") AS \"manager\","
        + " \"s\".\"store_id\" AS \"id\", MIN(\"t\".\"note\") AS \"note\", 'x' AS \"k\", SUM(\"p\".\"amount\") AS \"total_sales\""
        + " FROM \"payment\" AS \"p\" INNER JOIN \"store\" AS \"s\" ON \"p\".\"store_id\" = \"s\".\"store_id\""
        + " GROUP BY \"s\".\"store_id\" ORDER BY MIN(\"cy\".\"country\"), MIN(\"c\".\"city\") DESC, \"id\"",
        sql(Translators.of("mariadb", "postgresql", "test", null).view(v)));
    // Where the target groups loosely too, the view is kept as written.
    assertEquals(false, sql(Translators.of("mariadb", "sqlite", "test", null).view(v)).contains("MIN("));
    assertEquals(false, sql(Translators.of("mariadb", "mariadb", "test", null).view(v)).contains("MIN("));
  }

  @Test void mariadbSpellings() {
    String v = "select concat(`test`.`t`.`a`,_utf8mb4'x\\'y') AS `c`, length(`t`.`a`) AS `l`,"
        + " ifnull(`t`.`b`,0) AS `b` from `test`.`t` where `t`.`a` in('a','b')";
    assertEquals("SELECT \"t\".\"a\" || 'x''y' AS \"c\", OCTET_LENGTH(\"t\".\"a\") AS \"l\", COALESCE(\"t\".\"b\", 0) AS \"b\""
        + " FROM \"t\" WHERE \"t\".\"a\" IN ('a', 'b')", sql(Translators.of("mariadb", "postgresql", "test", null).view(v)));
    assertEquals("SELECT CONCAT(`t`.`a`, 'x''y') AS `c`, OCTET_LENGTH(`t`.`a`) AS `l`, COALESCE(`t`.`b`, 0) AS `b`"
        + " FROM `t` WHERE `t`.`a` IN ('a', 'b')", sql(Translators.of("mariadb", "mariadb", "test", null).view(v)));
    assertEquals("view uses the function octet_length",
        Translators.of("mariadb", "sqlite", "test", null).view(v).reason());
  }

  @Test void sqliteAndDuckDbViews() {
    String v = "select id, upper(name) as n, count(distinct tag) as k from t where flag = true and x is null group by id, name";
    String pg = "SELECT \"id\", UPPER(\"name\") AS \"n\", COUNT(DISTINCT \"tag\") AS \"k\" FROM \"t\" WHERE \"flag\" = TRUE AND \"x\" IS NULL GROUP BY \"id\", \"name\"";
    assertEquals(pg, sql(Translators.of("sqlite", "postgresql", null, null).view(v)));
    assertEquals(pg.replace('"', '`'), sql(Translators.of("sqlite", "mariadb", null, null).view(v)));
    assertEquals(pg.replace("TRUE", "1"), sql(Translators.of("duckdb", "sqlite", null, null).view(v)));
    assertEquals(pg, sql(Translators.of("duckdb", "duckdb", null, null).view(v)));
    assertEquals(pg.replace("\"t\"", "\"main\".\"t\""), sql(Translators.of("sqlite", "duckdb", null, "main").view(v)));
    assertEquals("SELECT CAST(\"x\" AS VARCHAR) AS \"s\" FROM \"t\"",
        sql(Translators.of("duckdb", "duckdb", null, null).view("select x::varchar as s from t")));
    assertEquals("SELECT CAST(`x` AS CHAR) AS `s` FROM `t`",
        sql(Translators.of("duckdb", "mariadb", null, null).view("select x::varchar as s from t")));
    assertEquals("SELECT CAST(\"x\" AS TEXT) AS \"s\" FROM \"t\"",
        sql(Translators.of("duckdb", "sqlite", null, null).view("select x::varchar as s from t")));
  }

  @Test void checks() {
    String any = "((status)::text = ANY ((ARRAY['new'::character varying, 'paid'::character varying])::text[]))";
    assertEquals("\"status\" IN ('new', 'paid')", sql(Translators.of("postgresql", "postgresql", null, null).check(any)));
    assertEquals("`status` IN ('new', 'paid')", sql(Translators.of("postgresql", "mariadb", null, null).check(any)));
    assertEquals("\"price\" > 0", sql(Translators.of("postgresql", "sqlite", null, null).check("(price > (0)::numeric)")));
    assertEquals("CHAR_LENGTH(\"name\") > 0", sql(Translators.of("postgresql", "duckdb", null, null).check("(char_length(name) > 0)")));
    assertEquals("LENGTH(\"name\") > 0", sql(Translators.of("postgresql", "sqlite", null, null).check("(char_length(name) > 0)")));
    assertEquals("\"price\" > 0", sql(Translators.of("mariadb", "postgresql", null, null).check("`price` > 0")));
    assertEquals("\"status\" IN ('new', 'paid')", sql(Translators.of("mariadb", "duckdb", null, null).check("`status` in ('new','paid')")));
    assertEquals("`qty` >= 0 AND `qty` <= 10", sql(Translators.of("sqlite", "mariadb", null, null).check("qty between 0 and 10")));
    assertEquals("\"price\" > 0", sql(Translators.of("duckdb", "postgresql", null, null).check("(price > 0)")));
    assertEquals("check uses the function foo", Translators.of("postgresql", "mariadb", null, null).check("(foo(name) > 0)").reason());
  }

  @Test void defaults() {
    Translation seq = dflt("postgresql", "mariadb", "nextval('orders_id_seq'::regclass)");
    assertEquals(Translation.Kind.IDENTITY, seq.kind());
    assertEquals("drawn from sequence orders_id_seq: not a default, the column is an identity", seq.reason());
    for (String clock : new String[] {"now()", "CURRENT_TIMESTAMP"}) {
      assertEquals(new Translation(Translation.Kind.CLOCK, "CURRENT_TIMESTAMP", null), dflt("postgresql", "sqlite", clock));
    }
    assertEquals(new Translation(Translation.Kind.CLOCK, "CURRENT_TIMESTAMP", null), dflt("mariadb", "postgresql", "current_timestamp()"));
    assertEquals(new Translation(Translation.Kind.CLOCK, "CURRENT_DATE", null), dflt("mariadb", "duckdb", "curdate()"));
    assertEquals(new Translation(Translation.Kind.CLOCK, "CURRENT_TIMESTAMP", null), dflt("sqlite", "mariadb", "(datetime('now'))"));
    assertEquals(new Translation(Translation.Kind.LITERAL, "'new'", null), dflt("postgresql", "mariadb", "'new'::character varying"));
    assertEquals(new Translation(Translation.Kind.LITERAL, "0", null), dflt("postgresql", "sqlite", "(0)::numeric"));
    assertEquals(new Translation(Translation.Kind.LITERAL, "-1", null), dflt("postgresql", "duckdb", "'-1'::integer"));
    assertEquals(new Translation(Translation.Kind.LITERAL, "TRUE", null), dflt("postgresql", "mariadb", "true"));
    assertEquals(new Translation(Translation.Kind.LITERAL, "1", null), dflt("postgresql", "sqlite", "true"));
    assertEquals(new Translation(Translation.Kind.LITERAL, "DATE '2020-01-01'", null), dflt("postgresql", "duckdb", "'2020-01-01'::date"));
    assertEquals(new Translation(Translation.Kind.LITERAL, "'2020-01-01'", null), dflt("postgresql", "sqlite", "'2020-01-01'::date"));
    assertEquals(new Translation(Translation.Kind.LITERAL, "'new'", null), dflt("mariadb", "postgresql", "'new'"));
    assertEquals(new Translation(Translation.Kind.LITERAL, "NULL", null), dflt("mariadb", "sqlite", "NULL"));
    assertEquals(new Translation(Translation.Kind.LITERAL, "0", null), dflt("duckdb", "postgresql", "CAST(0 AS INTEGER)"));
    assertEquals(new Translation(Translation.Kind.LITERAL, "'x'", null), dflt("sqlite", "duckdb", "'x'"));
    assertEquals(new Translation(Translation.Kind.SQL, "`a` + 1", null), dflt("postgresql", "mariadb", "(a + 1)"));
  }

  @Test void refusesWithoutThrowing() {
    SqlTranslator t = Translators.of("postgresql", "mariadb", "public", null);
    assertEquals(Translation.Kind.REFUSED, t.view("SELECT FROM WHERE").kind());
    assertEquals("view uses the table other.t of another namespace", t.view("SELECT a FROM other.t").reason());
    assertEquals("view uses the function generate_series", t.view("SELECT generate_series(1, 3) AS g").reason());
    assertEquals(Translation.Kind.REFUSED, t.check("a ~ 'x'").kind());
    assertEquals("default datetime('now', 'localtime'): the function datetime other than datetime('now')",
        dflt("sqlite", "postgresql", "datetime('now', 'localtime')").reason());
  }
}
