package dev.ferry.dialect.sqlite;

import dev.ferry.ddl.CastType;
import dev.ferry.ddl.SqlSpelling;
import dev.ferry.ddl.Untranslatable;

import java.util.List;
import java.util.Set;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.fun.SqlLibraryOperators;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * SQLite's SQL: {@code datetime('now')} and its kin are the clock; written SQL counts
 * characters with {@code length}, has booleans as 1 and 0, dates as ISO text, and casts to the
 * storage classes (TEXT, INTEGER, REAL, NUMERIC).
 */
final class SqliteSqlSpelling extends SqlSpelling {
  private static final Set<String> CLOCK = Set.of("datetime", "date", "time");

  @Override public boolean groupsLoosely() {
    return true;
  }

  /** {@code datetime('now')}, {@code date('now')}, {@code time('now')} as the clock. */
  @Override public @Nullable SqlNode readFunction(String name, List<SqlNode> operands) {
    if (!CLOCK.contains(name)) {
      return null;
    }
    if (operands.size() != 1 || !(operands.get(0) instanceof SqlCharStringLiteral s)
        || !s.getValueAs(String.class).equalsIgnoreCase("now")) {
      throw new Untranslatable("the function " + name + " other than " + name + "('now')");
    }
    return (switch (name) {
      case "date" -> SqlStdOperatorTable.CURRENT_DATE;
      case "time" -> SqlStdOperatorTable.CURRENT_TIME;
      default -> SqlStdOperatorTable.CURRENT_TIMESTAMP;
    }).createCall(SqlParserPos.ZERO);
  }

  /** CHAR_LENGTH as {@code length}, which counts characters here; no byte length. */
  @Override public SqlNode write(SqlCall call) {
    if (call.getOperator() == SqlStdOperatorTable.CHAR_LENGTH
        || call.getOperator() == SqlStdOperatorTable.CHARACTER_LENGTH) {
      return SqlLibraryOperators.LENGTH.createCall(call.getParserPosition(), call.getOperandList());
    }
    if (call.getOperator() == SqlStdOperatorTable.OCTET_LENGTH) {
      throw new Untranslatable("the function octet_length");
    }
    return call;
  }

  /** Booleans as 1 and 0, dates as ISO text: SQLite has neither type. */
  @Override public SqlNode write(SqlLiteral literal) {
    SqlParserPos p = literal.getParserPosition();
    if (literal.getTypeName() == SqlTypeName.BOOLEAN && literal.getValue() != null) {
      return SqlLiteral.createExactNumeric(literal.booleanValue() ? "1" : "0", p);
    }
    if (literal.getTypeName() == SqlTypeName.DATE) {
      return SqlLiteral.createCharString(literal.toValue(), p);
    }
    return literal;
  }

  @Override public String castType(CastType t) {
    return switch (t.name()) {
      case TINYINT, SMALLINT, INTEGER, BIGINT, BOOLEAN -> "INTEGER";
      case DECIMAL -> "NUMERIC";
      case REAL, FLOAT, DOUBLE -> "REAL";
      default -> "TEXT";
    };
  }
}
