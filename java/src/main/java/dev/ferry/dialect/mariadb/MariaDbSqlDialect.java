package dev.ferry.dialect.mariadb;

import dev.ferry.dialect.DecimalQuotient;
import dev.ferry.types.ExactText;
import dev.ferry.types.ExactTextDialect;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.dialect.MysqlSqlDialect;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Calcite's MySQL dialect, writing what MariaDB would otherwise read differently from Ferry.
 *
 * <ul>
 *   <li>SQL's {@code ||} as {@code CONCAT(…)}: MariaDB reads {@code ||} as OR unless the
 *       session's {@code sql_mode} has {@code PIPES_AS_CONCAT}.</li>
 *   <li>A decimal quotient with its dividend cast to the quotient's scale plus
 *       {@link DecimalQuotient#GUARD_DIGITS} first: MariaDB gives a quotient only
 *       {@code div_precision_increment} (4) places more than its dividend.</li>
 *   <li>The right-hand side of a string comparison ({@link ExactText}) as
 *       {@code CONVERT(x USING utf8mb4) COLLATE utf8mb4_bin} ({@code utf8mb4_nopad_bin} between
 *       VARCHARs): MariaDB's default collations ignore case. An equality or LIKE also keeps its
 *       plain form beside it, {@code (a = b AND a = … COLLATE …)}, so an index on {@code a} whose
 *       character set is not utf8mb4 still serves it.</li>
 *   <li>A string literal holding a backslash as its UTF-8 bytes,
 *       {@code CONVERT(X'…' USING utf8mb4)}: a backslash escapes the next character in MariaDB's
 *       literals ({@code 'a\b'} is {@code a}, backspace) unless the session's {@code sql_mode}
 *       has {@code NO_BACKSLASH_ESCAPES}; bytes read the same under either.</li>
 * </ul>
 */
final class MariaDbSqlDialect extends MysqlSqlDialect implements ExactTextDialect {
  /** MariaDB's widest DECIMAL, and the widest scale a quotient's dividend may take. */
  private static final int MAX_PRECISION = 65;
  private static final int MAX_DIVIDEND_SCALE = 34;

  private final boolean mariaDbServer;

  MariaDbSqlDialect(Context context) {
    super(context);
    String product = context.databaseProductName();
    this.mariaDbServer = product != null && product.toLowerCase(java.util.Locale.ROOT).contains("mariadb");
  }

  /**
   * Whether the server is MariaDB rather than MySQL (both are reached through this dialect):
   * only MariaDB reads {@code SET STATEMENT … FOR} and {@code BEGIN NOT ATOMIC}.
   */
  boolean mariaDbServer() {
    return mariaDbServer;
  }

  @Override public void quoteStringLiteral(StringBuilder buf, @Nullable String charsetName,
      String val) {
    if (val.indexOf('\\') < 0) {
      super.quoteStringLiteral(buf, charsetName, val);
      return;
    }
    buf.append("CONVERT(X'").append(HexFormat.of().withUpperCase()
        .formatHex(val.getBytes(StandardCharsets.UTF_8))).append("' USING utf8mb4)");
  }

  @Override public void unparseCall(SqlWriter writer, SqlCall call, int leftPrec, int rightPrec) {
    if (call.getOperator() == SqlStdOperatorTable.CONCAT) {
      SqlWriter.Frame frame = writer.startFunCall("CONCAT");
      for (SqlNode operand : call.getOperandList()) {
        writer.sep(",");
        operand.unparse(writer, 0, 0);
      }
      writer.endFunCall(frame);
      return;
    }
    ExactText marker = ExactText.of(call);
    if (marker != null) {
      SqlWriter.Frame convert = writer.startFunCall("CONVERT");
      call.operand(0).unparse(writer, 0, 0);
      writer.keyword("USING utf8mb4");
      writer.endFunCall(convert);
      writer.keyword("COLLATE");
      writer.keyword(marker.padSpace() ? "utf8mb4_bin" : "utf8mb4_nopad_bin");
      return;
    }
    if ((call.getKind() == SqlKind.EQUALS || call.getKind() == SqlKind.LIKE)
        && call.operandCount() >= 2 && ExactText.of(call.operand(1)) != null) {
      List<SqlNode> plain = new ArrayList<>(call.getOperandList());
      plain.set(1, ((SqlCall) call.operand(1)).operand(0));
      SqlWriter.Frame both = writer.startList(SqlWriter.FrameTypeEnum.PARENTHESES, "(", ")");
      super.unparseCall(writer, call.getOperator().createCall(SqlParserPos.ZERO, plain), 0, 0);
      writer.keyword("AND");
      super.unparseCall(writer, call, 0, 0);
      writer.endList(both);
      return;
    }
    DecimalQuotient q = DecimalQuotient.of(call);
    if (q != null) {
      SqlParserPos pos = SqlParserPos.ZERO;
      int places = Math.min(MAX_DIVIDEND_SCALE,
          Math.max(q.aScale(), q.scale() + DecimalQuotient.GUARD_DIGITS - 4));
      SqlNode dividend = SqlStdOperatorTable.CAST.createCall(pos, q.a(),
          DecimalQuotient.decimalSpec(MAX_PRECISION, places));
      call = SqlStdOperatorTable.CAST.createCall(pos,
          SqlStdOperatorTable.DIVIDE.createCall(pos, dividend, q.b()), q.target());
    }
    super.unparseCall(writer, call, leftPrec, rightPrec);
  }
}
