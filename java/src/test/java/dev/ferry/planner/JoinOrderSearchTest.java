package dev.ferry.planner;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.calcite.util.ImmutableBitSet;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.junit.jupiter.api.Test;

/** Join orders chosen from row counts and keys, on the shapes of TPC-H queries at SF 1. */
class JoinOrderSearchTest {
  /** Inputs described by hand: rows, equalities, other conditions, and which columns are keys. */
  private static final class Fake implements JoinOrderSearch.Inputs {
    private final double[] rows;
    private final List<ImmutableBitSet> uses = new ArrayList<>();
    private final List<JoinOrderSearch.@Nullable Equality> equalities = new ArrayList<>();
    private final Map<String, Double> keyTables = new HashMap<>();

    Fake(double... rows) {
      this.rows = rows;
    }

    Fake equal(int a, int aColumn, int b, int bColumn) {
      uses.add(ImmutableBitSet.of(a, b));
      equalities.add(new JoinOrderSearch.Equality(a, aColumn, b, bColumn));
      return this;
    }

    Fake other(int... inputs) {
      uses.add(ImmutableBitSet.of(inputs));
      equalities.add(null);
      return this;
    }

    Fake key(int input, int column, double tableRows) {
      keyTables.put(input + ":" + column, tableRows);
      return this;
    }

    @Override public int count() {
      return rows.length;
    }

    @Override public double rows(int i) {
      return rows[i];
    }

    @Override public List<ImmutableBitSet> uses() {
      return uses;
    }

    @Override public JoinOrderSearch.@Nullable Equality equality(int c) {
      return equalities.get(c);
    }

    @Override public double keyTableRows(int i, int column) {
      return keyTables.getOrDefault(i + ":" + column, -1.0);
    }

    @Override public double guess(List<Integer> conditions) {
      return Math.pow(0.5, conditions.size());
    }
  }

  @Test void sendsTheFilteredCustomersToOrdersBeforeTheSuppliersOfTheirNation() {
    // Q5: 0 = orders ⋈ lineitem (PostgreSQL), 1 = customers of one region (MariaDB, a fifth of
    // 150,000), 2 = suppliers (SQLite). Customers and suppliers share only the nation: joining
    // them first makes millions of rows.
    Fake q5 = new Fake(910_000, 30_000, 10_000)
        .equal(0, 1, 1, 0).key(1, 0, 150_000)   // o_custkey = c_custkey
        .equal(0, 2, 2, 0).key(2, 0, 10_000)    // l_suppkey = s_suppkey
        .equal(1, 1, 2, 1);                     // c_nationkey = s_nationkey
    int[] order = JoinOrderSearch.cheapest(q5);
    assertEquals(ImmutableBitSet.of(0, 1), ImmutableBitSet.of(order[0], order[1]));
    assertEquals(2, order[2]);
  }

  @Test void neverJoinsWithoutAConditionWhileAConnectedInputIsLeft() {
    // A chain 0 - 1 - 2 where 0 and 2 are tiny: 0 ⋈ 2 would be a cross product.
    Fake chain = new Fake(10, 1_000_000, 10)
        .equal(0, 0, 1, 0).key(0, 0, 10)
        .equal(1, 1, 2, 0).key(2, 0, 10);
    int[] order = JoinOrderSearch.cheapest(chain);
    assertEquals(1, order[1], "the middle input comes second: " + java.util.Arrays.toString(order));
  }

  @Test void withoutKeysTheSmallerJoinsComeFirst() {
    // No keys: 15% of each cross product; 0 ⋈ 1 (100 × 100) is cheaper than anything with 2.
    Fake plain = new Fake(100, 100, 1_000_000)
        .equal(0, 0, 1, 0)
        .equal(1, 1, 2, 0)
        .other(0, 2);
    int[] order = JoinOrderSearch.cheapest(plain);
    assertEquals(ImmutableBitSet.of(0, 1), ImmutableBitSet.of(order[0], order[1]));
    assertEquals(2, order[2]);
  }

  @Test void keepsTheGivenOrderOfTwoInputs() {
    assertArrayEquals(new int[] {0, 1}, JoinOrderSearch.cheapest(new Fake(5, 500)
        .equal(0, 0, 1, 0).key(0, 0, 5)));
  }
}
