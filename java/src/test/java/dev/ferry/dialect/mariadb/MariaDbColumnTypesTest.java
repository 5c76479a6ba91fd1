package dev.ferry.dialect.mariadb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.ferry.types.ColumnTypes;
import dev.ferry.types.LogicalType;
import dev.ferry.types.TypeFamily;

import java.math.BigDecimal;
import java.sql.Types;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.type.SqlTypeFactoryImpl;
import org.junit.jupiter.api.Test;

/** MariaDB's BIT(n): the unsigned integer it holds, BIT(1) a boolean. */
class MariaDbColumnTypesTest {
  private static final ColumnTypes T = new MariaDbColumnTypes();
  private static final RelDataTypeFactory F = new SqlTypeFactoryImpl(T.typeSystem());

  private static String type(int size) {
    return T.type(F, Types.BIT, "BIT", size, 0).getFullTypeString().replace(" NOT NULL", "");
  }

  @Test void bitStringsReadAsUnsignedIntegers() {
    assertEquals("BOOLEAN", type(1));
    assertEquals("BIGINT", type(5));
    assertEquals("BIGINT", type(63));
    assertEquals("DECIMAL(20, 0)", type(64), "2^64 - 1 needs 20 digits");
  }

  @Test void elsewhereABitStringIsItsInteger() {
    assertEquals(new LogicalType(TypeFamily.INTEGER, "BIGINT", null, null, "BIGINT"),
        T.elsewhere(T.logicalType(F, Types.BIT, "BIT", 5, -1)));
    assertEquals(new LogicalType(TypeFamily.DECIMAL, "DECIMAL", 20, 0, "DECIMAL(20, 0)"),
        T.elsewhere(T.logicalType(F, Types.BIT, "BIT", 64, -1)));
    assertNull(T.elsewhere(T.logicalType(F, Types.BIT, "BIT", 1, -1)), "BIT(1) is a boolean everywhere");
  }

  @Test void bit64BytesAreUnsigned() {
    byte[] ones = new byte[8];
    java.util.Arrays.fill(ones, (byte) 0xff);
    assertEquals(new BigDecimal("18446744073709551615"), MariaDbBitResults.unsigned(ones));
    assertEquals(new BigDecimal("9223372036854775808"),
        MariaDbBitResults.unsigned(new byte[] {(byte) 0x80, 0, 0, 0, 0, 0, 0, 0}));
    assertEquals(BigDecimal.ZERO, MariaDbBitResults.unsigned(new byte[8]));
    assertNull(MariaDbBitResults.unsigned(null));
  }
}
