package dev.ferry.dialect.postgres;

import dev.ferry.types.ColumnTypes;

import java.sql.Types;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.type.SqlTypeName;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * PostgreSQL's column metadata: DECIMAL_DIGITS always gives a timestamp's or time's fractional
 * digits, zero included. pgjdbc 42.7 sizes {@code timestamp(0)} 22 wide, as if it had two
 * fraction digits, so the size must not stand in for the fraction as it does where a driver
 * leaves DECIMAL_DIGITS empty (MariaDB's DATETIME(n)).
 */
final class PostgresColumnTypes extends ColumnTypes {
  @Override public RelDataType type(RelDataTypeFactory f, int jdbcType, @Nullable String typeName,
      int size, int digits) {
    if ((jdbcType == Types.TIMESTAMP || jdbcType == Types.TIME) && digits == 0) {
      return f.createSqlType(jdbcType == Types.TIME ? SqlTypeName.TIME : SqlTypeName.TIMESTAMP, 0);
    }
    return super.type(f, jdbcType, typeName, size, digits);
  }
}
