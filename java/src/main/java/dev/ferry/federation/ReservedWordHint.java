package dev.ferry.federation;

import dev.ferry.error.FerryFailure;
import dev.ferry.types.CalciteSyntax;

import com.fasterxml.jackson.databind.JsonNode;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Says to quote a reserved word that a syntax error stopped at: Calcite only reports that it
 * met {@code "value"}, while the user meant a column, table, database or alias of that name,
 * which Ferry's SQL accepts when written in double quotes.
 */
final class ReservedWordHint {
  private ReservedWordHint() {}

  /**
   * {@code f} with the hint when it is a syntax error at a reserved word of {@code sql} (read at
   * the error's line and column) not hinted yet; else {@code f} itself.
   */
  static FerryFailure withHint(FerryFailure f, String sql) {
    JsonNode line = f.detail("line");
    JsonNode column = f.detail("column");
    if (!f.code().equals("SQL_SYNTAX") || line == null || column == null
        || f.detail("reservedWord") != null) {
      return f;
    }
    String word = wordAt(sql, line.asInt(), column.asInt());
    if (word == null || !CalciteSyntax.isReservedWord(word)) {
      return f;
    }
    return f.hinted(" " + word + " is a reserved word in SQL: where it names a column, table,"
            + " database or alias, write it in double quotes: \"" + word + "\"")
        .with("reservedWord", word);
  }

  /**
   * The word at 1-based {@code line} and {@code column} of {@code sql}, past a dot and blanks
   * (Calcite points at the dot of {@code t.value}); null when none starts there.
   */
  static @Nullable String wordAt(String sql, int line, int column) {
    String[] lines = sql.split("\r\n|\r|\n", -1);
    if (line < 1 || line > lines.length || column < 1 || column > lines[line - 1].length()) {
      return null;
    }
    String text = lines[line - 1];
    int start = column - 1;
    if (text.charAt(start) == '.') {
      start++;
    }
    while (start < text.length() && Character.isWhitespace(text.charAt(start))) {
      start++;
    }
    int end = start;
    while (end < text.length() && (Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '_')) {
      end++;
    }
    return end > start && !Character.isDigit(text.charAt(start)) ? text.substring(start, end) : null;
  }
}
