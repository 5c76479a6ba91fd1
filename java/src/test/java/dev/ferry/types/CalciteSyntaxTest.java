package dev.ferry.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.junit.jupiter.api.Test;

/** The reserved words are exactly the parser's keywords that cannot name a database unquoted. */
class CalciteSyntaxTest {
  private static boolean parses(String sql) {
    try {
      SqlParser.create(sql, CalciteSyntax.PARSER).parseStmt();
      return true;
    } catch (SqlParseException e) {
      return false;
    }
  }

  @Test void everyKeywordIsReservedExactlyWhenItCannotNameADatabaseUnquoted() {
    List<String> wrong = new ArrayList<>();
    for (String word : SqlParser.create("", CalciteSyntax.PARSER).getMetadata().getTokens()) {
      if (!word.matches("[A-Z_][A-Z0-9_]*")) {
        continue;
      }
      String name = word.toLowerCase(Locale.ROOT);
      boolean bare = parses("SELECT * FROM " + name + ".t");
      if (bare == CalciteSyntax.isReservedWord(name) || !parses("SELECT * FROM \"" + name + "\".t")) {
        wrong.add(word);
      }
    }
    assertEquals(List.of(), wrong);
  }

  @Test void theWordsUsersMeetAreReservedAndOrdinaryNamesAreNot() {
    for (String w : List.of("ref", "value", "user", "order", "select", "Year")) {
      assertTrue(CalciteSyntax.isReservedWord(w), w);
    }
    for (String w : List.of("shop", "pg", "my", "source", "target", "backup", "data")) {
      assertFalse(CalciteSyntax.isReservedWord(w), w);
    }
    assertTrue(CalciteSyntax.reservedWords().size() > 300, "the list comes from the parser whole");
  }
}
