package dev.ferry.dialect.sqlite;

import static dev.ferry.dialect.PushedSql.column;
import static dev.ferry.dialect.PushedSql.compared;
import static dev.ferry.dialect.PushedSql.sql;
import static dev.ferry.dialect.PushedSql.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.types.ExactText;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.junit.jupiter.api.Test;

/** What SQLite is sent: collations on marked comparisons, no SUM. */
class FerrySqliteSqlDialectTest {
  private final FerrySqliteSqlDialect dialect = FerrySqliteSqlDialect.INSTANCE;

  @Test void markedComparisonsNameTheirCollation() throws Exception {
    String exact = sql(compared(SqlStdOperatorTable.EQUALS, column("name"), ExactText.EXACT, text("apple")), dialect);
    String padded = sql(compared(SqlStdOperatorTable.EQUALS, column("seg"), ExactText.PADDED, text("b")), dialect);
    assertEquals("\"name\" = 'apple' COLLATE BINARY", exact);
    assertEquals("\"seg\" = 'b' COLLATE RTRIM", padded);
    try (Connection c = DriverManager.getConnection("jdbc:sqlite::memory:"); Statement st = c.createStatement()) {
      st.execute("CREATE TABLE t (name TEXT COLLATE NOCASE, seg CHAR(10))");
      st.execute("INSERT INTO t VALUES ('APPLE', 'b  '), ('apple', 'a')");
      assertEquals(2, count(st, "SELECT COUNT(*) FROM t WHERE name = 'apple'"), "NOCASE, unmarked");
      assertEquals(1, count(st, "SELECT COUNT(*) FROM t WHERE " + exact));
      assertEquals(1, count(st, "SELECT COUNT(*) FROM t WHERE " + padded));
    }
  }

  @Test void sumsAndAveragesStayInCalcite() {
    assertFalse(dialect.supportsAggregateFunction(SqlKind.SUM));
    assertFalse(dialect.supportsAggregateFunction(SqlKind.SUM0));
    assertFalse(dialect.supportsAggregateFunction(SqlKind.AVG));
    assertTrue(dialect.supportsAggregateFunction(SqlKind.MIN));
    assertTrue(dialect.supportsAggregateFunction(SqlKind.COUNT));
  }

  private static int count(Statement st, String sql) throws Exception {
    try (ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getInt(1);
    }
  }
}
