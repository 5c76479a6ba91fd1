package dev.ferry.dialect.mariadb;

import static dev.ferry.dialect.PushedSql.column;
import static dev.ferry.dialect.PushedSql.compared;
import static dev.ferry.dialect.PushedSql.quotient;
import static dev.ferry.dialect.PushedSql.sql;
import static dev.ferry.dialect.PushedSql.text;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ferry.types.ExactText;

import org.apache.calcite.sql.dialect.MysqlSqlDialect;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.junit.jupiter.api.Test;

/** What MariaDB is sent for quotients and marked string comparisons. */
class MariaDbSqlDialectTest {
  private final MariaDbSqlDialect dialect = new MariaDbSqlDialect(MysqlSqlDialect.DEFAULT_CONTEXT);

  @Test void aQuotientsDividendTakesTheScaleFirst() {
    // MariaDB's quotient has 4 places more than its dividend: 22 + 4 = the 16 asked for plus 10.
    assertEquals("CAST(CAST(`s` AS DECIMAL(65, 22)) / `n` AS DECIMAL(38, 16))",
        sql(quotient(column("s"), 16, column("n"), 0, 38, 16), dialect));
  }

  @Test void markedEqualitiesAndLikesKeepTheirPlainFormForIndexes() {
    assertEquals("(`c` = 'x' AND `c` = CONVERT('x' USING UTF8MB4) COLLATE UTF8MB4_NOPAD_BIN)",
        sql(compared(SqlStdOperatorTable.EQUALS, column("c"), ExactText.EXACT, text("x")), dialect));
    assertEquals("(`c` LIKE 'x%' AND `c` LIKE CONVERT('x%' USING UTF8MB4) COLLATE UTF8MB4_NOPAD_BIN)",
        sql(compared(SqlStdOperatorTable.LIKE, column("c"), ExactText.EXACT, text("x%")), dialect));
  }

  @Test void markedRangesCompareBinaryWithPaddingIgnoredForChar() {
    assertEquals("`c` < CONVERT('x' USING UTF8MB4) COLLATE UTF8MB4_BIN",
        sql(compared(SqlStdOperatorTable.LESS_THAN, column("c"), ExactText.PADDED, text("x")), dialect));
  }

  @Test void aLiteralWithABackslashTravelsAsItsBytes() {
    // 'a\b' would read as a, backspace (or the quote escaped) in MariaDB's default SQL mode.
    assertEquals("`c` = CONVERT(X'615C62' USING utf8mb4)",
        sql(SqlStdOperatorTable.EQUALS.createCall(org.apache.calcite.sql.parser.SqlParserPos.ZERO,
            column("c"), text("a\\b")), dialect));
    assertEquals("`c` = 'it''s'", sql(SqlStdOperatorTable.EQUALS.createCall(
        org.apache.calcite.sql.parser.SqlParserPos.ZERO, column("c"), text("it's")), dialect));
  }
}
