package dev.ferry.dialect.postgres;

import dev.ferry.dialect.DecimalQuotient;
import dev.ferry.dialect.WideDecimals;
import dev.ferry.types.ExactText;
import dev.ferry.types.ExactTextDialect;

import java.sql.DatabaseMetaData;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDialects;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.dialect.PostgresqlSqlDialect;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * Calcite's PostgreSQL dialect, writing a pushed decimal quotient so PostgreSQL computes it to
 * more places than Ferry's type gives it before the cast rounds: PostgreSQL's numeric division
 * keeps at least the dividend's scale, so the dividend is first rounded (that is, extended) to
 * the quotient's scale plus {@link DecimalQuotient#GUARD_DIGITS}. Comparisons of CHAR(n) with
 * a string are marked ({@link ExactText#PADDED}) so they ignore trailing spaces: Calcite casts the
 * column to VARCHAR, which in PostgreSQL drops its padding while the string keeps its own.
 */
final class PostgresSqlDialect extends PostgresqlSqlDialect implements ExactTextDialect {
  PostgresSqlDialect(Context context) {
    super(context);
  }

  /** The dialect for the server {@code md} describes. */
  static PostgresSqlDialect of(DatabaseMetaData md) {
    return new PostgresSqlDialect(WideDecimals.of(SqlDialects.createContext(md)
        .withDataTypeSystem(PostgresqlSqlDialect.POSTGRESQL_TYPE_SYSTEM)));
  }

  /** PostgreSQL sorts and groups by its collation, which Ferry does not change. */
  @Override public boolean marksOrder() {
    return false;
  }

  @Override public void unparseCall(SqlWriter writer, SqlCall call, int leftPrec, int rightPrec) {
    DecimalQuotient q = DecimalQuotient.of(call);
    if (q == null) {
      super.unparseCall(writer, call, leftPrec, rightPrec);
      return;
    }
    SqlParserPos pos = SqlParserPos.ZERO;
    int places = Math.max(q.aScale(), q.scale() + DecimalQuotient.GUARD_DIGITS);
    SqlNode dividend = SqlStdOperatorTable.ROUND.createCall(pos, q.a(),
        SqlLiteral.createExactNumeric(String.valueOf(places), pos));
    SqlCall cast = SqlStdOperatorTable.CAST.createCall(pos,
        SqlStdOperatorTable.DIVIDE.createCall(pos, dividend, q.b()), q.target());
    super.unparseCall(writer, cast, leftPrec, rightPrec);
  }
}
