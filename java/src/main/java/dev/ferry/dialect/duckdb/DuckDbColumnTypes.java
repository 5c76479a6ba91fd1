package dev.ferry.dialect.duckdb;

import dev.ferry.types.ColumnTypes;

import java.sql.Types;
import java.util.Locale;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.type.SqlTypeName;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * DuckDB's column metadata: no length, precision or fraction digits for temporal and text
 * types, so the type name decides. TIMESTAMP holds microseconds (TIMESTAMP_NS nanoseconds,
 * TIMESTAMP_MS milliseconds, TIMESTAMP_S seconds), TIME microseconds; the unsigned and 128-bit
 * integers are reported as OTHER and become exact decimals.
 */
final class DuckDbColumnTypes extends ColumnTypes {
  @Override public RelDataType type(RelDataTypeFactory f, int jdbcType, @Nullable String typeName,
      int size, int digits) {
    RelDataType t = named(f, jdbcType, typeName);
    return t != null ? t : super.type(f, jdbcType, typeName, size, digits);
  }

  @Override protected RelDataType catalogType(RelDataTypeFactory f, int jdbcType,
      @Nullable String typeName, int size, int digits) {
    String name = typeName == null ? "" : typeName.toUpperCase(Locale.ROOT);
    if (jdbcType == Types.TIMESTAMP_WITH_TIMEZONE || name.equals("TIMESTAMP WITH TIME ZONE")) {
      return f.createSqlType(SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE, 6);
    }
    RelDataType t = named(f, jdbcType, typeName);
    return t != null ? t : super.catalogType(f, jdbcType, typeName, size, digits);
  }

  private static @Nullable RelDataType named(RelDataTypeFactory f, int jdbcType,
      @Nullable String typeName) {
    String name = typeName == null ? "" : typeName.toUpperCase(Locale.ROOT);
    switch (name) {
    case "TIMESTAMP":
      return f.createSqlType(SqlTypeName.TIMESTAMP, 6);
    case "TIMESTAMP_NS":
      return f.createSqlType(SqlTypeName.TIMESTAMP, 9);
    case "TIMESTAMP_MS":
      return f.createSqlType(SqlTypeName.TIMESTAMP, 3);
    case "TIMESTAMP_S":
      return f.createSqlType(SqlTypeName.TIMESTAMP, 0);
    case "TIMESTAMP WITH TIME ZONE":
      // Queries read instants as UTC wall-clock values: the JVM runs in UTC.
      return f.createSqlType(SqlTypeName.TIMESTAMP, 6);
    case "TIME":
      return f.createSqlType(SqlTypeName.TIME, 6);
    case "UBIGINT":
      return f.createSqlType(SqlTypeName.DECIMAL, 20, 0);
    case "HUGEINT":
    case "UHUGEINT":
      return f.createSqlType(SqlTypeName.DECIMAL, 38, 0);
    default:
      return jdbcType == Types.VARCHAR ? f.createSqlType(SqlTypeName.VARCHAR) : null;
    }
  }
}
