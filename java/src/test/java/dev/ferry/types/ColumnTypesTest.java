package dev.ferry.types;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Types;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.type.SqlTypeFactoryImpl;
import org.apache.calcite.sql.type.SqlTypeName;
import org.junit.jupiter.api.Test;

/** JDBC column metadata to Calcite types and to the logical types schema comparison sees. */
class ColumnTypesTest {
  private static final ColumnTypes T = ColumnTypes.DEFAULT;
  private static final RelDataTypeFactory F = new SqlTypeFactoryImpl(T.typeSystem());

  private static RelDataType type(int jdbcType, String name, int size, int digits) {
    return T.type(F, jdbcType, name, size, digits);
  }

  private static LogicalType logical(int jdbcType, String name, int size, int digits) {
    return T.logicalType(F, jdbcType, name, size, digits);
  }

  @Test void decimalsKeepPrecisionAndScale() {
    RelDataType d = type(Types.DECIMAL, "DECIMAL", 38, 10);
    assertEquals(SqlTypeName.DECIMAL, d.getSqlTypeName());
    assertEquals(38, d.getPrecision());
    assertEquals(10, d.getScale());
    assertEquals(new LogicalType(TypeFamily.DECIMAL, "DECIMAL", 38, 10, "DECIMAL(38, 10)"),
        logical(Types.DECIMAL, "DECIMAL", 38, 10));
  }

  @Test void unboundedNumerics() {
    RelDataType d = type(Types.NUMERIC, "numeric", 0, 0);
    assertEquals(38, d.getPrecision());
    assertEquals(ColumnTypes.UNBOUNDED_DECIMAL_SCALE, d.getScale());
    assertEquals(18, type(Types.NUMERIC, "numeric", 1000, 0).getScale(), "PostgreSQL's 1000 digits");
    assertEquals(LogicalType.UNBOUNDED_DECIMAL, logical(Types.NUMERIC, "numeric", 0, 0));
    assertEquals(LogicalType.UNBOUNDED_DECIMAL, logical(Types.NUMERIC, "numeric", 131089, 0));
  }

  @Test void hugeVarcharLengthsMeanUnbounded() {
    assertEquals(new LogicalType(TypeFamily.CHAR, "VARCHAR", 255, null, "VARCHAR(255)"),
        logical(Types.VARCHAR, "varchar", 255, 0));
    assertEquals(new LogicalType(TypeFamily.CHAR, "VARCHAR", null, null, "VARCHAR"),
        logical(Types.VARCHAR, "text", Integer.MAX_VALUE, 0));
    assertEquals(new LogicalType(TypeFamily.CHAR, "VARCHAR", null, null, "VARCHAR"),
        logical(Types.VARCHAR, "CHARACTER VARYING", ColumnTypes.UNBOUNDED_LENGTH, 0));
    assertEquals(new LogicalType(TypeFamily.CHAR, "VARCHAR", 999_999_999, null, "VARCHAR(999999999)"),
        logical(Types.VARCHAR, "varchar", ColumnTypes.UNBOUNDED_LENGTH - 1, 0));
    assertEquals(new LogicalType(TypeFamily.CHAR, "VARCHAR", null, null, "VARCHAR"),
        logical(Types.CLOB, "CLOB", 100, 0), "CLOB is unbounded text");
    assertEquals(new LogicalType(TypeFamily.BINARY, "VARBINARY", null, null, "VARBINARY"),
        logical(Types.BINARY, "bytea", Integer.MAX_VALUE, 0), "bytea is unbounded bytes");
  }

  @Test void bitStringsAreOther() {
    assertEquals(new LogicalType(TypeFamily.OTHER, "BIT", 8, null, "BIT(8)"), logical(Types.BIT, "bit", 8, 0));
    assertEquals(new LogicalType(TypeFamily.OTHER, "VARBIT", 12, null, "VARBIT(12)"), logical(Types.OTHER, "varbit", 12, 0),
        "pgjdbc reports varbit as OTHER; leading zeros make it differ from bit(12)");
    assertEquals(new LogicalType(TypeFamily.OTHER, "VARBIT", null, null, "VARBIT"),
        logical(Types.OTHER, "varbit", Integer.MAX_VALUE, 0), "varbit without a length");
    assertEquals(new LogicalType(TypeFamily.OTHER, "VARBIT", 1, null, "VARBIT(1)"), logical(Types.OTHER, "varbit", 1, 0));
    assertEquals(TypeFamily.BOOLEAN, logical(Types.BIT, "bit", 1, 0).family(), "BIT(1) is a boolean");
    assertEquals(TypeFamily.BOOLEAN, logical(Types.BOOLEAN, "bool", 1, 0).family());
    assertEquals(TypeFamily.BOOLEAN, logical(Types.BIT, "bool", 1, 0).family(), "pgjdbc's boolean");
  }

