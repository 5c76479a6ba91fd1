package dev.ferry.federation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Did-you-mean suggestions count a swap of two adjacent letters as one typo. */
class NameHintsTest {
  @Test void aSwapOfAdjacentLettersIsOneEdit() {
    assertEquals(1, NameHints.distance("nmae", "name"));
    assertEquals(1, NameHints.distance("ordres", "orders"));
    assertEquals(2, NameHints.distance("ab", "ba") + NameHints.distance("abc", "ac"));
    assertEquals(3, NameHints.distance("kitten", "sitting"));
    assertEquals(0, NameHints.distance("", ""));
    assertEquals(4, NameHints.distance("", "name"));
    // Optimal string alignment edits no letter twice: "ca" to "abc" is three edits, not two.
    assertEquals(3, NameHints.distance("ca", "abc"));
  }

  @Test void aSwappedShortNameIsSuggested() {
    List<String> columns = List.of("id", "name", "amount");
    assertEquals("did you mean 'name'? ", NameHints.didYouMean(columns, "nmae"));
    assertEquals("did you mean 'amount'? ", NameHints.didYouMean(columns, "amout"));
    assertEquals("", NameHints.didYouMean(columns, "zzzz"));
    assertEquals("name, id, amount", NameHints.closest(columns, "nmae"));
  }
}
