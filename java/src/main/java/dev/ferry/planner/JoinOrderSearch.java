package dev.ferry.planner;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.util.ImmutableBitSet;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Finds the order in which to join the inputs of a flattened inner join: every left-deep order
 * that never joins two inputs without a condition between them while a connected input is
 * left, priced by the rows each join is estimated to produce (their sum, the cost of moving and
 * joining them), the cheapest kept.
 *
 * <p>A join's rows are estimated as a join along a foreign key is: when one side's column is the
 * primary key of a table K (of any filtered or joined form of it), every row of the other side
 * refers to one row of K, which the first side holds as many times as its rows are to K's, so
 * |T ⋈ F| = |T| × |F| / |K|. Customers of one region (a fifth of the customer table) keep a
 * fifth of the orders; all suppliers keep all of lineitem. Without such a key Calcite's guess
 * of 15% of the cross product per equality stands; other conditions take Calcite's guessed
 * selectivity.
 */
final class JoinOrderSearch {
  /** Inputs this search orders exhaustively at most (7! orders); more are left to Calcite. */
  static final int MAX_INPUTS = 7;

  /** What the search needs to know of the inputs and conditions. */
  interface Inputs {
    /** How many inputs there are. */
    int count();

    /** The estimated rows of input {@code i}. */
    double rows(int i);

    /** The conditions, as the inputs each uses. */
    List<ImmutableBitSet> uses();

    /** Condition {@code c} as an equality between two inputs' columns, or null. */
    @Nullable Equality equality(int c);

    /**
     * The rows of the table whose primary key {@code column} of input {@code i} is (the column
     * itself, not an expression of it), or -1 when it is not a table's key.
     */
    double keyTableRows(int i, int column);

    /** Calcite's guessed selectivity of conditions {@code conditions} (not equalities). */
    double guess(List<Integer> conditions);
  }

  /** Condition: column {@code leftColumn} of input {@code left} equals one of {@code right}. */
  record Equality(int left, int leftColumn, int right, int rightColumn) {
    /** The column of {@code input} this equality compares, or -1. */
    int columnOf(int input) {
      return input == left ? leftColumn : input == right ? rightColumn : -1;
    }

    /** The input on the other side of {@code input}. */
    int other(int input) {
      return input == left ? right : left;
    }
  }

  private final Inputs in;
  private final int n;
  private final List<ImmutableBitSet> uses;
  private double bestCost = Double.POSITIVE_INFINITY;
  private int[] best;

  private JoinOrderSearch(Inputs in) {
    this.in = in;
    this.n = in.count();
    this.uses = in.uses();
    this.best = new int[0];
  }

  /** The cheapest order of {@code inputs}' inputs (their indexes, first joined first). */
  static int[] cheapest(Inputs inputs) {
    JoinOrderSearch s = new JoinOrderSearch(inputs);
    int[] order = new int[s.n];
    for (int first = 0; first < s.n; first++) {
      order[0] = first;
      s.extend(order, 1, ImmutableBitSet.of(first), inputs.rows(first), 0);
    }
    return s.best;
  }

  private void extend(int[] order, int placed, ImmutableBitSet tree, double rows, double cost) {
    if (cost >= bestCost) {
      return;
    }
    if (placed == n) {
      bestCost = cost;
      best = order.clone();
      return;
    }
    boolean anyConnected = false;
    for (int f = 0; f < n && !anyConnected; f++) {
      anyConnected = !tree.get(f) && connected(tree, f);
    }
    for (int f = 0; f < n; f++) {
      if (tree.get(f) || (anyConnected && !connected(tree, f))) {
        continue;
      }
      double joined = join(tree, rows, f);
      order[placed] = f;
      extend(order, placed + 1, tree.set(f), joined, cost + joined);
    }
  }

  private boolean connected(ImmutableBitSet tree, int f) {
    for (ImmutableBitSet u : uses) {
      if (u.get(f) && u.cardinality() >= 2 && tree.contains(u.clear(f))) {
        return true;
      }
    }
    return false;
  }

  /** The estimated rows of {@code tree} ({@code rows} of them) joined to input {@code f}. */
  private double join(ImmutableBitSet tree, double rows, int f) {
    ImmutableBitSet with = tree.set(f);
    List<Equality> keys = new ArrayList<>();
    List<Integer> others = new ArrayList<>();
    for (int c = 0; c < uses.size(); c++) {
      ImmutableBitSet u = uses.get(c);
      if (!u.get(f) || !with.contains(u) || u.cardinality() < 2) {
        continue;
      }
      Equality e = in.equality(c);
      if (e != null) {
        keys.add(e);
      } else {
        others.add(c);
      }
    }
    double fRows = in.rows(f);
    double est = Double.POSITIVE_INFINITY;
    for (Equality e : keys) {
      int g = e.other(f);
      double table = Math.max(in.keyTableRows(f, e.columnOf(f)), in.keyTableRows(g, e.columnOf(g)));
      if (table > 0) {
        est = Math.min(est, rows * fRows / table);
      }
    }
    if (est == Double.POSITIVE_INFINITY) {
      est = rows * fRows * Math.pow(0.15, keys.size());
    }
    return Math.max(1, est * in.guess(others));
  }
}
