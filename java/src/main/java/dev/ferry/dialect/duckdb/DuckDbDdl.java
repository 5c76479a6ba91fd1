package dev.ferry.dialect.duckdb;

import dev.ferry.ddl.Ddl;
import dev.ferry.ddl.ReferentialAction;
import dev.ferry.types.TableName;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.apache.calcite.sql.SqlDialect;
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
  @Override public boolean addsConstraints() {
    return false;
  }

  /** DuckDB refuses CASCADE, SET NULL and SET DEFAULT in a foreign key. */
  @Override public Set<ReferentialAction> referentialActions() {
    return EnumSet.of(ReferentialAction.NO_ACTION, ReferentialAction.RESTRICT);
  }

  @Override public boolean checksForeignKeysWhileLoading() {
    return true;
  }

  @Override public @Nullable String identityType(String type, boolean soleKey) {
    return null;
  }

  @Override public List<String> identityRestart(SqlDialect q, TableName table, String column, String next) {
    // No identity columns: a sequence starting past the copied ids becomes the default.
    TableName seq = new TableName(table.namespace(), table.name() + "_" + column + "_seq");
    return List.of("CREATE SEQUENCE IF NOT EXISTS " + seq.quoted(q) + " START WITH " + next,
        "ALTER TABLE " + table.quoted(q) + " ALTER COLUMN " + q.quoteIdentifier(column)
            + " SET DEFAULT nextval(" + literal(seq.quoted(q)) + ")");
  }

  @Override public List<String> createEnumType(SqlDialect q, TableName name, List<String> values) {
    StringBuilder b = new StringBuilder();
    for (String v : values) {
      b.append(b.length() == 0 ? "" : ", ").append(literal(v));
    }
    return List.of("CREATE TYPE " + name.quoted(q) + " AS ENUM (" + b + ")");
  }

  @Override public @Nullable String enumColumnType(SqlDialect q, TableName name, List<String> values) {
    return name.quoted(q);
  }
}
