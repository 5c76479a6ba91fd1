package dev.ferry.dialect.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ferry.types.ColumnTypes;

import java.sql.Types;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.type.SqlTypeFactoryImpl;
import org.junit.jupiter.api.Test;

/** pgjdbc's column sizes and digits for timestamps and times, as Calcite types. */
class PostgresColumnTypesTest {
  private static final ColumnTypes T = new PostgresColumnTypes();
  private static final RelDataTypeFactory F = new SqlTypeFactoryImpl(T.typeSystem());

  private static int fraction(int jdbcType, String name, int size, int digits) {
    return T.type(F, jdbcType, name, size, digits).getPrecision();
  }

  @Test void fractionDigitsComeFromDecimalDigits() {
    // What pgjdbc 42.7 reports for timestamp(0), timestamp(1), timestamp(2), timestamp, time(0).
    assertEquals(0, fraction(Types.TIMESTAMP, "timestamp", 22, 0), "timestamp(0) is sized 22");
    assertEquals(1, fraction(Types.TIMESTAMP, "timestamp", 25, 1));
    assertEquals(2, fraction(Types.TIMESTAMP, "timestamp", 25, 2));
    assertEquals(6, fraction(Types.TIMESTAMP, "timestamp", 29, 6));
    assertEquals(0, fraction(Types.TIME, "time", 8, 0));
    assertEquals(Integer.valueOf(0), T.logicalType(F, Types.TIMESTAMP, "timestamp", 22, 0).precision());
  }

  @Test void bitStringsAreTheirTextAndBooleansStayBoolean() {
    // What pgjdbc reports for bit(5), varbit(10), bit(1) and boolean.
    assertEquals("VARCHAR(5)", T.type(F, Types.BIT, "bit", 5, 0).getFullTypeString().replace(" NOT NULL", ""));
    assertEquals("VARCHAR(10)", T.type(F, Types.OTHER, "varbit", 10, 0).getFullTypeString().replace(" NOT NULL", ""));
    assertEquals("BOOLEAN", T.type(F, Types.BIT, "bit", 1, 0).getFullTypeString().replace(" NOT NULL", ""));
    assertEquals("BOOLEAN", T.type(F, Types.BIT, "bool", 1, 0).getFullTypeString().replace(" NOT NULL", ""));
  }
}
