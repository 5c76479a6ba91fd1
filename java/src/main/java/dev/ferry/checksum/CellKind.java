package dev.ferry.checksum;

import java.sql.Types;
import java.util.Locale;

/**
 * How a column's values are read and written as canonical text when rows are compared: one
 * kind per family of values whose text every engine can be brought to agree on.
 */
public enum CellKind {
  INTEGER, DECIMAL, REAL, DOUBLE, BOOLEAN, TEXT, CHAR, BINARY, DATE, TIME, TIMESTAMP,
  TIMESTAMPTZ, OTHER,
  /**
   * A bit string whose driver gives its bytes and whose value Ferry reads as the unsigned integer
   * they make (MariaDB's BIT(n)): written in decimal, as an INTEGER or DECIMAL holding it is.
   */
  BIT_INTEGER;

  /** {@link #of(int, String, int)} for a column whose size does not matter. */
  public static CellKind of(int jdbcType, String typeName) {
    return of(jdbcType, typeName, 0);
  }

  /**
   * The kind of a column from its JDBC type, with the type name and size for drivers' quirks (a
   * bit string, BIT(n) with n > 1, is reported as BIT like a boolean and read as its text of 0s
   * and 1s); a dialect whose driver reports types it cannot be trusted with overrides this.
   */
  public static CellKind of(int jdbcType, String typeName, int size) {
    String n = typeName.toLowerCase(Locale.ROOT);
    switch (jdbcType) {
    case Types.TINYINT: case Types.SMALLINT: case Types.INTEGER: case Types.BIGINT:
      return INTEGER;
    case Types.DECIMAL: case Types.NUMERIC:
      return DECIMAL;
    case Types.REAL:
      return REAL;
    case Types.FLOAT: case Types.DOUBLE:
      // MariaDB reports FLOAT (single precision) as Types.REAL, PostgreSQL float8 as DOUBLE.
      return n.equals("float") || n.equals("float4") ? REAL : DOUBLE;
    case Types.BIT: case Types.BOOLEAN:
      return n.startsWith("bit") && (size > 1 || !n.equals("bit")) ? TEXT : BOOLEAN;
    case Types.CHAR: case Types.NCHAR:
      return CHAR;
    case Types.VARCHAR: case Types.NVARCHAR: case Types.LONGVARCHAR: case Types.LONGNVARCHAR:
    case Types.CLOB: case Types.NCLOB:
      return TEXT;
    case Types.BINARY: case Types.VARBINARY: case Types.LONGVARBINARY: case Types.BLOB:
      return BINARY;
    case Types.DATE:
      return DATE;
    case Types.TIME: case Types.TIME_WITH_TIMEZONE:
      return TIME;
    case Types.TIMESTAMP:
      return n.contains("tz") || n.contains("time zone") ? TIMESTAMPTZ : TIMESTAMP;
    case Types.TIMESTAMP_WITH_TIMEZONE:
      return TIMESTAMPTZ;
    default:
      return OTHER;
    }
  }
}
