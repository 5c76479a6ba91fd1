package dev.ferry.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.RoundingMode;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.type.SqlTypeFactoryImpl;
import org.apache.calcite.sql.type.SqlTypeName;
import org.junit.jupiter.api.Test;

/** The scale rules for averages and quotients, and the rounding mode, of Ferry's type system. */
class FerryTypeSystemTest {
  private final RelDataTypeFactory f = new SqlTypeFactoryImpl(FerryTypeSystem.INSTANCE);

  private RelDataType decimal(int p, int s) {
    return f.createSqlType(SqlTypeName.DECIMAL, p, s);
  }

  private static String spelled(RelDataType t) {
    return t.getSqlTypeName() + "(" + t.getPrecision() + ", " + t.getScale() + ")";
  }

  private String avg(RelDataType arg) {
    return spelled(FerryTypeSystem.INSTANCE.deriveAvgAggType(f, arg));
  }

  private String quotient(RelDataType a, RelDataType b) {
    RelDataType t = FerryTypeSystem.INSTANCE.deriveDecimalDivideType(f, a, b);
    return t == null ? "none" : spelled(t);
  }

  @Test void averagesGetSixteenPlacesWhereTheSumHasRoom() {
    assertEquals("DECIMAL(38, 16)", avg(decimal(15, 2)));
    assertEquals("DECIMAL(38, 16)", avg(decimal(12, 4)));
    assertEquals("DECIMAL(38, 16)", avg(f.createSqlType(SqlTypeName.INTEGER)));
  }

  @Test void wideArgumentsTradePlacesForTheSumsIntegerDigits() {
    assertEquals("DECIMAL(38, 10)", avg(f.createSqlType(SqlTypeName.BIGINT)));
    assertEquals("DECIMAL(38, 9)", avg(decimal(22, 2)));
    assertEquals("DECIMAL(38, 10)", avg(decimal(38, 10)), "never fewer places than the argument");
  }

  @Test void approximateAveragesKeepTheirType() {
    RelDataType d = f.createSqlType(SqlTypeName.DOUBLE);
    assertEquals(d, FerryTypeSystem.INSTANCE.deriveAvgAggType(f, d));
  }

  @Test void quotientsGetSixteenPlacesWithinThirtyEightDigits() {
    assertEquals("DECIMAL(29, 16)", quotient(decimal(15, 2), f.createSqlType(SqlTypeName.BIGINT)));
    assertEquals("DECIMAL(38, 16)", quotient(decimal(38, 16), decimal(19, 0)));
    assertEquals("DECIMAL(38, 6)", quotient(decimal(38, 2), decimal(19, 0)), "a SUM's quotient");
    assertEquals("DECIMAL(38, 8)", quotient(decimal(38, 8), decimal(38, 4)));
  }

  @Test void integerDivisionIsNotDecimalDivision() {
    assertNull(FerryTypeSystem.INSTANCE.deriveDecimalDivideType(f,
        f.createSqlType(SqlTypeName.INTEGER), f.createSqlType(SqlTypeName.BIGINT)));
    assertEquals("none", quotient(decimal(10, 2), f.createSqlType(SqlTypeName.DOUBLE)));
  }

  @Test void roundsHalfAwayFromZero() {
    assertEquals(RoundingMode.HALF_UP, FerryTypeSystem.INSTANCE.roundingMode());
  }
}
