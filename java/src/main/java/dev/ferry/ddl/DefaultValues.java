package dev.ferry.ddl;

import java.util.function.Function;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNumericLiteral;

/**
 * Sorts a column default, already made neutral, into what a migration does with it: a sequence
 * call makes the column an identity, the clock and literals are written for the target (a
 * literal without its casts), anything else is written like a CHECK condition.
 */
final class DefaultValues {
  private DefaultValues() {}

  /**
   * The translation of default {@code value} of a column that is {@code bool}ean or not, with
   * {@code write} printing neutral SQL.
   */
  static Translation classify(SqlNode value, boolean bool, Function<SqlNode, String> write) {
    SqlNode v = stripCasts(value);
    if (bool && v instanceof SqlNumericLiteral n && n.isInteger()) {
      // MariaDB's and SQLite's booleans are numbers: 0 is false, anything else true.
      v = SqlLiteral.createBoolean(n.intValue(true) != 0, n.getParserPosition());
    }
    if (v instanceof SqlCall c && c.getKind() == SqlKind.NEXT_VALUE) {
      return Translation.identity("drawn from sequence " + c.operand(0)
          + ": not a default, the column is an identity");
    }
    v.accept(new SupportedSql());
    if (v instanceof SqlCall c && c.operandCount() == 0 && SourceReader.clock(c.getOperator().getName()) != null) {
      return Translation.of(Translation.Kind.CLOCK, write.apply(v));
    }
    boolean literal = v instanceof SqlLiteral
        || (v instanceof SqlCall c && c.getKind() == SqlKind.MINUS_PREFIX
            && c.operand(0) instanceof SqlNumericLiteral);
    return Translation.of(literal ? Translation.Kind.LITERAL : Translation.Kind.SQL, write.apply(v));
  }

  /** A literal without the casts around it (a cast's meaning is the column's type). */
  private static SqlNode stripCasts(SqlNode v) {
    SqlNode n = v;
    while (n instanceof SqlCall c && c.getKind() == SqlKind.CAST
        && c.operand(1) instanceof SqlDataTypeSpec
        && (c.operand(0) instanceof SqlLiteral || c.operand(0).getKind() == SqlKind.MINUS_PREFIX)) {
      n = c.operand(0);
      CastType t = CastType.tryOf(c.operand(1));
      if (n instanceof SqlCharStringLiteral s && t != null && t.isNumber()
          && s.getValueAs(String.class).matches("-?\\d+(\\.\\d+)?")) {
        String text = s.getValueAs(String.class);
        SqlNumericLiteral number = SqlLiteral.createExactNumeric(text.replace("-", ""),
            s.getParserPosition());
        n = text.startsWith("-") ? SqlLiteral.createNegative(number, s.getParserPosition()) : number;
      }
    }
    return n;
  }
}
