package dev.ferry.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Reads clauses out of the SQL text engines keep for their objects: CHECK conditions and a
 * view's query.
 *
 * <p>Engines print these as text only, so they are scanned here rather than parsed: quoted
 * strings and identifiers ({@code '…'}, {@code "…"}, {@code `…`}, {@code […]}) and comments are
 * skipped whole, so a parenthesis or keyword inside them never counts. Text that does not have
 * the expected shape gives null (or nothing) rather than an error: inspection skips what it
 * cannot read.
 */
public final class SqlClauses {
  private SqlClauses() {}

  /**
   * A CHECK constraint's bare condition: {@code CHECK ((a > 0)) NOT VALID} and {@code (a > 0)}
   * both give {@code a > 0}; null when nothing is left.
   */
  public static @Nullable String condition(@Nullable String text) {
    if (text == null) {
      return null;
    }
    String s = text.strip();
    if (keywordAt(s, 0, "CHECK")) {
      int open = nextCode(s, 5);
      int close = open < s.length() && s.charAt(open) == '(' ? closing(s, open) : -1;
      if (close < 0) {
        return null;
      }
      s = s.substring(open + 1, close).strip();
    }
    while (s.length() > 1 && s.charAt(0) == '(' && closing(s, 0) == s.length() - 1) {
      s = s.substring(1, s.length() - 1).strip();
    }
    return s.isEmpty() ? null : s;
  }

