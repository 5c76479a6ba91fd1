package dev.ferry.dialect;

import org.apache.calcite.rel.type.DelegatingTypeSystem;
import org.apache.calcite.rel.type.RelDataTypeSystem;
import org.apache.calcite.sql.SqlDialect;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * A Calcite SQL dialect's type system with DECIMAL up to 38 digits, as Ferry's own types go.
 *
 * <p>A dialect writes a cast with its type system's precision limit, which is 19 unless the
 * dialect says otherwise: {@code CAST(x AS DECIMAL(38, 16))} went to PostgreSQL as
 * {@code DECIMAL(19, 16)} and overflowed there.
 */
public final class WideDecimals extends DelegatingTypeSystem {
  private static final int MAX = 38;

  private WideDecimals(RelDataTypeSystem base) {
    super(base);
  }

  /** {@code context} with its type system widened to 38-digit decimals. */
  public static SqlDialect.Context of(SqlDialect.Context context) {
    return context.withDataTypeSystem(new WideDecimals(context.dataTypeSystem()));
  }

  @Override public int getMaxPrecision(SqlTypeName typeName) {
    return typeName == SqlTypeName.DECIMAL ? Math.max(MAX, super.getMaxPrecision(typeName))
        : super.getMaxPrecision(typeName);
  }

  @Override public int getMaxScale(SqlTypeName typeName) {
    return typeName == SqlTypeName.DECIMAL ? Math.max(MAX, super.getMaxScale(typeName))
        : super.getMaxScale(typeName);
  }
}
