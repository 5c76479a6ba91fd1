package dev.ferry.dialect.duckdb;

import static dev.ferry.dialect.PushedSql.number;
import static dev.ferry.dialect.PushedSql.quotient;
import static dev.ferry.dialect.PushedSql.sql;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ferry.types.ExactDivision;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** Decimal quotients DuckDB computes in integers, run in DuckDB against Calcite-side division. */
class DuckDbSqlDialectTest {
  private static void same(String a, int aScale, String b, int bScale, int scale) throws Exception {
    String q = sql(quotient(number(a), aScale, number(b), bScale, 38, scale), DuckDbSqlDialect.INSTANCE);
    BigDecimal expected = ExactDivision.divide(new BigDecimal(a), new BigDecimal(b), scale);
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT " + q)) {
      rs.next();
      assertEquals(expected.toPlainString(), rs.getBigDecimal(1).toPlainString(), q);
    }
  }

  @Test void quotientsKeepEveryPlace() throws Exception {
    // As a DOUBLE division DuckDB gave 1666666684902.7683333333333335 here.
    same("10000000109416.61", 2, "6", 0, 16);
    same("1", 0, "3", 0, 16);
    same("123.456", 3, "-7.1", 1, 10);
  }

  @Test void quotientsRoundHalfAwayFromZero() throws Exception {
    same("-0.01", 2, "200000000000000", 0, 16);
    same("0.01", 2, "200000000000000", 0, 16);
    same("2", 0, "3", 0, 6);
    same("-2", 0, "3", 0, 6);
    same("1.5", 1, "0.25", 2, 6);
  }
}
