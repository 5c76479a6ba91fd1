package dev.ferry.types;

import org.apache.calcite.rel.type.RelDataTypeSystemImpl;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Calcite type system wide enough to carry what real databases hold.
 *
 * <p>Calcite's default caps DECIMAL at 19 digits and timestamps at milliseconds; PostgreSQL and
 * MariaDB columns go to 38 digits and microseconds, and a cap would round them silently.
 */
public final class FerryTypeSystem extends RelDataTypeSystemImpl {
  /** The shared instance, named in the Calcite connection's {@code typeSystem} property. */
  public static final FerryTypeSystem INSTANCE = new FerryTypeSystem();

  private FerryTypeSystem() {}

  @Override public int getMaxPrecision(SqlTypeName typeName) {
    switch (typeName) {
    case DECIMAL:
      return 38;
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
    return typeName == SqlTypeName.DECIMAL ? 38 : super.getMaxScale(typeName);
  }

  @Override public boolean shouldConvertRaggedUnionTypesToVarying() {
    return true;
  }
}
