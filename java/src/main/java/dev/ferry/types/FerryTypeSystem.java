package dev.ferry.types;

import java.math.RoundingMode;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeSystemImpl;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Calcite type system wide enough to carry what real databases hold, with one rule for the
 * scale of averages and quotients wherever they are computed.
 *
 * <p>Calcite's default caps DECIMAL at 19 digits and timestamps at milliseconds; PostgreSQL and
 * MariaDB columns go to 38 digits and microseconds, and a cap would round them silently.
 *
 * <p>Averages and decimal quotients (Calcite's default keeps AVG at its argument's scale and
 * truncates) get up to {@link #QUOTIENT_SCALE} decimal places, rounded half away from zero as
 * PostgreSQL, MariaDB, H2 and DuckDB round their casts:
 * <ul>
 *   <li>SUM of DECIMAL(p, s) is DECIMAL(38, s) (Calcite's own rule, kept);</li>
 *   <li>AVG of DECIMAL(p, s), or of an integer type read as DECIMAL(p, 0), is DECIMAL(38, S) with
 *       S = max(s, min(16, 38 - 9 - (p - s))): the sum Calcite divides is cast to that type first,
 *       so 38 - S integer digits leave room for a sum of a billion values of the argument;</li>
 *   <li>a / b with a DECIMAL operand, the quotient having at most d = p1 - s1 + s2 integer
 *       digits, has scale max(6, s1, s2, min(16, 38 - d)) and precision min(38, d + scale).</li>
 * </ul>
 */
public final class FerryTypeSystem extends RelDataTypeSystemImpl {
  /** The shared instance, named in the Calcite connection's {@code typeSystem} property. */
  public static final FerryTypeSystem INSTANCE = new FerryTypeSystem();
  /** Most decimal places an average or a quotient gets (PostgreSQL shows at least 16 digits). */
  public static final int QUOTIENT_SCALE = 16;
  /** Fewest decimal places a quotient gets (the SQL Server rule Calcite's default follows). */
  public static final int MIN_QUOTIENT_SCALE = 6;
  /** Integer digits an average's type keeps beyond its argument's, for the sum it divides. */
  public static final int SUM_HEADROOM = 9;
  private static final int MAX_DECIMAL = 38;

  private FerryTypeSystem() {}

  @Override public int getMaxPrecision(SqlTypeName typeName) {
    switch (typeName) {
    case DECIMAL:
      return MAX_DECIMAL;
    case TIME:
    case TIME_WITH_LOCAL_TIME_ZONE:
    case TIMESTAMP:
    case TIMESTAMP_WITH_LOCAL_TIME_ZONE:
      return 9;
    case VARCHAR:
    case VARBINARY:
      return Integer.MAX_VALUE;
    default:
      return super.getMaxPrecision(typeName);
    }
  }

  @Override public int getMaxScale(SqlTypeName typeName) {
    return typeName == SqlTypeName.DECIMAL ? MAX_DECIMAL : super.getMaxScale(typeName);
  }

  @Override public boolean shouldConvertRaggedUnionTypesToVarying() {
    return true;
  }

  /** Half away from zero, as the databases round a cast to fewer decimal places. */
  @Override public RoundingMode roundingMode() {
    return RoundingMode.HALF_UP;
  }

  /** See the class comment: exact numerics average to DECIMAL(38, S); others keep their type. */
  @Override public RelDataType deriveAvgAggType(RelDataTypeFactory typeFactory, RelDataType argumentType) {
    if (!SqlTypeUtil.isExactNumeric(argumentType)) {
      return argumentType;
    }
    int s = Math.max(0, argumentType.getScale());
    int whole = Math.max(0, digits(argumentType) - s);
    int scale = Math.max(s, Math.min(QUOTIENT_SCALE, MAX_DECIMAL - SUM_HEADROOM - whole));
    return typeFactory.createTypeWithNullability(
        typeFactory.createSqlType(SqlTypeName.DECIMAL, MAX_DECIMAL, Math.min(scale, MAX_DECIMAL)),
        argumentType.isNullable());
  }

  /**
   * The digits an exact type holds: a DECIMAL's precision, an integer type's decimal digits
   * (Calcite's {@code decimalOf} gives BIGINT the widest DECIMAL, 38 digits here).
   */
  private static int digits(RelDataType t) {
    switch (t.getSqlTypeName()) {
    case TINYINT:
      return 3;
    case SMALLINT:
      return 5;
    case INTEGER:
      return 10;
    case BIGINT:
      return 19;
    default:
      return Math.max(1, t.getPrecision());
    }
  }

  /** See the class comment. */
  @Override public @Nullable RelDataType deriveDecimalDivideType(RelDataTypeFactory typeFactory,
      RelDataType type1, RelDataType type2) {
    if (!SqlTypeUtil.isExactNumeric(type1) || !SqlTypeUtil.isExactNumeric(type2)
        || !(SqlTypeUtil.isDecimal(type1) || SqlTypeUtil.isDecimal(type2))) {
      return null;
    }
    int s1 = SqlTypeUtil.isDecimal(type1) ? Math.max(0, type1.getScale()) : 0;
    int s2 = SqlTypeUtil.isDecimal(type2) ? Math.max(0, type2.getScale()) : 0;
    int whole = Math.max(1, digits(type1) - s1 + s2);
    int scale = Math.max(Math.max(MIN_QUOTIENT_SCALE, Math.max(s1, s2)),
        Math.min(QUOTIENT_SCALE, MAX_DECIMAL - whole));
    scale = Math.min(scale, MAX_DECIMAL);
    return typeFactory.createSqlType(SqlTypeName.DECIMAL, Math.min(MAX_DECIMAL, whole + scale), scale);
  }
}
