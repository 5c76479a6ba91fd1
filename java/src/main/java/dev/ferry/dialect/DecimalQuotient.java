package dev.ferry.dialect;

import org.apache.calcite.sql.SqlBasicTypeNameSpec;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A decimal division as Ferry pushes it into a database,
 * {@code CAST(CAST(a AS DECIMAL(pa, sa)) / CAST(b AS DECIMAL(pb, sb)) AS DECIMAL(p, s))}, read
 * back from the SQL tree so an engine's SQL dialect can write it in a form its arithmetic
 * computes to {@code s} places (the planner's last step spells every type out for it).
 *
 * @param a the dividend, without its cast
 * @param aScale the dividend's scale
 * @param b the divisor, without its cast
 * @param bScale the divisor's scale
 * @param precision the quotient's precision
 * @param scale the quotient's scale: the engine must round to it half away from zero
 * @param target the quotient's type as the SQL tree spells it
 */
public record DecimalQuotient(SqlNode a, int aScale, SqlNode b, int bScale, int precision,
    int scale, SqlDataTypeSpec target) {
  /** Extra places an engine should compute before rounding to {@link #scale}. */
  public static final int GUARD_DIGITS = 10;

  /** The quotient {@code call} is, or null when it is no such cast of a division. */
  public static @Nullable DecimalQuotient of(SqlCall call) {
    if (call.getKind() != SqlKind.CAST || call.operandCount() != 2
        || !(call.operand(0) instanceof SqlCall div) || div.getKind() != SqlKind.DIVIDE
        || !(call.operand(1) instanceof SqlDataTypeSpec target)) {
      return null;
    }
    SqlBasicTypeNameSpec t = decimal(target);
    SqlCall a = decimalCast(div.operand(0));
    SqlCall b = decimalCast(div.operand(1));
    if (t == null || a == null || b == null) {
      return null;
    }
    return new DecimalQuotient(a.operand(0), scaleOf(a), b.operand(0), scaleOf(b),
        t.getPrecision(), Math.max(0, t.getScale()), target);
  }

  /** A DECIMAL type for a cast: {@code DECIMAL(precision, scale)}. */
  public static SqlDataTypeSpec decimalSpec(int precision, int scale) {
    return new SqlDataTypeSpec(new SqlBasicTypeNameSpec(SqlTypeName.DECIMAL, precision, scale,
        SqlParserPos.ZERO), SqlParserPos.ZERO);
  }

  private static @Nullable SqlCall decimalCast(SqlNode n) {
    return n instanceof SqlCall c && c.getKind() == SqlKind.CAST && c.operandCount() == 2
        && c.operand(1) instanceof SqlDataTypeSpec s && decimal(s) != null ? c : null;
  }

  private static int scaleOf(SqlCall cast) {
    SqlBasicTypeNameSpec t = decimal((SqlDataTypeSpec) cast.operand(1));
    return t == null ? 0 : Math.max(0, t.getScale());
  }

  private static @Nullable SqlBasicTypeNameSpec decimal(SqlDataTypeSpec spec) {
    return spec.getTypeNameSpec() instanceof SqlBasicTypeNameSpec b
        && (b.getTypeName().getSimple().equalsIgnoreCase("DECIMAL")
            || b.getTypeName().getSimple().equalsIgnoreCase("NUMERIC")) ? b : null;
  }
}
