package dev.ferry.dialect.mariadb;

import dev.ferry.ddl.CastType;
import dev.ferry.ddl.SqlSpelling;
import dev.ferry.ddl.SqlText;

import java.util.List;
import org.apache.calcite.avatica.util.Quoting;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.fun.SqlLibraryOperators;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * MariaDB's SQL as {@code information_schema} prints it: backticks, character-set introducers
 * ({@code _utf8mb4'x'}), backslash escapes, {@code ucase}/{@code lcase}, {@code length} counting bytes, {@code concat} for
 * {@code ||} (which means OR in its default SQL mode, so it is written back as CONCAT), casts to
 * CHAR, SIGNED, DATETIME.
 */
final class MariaDbSqlSpelling extends SqlSpelling {
  @Override public boolean groupsLoosely() {
    return true;
  }

  @Override public SqlParser.Config parser() {
    return super.parser().withQuoting(Quoting.BACK_TICK);
  }

  /** Introducers dropped (strings are UTF-8 to Calcite), backslash escapes made standard. */
  @Override public String prepare(String sql) {
    return SqlText.map(sql, true,
        t -> t.replaceAll("(?i)(?<![\\w$])_(?:utf8mb4|utf8mb3|utf8|latin1|binary|ascii)\\s*$", ""),
        s -> s.replace("\\\\", "\u0000").replace("\\'", "''").replace("\u0000", "\\"));
  }

  @Override public @Nullable SqlNode readFunction(String name, List<SqlNode> operands) {
    SqlParserPos p = SqlParserPos.ZERO;
    return switch (name) {
      case "length" -> SqlStdOperatorTable.OCTET_LENGTH.createCall(p, operands);
      case "ucase" -> SqlStdOperatorTable.UPPER.createCall(p, operands);
      case "lcase" -> SqlStdOperatorTable.LOWER.createCall(p, operands);
      case "curdate" -> SqlStdOperatorTable.CURRENT_DATE.createCall(p);
      case "curtime" -> SqlStdOperatorTable.CURRENT_TIME.createCall(p);
      case "ifnull" -> SqlStdOperatorTable.COALESCE.createCall(p, operands);
      case "concat" -> operands.stream()
          .reduce((a, b) -> SqlStdOperatorTable.CONCAT.createCall(p, a, b)).orElse(null);
      default -> null;
    };
  }

  /** {@code ||} as CONCAT (it is OR here unless PIPES_AS_CONCAT is set). */
  @Override public SqlNode write(SqlCall call) {
    SqlOperator op = call.getOperator();
    if (op == SqlStdOperatorTable.CONCAT || (call.getKind() == SqlKind.OTHER && op.getName().equals("||"))) {
      return SqlLibraryOperators.CONCAT_FUNCTION.createCall(call.getParserPosition(),
          call.getOperandList());
    }
    return call;
  }

  @Override public String castType(CastType t) {
    return switch (t.name()) {
      case CHAR, VARCHAR -> t.spell("CHAR");
      case TINYINT, SMALLINT, INTEGER, BIGINT, BOOLEAN -> "SIGNED";
      case DECIMAL -> t.precision() == null ? "DECIMAL(65, 30)" : t.spell("DECIMAL");
      case REAL, FLOAT, DOUBLE -> "DOUBLE";
      case TIMESTAMP -> t.spell("DATETIME");
      default -> super.castType(t);
    };
  }
}
