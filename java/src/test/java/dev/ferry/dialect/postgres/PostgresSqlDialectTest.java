package dev.ferry.dialect.postgres;

import static dev.ferry.dialect.PushedSql.column;
import static dev.ferry.dialect.PushedSql.compared;
import static dev.ferry.dialect.PushedSql.quotient;
import static dev.ferry.dialect.PushedSql.sql;
import static dev.ferry.dialect.PushedSql.text;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ferry.dialect.WideDecimals;
import dev.ferry.types.ExactText;

import org.apache.calcite.sql.dialect.PostgresqlSqlDialect;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.junit.jupiter.api.Test;

/** What PostgreSQL is sent for quotients and comparisons with CHAR(n). */
class PostgresSqlDialectTest {
  private final PostgresSqlDialect dialect =
      new PostgresSqlDialect(WideDecimals.of(PostgresqlSqlDialect.DEFAULT_CONTEXT));

  @Test void aQuotientsDividendIsExtendedToTheScalePlusGuardDigits() {
    assertEquals("CAST(ROUND(\"s\", 26) / \"n\" AS DECIMAL(38, 16))",
        sql(quotient(column("s"), 16, column("n"), 0, 38, 16), dialect));
  }

  @Test void theStringComparedWithCharIsCastToChar() {
    assertEquals("\"seg\" = CAST('b' AS CHAR(11))",
        sql(compared(SqlStdOperatorTable.EQUALS, column("seg"), ExactText.PADDED, text("b")), dialect));
    assertEquals("\"name\" = 'b'",
        sql(compared(SqlStdOperatorTable.EQUALS, column("name"), ExactText.EXACT, text("b")), dialect));
  }
}
