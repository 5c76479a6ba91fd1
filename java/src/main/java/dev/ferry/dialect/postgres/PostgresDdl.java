package dev.ferry.dialect.postgres;

import dev.ferry.ddl.Ddl;

import org.checkerframework.checker.nullness.qual.Nullable;

/** PostgreSQL's spelling of the types Ferry creates: NUMERIC, TEXT, BYTEA, TIMESTAMPTZ. */
final class PostgresDdl extends Ddl {
  @Override protected String integer(String sqlType) {
    return sqlType.equals("TINYINT") ? "SMALLINT" : super.integer(sqlType);
  }

  @Override protected String decimal(int p, int s) {
    return "NUMERIC(" + p + ", " + s + ")";
  }

  @Override protected String unboundedDecimal() {
    return "NUMERIC";
  }

  @Override protected String text(boolean fixed, @Nullable Integer length, boolean inKey) {
    return length == null ? "TEXT" : super.text(fixed, length, inKey);
  }

  @Override protected String binary(boolean fixed, @Nullable Integer length, boolean inKey) {
    return "BYTEA";
  }

  @Override protected String time(int fraction, boolean zoned) {
    return (zoned ? "TIMETZ(" : "TIME(") + fraction + ")";
  }

  @Override protected String timestamptz(int fraction) {
    return "TIMESTAMPTZ(" + fraction + ")";
  }
}