  /**
   * The CHECK constraints of a {@code CREATE TABLE} statement, column and table level alike,
   * with their {@code CONSTRAINT name} when one precedes them (unquoted).
   */
  public static List<Snapshot.Check> checks(@Nullable String createTable) {
    List<Snapshot.Check> out = new ArrayList<>();
    if (createTable == null) {
      return out;
    }
    String s = createTable;
    int body = 0;
    while (body < s.length() && s.charAt(body) != '(') {
      int next = skip(s, body);
      body = next == body ? body + 1 : next;
    }
    int end = body < s.length() ? closing(s, body) : -1;
    if (end < 0) {
      return out;
    }
    // The previous two words, to find "CONSTRAINT name" before a CHECK.
    String[] words = new String[2];
    int i = body + 1;
    while (i < end) {
      int next = skip(s, i);
      if (next != i) {
        shift(words, s.substring(i, next));
        i = next;
        continue;
      }
      char c = s.charAt(i);
      if (keywordAt(s, i, "CHECK")) {
        int open = nextCode(s, i + 5);
        int close = open < end && s.charAt(open) == '(' ? closing(s, open) : -1;
        if (close < 0) {
          return out;
        }
        String name = "CONSTRAINT".equalsIgnoreCase(words[0]) ? unquote(words[1]) : null;
        String cond = condition(s.substring(open, close + 1));
        if (cond != null) {
          out.add(new Snapshot.Check(name, cond));
        }
        words[0] = null;
        words[1] = null;
        i = close + 1;
      } else if (Character.isLetterOrDigit(c) || c == '_' || c == '$') {
        int j = i;
        while (j < end && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '_' || s.charAt(j) == '$')) {
          j++;
        }
        shift(words, s.substring(i, j));
        i = j;
      } else {
        if (c == '(') {
          // A nested group (a type's length, a DEFAULT expression) holds no constraint.
          int close = closing(s, i);
          i = close < 0 ? end : close + 1;
        } else {
          i++;
        }
        if (!Character.isWhitespace(c)) {
          words[0] = null;
          words[1] = null;
        }
      }
    }
    return out;
  }

  /**
   * A view's query from its {@code CREATE [OR REPLACE] [TEMP] VIEW [IF NOT EXISTS] name [(columns)]
   * AS query} statement, without a trailing semicolon; null when there is no {@code AS}.
   */
  public static @Nullable String viewQuery(@Nullable String createView) {
    if (createView == null) {
      return null;
    }
    int view = findWord(createView, 0, "VIEW");
    int as = view < 0 ? -1 : findWord(createView, view + 4, "AS");
    return as < 0 ? null : trimQuery(createView.substring(as + 2));
  }

  /**
   * A view's query from what an engine keeps of it: the whole {@code CREATE VIEW} statement
   * (SQLite, DuckDB) or the query alone (PostgreSQL, MariaDB, H2); null when empty.
   */
  public static @Nullable String viewBody(@Nullable String text) {
    return text != null && keywordAt(text.strip(), 0, "CREATE") ? viewQuery(text) : trimQuery(text);
  }

  /** A query as an engine printed it, without surrounding blanks or a trailing semicolon. */
  public static @Nullable String trimQuery(@Nullable String query) {
    if (query == null) {
      return null;
    }
    String q = query.strip();
    while (q.endsWith(";")) {
      q = q.substring(0, q.length() - 1).stripTrailing();
    }
    return q.isEmpty() ? null : q;
  }

  /**
   * {@code sql} with every bare occurrence of the keyword {@code word} (any case, not inside
   * quotes or part of a longer name) replaced: a domain's {@code VALUE} by its column's name.
   */
  public static String replaceWord(String sql, String word, String replacement) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < sql.length()) {
      int next = skip(sql, i);
      if (next != i) {
        out.append(sql, i, next);
        i = next;
      } else if (keywordAt(sql, i, word)) {
        out.append(replacement);
        i += word.length();
      } else {
        out.append(sql.charAt(i));
        i++;
      }
    }
    return out.toString();
  }

  /** Whether {@code word} stands at {@code i} as a whole word, ignoring case. */
  private static boolean keywordAt(String s, int i, String word) {
    return s.regionMatches(true, i, word, 0, word.length())
        && (i == 0 || !namePart(s.charAt(i - 1)))
        && (i + word.length() >= s.length() || !namePart(s.charAt(i + word.length())));
  }

  private static boolean namePart(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '$' || c == '"' || c == '`' || c == '.';
  }

  /**
   * Where {@code word} next stands from {@code from}, outside quotes, comments and parenthesized
   * groups; -1 when it does not.
   */
  private static int findWord(String s, int from, String word) {
    int i = from;
    while (i < s.length()) {
      int next = skip(s, i);
      int close = next == i && s.charAt(i) == '(' ? closing(s, i) : -2;
      if (next == i && close == -2 && keywordAt(s, i, word)) {
        return i;
      }
      i = next != i ? next : close == -2 ? i + 1 : close < 0 ? s.length() : close + 1;
    }
    return -1;
  }

  /** The index of the parenthesis closing the one at {@code open}, or -1. */
  private static int closing(String s, int open) {
    int depth = 0;
    int i = open;
    while (i < s.length()) {
      int next = skip(s, i);
      if (next != i) {
        i = next;
        continue;
      }
      char c = s.charAt(i);
      if (c == '(') {
        depth++;
      } else if (c == ')' && --depth == 0) {
        return i;
      }
      i++;
    }
    return -1;
  }

  /** The first index from {@code i} that is neither blank nor a comment. */
  private static int nextCode(String s, int i) {
    while (i < s.length()) {
      if (Character.isWhitespace(s.charAt(i))) {
        i++;
      } else if (s.startsWith("--", i) || s.startsWith("/*", i)) {
        i = skip(s, i);
      } else {
        break;
      }
    }
    return i;
  }

  /**
   * The index just past the quoted string, quoted identifier or comment starting at {@code i}
   * (doubled quotes inside it included); {@code i} itself when none starts there.
   */
  private static int skip(String s, int i) {
    char c = s.charAt(i);
    if (s.startsWith("--", i)) {
      int nl = s.indexOf('\n', i);
      return nl < 0 ? s.length() : nl + 1;
    }
    if (s.startsWith("/*", i)) {
      int end = s.indexOf("*/", i + 2);
      return end < 0 ? s.length() : end + 2;
    }
    char close = c == '\'' || c == '"' || c == '`' ? c : c == '[' ? ']' : 0;
    if (close == 0) {
      return i;
    }
    int j = i + 1;
    while (j < s.length()) {
      if (s.charAt(j) == close) {
        if (close != ']' && j + 1 < s.length() && s.charAt(j + 1) == close) {
          j += 2;
          continue;
        }
        return j + 1;
      }
      j++;
    }
    return s.length();
  }

  private static void shift(String[] words, String word) {
    words[0] = words[1];
    words[1] = word;
  }

  /** A name as written, its quotes removed. */
  private static @Nullable String unquote(@Nullable String name) {
    if (name == null || name.length() < 2) {
      return name;
    }
    char c = name.charAt(0);
    char close = c == '[' ? ']' : c;
    if ((c == '"' || c == '`' || c == '[') && name.charAt(name.length() - 1) == close) {
      String inner = name.substring(1, name.length() - 1);
      return c == '[' ? inner : inner.replace(String.valueOf(c) + c, String.valueOf(c));
    }
    return name;
  }
}
