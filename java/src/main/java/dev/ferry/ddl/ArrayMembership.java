package dev.ferry.ddl;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.fun.SqlQuantifyOperator;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Reads {@code x = ANY (ARRAY[a, b])} (how PostgreSQL prints {@code x IN (a, b)}, its array
 * possibly cast) as {@code x IN (a, b)}, and {@code x <> ALL (ARRAY[…])} as {@code NOT IN}.
 */
public final class ArrayMembership {
  private ArrayMembership() {}

  /** {@code call} as IN or NOT IN when it is a quantified comparison with an array, else null. */
  public static @Nullable SqlNode asIn(SqlCall call) {
    if (!(call.getOperator() instanceof SqlQuantifyOperator q) || call.operandCount() != 2) {
      return null;
    }
    boolean in = q.kind == SqlKind.SOME && q.comparisonKind == SqlKind.EQUALS;
    boolean notIn = q.kind == SqlKind.ALL && q.comparisonKind == SqlKind.NOT_EQUALS;
    SqlNode array = call.operand(1);
    if (array instanceof SqlNodeList l && l.size() == 1) {
      array = l.get(0);
    }
    while (array instanceof SqlCall c && c.getKind() == SqlKind.CAST) {
      array = c.operand(0);
    }
    if (!(in || notIn) || !(array instanceof SqlCall a)
        || a.getKind() != SqlKind.ARRAY_VALUE_CONSTRUCTOR) {
      return null;
    }
    SqlNodeList values = new SqlNodeList(a.getOperandList(), a.getParserPosition());
    return (in ? SqlStdOperatorTable.IN : SqlStdOperatorTable.NOT_IN)
        .createCall(call.getParserPosition(), call.operand(0), SourceReader.plainLiteral(values));
  }
}
