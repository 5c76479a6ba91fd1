package dev.ferry.dialect.duckdb;

import dev.ferry.dialect.DecimalQuotient;
import dev.ferry.dialect.WideDecimals;

import java.math.BigInteger;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.dialect.PostgresqlSqlDialect;

/**
 * Calcite's PostgreSQL dialect (DuckDB reads PostgreSQL's SQL), writing a pushed decimal
 * quotient in integer arithmetic: DuckDB divides DECIMALs as DOUBLEs, which keeps about 16
 * significant digits. Both operands are scaled to HUGEINTs N and D with
 * {@code quotient * 10^s = N / D}; the quotient is {@code N // D}, rounded half away from zero
 * by the remainder, and scaled back by a DECIMAL multiplication, which DuckDB does exactly. A
 * dividend whose unscaled value needs more than 38 digits after scaling fails with DuckDB's
 * overflow error rather than losing digits.
 */
final class DuckDbSqlDialect extends PostgresqlSqlDialect {
  /** The one instance: DuckDB needs nothing from a connection's metadata. */
  static final DuckDbSqlDialect INSTANCE = new DuckDbSqlDialect();

  private DuckDbSqlDialect() {
    super(WideDecimals.of(PostgresqlSqlDialect.DEFAULT_CONTEXT));
  }

  @Override public void unparseCall(SqlWriter writer, SqlCall call, int leftPrec, int rightPrec) {
    DecimalQuotient q = DecimalQuotient.of(call);
    if (q == null) {
      super.unparseCall(writer, call, leftPrec, rightPrec);
      return;
    }
    int shift = q.scale() + q.bScale() - q.aScale();
    Runnable n = () -> integer(writer, q, true, Math.max(0, shift));
    Runnable d = () -> integer(writer, q, false, Math.max(0, -shift));
    writer.print("CAST(CAST(");
    writer.print("(");
    n.run();
    writer.print(" // ");
    d.run();
    writer.print(") + CASE WHEN 2 * ABS(");
    n.run();
    writer.print(" % ");
    d.run();
    writer.print(") >= ABS(");
    d.run();
    writer.print(") THEN SIGN(");
    n.run();
    writer.print(") * SIGN(");
    d.run();
    writer.print(") ELSE 0 END AS DECIMAL(38, 0))");
    if (q.scale() > 0) {
      writer.print(" * CAST('0." + "0".repeat(q.scale() - 1) + "1' AS DECIMAL(" + (q.scale() + 1)
          + ", " + q.scale() + "))");
    }
    writer.print(" AS ");
    q.target().unparse(writer, 0, 0);
    writer.print(")");
  }

  /**
   * An operand as the HUGEINT of its unscaled value times {@code 10^extra}: DuckDB prints a
   * DECIMAL(38, s) with all s places, so the text without its point is the unscaled value (a
   * multiplication by 10^s would keep the scale and overflow 38 digits).
   */
  private static void integer(SqlWriter writer, DecimalQuotient q, boolean dividend, int extra) {
    int scale = dividend ? q.aScale() : q.bScale();
    writer.print("(CAST(REPLACE(CAST(CAST(");
    (dividend ? q.a() : q.b()).unparse(writer, 0, 0);
    writer.print(" AS DECIMAL(38, " + scale + ")) AS VARCHAR), '.', '') AS HUGEINT)");
    if (extra > 0) {
      writer.print(" * " + power(extra));
    }
    writer.print(")");
  }

  private static String power(int exponent) {
    return "CAST('" + BigInteger.TEN.pow(exponent) + "' AS HUGEINT)";
  }
}
