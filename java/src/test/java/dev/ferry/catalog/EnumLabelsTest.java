package dev.ferry.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Enum labels read out of the type text MariaDB and DuckDB print. */
class EnumLabelsTest {
  @Test void enumLabelsWithTheirEscapes() {
    assertEquals(List.of("a", "it's", "b\\c", ""),
        EnumLabels.of("enum('a','it''s','b\\\\c','')", true));
    assertEquals(List.of("sad", "b\\\\c"), EnumLabels.of("ENUM('sad', 'b\\\\c')", false));
    assertNull(EnumLabels.of("VARCHAR(3)", false));
    assertNull(EnumLabels.of("ENUM('open", false));
  }
}
