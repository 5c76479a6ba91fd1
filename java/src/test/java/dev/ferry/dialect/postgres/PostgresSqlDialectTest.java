package dev.ferry.dialect.postgres;

import static dev.ferry.dialect.PushedSql.column;
import static dev.ferry.dialect.PushedSql.compared;
import static dev.ferry.dialect.PushedSql.quotient;
import static dev.ferry.dialect.PushedSql.sql;
import static dev.ferry.dialect.PushedSql.text;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ferry.dialect.WideDecimals;
import dev.ferry.types.ExactText;

import java.util.Map;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.dialect.PostgresqlSqlDialect;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.junit.jupiter.api.Test;

/** What PostgreSQL is sent for quotients and comparisons with CHAR(n). */
class PostgresSqlDialectTest {
  private final PostgresSqlDialect dialect =
      new PostgresSqlDialect(WideDecimals.of(PostgresqlSqlDialect.DEFAULT_CONTEXT));

  @Test void writesQuotientsAndMarkedComparisonsForPostgres() {
    Map<String, SqlNode> cases = Map.of(
        // The dividend extended to 16 + 10 places: PostgreSQL's quotient keeps at least those.
        "CAST(ROUND(\"s\", 26) / \"n\" AS DECIMAL(38, 16))",
        quotient(column("s"), 16, column("n"), 0, 38, 16),
        // 38 digits, not the 19 Calcite's PostgreSQL dialect allows by default.
        "CAST(ROUND(\"s\", 12) / \"n\" AS DECIMAL(38, 2))",
        quotient(column("s"), 2, column("n"), 0, 38, 2),
        "\"seg\" = CAST('b' AS CHAR(11))",
        compared(SqlStdOperatorTable.EQUALS, column("seg"), ExactText.PADDED, text("b")),
        "\"name\" = 'b'",
        compared(SqlStdOperatorTable.EQUALS, column("name"), ExactText.EXACT, text("b")));
    cases.forEach((expected, node) -> assertEquals(expected, sql(node, dialect)));
  }
}
