package dev.ferry.ddl;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites PostgreSQL's postfix casts ({@code x::type}), which Calcite's core parser does not
 * read, as {@code CAST(x AS type)}; array types ({@code text[]}) become {@code text ARRAY}.
 * For the engines that print them (PostgreSQL, DuckDB).
 */
public final class ColonCasts {
  /** A type name as PostgreSQL prints it after {@code ::}, with its modifiers and array marks. */
  private static final Pattern TYPE = Pattern.compile("(?i)\\s*(\"[^\"]+\"|double precision"
      + "|character varying|bit varying|(?:timestamp|time)(?:\\s*\\(\\d+\\))?\\s+with(?:out)?\\s+time\\s+zone"
      + "|[a-z_][a-z0-9_]*(?:\\.[a-z_][a-z0-9_]*)?)(\\s*\\(\\s*\\d+(?:\\s*,\\s*\\d+)?\\s*\\))?((?:\\[\\])*)");

  private ColonCasts() {}

  /** {@code sql} with every {@code ::} cast outside quotes written as {@code CAST}. */
  public static String rewrite(String sql) {
    String s = sql;
    for (int at = next(s, 0); at >= 0; at = next(s, 0)) {
      int start = operandStart(s, at);
      Matcher m = TYPE.matcher(s);
      m.region(at + 2, s.length());
      if (start < 0 || !m.lookingAt()) {
        throw new Untranslatable("a :: cast it cannot read: " + s.substring(Math.max(0, at - 20),
            Math.min(s.length(), at + 20)).trim());
      }
      String type = m.group(1) + (m.group(2) == null ? "" : m.group(2))
          + " ARRAY".repeat(m.group(3).length() / 2);
      s = s.substring(0, start) + "CAST(" + s.substring(start, at).trim() + " AS " + type + ")"
          + s.substring(m.end());
    }
    return s;
  }

  /** The first {@code ::} at or after {@code from} outside quotes, or -1. */
  private static int next(String s, int from) {
    for (int i = from; i < s.length() - 1; i++) {
      char c = s.charAt(i);
      if (SqlText.isQuote(c)) {
        i = SqlText.quotedEnd(s, i, false) - 1;
      } else if (c == ':' && s.charAt(i + 1) == ':') {
        return i;
      }
    }
    return -1;
  }

  /** Where the operand ending just before {@code at} starts, or -1 when there is none. */
  private static int operandStart(String s, int at) {
    int j = at - 1;
    while (j >= 0 && Character.isWhitespace(s.charAt(j))) {
      j--;
    }
    if (j < 0) {
      return -1;
    }
    char c = s.charAt(j);
    int start;
    if (c == ')' || c == ']') {
      start = matchingOpen(s, j);
      if (start < 0) {
        return -1;
      }
    } else if (SqlText.isQuote(c)) {
      start = quotedStart(s, j);
    } else {
      start = j + 1;
    }
    // A name the bracket or quoted run belongs to (f(x), ARRAY[…], schema.table."col"), or a
    // plain name or number.
    while (start > 0) {
      char p = s.charAt(start - 1);
      if (Character.isLetterOrDigit(p) || p == '_' || p == '.' || p == '$') {
        start--;
      } else if (p == '"' && start - 1 > 0) {
        start = quotedStart(s, start - 1);
      } else {
        break;
      }
    }
    return start <= j ? start : -1;
  }

  /** The opening quote of the quoted run whose closing quote is at {@code end}. */
  private static int quotedStart(String s, int end) {
    for (int i = 0; i < s.length(); i++) {
      if (SqlText.isQuote(s.charAt(i))) {
        int e = SqlText.quotedEnd(s, i, false);
        if (e - 1 == end) {
          return i;
        }
        i = e - 1;
      }
    }
    return end;
  }

  /** The bracket opening the one closing at {@code close}, outside quotes, or -1. */
  private static int matchingOpen(String s, int close) {
    java.util.ArrayDeque<Integer> open = new java.util.ArrayDeque<>();
    for (int i = 0; i < close; i++) {
      char c = s.charAt(i);
      if (SqlText.isQuote(c)) {
        i = SqlText.quotedEnd(s, i, false) - 1;
      } else if (c == '(' || c == '[') {
        open.push(i);
      } else if ((c == ')' || c == ']') && !open.isEmpty()) {
        open.pop();
      }
    }
    return open.isEmpty() ? -1 : open.peek();
  }
}
