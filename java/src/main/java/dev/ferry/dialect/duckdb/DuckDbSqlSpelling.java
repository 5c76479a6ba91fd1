package dev.ferry.dialect.duckdb;

import dev.ferry.ddl.ArrayMembership;
import dev.ferry.ddl.CastType;
import dev.ferry.ddl.ColonCasts;
import dev.ferry.ddl.SqlSpelling;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlNode;

/**
 * DuckDB's SQL: PostgreSQL's {@code ::} casts and {@code = ANY (ARRAY[…])} are read; casts are
 * written with DuckDB's type names (VARCHAR, DOUBLE).
 */
final class DuckDbSqlSpelling extends SqlSpelling {
  @Override public String prepare(String sql) {
    return ColonCasts.rewrite(sql);
  }

  @Override public SqlNode read(SqlCall call) {
    SqlNode in = ArrayMembership.asIn(call);
    return in == null ? call : in;
  }

  @Override public String castType(CastType t) {
    return switch (t.name()) {
      case CHAR, VARCHAR -> "VARCHAR";
      case DOUBLE, FLOAT -> "DOUBLE";
      default -> super.castType(t);
    };
  }
}
