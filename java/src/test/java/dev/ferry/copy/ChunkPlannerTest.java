package dev.ferry.copy;

import dev.ferry.types.TypeFamily;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.ferry.copy.ChunkPlanner.Range;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Key ranges and the SQL that selects them. */
class ChunkPlannerTest {
  @Test void rangesCoverEverythingWithOpenEnds() {
    assertEquals(List.of(new Range(null, "10"), new Range("10", "20"), new Range("20", null)),
        ChunkPlanner.ranges(null, List.of("10", "20")));
    assertEquals(List.of(new Range(null, null)), ChunkPlanner.ranges(null, List.of()));
  }

  @Test void aResumeStartsAfterItsKey() {
    assertEquals(List.of(new Range("5", "10"), new Range("10", null)),
        ChunkPlanner.ranges("5", List.of("10")));
    assertEquals(List.of(new Range("5", null)), ChunkPlanner.ranges("5", List.of()));
  }

  @Test void rangeConditions() {
    assertNull(ChunkPlanner.rangeCondition("id", TypeFamily.INTEGER, new Range(null, null)));
    assertEquals("\"id\" <= 10", ChunkPlanner.rangeCondition("id", TypeFamily.INTEGER, new Range(null, "10")));
    assertEquals("\"id\" > 10", ChunkPlanner.rangeCondition("id", TypeFamily.INTEGER, new Range("10", null)));
    assertEquals("\"id\" > 10 AND \"id\" <= 20",
        ChunkPlanner.rangeCondition("id", TypeFamily.INTEGER, new Range("10", "20")));
    assertEquals("\"my \"\"key\"\"\" > 'a' AND \"my \"\"key\"\"\" <= 'O''Brien'",
        ChunkPlanner.rangeCondition("my \"key\"", TypeFamily.CHAR, new Range("a", "O'Brien")));
    assertEquals("\"d\" > DATE '2024-01-01'",
        ChunkPlanner.rangeCondition("d", TypeFamily.DATE, new Range("2024-01-01", null)));
  }

  @Test void literals() {
    assertEquals("42", ChunkPlanner.literal(TypeFamily.INTEGER, "42"));
    assertEquals("-1.50", ChunkPlanner.literal(TypeFamily.DECIMAL, "-1.50"));
    assertEquals("1.0E10", ChunkPlanner.literal(TypeFamily.FLOAT, "1.0E10"));
    assertEquals("DATE '2024-02-29'", ChunkPlanner.literal(TypeFamily.DATE, "2024-02-29"));
    assertEquals("TIMESTAMP '2024-01-01 10:00:00'", ChunkPlanner.literal(TypeFamily.TIMESTAMP, "2024-01-01 10:00:00"));
    assertEquals("'it''s'", ChunkPlanner.literal(TypeFamily.CHAR, "it's"));
    assertEquals("'x'", ChunkPlanner.literal(TypeFamily.OTHER, "x"));
  }

  @Test void timestampLiteralsRoundToTheColumnsPrecision() {
    String v = "2024-01-01 10:00:00.123456";
    assertEquals("TIMESTAMP '2024-01-01 10:00:00.123'", ChunkPlanner.timestampLiteral(v, 3, false));
    assertEquals("TIMESTAMP '2024-01-01 10:00:00.124'", ChunkPlanner.timestampLiteral(v, 3, true));
    assertEquals("TIMESTAMP '2024-01-01 10:00:00'", ChunkPlanner.timestampLiteral(v, 0, false));
    assertEquals("TIMESTAMP '2024-01-01 10:00:01'", ChunkPlanner.timestampLiteral(v, 0, true));
    assertEquals("TIMESTAMP '2024-01-01 10:00:00.123456'", ChunkPlanner.timestampLiteral(v, null, false));
    assertEquals("TIMESTAMP '2024-01-01 10:00:00.123456'", ChunkPlanner.timestampLiteral(v, 6, true));
    assertEquals("TIMESTAMP '2024-01-01 10:00:00.123456000'", ChunkPlanner.timestampLiteral(v, 9, true));
  }

  @Test void exactValuesAreNotRoundedUp() {
    assertEquals("TIMESTAMP '2024-01-01 10:00:00.120'",
        ChunkPlanner.timestampLiteral("2024-01-01 10:00:00.12", 3, true));
    assertEquals("TIMESTAMP '2024-01-01 10:00:00.000'",
        ChunkPlanner.timestampLiteral("2024-01-01 10:00:00", 3, true));
  }

  @Test void timestampLiteralsCarryIntoTheNextDay() {
    assertEquals("TIMESTAMP '2025-01-01 00:00:00'",
        ChunkPlanner.timestampLiteral("2024-12-31 23:59:59.5", 0, true));
    assertEquals("TIMESTAMP '2024-12-31 23:59:59'",
        ChunkPlanner.timestampLiteral("2024-12-31T23:59:59.5", 0, false));
  }

  @Test void timestampLiteralsAlwaysHaveSeconds() {
    assertEquals("TIMESTAMP '2024-01-01 10:00:00.00'",
        ChunkPlanner.timestampLiteral("2024-01-01 10:00", 2, false));
  }

  @Test void andSkipsNullAndBlankConditions() {
    assertNull(ChunkPlanner.and());
    assertNull(ChunkPlanner.and(null, "", "  "));
    assertEquals("(a = 1)", ChunkPlanner.and(null, "a = 1"));
    assertEquals("(a = 1 OR b = 2) AND (c > 3)", ChunkPlanner.and("a = 1 OR b = 2", null, "c > 3"));
  }

  @Test void onlyExactKeyFamiliesAreChunkable() {
    assertEquals(java.util.Set.of(TypeFamily.INTEGER, TypeFamily.DECIMAL, TypeFamily.CHAR, TypeFamily.DATE),
        ChunkPlanner.CHUNKABLE);
  }
}
