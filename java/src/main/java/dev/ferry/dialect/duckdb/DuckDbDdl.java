package dev.ferry.dialect.duckdb;

import dev.ferry.ddl.Ddl;

import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * DuckDB's spelling of the types Ferry creates: VARCHAR without a length (DuckDB ignores one),
 * BLOB, TIME and TIMESTAMP with microseconds (neither takes a precision), TIMESTAMPTZ, and its
 * unsigned integers for unsigned sources.
 */
final class DuckDbDdl extends Ddl {
  @Override protected String integer(String sqlType) {
    return switch (sqlType) {
      case "UTINYINT", "USMALLINT", "UINTEGER", "UBIGINT" -> sqlType;
      default -> super.integer(sqlType);
    };
  }

  @Override protected String floating(boolean single) {
    return single ? "REAL" : "DOUBLE";
  }

  @Override protected String text(boolean fixed, @Nullable Integer length, boolean inKey) {
    return "VARCHAR";
  }

  @Override protected String binary(boolean fixed, @Nullable Integer length, boolean inKey) {
    return "BLOB";
  }

  @Override protected String time(int fraction, boolean zoned) {
    return zoned ? "TIMETZ" : "TIME";
  }

  @Override protected String timestamp(int fraction) {
    return "TIMESTAMP";
  }

  @Override protected String timestamptz(int fraction) {
    return "TIMESTAMPTZ";
  }
}
