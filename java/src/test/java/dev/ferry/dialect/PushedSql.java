package dev.ferry.dialect;

import dev.ferry.types.ExactText;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDialect;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;

/** SQL trees as Ferry's last planning step hands them to an engine's dialect, for its tests. */
public final class PushedSql {
  private static final SqlParserPos POS = SqlParserPos.ZERO;

  private PushedSql() {}

  /** A column. */
  public static SqlNode column(String name) {
    return new SqlIdentifier(name, POS);
  }

  /** A number literal. */
  public static SqlNode number(String value) {
    return SqlLiteral.createExactNumeric(value, POS);
  }

  /** A string literal. */
  public static SqlNode text(String value) {
    return SqlLiteral.createCharString(value, POS);
  }

  /** {@code CAST(CAST(a AS DECIMAL(38, as)) / CAST(b AS DECIMAL(38, bs)) AS DECIMAL(p, s))}. */
  public static SqlCall quotient(SqlNode a, int aScale, SqlNode b, int bScale, int p, int s) {
    SqlNode div = SqlStdOperatorTable.DIVIDE.createCall(POS,
        SqlStdOperatorTable.CAST.createCall(POS, a, DecimalQuotient.decimalSpec(38, aScale)),
        SqlStdOperatorTable.CAST.createCall(POS, b, DecimalQuotient.decimalSpec(38, bScale)));
    return SqlStdOperatorTable.CAST.createCall(POS, div, DecimalQuotient.decimalSpec(p, s));
  }

  /** {@code left op right}, the right side marked; a {@link ExactText#PADDED} mark with its length. */
  public static SqlCall compared(SqlOperator op, SqlNode left, ExactText mark, SqlNode right) {
    SqlNode marked = mark.padSpace()
        ? mark.createCall(POS, right, number("11")) : mark.createCall(POS, right);
    return op.createCall(POS, left, marked);
  }

  /** The SQL {@code node} is in {@code dialect}. */
  public static String sql(SqlNode node, SqlDialect dialect) {
    return node.toSqlString(dialect).getSql();
  }
}
