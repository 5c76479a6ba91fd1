package dev.ferry.arrow;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** CHAR(n) values padded to n characters in query results. */
class ArrowColumnTest {
  @Test void padsToTheLengthInCharacters() {
    assertEquals("ab   ", ArrowColumn.padded("ab", 5));
    assertEquals("😀 ", ArrowColumn.padded("😀", 2), "one character, two UTF-16 units");
    assertEquals("abcdef", ArrowColumn.padded("abcdef", 3), "never cut");
    assertEquals("", ArrowColumn.padded("", 0));
  }
}
