package dev.ferry.copy;

import dev.ferry.error.FerryFailure;
import dev.ferry.types.CalciteSyntax;

import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.dialect.CalciteSqlDialect;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A copy's {@code --where}: parsed as exactly one SQL expression and written back by Calcite, so
 * what reaches the chunk SQL is that expression and nothing else. Text that closes a parenthesis
 * it did not open ({@code id > 9000) OR (1=1}), ends in a comment, or holds a second statement
 * does not parse as one expression and is refused with {@code SQL_SYNTAX}; whether it is a
 * condition over the source table's columns is then checked by Calcite's validator when the
 * copy plans, before anything is written.
 */
final class RowFilter {
  private RowFilter() {}

  /**
   * {@code where} as Calcite writes the one expression it holds, or null when blank; anything
   * that is not exactly one expression fails with {@code SQL_SYNTAX}.
   */
  static @Nullable String canonical(@Nullable String where, String table) {
    if (where == null || where.isBlank()) {
      return null;
    }
    return parsed(where, "--where must be one condition on the columns of " + table
        + " (for example: id > 100 AND status = 'paid')", "--where", table);
  }

  /**
   * Calcite's rendering of {@code sql}, which must parse as one expression; else SQL_SYNTAX
   * saying {@code must} and why, with {@code option} and {@code table} in its details.
   */
  static String parsed(String sql, String must, String option, String table) {
    SqlNode node;
    try {
      node = SqlParser.create(sql, CalciteSyntax.PARSER).parseExpression();
    } catch (SqlParseException e) {
      String why = String.valueOf(e.getMessage()).strip().split("\n", 2)[0];
      FerryFailure f = FerryFailure.of("SQL_SYNTAX", must + "; it does not parse as one: " + why)
          .with("option", option).with("table", table);
      if (e.getPos() != null && e.getPos().getLineNum() > 0) {
        f.with("line", e.getPos().getLineNum()).with("column", e.getPos().getColumnNum());
      }
      throw f;
    }
    return node.toSqlString(CalciteSqlDialect.DEFAULT).getSql().replace('\n', ' ');
  }
}
