package dev.ferry.dialect.mariadb;

import dev.ferry.types.ColumnTypes;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.type.SqlTypeName;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * MariaDB (and MySQL through MariaDB's driver): TIME without fraction is 10 characters wide
 * ({@code -838:59:59}); YEAR is reported as DATE but holds a number.
 */
final class MariaDbColumnTypes extends ColumnTypes {
  @Override protected int timeWidth() {
    return 10;
  }

  @Override protected RelDataType catalogType(RelDataTypeFactory f, int jdbcType,
      @Nullable String typeName, int size, int digits) {
    if ("YEAR".equalsIgnoreCase(typeName)) {
      return f.createSqlType(SqlTypeName.SMALLINT);
    }
    return super.catalogType(f, jdbcType, typeName, size, digits);
  }
}
