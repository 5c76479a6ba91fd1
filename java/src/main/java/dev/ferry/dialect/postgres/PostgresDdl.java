package dev.ferry.dialect.postgres;

import dev.ferry.ddl.Ddl;
import dev.ferry.types.TableName;

import java.util.List;
import org.apache.calcite.sql.SqlDialect;
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
  @Override public List<String> createEnumType(SqlDialect q, TableName name, List<String> values) {
    // CREATE TYPE has no IF NOT EXISTS; a type an earlier (resumed) run made is kept.
    return List.of("DO $$ BEGIN CREATE TYPE " + name.quoted(q) + " AS ENUM (" + literals(values)
        + "); EXCEPTION WHEN duplicate_object THEN NULL; END $$");
  }

  @Override public @Nullable String enumColumnType(SqlDialect q, TableName name, List<String> values) {
    return name.quoted(q);
  }

  @Override public boolean partitions() {
    return true;
  }

  @Override public String json(boolean binary) {
    return binary ? "JSONB" : "JSON";
  }

  static String literals(List<String> values) {
    StringBuilder b = new StringBuilder();
    for (String v : values) {
      b.append(b.length() == 0 ? "" : ", ").append(literal(v));
    }
    return b.toString();
  }
}
