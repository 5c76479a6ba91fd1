package dev.ferry.federation;

import dev.ferry.types.ExactDivision;
import dev.ferry.types.ColumnTypes;
import dev.ferry.types.ExactText;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.fun.SqlTrimFunction;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;

/**
 * The expression rewrites of {@link SourceSemantics}: one for what Calcite's runtime evaluates,
 * one for what a database does.
 */
final class SemanticExpressions {
  private SemanticExpressions() {}

  /**
   * For Calcite's runtime: a decimal division becomes {@link ExactDivision} (Calcite's own keeps
   * 16 significant digits), and a CHAR(n) value cast to VARCHAR loses its trailing spaces, as
   * PostgreSQL's cast does, so comparing CHAR with a string ignores the padding.
   */
  static RexShuttle inCalcite(RexBuilder rex) {
    return new RexShuttle() {
      @Override public RexNode visitCall(RexCall call) {
        RexCall c = (RexCall) super.visitCall(call);
        if (decimalDivision(c)) {
          return rex.makeCall(c.getType(), ExactDivision.FUNCTION, List.of(
              asDecimal(rex, c.operands.get(0)), asDecimal(rex, c.operands.get(1)),
              rex.makeExactLiteral(BigDecimal.valueOf(c.getType().getScale()))));
        }
        if (c.getKind() == SqlKind.CAST && c.getType().getSqlTypeName() == SqlTypeName.VARCHAR
            && c.operands.get(0).getType().getSqlTypeName() == SqlTypeName.CHAR) {
          RexNode trimmed = rex.makeCall(SqlStdOperatorTable.TRIM,
              rex.makeFlag(SqlTrimFunction.Flag.TRAILING), rex.makeLiteral(" "), c.operands.get(0));
          return rex.makeAbstractCast(c.getType(), trimmed);
        }
        return c;
      }
    };
  }

  /**
   * For a database: a decimal division is cast to its result type with both operands' types
   * spelled out ({@code dev.ferry.dialect.DecimalQuotient} reads them), and, when {@code marks},
   * the right-hand side of a string comparison (IN lists expanded) is marked {@link ExactText}.
   */
  static RexShuttle inSource(RexBuilder rex, boolean marks) {
    return new RexShuttle() {
      @Override public RexNode visitCall(RexCall call) {
        if (marks && call.getKind() == SqlKind.SEARCH
            && SqlTypeUtil.inCharFamily(call.operands.get(0).getType())) {
          return RexUtil.expandSearch(rex, null, call).accept(this);
        }
        RexCall c = (RexCall) super.visitCall(call);
        if (decimalDivision(c)) {
          RexNode quotient = rex.makeCall(SqlStdOperatorTable.DIVIDE,
              explicitDecimal(rex, c.operands.get(0)), explicitDecimal(rex, c.operands.get(1)));
          return rex.makeAbstractCast(c.getType(), quotient);
        }
        if (marks && comparison(c.getKind()) && c.operands.size() >= 2
            && SqlTypeUtil.inCharFamily(c.operands.get(0).getType())
            && SqlTypeUtil.inCharFamily(c.operands.get(1).getType())) {
          // LIKE compares character by character, padding or not.
          boolean pad = c.getKind() != SqlKind.LIKE
              && (padded(c.operands.get(0)) || padded(c.operands.get(1)));
          List<RexNode> operands = new ArrayList<>(c.operands);
          RexNode right = operands.get(1);
          int length = Math.max(declaredLength(c.operands.get(0)), declaredLength(right));
          operands.set(1, pad && length > 0
              ? rex.makeCall(right.getType(), ExactText.PADDED,
                  List.of(right, rex.makeExactLiteral(BigDecimal.valueOf(length))))
              : rex.makeCall(right.getType(), pad ? ExactText.PADDED : ExactText.EXACT,
                  List.of(right)));
          return c.clone(c.getType(), operands);
        }
        return c;
      }
    };
  }

  private static boolean decimalDivision(RexCall call) {
    return call.getKind() == SqlKind.DIVIDE && call.operands.size() == 2
        && call.getType().getSqlTypeName() == SqlTypeName.DECIMAL;
  }

  private static RexNode asDecimal(RexBuilder rex, RexNode e) {
    RelDataType t = e.getType();
    if (t.getSqlTypeName() == SqlTypeName.DECIMAL) {
      return e;
    }
    RelDataTypeFactory f = rex.getTypeFactory();
    return rex.makeAbstractCast(f.createTypeWithNullability(f.decimalOf(t), t.isNullable()), e);
  }

  /** The operand cast to its own decimal type, so the SQL tree carries its scale. */
  private static RexNode explicitDecimal(RexBuilder rex, RexNode e) {
    RexNode d = asDecimal(rex, e);
    return d != e ? d : rex.makeAbstractCast(e.getType(), e);
  }

  private static boolean comparison(SqlKind k) {
    return switch (k) {
      case EQUALS, NOT_EQUALS, LESS_THAN, LESS_THAN_OR_EQUAL, GREATER_THAN,
          GREATER_THAN_OR_EQUAL, LIKE -> true;
      default -> false;
    };
  }

  /** The declared length of a string operand (under a cast to VARCHAR), or -1 when unbounded. */
  private static int declaredLength(RexNode e) {
    RexNode inner = e.getKind() == SqlKind.CAST ? ((RexCall) e).operands.get(0) : e;
    int n = Math.max(e.getType().getPrecision(), inner.getType().getPrecision());
    return n > 0 && n < ColumnTypes.UNBOUNDED_LENGTH ? n : -1;
  }

  /** Whether a string operand is CHAR(n), or CHAR(n) cast to a string (how Calcite compares it). */
  private static boolean padded(RexNode e) {
    if (e.getType().getSqlTypeName() == SqlTypeName.CHAR) {
      return !(e instanceof RexLiteral);
    }
    return e.getKind() == SqlKind.CAST
        && ((RexCall) e).operands.get(0).getType().getSqlTypeName() == SqlTypeName.CHAR;
  }
}
