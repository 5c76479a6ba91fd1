package dev.ferry.ddl;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlNumericLiteral;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlUnresolvedFunction;
import org.apache.calcite.sql.fun.SqlBetweenOperator;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.util.SqlShuttle;
import org.apache.calcite.util.DateString;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Turns a parse of one engine's SQL into neutral SQL: functions Calcite does not know resolved
 * (the engine's own reading first, then the shared one), the current date and time in one
 * spelling, BETWEEN as two comparisons (targets differ on {@code ASYMMETRIC}), casts of
 * literals that change nothing removed and string casts to DATE as DATE literals.
 */
final class SourceReader extends SqlShuttle {
  /** The niladic clock functions, as bare names or called with empty parentheses. */
  private static final Set<String> CLOCK = Set.of("current_timestamp", "current_date",
      "current_time", "localtimestamp", "localtime");
  private static final Set<SqlKind> COMPARISONS = Set.of(SqlKind.EQUALS, SqlKind.NOT_EQUALS,
      SqlKind.LESS_THAN, SqlKind.LESS_THAN_OR_EQUAL, SqlKind.GREATER_THAN,
      SqlKind.GREATER_THAN_OR_EQUAL, SqlKind.IN, SqlKind.NOT_IN);

  private final SqlSpelling spelling;

  SourceReader(SqlSpelling spelling) {
    this.spelling = spelling;
  }

  @Override public SqlNode visit(SqlIdentifier id) {
    if (id.isSimple() && !id.isComponentQuoted(0)) {
      SqlNode clock = clock(id.getSimple());
      if (clock != null) {
        return clock;
      }
    }
    return id;
  }

  @Override public @Nullable SqlNode visit(SqlCall call) {
    SqlNode visited = super.visit(call);
    if (!(visited instanceof SqlCall c)) {
      return visited;
    }
    SqlOperator op = c.getOperator();
    String name = op.getName().toLowerCase(Locale.ROOT);
    SqlNode out = c;
    if (c.operandCount() == 0 && clock(name) != null) {
      out = clock(name);
    } else if (op instanceof SqlUnresolvedFunction) {
      List<SqlNode> operands = c.getOperandList();
      out = spelling.readFunction(name, operands);
      if (out == null) {
        out = SqlFunctions.read(name, operands);
      }
      if (out == null) {
        throw new Untranslatable("the function " + name);
      }
      if (c.getFunctionQuantifier() != null && out instanceof SqlCall r) {
        out = r.getOperator().createCall(c.getFunctionQuantifier(), r.getParserPosition(),
            r.getOperandList().toArray(new SqlNode[0]));
      }
    } else if (c.getKind() == SqlKind.BETWEEN) {
      out = between(c);
    } else if (c.getKind() == SqlKind.CAST) {
      out = cast(c);
    }
    if (out instanceof SqlCall oc) {
      out = spelling.read(oc);
    }
    if (out instanceof SqlCall oc && COMPARISONS.contains(oc.getKind())) {
      for (int i = 0; i < oc.operandCount(); i++) {
        oc.setOperand(i, plainLiteral(oc.operand(i)));
      }
    }
    return out;
  }

  /** The clock function {@code name} (lower case) as a standard call, or null. */
  static @Nullable SqlNode clock(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    if (!CLOCK.contains(n)) {
      return null;
    }
    SqlOperator op = switch (n) {
      case "current_date" -> SqlStdOperatorTable.CURRENT_DATE;
      case "current_time" -> SqlStdOperatorTable.CURRENT_TIME;
      case "localtimestamp" -> SqlStdOperatorTable.LOCALTIMESTAMP;
      case "localtime" -> SqlStdOperatorTable.LOCALTIME;
      default -> SqlStdOperatorTable.CURRENT_TIMESTAMP;
    };
    return op.createCall(SqlParserPos.ZERO);
  }

  /** {@code x BETWEEN a AND b} as {@code x >= a AND x <= b}. */
  private static SqlNode between(SqlCall c) {
    SqlParserPos p = c.getParserPosition();
    SqlNode both = SqlStdOperatorTable.AND.createCall(p,
        SqlStdOperatorTable.GREATER_THAN_OR_EQUAL.createCall(p, c.operand(0), c.operand(1)),
        SqlStdOperatorTable.LESS_THAN_OR_EQUAL.createCall(p, c.operand(0), c.operand(2)));
    return ((SqlBetweenOperator) c.getOperator()).isNegated() ? SqlStdOperatorTable.NOT.createCall(p, both) : both;
  }

  /** A cast of a string to text dropped, of a date string to DATE as a DATE literal. */
  private static SqlNode cast(SqlCall c) {
    CastType t = CastType.tryOf((SqlDataTypeSpec) c.operand(1));
    SqlNode v = c.operand(0);
    if (t != null && v instanceof SqlCharStringLiteral s) {
      String text = s.getValueAs(String.class);
      if (t.isText() && t.precision() == null) {
        return v;
      }
      if (t.name() == SqlTypeName.DATE && text.matches("\\d{4}-\\d{2}-\\d{2}")) {
        return SqlLiteral.createDate(new DateString(text), c.getParserPosition());
      }
    }
    return c;
  }

  /**
   * {@code node} without a cast of a number to a number type, or a list of such: in a
   * comparison the cast changes nothing.
   */
  static SqlNode plainLiteral(SqlNode node) {
    if (node instanceof SqlNodeList list) {
      for (int i = 0; i < list.size(); i++) {
        list.set(i, plainLiteral(list.get(i)));
      }
      return list;
    }
    if (node instanceof SqlBasicCall c && c.getKind() == SqlKind.CAST
        && c.operand(0) instanceof SqlNumericLiteral) {
      CastType t = CastType.tryOf((SqlDataTypeSpec) c.operand(1));
      if (t != null && t.isNumber()) {
        return c.operand(0);
      }
    }
    return node;
  }
}
