package dev.ferry.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The labels of an enumerated type as engines print it in a column's type: MariaDB's
 * {@code COLUMN_TYPE} ({@code enum('a','it''s')}) and DuckDB's type name
 * ({@code ENUM('a', 'b')}).
 */
public final class EnumLabels {
  private EnumLabels() {}

  /**
   * The labels of {@code ENUM('a', 'it''s')} (any case, any name before the parenthesis) in
   * declared order; with {@code backslashEscapes} a backslash escapes the next character too
   * (MariaDB's {@code COLUMN_TYPE}). Null when the text is not such a list.
   */
  public static @Nullable List<String> of(@Nullable String type, boolean backslashEscapes) {
    if (type == null) {
      return null;
    }
    int open = type.indexOf('(');
    if (open < 0 || !type.substring(0, open).strip().toUpperCase(Locale.ROOT).endsWith("ENUM")) {
      return null;
    }
    List<String> out = new ArrayList<>();
    int i = blankFrom(type, open + 1);
    while (i < type.length() && type.charAt(i) == '\'') {
      StringBuilder label = new StringBuilder();
      i++;
      while (true) {
        if (i >= type.length()) {
          return null;
        }
        char c = type.charAt(i);
        if (c == '\\' && backslashEscapes && i + 1 < type.length()) {
          char e = type.charAt(i + 1);
          label.append(e == 'n' ? '\n' : e == 't' ? '\t' : e == 'r' ? '\r' : e == '0' ? '\0' : e);
          i += 2;
        } else if (c == '\'' && i + 1 < type.length() && type.charAt(i + 1) == '\'') {
          label.append('\'');
          i += 2;
        } else if (c == '\'') {
          i++;
          break;
        } else {
          label.append(c);
          i++;
        }
      }
      out.add(label.toString());
      i = blankFrom(type, i);
      if (i < type.length() && type.charAt(i) == ',') {
        i = blankFrom(type, i + 1);
      }
    }
    return i < type.length() && type.charAt(i) == ')' ? out : null;
  }

  /** The first index from {@code i} that is not blank. */
  private static int blankFrom(String s, int i) {
    while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
      i++;
    }
    return i;
  }
}
