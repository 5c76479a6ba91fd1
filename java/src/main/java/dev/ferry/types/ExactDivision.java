package dev.ferry.types;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.apache.calcite.linq4j.function.Strict;
import org.apache.calcite.schema.impl.ScalarFunctionImpl;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.InferTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.validate.SqlUserDefinedFunction;

/**
 * Decimal division as Ferry's type system promises it, for the divisions Calcite runs itself.
 *
 * <p>Calcite's own runtime divides decimals to 16 significant digits ({@code MathContext.DECIMAL64})
 * and then pads or cuts to the result's scale, so a quotient of 27354.1575 typed DECIMAL(38, 16)
 * came back with wrong digits and a large sum divided by a count lost its last ones. This
 * divides exactly to the scale of the result type and rounds half away from zero, the value a
 * database computes for {@code CAST(a / b AS DECIMAL(p, s))}.
 */
public final class ExactDivision {
  private ExactDivision() {}

  /** {@code a / b} rounded half away from zero to {@code scale} places; null when either is. */
  @Strict
  public static BigDecimal divide(BigDecimal a, BigDecimal b, int scale) {
    return a.divide(b, scale, RoundingMode.HALF_UP);
  }

  /**
   * The function Calcite's generated code calls for {@link #divide}: operands DECIMAL, DECIMAL and
   * the scale as an INTEGER literal; calls are made with their result type given.
   */
  public static final SqlFunction FUNCTION = new SqlUserDefinedFunction(
      new SqlIdentifier("FERRY_DIVIDE", SqlParserPos.ZERO), SqlKind.OTHER_FUNCTION,
      ReturnTypes.ARG0, InferTypes.RETURN_TYPE, null,
      ScalarFunctionImpl.create(ExactDivision.class, "divide"));
}
