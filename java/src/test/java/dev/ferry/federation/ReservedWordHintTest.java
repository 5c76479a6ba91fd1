package dev.ferry.federation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.error.FerryFailure;

import org.junit.jupiter.api.Test;

/** A syntax error at a reserved word names the word and says to quote it. */
class ReservedWordHintTest {
  /** The failure Ferry reports for {@code sql}, with the hint when one applies. */
  private static FerryFailure failure(String sql) {
    try {
      ReadOnlyGuard.parse(sql);
    } catch (FerryFailure f) {
      return ReservedWordHint.withHint(f, sql);
    }
    throw new AssertionError("expected a syntax error: " + sql);
  }

  @Test void aReservedWordUsedAsANameIsNamedAndQuoted() {
    for (String[] c : new String[][] {
        {"SELECT value FROM pg.t", "value"}, {"SELECT * FROM ref.t", "ref"},
        {"SELECT a AS Value FROM t", "Value"}, {"SELECT * FROM pg.user", "user"},
        {"SELECT t.a,\n  t.order\nFROM pg.t", "order"}}) {
      FerryFailure f = failure(c[0]);
      assertEquals("SQL_SYNTAX", f.code());
      assertTrue(f.getMessage().contains(c[1] + " is a reserved word"), f.getMessage());
      assertTrue(f.getMessage().endsWith("write it in double quotes: \"" + c[1] + "\""), f.getMessage());
      assertEquals(c[1], f.detail("reservedWord").asText());
      assertTrue(f.detail("line") != null && f.detail("column") != null, "the caret's position is kept");
    }
  }

  @Test void otherSyntaxErrorsAreLeftAsTheyAre() {
    for (String sql : new String[] {"SELECT * FROM t WHERE", "SELECT * FROM pg.t x y z", "SELECT 1 +"}) {
      FerryFailure f = failure(sql);
      assertNull(f.detail("reservedWord"), sql);
      assertTrue(!f.getMessage().contains("reserved word"), f.getMessage());
    }
    FerryFailure validation = FerryFailure.of("SQL_VALIDATION", "x").with("line", 1).with("column", 8);
    assertSame(validation, ReservedWordHint.withHint(validation, "SELECT value FROM pg.t"));
  }

  @Test void aHintedFailureIsNotHintedTwice() {
    FerryFailure once = failure("SELECT value FROM pg.t");
    assertSame(once, ReservedWordHint.withHint(once, "SELECT value FROM pg.t"));
  }

  @Test void theWordIsReadAtTheErrorsLineAndColumn() {
    assertEquals("user", ReservedWordHint.wordAt("SELECT *\nFROM pg. user", 2, 8));
    assertEquals("value", ReservedWordHint.wordAt("SELECT value FROM t", 1, 8));
    assertNull(ReservedWordHint.wordAt("SELECT 1 + 2", 1, 12));
    assertNull(ReservedWordHint.wordAt("SELECT", 1, 20));
    assertNull(ReservedWordHint.wordAt("SELECT", 3, 1));
  }
}
