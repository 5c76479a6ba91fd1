package dev.ferry.dialect.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ferry.types.FerryTypeSystem;

import java.sql.Types;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.type.SqlTypeFactoryImpl;
import org.junit.jupiter.api.Test;

/** SQLite's declared types as its driver reports them, read as Calcite types. */
class SqliteColumnTypesTest {
  private final RelDataTypeFactory f = new SqlTypeFactoryImpl(FerryTypeSystem.INSTANCE);
  private final SqliteColumnTypes types = new SqliteColumnTypes();

  private String type(int jdbcType, String name, int size, int digits) {
    RelDataType t = types.type(f, jdbcType, name, size, digits);
    return t.getFullTypeString().replace(" NOT NULL", "").replace(" CHARACTER SET \"ISO-8859-1\"", "")
        .replace(" COLLATE \"ISO-8859-1$en_US$primary\"", "");
  }

  @Test void charKeepsItsLengthAsChar() {
    assertEquals("CHAR(10)", type(Types.VARCHAR, "CHAR", 10, 0));
    assertEquals("CHAR(3)", type(Types.VARCHAR, "CHARACTER", 3, 0));
    assertEquals("VARCHAR(20)", type(Types.VARCHAR, "VARCHAR", 20, 0));
    assertEquals("VARCHAR(2000000000)", type(Types.VARCHAR, "CHAR", 2_000_000_000, 0),
        "CHAR without a length stays text");
  }

  @Test void aDecimalsReportedSizeIsPrecisionPlusScale() {
    assertEquals("DECIMAL(15, 2)", type(Types.FLOAT, "DECIMAL", 17, 2));
    assertEquals("DECIMAL(38, 10)", type(Types.FLOAT, "NUMERIC", 48, 10));
    assertEquals("DECIMAL(5, 0)", type(Types.FLOAT, "DECIMAL", 5, 0));
    assertEquals("DECIMAL(12, 4)", type(Types.FLOAT, "DECIMAL(12,4)", 16, 4), "spelled in the name");
  }
}
