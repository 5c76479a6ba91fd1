package dev.ferry.planner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.linq4j.function.Function1;
import org.junit.jupiter.api.Test;

/**
 * A bind join's run without a database: the big side is a list, and each statement is recorded
 * as the fill of its placeholders; the big side filters on its first key column only, so the
 * join's own check of the other keys is tested too.
 */
class BindJoinExecutionTest {
  private static final String TEMPLATE =
      "SELECT * FROM t WHERE \"a\" IN (FERRY_BIND_KEYS_0) AND \"b\" IN (FERRY_BIND_KEYS_1)";

  /** The big side: records each fill, answers the rows whose first column is in its list. */
  private static final class Big implements Function1<String[], Enumerable<Object[]>> {
    final List<List<String>> sent = new ArrayList<>();
    final List<Object[]> rows;

    Big(List<Object[]> rows) {
      this.rows = rows;
    }

    @Override public Enumerable<Object[]> apply(String[] fill) {
      sent.add(List.of(fill));
      if (!fill[0].startsWith("IN (")) {
        return Linq4j.asEnumerable(rows);
      }
      List<String> keys = List.of(fill[0].substring(4, fill[0].length() - 1).split(", "));
      List<Object[]> kept = new ArrayList<>();
      for (Object[] r : rows) {
        if (r[0] != null && keys.contains(r[0].toString())) {
          kept.add(r);
        }
      }
      return Linq4j.asEnumerable(kept);
    }
  }

  private static List<Object[]> rows(Object[]... rows) {
    return Arrays.asList(rows);
  }

  private static List<List<Object>> run(List<Object[]> small, Big big, int[] keys,
      boolean smallIsLeft, int batch, double bigRows) {
    return run(small, big, keys, smallIsLeft, batch, bigRows, BindJoinExecution.MAX_SMALL_ROWS);
  }

  private static List<List<Object>> run(List<Object[]> small, Big big, int[] keys,
      boolean smallIsLeft, int batch, double bigRows, int smallRowsLimit) {
    List<List<Object>> out = new ArrayList<>();
    for (Object[] r : BindJoinExecution.join(Linq4j.asEnumerable(small), big, keys, keys,
        smallIsLeft, batch, bigRows, smallRowsLimit, null)) {
      out.add(Arrays.asList(r));
    }
    return out;
  }

  @Test void joinsDistinctNonNullKeysInBatchesOnTheColumnWithMostKeys() {
    List<Object[]> small = rows(new Object[] {1, 10, "x"}, new Object[] {2, 10, "y"},
        new Object[] {2, 10, "y2"}, new Object[] {null, 10, "n"}, new Object[] {3, null, "m"},
        new Object[] {4, 20, "z"});
    Big big = new Big(rows(new Object[] {2, 10, "B2"}, new Object[] {4, 20, "B4"},
        new Object[] {4, 10, "B4x"}, new Object[] {null, 10, "Bn"}, new Object[] {3, 30, "B3"}));
    List<List<Object>> joined = run(small, big, new int[] {0, 1}, true, 2, 1e9);
    assertEquals(List.of(List.of(2, 10, "y", 2, 10, "B2"), List.of(2, 10, "y2", 2, 10, "B2"),
        List.of(4, 20, "z", 4, 20, "B4")), joined);
    // Keys 1, 2, 4 of column a (3 distinct, the most) split in twos; b's 10, 20 sent whole.
    assertEquals(List.of(List.of("IN (1, 2)", "IN (10, 20)"), List.of("IN (4)", "IN (10, 20)")),
        big.sent);
  }

  @Test void putsTheBigSideFirstWhenItIsTheLeftInput() {
    Big big = new Big(rows(new Object[] {5L, "B"}));
    List<List<Object>> joined = run(rows(new Object[] {5L, "s"}), big, new int[] {0}, false, 10,
        1e9);
    assertEquals(List.of(List.of(5L, "B", 5L, "s")), joined);
  }

  @Test void sendsNothingForAnEmptyOrAllNullSmallSide() {
    Big big = new Big(rows(new Object[] {1, "B"}));
    assertTrue(run(rows(), big, new int[] {0}, true, 10, 1e9).isEmpty());
    assertTrue(run(rows(new Object[] {null, "s"}), big, new int[] {0}, true, 10, 1e9).isEmpty());
    assertTrue(big.sent.isEmpty());
  }

  @Test void readsTheBigSideOnceUnfilteredWhenTheKeysWouldKeepMostOfIt() {
    List<Object[]> small = new ArrayList<>();
    for (int i = 0; i < 1500; i++) {
      small.add(new Object[] {i, "s"});
    }
    Big big = new Big(rows(new Object[] {7, "B"}));
    assertEquals(List.of(List.of(7, "s", 7, "B")),
        run(small, big, new int[] {0}, true, 100, 2000));
    assertEquals(List.of(List.of("IS NOT NULL")), big.sent);
    big.sent.clear();
    assertEquals(1, run(small, big, new int[] {0}, true, 5000, 3000).size());
    assertEquals(1, big.sent.size());
    assertTrue(big.sent.get(0).get(0).startsWith("IN (0, 1, 2, "), big.sent.get(0).get(0));
  }

  @Test void holdsTheBigSideInsteadWhenTheSmallSideIsNotSmall() {
    List<Object[]> small = rows(new Object[] {1, "a"}, new Object[] {null, "n"},
        new Object[] {2, "b"}, new Object[] {1, "a2"}, new Object[] {3, "c"});
    Big big = new Big(rows(new Object[] {1, "B1"}, new Object[] {3, "B3"}, new Object[] {9, "B9"},
        new Object[] {null, "Bn"}));
    List<List<Object>> joined = run(small, big, new int[] {0}, false, 10, 1e9, 2);
    assertEquals(Set.of(List.of(1, "B1", 1, "a"), List.of(1, "B1", 1, "a2"),
        List.of(3, "B3", 3, "c")), Set.copyOf(joined));
    assertEquals(3, joined.size());
    assertEquals(List.of(List.of("IS NOT NULL")), big.sent);
  }

  @Test void fillsAndRecognisesTheStatementsOfATemplate() {
    String sent = BindKeys.fill(TEMPLATE, new String[] {"IN (1, -2)", "IS NOT NULL"});
    assertEquals("SELECT * FROM t WHERE \"a\" IN (1, -2) AND \"b\" IS NOT NULL", sent);
    assertTrue(BindJoin.isTemplate(TEMPLATE));
    assertTrue(BindJoin.fills(TEMPLATE, sent));
    assertFalse(BindJoin.fills(TEMPLATE, sent.replace("t WHERE", "u WHERE")));
    assertFalse(BindJoin.fills(TEMPLATE, sent + " LIMIT 1"));
    assertFalse(BindJoin.fills(TEMPLATE, sent.replace("IN (1, -2)", "IN ()")));
    StringBuilder many = new StringBuilder("IN (0");
    for (int i = 1; i < 200_000; i++) {
      many.append(", ").append(i);
    }
    assertTrue(BindJoin.fills(TEMPLATE,
        BindKeys.fill(TEMPLATE, new String[] {many + ")", "IS NOT NULL"})));
    assertEquals(TEMPLATE, BindKeys.checked(TEMPLATE, 2));
    assertThrows(IllegalStateException.class, () -> BindKeys.checked(TEMPLATE, 3));
  }
}
