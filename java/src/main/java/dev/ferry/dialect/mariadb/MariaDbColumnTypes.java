package dev.ferry.dialect.mariadb;

import dev.ferry.types.ColumnTypes;
import dev.ferry.types.LogicalType;
import dev.ferry.types.TypeFamily;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.type.SqlTypeName;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * MariaDB (and MySQL through MariaDB's driver): TIME without fraction is 10 characters wide
 * ({@code -838:59:59}); YEAR is reported as DATE but holds a number.
 *
 * <p>BIT(n) with n > 1 reads as its unsigned integer, the number MariaDB itself shows for
 * {@code b + 0} and takes in {@code WHERE b = 31}: BIGINT up to 63 bits, DECIMAL(20, 0) for
 * BIT(64), whose values go past BIGINT ({@link MariaDbBitResults} reads those unsigned). BIT(1)
 * stays a boolean.
 */
final class MariaDbColumnTypes extends ColumnTypes {
  /** The widest BIT(n) whose values all fit a signed BIGINT. */
  static final int BIGINT_BITS = 63;

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

  @Override protected RelDataType bits(RelDataTypeFactory f, int size) {
    return size <= BIGINT_BITS ? f.createSqlType(SqlTypeName.BIGINT)
        : f.createSqlType(SqlTypeName.DECIMAL, 20, 0);
  }

  /** BIT(n) elsewhere is the integer it reads as: BIGINT, or DECIMAL(20, 0) for BIT(64). */
  @Override public @Nullable LogicalType elsewhere(LogicalType t) {
    if (t.family() != TypeFamily.OTHER || !t.sqlType().equals("BIT") || t.precision() == null) {
      return super.elsewhere(t);
    }
    return t.precision() <= BIGINT_BITS
        ? new LogicalType(TypeFamily.INTEGER, "BIGINT", null, null, "BIGINT")
        : new LogicalType(TypeFamily.DECIMAL, "DECIMAL", 20, 0, "DECIMAL(20, 0)");
  }
}
