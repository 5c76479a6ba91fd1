package dev.ferry.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Differing keys of narrowed chunks: counted in full, listed up to a limit in key order. */
class KeyDiffTest {
  private static VerifyReport.Difference d(DifferenceKind kind, String key) {
    return new VerifyReport.Difference(kind, key);
  }

  @Test void missingExtraAndChanged() {
    KeyDiff diff = new KeyDiff(10);
    diff.add(Map.of("id=1", "a", "id=2", "b", "id=3", "c"),
        Map.of("id=1", "a", "id=3", "X", "id=4", "d"));
    assertEquals(1, diff.missing());
    assertEquals(1, diff.extra());
    assertEquals(1, diff.changed());
    assertEquals(3, diff.total());
    assertEquals(List.of(d(DifferenceKind.MISSING, "id=2"), d(DifferenceKind.CHANGED, "id=3"),
        d(DifferenceKind.EXTRA, "id=4")), diff.listed());
    assertEquals(List.of("id=2", "id=3", "id=4"), diff.keys());
  }

  @Test void equalBatchesAddNothing() {
    KeyDiff diff = new KeyDiff(10);
    diff.add(Map.of("id=1", "a"), Map.of("id=1", "a"));
    diff.add(Map.of(), Map.of());
    assertEquals(0, diff.total());
    assertTrue(diff.listed().isEmpty());
  }

  @Test void numericKeysAreListedNumerically() {
    Map<String, String> source = new LinkedHashMap<>();
    for (String k : List.of("id=10", "id=9", "id=-1", "id=100", "id=2.5")) {
      source.put(k, "h");
    }
    KeyDiff diff = new KeyDiff(10);
    diff.add(source, Map.of());
    assertEquals(List.of("id=-1", "id=2.5", "id=9", "id=10", "id=100"), diff.keys());
  }

  @Test void otherKeysByTheirText() {
    assertTrue(KeyDiff.KEY_ORDER.compare("a=1, b=10", "a=1, b=9") < 0, "composite keys as text");
    assertTrue(KeyDiff.KEY_ORDER.compare("code=b", "code=a") > 0);
    assertTrue(KeyDiff.KEY_ORDER.compare("id=9", "id=10") < 0);
    assertEquals(0, KeyDiff.KEY_ORDER.compare("id=1.0", "id=1"));
  }

  @Test void theListingStopsAtTheLimitButTheCountsDoNot() {
    KeyDiff diff = new KeyDiff(3);
    Map<String, String> source = new LinkedHashMap<>();
    for (int i = 5; i >= 1; i--) {
      source.put("id=" + i, "h");
    }
    diff.add(source, Map.of());
    diff.add(Map.of(), Map.of("id=0", "h", "id=100", "h"));
    assertEquals(5, diff.missing());
    assertEquals(2, diff.extra());
    assertEquals(7, diff.total());
    assertEquals(List.of("id=1", "id=2", "id=3"), diff.keys(), "the first batch's lowest keys");
    assertEquals(3, diff.listed().size());
  }

  @Test void theListingIsACopy() {
    KeyDiff diff = new KeyDiff(5);
    diff.add(Map.of("id=1", "h"), Map.of());
    List<VerifyReport.Difference> listed = diff.listed();
    diff.add(Map.of("id=2", "h"), Map.of());
    assertEquals(1, listed.size());
    assertEquals(2, new ArrayList<>(diff.listed()).size());
  }
}