  @Test void bitStringsReadAsTheirTextByDefault() {
    // A bit string of n > 1 bits is not a boolean: every non-zero value read as true before.
    RelDataType b = type(Types.BIT, "bit", 5, 0);
    assertEquals(SqlTypeName.VARCHAR, b.getSqlTypeName());
    assertEquals(5, b.getPrecision());
    assertEquals(10, type(Types.OTHER, "varbit", 10, 0).getPrecision());
    assertEquals(SqlTypeName.BOOLEAN, type(Types.BIT, "bit", 1, 0).getSqlTypeName());
    assertEquals(SqlTypeName.BOOLEAN, type(Types.BIT, "bool", 1, 0).getSqlTypeName());
    assertEquals(new LogicalType(TypeFamily.CHAR, "VARCHAR", 5, null, "VARCHAR(5)"),
        T.elsewhere(logical(Types.BIT, "bit", 5, 0)), "another engine keeps the text");
    assertEquals(new LogicalType(TypeFamily.CHAR, "VARCHAR", null, null, "VARCHAR"),
        T.elsewhere(logical(Types.OTHER, "varbit", Integer.MAX_VALUE, 0)));
    assertEquals(null, T.elsewhere(logical(Types.OTHER, "jsonb", 0, 0)), "other types: their text, unbounded");
  }

  @Test void temporalFractions() {
    assertEquals(new LogicalType(TypeFamily.TIMESTAMP, "TIMESTAMP", 6, null, "TIMESTAMP(6)"),
        logical(Types.TIMESTAMP, "timestamp", 26, 6));
    assertEquals(new LogicalType(TypeFamily.TIMESTAMP, "TIMESTAMP", 3, null, "TIMESTAMP(3)"),
        logical(Types.TIMESTAMP, "DATETIME", 23, -1), "no DECIMAL_DIGITS: the size says");
    assertEquals(new LogicalType(TypeFamily.TIMESTAMPTZ, "TIMESTAMP_WITH_LOCAL_TIME_ZONE", 6, null,
        "TIMESTAMP(6) WITH LOCAL TIME ZONE"), logical(Types.TIMESTAMP, "timestamptz", 35, 6));
    assertEquals(new LogicalType(TypeFamily.TIME, "TIME_WITH_LOCAL_TIME_ZONE", 0, null,
        "TIME(0) WITH LOCAL TIME ZONE"), logical(Types.TIME, "timetz", 21, 0));
    assertEquals(9, type(Types.TIMESTAMP, "TIMESTAMP", 29, 9).getPrecision());
    assertEquals(6, type(Types.TIMESTAMP, "DATETIME", 26, 0).getPrecision(), "MariaDB's DATETIME(6)");
  }

  @Test void integersAndOthers() {
    assertEquals(new LogicalType(TypeFamily.INTEGER, "BIGINT", null, null, "BIGINT"), logical(Types.BIGINT, "int8", 19, 0));
    assertEquals(new LogicalType(TypeFamily.INTEGER, "UBIGINT", null, null, "BIGINT UNSIGNED"),
        logical(Types.BIGINT, "BIGINT UNSIGNED", 20, 0));
    assertEquals(new LogicalType(TypeFamily.FLOAT, "DOUBLE", null, null, "DOUBLE"), logical(Types.FLOAT, "float8", 17, 0));
    assertEquals(new LogicalType(TypeFamily.OTHER, "UUID", null, null, "UUID"), logical(Types.BINARY, "UUID", 16, 0),
        "H2's UUID is not bytes");
    assertEquals(new LogicalType(TypeFamily.OTHER, "JSONB", null, null, "JSONB"), logical(Types.OTHER, "jsonb", 0, 0));
    assertEquals(SqlTypeName.VARBINARY, type(Types.BLOB, "BLOB", 0, 0).getSqlTypeName());
    assertEquals(SqlTypeName.ANY, type(Types.OTHER, "jsonb", 0, 0).getSqlTypeName());
  }

  @Test void logicalTypesTurnBackIntoCalciteTypes() {
    assertEquals("DECIMAL(38, 18)", LogicalType.UNBOUNDED_DECIMAL.toRelDataType(F, false).getFullTypeString()
        .replace(" NOT NULL", ""));
    RelDataType v = new LogicalType(TypeFamily.CHAR, "VARCHAR", 10, null, "VARCHAR(10)").toRelDataType(F, true);
    assertEquals(SqlTypeName.VARCHAR, v.getSqlTypeName());
    assertEquals(10, v.getPrecision());
    assertEquals(true, v.isNullable());
    assertEquals(SqlTypeName.ANY,
        new LogicalType(TypeFamily.OTHER, "JSONB", null, null, "JSONB").toRelDataType(F, true).getSqlTypeName());
  }
}
