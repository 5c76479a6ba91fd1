package dev.ferry.ddl;

import java.util.function.UnaryOperator;

/**
 * Text-level help for source SQL that Calcite's parser cannot read as is: finds what is quoted
 * (strings in single quotes, identifiers in double quotes or backticks) so that rewrites touch
 * only the SQL between them.
 */
public final class SqlText {
  private SqlText() {}

  /**
   * The index just past the quoted run starting at {@code i} (whose character is a quote), a
   * doubled quote standing for itself; {@code backslash} when a backslash escapes a character in
   * strings (MariaDB).
   */
  public static int quotedEnd(String s, int i, boolean backslash) {
    char q = s.charAt(i);
    int j = i + 1;
    while (j < s.length()) {
      char c = s.charAt(j);
      if (backslash && q == '\'' && c == '\\') {
        j += 2;
      } else if (c == q) {
        if (j + 1 < s.length() && s.charAt(j + 1) == q) {
          j += 2;
        } else {
          return j + 1;
        }
      } else {
        j++;
      }
    }
    return s.length();
  }

  /** Whether {@code c} opens a quoted run. */
  public static boolean isQuote(char c) {
    return c == '\'' || c == '"' || c == '`';
  }

  /**
   * {@code s} with {@code outside} applied to each stretch between quoted runs and
   * {@code string} to each single-quoted string (its quotes included).
   */
  public static String map(String s, boolean backslash, UnaryOperator<String> outside,
      UnaryOperator<String> string) {
    StringBuilder out = new StringBuilder();
    int start = 0;
    int i = 0;
    while (i < s.length()) {
      if (isQuote(s.charAt(i))) {
        int end = quotedEnd(s, i, backslash);
        out.append(outside.apply(s.substring(start, i)));
        String q = s.substring(i, end);
        out.append(s.charAt(i) == '\'' ? string.apply(q) : q);
        start = end;
        i = end;
      } else {
        i++;
      }
    }
    return out.append(outside.apply(s.substring(start))).toString();
  }

  /** {@code s} on one line: line breaks between quoted runs become spaces. */
  public static String oneLine(String s) {
    return map(s, false, t -> t.replaceAll("\\s*\\R\\s*", " "), t -> t);
  }
}
