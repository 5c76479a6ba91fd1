package dev.ferry.ddl;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The functions and operators a translation carries between engines: those every supported
 * engine has with the same meaning, as Calcite's standard operators. Anything else is refused
 * by name.
 */
public final class SqlFunctions {
  /** Operators allowed by kind: clauses, logic, comparison, arithmetic, CASE, CAST, aggregates. */
  private static final Set<SqlKind> KINDS = EnumSet.of(SqlKind.SELECT, SqlKind.JOIN, SqlKind.AS,
      SqlKind.ORDER_BY, SqlKind.DESCENDING, SqlKind.NULLS_FIRST, SqlKind.NULLS_LAST, SqlKind.UNION,
      SqlKind.AND, SqlKind.OR, SqlKind.NOT, SqlKind.EQUALS, SqlKind.NOT_EQUALS, SqlKind.LESS_THAN,
      SqlKind.LESS_THAN_OR_EQUAL, SqlKind.GREATER_THAN, SqlKind.GREATER_THAN_OR_EQUAL,
      SqlKind.PLUS, SqlKind.MINUS, SqlKind.TIMES, SqlKind.DIVIDE, SqlKind.MOD,
      SqlKind.MINUS_PREFIX, SqlKind.PLUS_PREFIX, SqlKind.IN, SqlKind.NOT_IN, SqlKind.LIKE,
      SqlKind.IS_NULL, SqlKind.IS_NOT_NULL, SqlKind.CASE, SqlKind.CAST, SqlKind.COALESCE,
      SqlKind.NULLIF, SqlKind.SUM, SqlKind.COUNT, SqlKind.AVG, SqlKind.MIN, SqlKind.MAX,
      SqlKind.EXISTS, SqlKind.SCALAR_QUERY, SqlKind.TRIM, SqlKind.ROW);

  /** Functions allowed by operator (their kind is too broad). */
  private static final Set<SqlOperator> OPERATORS = Set.of(SqlStdOperatorTable.LOWER,
      SqlStdOperatorTable.UPPER, SqlStdOperatorTable.CHAR_LENGTH,
      SqlStdOperatorTable.CHARACTER_LENGTH, SqlStdOperatorTable.OCTET_LENGTH,
      SqlStdOperatorTable.SUBSTRING, SqlStdOperatorTable.CONCAT, SqlStdOperatorTable.ABS,
      SqlStdOperatorTable.REPLACE, SqlStdOperatorTable.CURRENT_TIMESTAMP,
      SqlStdOperatorTable.CURRENT_DATE, SqlStdOperatorTable.CURRENT_TIME,
      SqlStdOperatorTable.LOCALTIMESTAMP, SqlStdOperatorTable.ROUND);

  private SqlFunctions() {}

  /** The shared meaning of function {@code name} (lower case) on {@code operands}, or null. */
  public static @Nullable SqlNode read(String name, List<SqlNode> operands) {
    SqlOperator op = switch (name) {
      case "lower" -> SqlStdOperatorTable.LOWER;
      case "upper" -> SqlStdOperatorTable.UPPER;
      case "length", "char_length", "character_length" -> SqlStdOperatorTable.CHAR_LENGTH;
      case "octet_length" -> SqlStdOperatorTable.OCTET_LENGTH;
      case "substring", "substr" -> SqlStdOperatorTable.SUBSTRING;
      case "coalesce" -> SqlStdOperatorTable.COALESCE;
      case "nullif" -> SqlStdOperatorTable.NULLIF;
      case "abs" -> SqlStdOperatorTable.ABS;
      case "round" -> SqlStdOperatorTable.ROUND;
      case "replace" -> SqlStdOperatorTable.REPLACE;
      case "now" -> SqlStdOperatorTable.CURRENT_TIMESTAMP;
      case "sum" -> SqlStdOperatorTable.SUM;
      case "count" -> SqlStdOperatorTable.COUNT;
      case "avg" -> SqlStdOperatorTable.AVG;
      case "min" -> SqlStdOperatorTable.MIN;
      case "max" -> SqlStdOperatorTable.MAX;
      default -> null;
    };
    if (op == null) {
      return null;
    }
    return op.createCall(SqlParserPos.ZERO, op.getSyntax() == org.apache.calcite.sql.SqlSyntax.FUNCTION_ID
        ? List.of() : operands);
  }

  /** {@link Untranslatable} unless {@code call} is among what translations carry. */
  public static void check(SqlCall call) {
    SqlOperator op = call.getOperator();
    if (!KINDS.contains(call.getKind()) && !OPERATORS.contains(op)) {
      throw new Untranslatable("the " + (op.getKind() == SqlKind.OTHER_FUNCTION
          ? "function " + op.getName().toLowerCase(java.util.Locale.ROOT)
          : "construct " + op.getName() + " (" + call.getKind() + ")"));
    }
  }
}
