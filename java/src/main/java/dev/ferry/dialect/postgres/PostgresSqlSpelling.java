package dev.ferry.dialect.postgres;

import dev.ferry.ddl.ArrayMembership;
import dev.ferry.ddl.CastType;
import dev.ferry.ddl.ColonCasts;
import dev.ferry.ddl.SqlSpelling;
import dev.ferry.ddl.SqlText;

import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * PostgreSQL's SQL as {@code pg_get_viewdef} and {@code pg_get_constraintdef} print it:
 * {@code ::} casts, {@code = ANY (ARRAY[…])} for IN lists, {@code (col)::text} around varchar
 * columns, {@code nextval('seq'::regclass)} for serial columns; NUMERIC in casts.
 */
final class PostgresSqlSpelling extends SqlSpelling {
  /** {@code ::} casts as CAST, the {@code ~~} operators as LIKE (ILIKE's are left to be refused). */
  @Override public String prepare(String sql) {
    return ColonCasts.rewrite(SqlText.map(sql, false,
        t -> t.replaceAll("!~~(?!\\*)", " NOT LIKE ").replaceAll("(?<![!~])~~(?!\\*)", " LIKE "), s -> s));
  }

  /** {@code nextval('seq'::regclass)} as {@code NEXT VALUE FOR seq}. */
  @Override public @Nullable SqlNode readFunction(String name, List<SqlNode> operands) {
    if (!name.equals("nextval") || operands.size() != 1) {
      return null;
    }
    SqlNode seq = operands.get(0);
    while (seq instanceof SqlCall c && c.getKind() == SqlKind.CAST) {
      seq = c.operand(0);
    }
    return seq instanceof SqlCharStringLiteral s
        ? SqlStdOperatorTable.NEXT_VALUE.createCall(SqlParserPos.ZERO,
            new SqlIdentifier(s.getValueAs(String.class), SqlParserPos.ZERO))
        : null;
  }

  /** IN lists back from arrays; the text casts PostgreSQL adds around columns dropped. */
  @Override public SqlNode read(SqlCall call) {
    SqlNode in = ArrayMembership.asIn(call);
    if (in != null) {
      return in;
    }
    if (call.getKind() == SqlKind.CAST && call.operand(0) instanceof SqlIdentifier id) {
      CastType t = CastType.tryOf((SqlDataTypeSpec) call.operand(1));
      if (t != null && t.isText() && t.precision() == null) {
        return id;
      }
    }
    return call;
  }

  @Override public String castType(CastType t) {
    return switch (t.name()) {
      case DECIMAL -> t.spell("NUMERIC");
      case CHAR, VARCHAR -> t.precision() == null ? "TEXT" : super.castType(t);
      default -> super.castType(t);
    };
  }
}
