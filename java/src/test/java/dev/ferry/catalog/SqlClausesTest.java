package dev.ferry.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

/** CHECK conditions and view queries read out of the SQL text engines keep. */
class SqlClausesTest {
  @Test void aCheckConditionLosesItsKeywordOuterParenthesesAndTrailingOptions() {
    assertEquals("a > 0", SqlClauses.condition("CHECK ((a > 0)) NOT VALID"));
    assertEquals("a > 0", SqlClauses.condition("CHECK (a > 0) NO INHERIT"));
    assertEquals("a > 0", SqlClauses.condition("(a > 0)"));
    assertEquals("(a > 0) AND (b > 0)", SqlClauses.condition("(a > 0) AND (b > 0)"));
    assertEquals("note <> ')'::text", SqlClauses.condition("CHECK (note <> ')'::text)"));
    assertEquals("`price` > 0", SqlClauses.condition("`price` > 0"));
    assertNull(SqlClauses.condition("CHECK ("));
    assertNull(SqlClauses.condition("  "));
  }

  @Test void checksOfACreateTableStatementAtColumnAndTableLevel() {
    String sql = "CREATE TABLE \"t (CHECK x)\" (id INTEGER CHECK (id > 0), -- CHECK (no)\n"
        + " note TEXT DEFAULT ('CHECK (no)') CONSTRAINT \"has text\" CHECK(note <> 'it''s (x)'),"
        + " price DECIMAL(10, 2), CHECK (id < 100), CONSTRAINT [pair] CHECK (id <> length(note)))";
    assertEquals(List.of(new Snapshot.Check(null, "id > 0"),
        new Snapshot.Check("has text", "note <> 'it''s (x)'"),
        new Snapshot.Check(null, "id < 100"),
        new Snapshot.Check("pair", "id <> length(note)")), SqlClauses.checks(sql));
    assertEquals(List.of(), SqlClauses.checks("CREATE TABLE t (a INT"));
    assertEquals(List.of(), SqlClauses.checks(null));
  }

  @Test void aViewsQueryWithoutItsCreateStatement() {
    assertEquals("SELECT id FROM t WHERE (id > 1)",
        SqlClauses.viewBody("CREATE VIEW v AS SELECT id FROM t WHERE (id > 1);"));
    assertEquals("SELECT 'AS' AS a", SqlClauses.viewBody(
        "CREATE TEMP VIEW IF NOT EXISTS \"as view\" (a) AS\n SELECT 'AS' AS a"));
    assertEquals("SELECT t.id\n   FROM t", SqlClauses.viewBody(" SELECT t.id\n   FROM t;"));
    assertNull(SqlClauses.viewBody("CREATE VIEW v"));
    assertNull(SqlClauses.viewBody(""));
  }

  @Test void aDomainsValueBecomesItsColumn() {
    assertEquals("\"y\" >= 1900 AND 'VALUE' <> \"VALUE\" AND values_x = t.value",
        SqlClauses.replaceWord("VALUE >= 1900 AND 'VALUE' <> \"VALUE\" AND values_x = t.value",
            "VALUE", "\"y\""));
  }
}
