package dev.ferry.planner;

import java.util.StringJoiner;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;

/**
 * The filters a {@link BindJoin} adds to its big side's SQL: each join key {@code IN} a list of
 * keys that each statement fills in.
 *
 * <p>Each condition is a call {@code IN_KEYS(key, n)} to {@link #IN_KEYS}, which every engine's
 * SQL writer prints as {@code key IN (FERRY_BIND_KEYS_n)}; the statement is generated once, and
 * each time it runs every placeholder is replaced with keys written as integer literals, or with
 * {@code IS NOT NULL} when that key is not filtered ({@link BindJoinExecution}). Literals rather
 * than parameters: no engine's limit on parameters applies, and PostgreSQL sees a constant list
 * it can hash.
 */
final class BindKeys {
  /** What the keys of key pair n replace in the generated SQL: this, n and a parenthesis. */
  static final String PLACEHOLDER = "IN (FERRY_BIND_KEYS_";

  /** {@code IN_KEYS(key, n)}: true when {@code key} is one of the keys sent for pair n. */
  static final SqlFunction IN_KEYS = new SqlFunction("FERRY_IN_BIND_KEYS", SqlKind.OTHER_FUNCTION,
      ReturnTypes.BOOLEAN_NULLABLE, null, OperandTypes.ANY_ANY, SqlFunctionCategory.SYSTEM) {
    @Override public void unparse(SqlWriter writer, SqlCall call, int leftPrec, int rightPrec) {
      SqlWriter.Frame frame = writer.startList("", "");
      call.operand(0).unparse(writer, leftPrec, SqlStdOperatorTable.IN.getLeftPrec());
      writer.print(placeholder(((SqlLiteral) call.operand(1)).intValue(true)));
      // print() leaves no space after it: without one, what follows (AND) would run into it.
      writer.setNeedWhitespace(true);
      writer.endList(frame);
    }
  };

  /** What replaces the placeholder of a key column that sends no keys. */
  static final String ANY_KEY = "IS NOT NULL";

  private BindKeys() {}

  /** The placeholder of key pair {@code n}. */
  static String placeholder(int n) {
    return PLACEHOLDER + n + ")";
  }

  /**
   * Checks that {@code sql} holds the placeholder of each of {@code pairs} key pairs once.
   *
   * @throws IllegalStateException when it does not
   */
  static String checked(String sql, int pairs) {
    for (int n = 0; n < pairs; n++) {
      String p = placeholder(n);
      int at = sql.indexOf(p);
      if (at < 0 || sql.indexOf(p, at + 1) >= 0) {
        throw new IllegalStateException("a bind join's statement must hold " + p
            + " exactly once: " + sql);
      }
    }
    return sql;
  }

  /**
   * The statement {@code template} with the placeholder of each key pair n replaced by
   * {@code fill[n]}: {@code IN (1, 5, 9)} or {@code IS NOT NULL}.
   */
  static String fill(String template, String[] fill) {
    String sql = template;
    for (int n = 0; n < fill.length; n++) {
      sql = sql.replace(placeholder(n), fill[n]);
    }
    return sql;
  }

  /**
   * Whether {@code sql} is {@code template} with each placeholder replaced by integer keys or by
   * {@code IS NOT NULL}. Scanned by hand: a regular expression recurses once per key and
   * overflows the stack on tens of thousands of them.
   */
  static boolean filled(String template, String sql) {
    int t = 0;
    int at = 0;
    for (int p = template.indexOf(PLACEHOLDER); p >= 0; p = template.indexOf(PLACEHOLDER, t)) {
      if (!sql.startsWith(template.substring(t, p), at)) {
        return false;
      }
      at += p - t;
      at = skipFill(sql, at);
      if (at < 0) {
        return false;
      }
      t = template.indexOf(')', p) + 1;
    }
    return sql.length() - at == template.length() - t && sql.startsWith(template.substring(t), at);
  }

  /** Where the fill at {@code at} ends, or -1 when {@code sql} holds none there. */
  private static int skipFill(String sql, int at) {
    if (sql.startsWith(ANY_KEY, at)) {
      return at + ANY_KEY.length();
    }
    if (!sql.startsWith("IN (", at)) {
      return -1;
    }
    int i = at + 4;
    while (i < sql.length() && "0123456789-, ".indexOf(sql.charAt(i)) >= 0) {
      i++;
    }
    return i > at + 4 && i < sql.length() && sql.charAt(i) == ')' ? i + 1 : -1;
  }

  /** Keys as the SQL that replaces a placeholder: {@code IN (1, 5, 9)}. */
  static String in(Iterable<Long> keys) {
    StringJoiner out = new StringJoiner(", ", "IN (", ")");
    for (Long k : keys) {
      out.add(Long.toString(k));
    }
    return out.toString();
  }
}
