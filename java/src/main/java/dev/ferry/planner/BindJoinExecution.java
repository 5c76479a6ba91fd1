package dev.ferry.planner;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.TreeSet;
import org.apache.calcite.linq4j.AbstractEnumerable;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.linq4j.function.Function1;
import org.apache.calcite.linq4j.function.Predicate1;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Runs a {@link BindJoin}: reads the small side whole, then asks the big side's database only
 * for the rows whose keys are among the small side's, in statements of at most
 * {@code batchKeys} keys, and joins each row it returns to the small rows with its key.
 *
 * <p>Keys are integers of one SQL type on both sides, compared as {@code long}s. A row with a
 * NULL key joins nothing and sends no key; a key several small rows share is sent once, and each
 * big row joins every small row with its key. The statements are split on the key column with
 * the most distinct values (the one that filters most), each holding a distinct part of them,
 * so no big row is read twice; every other key column sends all its keys when they fit in one
 * statement.
 *
 * <p>What is worth doing is decided here, from real counts, because the planner's estimates of
 * joins are too rough: when the small side holds more than {@link #MAX_KEYS} distinct keys, or
 * more than half the big side's estimated rows, sending them would cost more than it saves, and the big side is read once, filtered on non-NULL keys only. When the "small" side
 * turns out to have more than {@code smallRowsLimit} rows, it is not held: the big side is read
 * once into memory instead and the small side's rows are joined to it as they come, as a hash
 * join on the big side would. Called by the code Calcite generates for the plan.
 */
public final class BindJoinExecution {
  /** The most distinct keys sent, over all statements, before the big side is read whole. */
  public static final int MAX_KEYS = 100_000;
  /**
   * Keys are sent only when the big side is estimated at this many times as many rows or more
   * (or up to {@link #MIN_KEYS} keys): otherwise the filter would keep most of it anyway. Low,
   * because filtered sides are often underestimated (TPC-H Q21's orders of status F: 225,000
   * estimated, 729,413 read).
   */
  public static final double MIN_RATIO = 2;
  /** Keys sent whatever the big side's estimate. */
  public static final int MIN_KEYS = 1_000;
  /** The most rows with a key the small side may have to be held in memory. */
  public static final int MAX_SMALL_ROWS = 500_000;

  private BindJoinExecution() {}

  /**
   * The statement {@code template} (the big side's SQL with a placeholder per key pair) with
   * each key pair's placeholder replaced by {@code fill}'s entry: called by generated code.
   */
  public static String statement(String template, String[] fill) {
    return BindKeys.fill(template, fill);
  }

  /**
   * The inner join of {@code small} and the big side.
   *
   * @param small the small side's rows
   * @param big the big side's rows whose keys satisfy, for each key pair, the SQL given (see
   *     {@link #statement})
   * @param smallKeys the key columns of a small row
   * @param bigKeys the key columns of a big row, in the same order
   * @param smallIsLeft whether the small side is the join's left input (its columns come first)
   * @param batchKeys the most keys one statement sends
   * @param bigRows the planner's estimate of the big side's rows
   * @param smallRowsLimit the most small rows with a key held ({@link #MAX_SMALL_ROWS})
   * @param residual the rest of the join's condition, on a joined row (null when none)
   * @return the joined rows, the left input's columns first
   */
  public static Enumerable<Object[]> join(Enumerable<Object[]> small,
      Function1<String[], Enumerable<Object[]>> big, int[] smallKeys, int[] bigKeys,
      boolean smallIsLeft, int batchKeys, double bigRows, int smallRowsLimit,
      @Nullable Predicate1<Object[]> residual) {
    long most = (long) Math.min(MAX_KEYS, Math.max(MIN_KEYS, bigRows / MIN_RATIO));
    Side sides = new Side(small, big, smallKeys, bigKeys, smallIsLeft, residual);
    return new AbstractEnumerable<>() {
      @Override public Enumerator<Object[]> enumerator() {
        return new Run(sides, Math.max(1, batchKeys), most, smallRowsLimit);
      }
    };
  }

  /** The key of {@code row} at {@code columns}, or null when a key column is NULL. */
  static @Nullable Object key(Object[] row, int[] columns) {
    if (columns.length == 1) {
      return asLong(row[columns[0]]);
    }
    List<Long> key = new ArrayList<>(columns.length);
    for (int c : columns) {
      Long v = asLong(row[c]);
      if (v == null) {
        return null;
      }
      key.add(v);
    }
    return key;
  }

  private static @Nullable Long asLong(@Nullable Object v) {
    return v == null ? null : ((Number) v).longValue();
  }

  private static void add(Map<Object, List<Object[]>> lookup, Object key, Object[] row) {
    lookup.computeIfAbsent(key, x -> new ArrayList<>(1)).add(row);
  }

  /** The two sides of the join and how their rows are keyed and put together. */
  private record Side(Enumerable<Object[]> small, Function1<String[], Enumerable<Object[]>> big,
      int[] smallKeys, int[] bigKeys, boolean smallIsLeft,
      @Nullable Predicate1<Object[]> residual) {
    Object[] joined(Object[] smallRow, Object[] bigRow) {
      Object[] l = smallIsLeft ? smallRow : bigRow;
      Object[] r = smallIsLeft ? bigRow : smallRow;
      Object[] row = new Object[l.length + r.length];
      System.arraycopy(l, 0, row, 0, l.length);
      System.arraycopy(r, 0, row, l.length, r.length);
      return row;
    }

    /** The big side's statement that filters on non-NULL keys only. */
    String[] anyKey() {
      String[] fill = new String[bigKeys.length];
      Arrays.fill(fill, BindKeys.ANY_KEY);
      return fill;
    }
  }

  /** One enumeration of the join. */
  private static final class Run implements Enumerator<Object[]> {
    private final Side sides;
    private final int batchKeys;
    private final long mostKeys;
    private final int smallRowsLimit;
    private boolean started;
    /** The held side's rows by key: the small side's, or the big side's when the small is big. */
    private Map<Object, List<Object[]>> lookup = Map.of();
    private boolean probeWithSmall;
    private List<String[]> statements = List.of();
    private int nextStatement;
    private @Nullable Iterator<Object[]> held;
    private @Nullable Enumerator<Object[]> stream;
    private Object[] probe = new Object[0];
    private List<Object[]> matches = List.of();
    private int nextMatch;
    private Object @Nullable [] current;

    Run(Side sides, int batchKeys, long mostKeys, int smallRowsLimit) {
      this.sides = sides;
      this.batchKeys = batchKeys;
      this.mostKeys = mostKeys;
      this.smallRowsLimit = smallRowsLimit;
    }

    /** Reads the small side: its rows by key and what each statement sends, unless too many. */
    private void start() {
      Map<Object, List<Object[]>> byKey = new HashMap<>();
      List<TreeSet<Long>> distinct = new ArrayList<>();
      for (int i = 0; i < sides.smallKeys().length; i++) {
        distinct.add(new TreeSet<>());
      }
      Enumerator<Object[]> rows = sides.small().enumerator();
      int count = 0;
      while (rows.moveNext()) {
        Object[] row = rows.current();
        Object k = key(row, sides.smallKeys());
        if (k == null) {
          continue;
        }
        if (count++ == smallRowsLimit) {
          holdBig(byKey, row, rows);
          return;
        }
        add(byKey, k, row);
        for (int i = 0; i < distinct.size(); i++) {
          distinct.get(i).add(asLong(row[sides.smallKeys()[i]]));
        }
      }
      rows.close();
      lookup = byKey;
      statements = byKey.isEmpty() ? List.of() : statements(distinct);
    }

    /**
     * Holds the big side, read once, and joins the small side's rows to it: those read so far
     * ({@code byKey} and {@code row}), then the rest of {@code rows}.
     */
    private void holdBig(Map<Object, List<Object[]>> byKey, Object[] row,
        Enumerator<Object[]> rows) {
      Map<Object, List<Object[]>> bigByKey = new HashMap<>();
      try (Enumerator<Object[]> b = sides.big().apply(sides.anyKey()).enumerator()) {
        while (b.moveNext()) {
          Object k = key(b.current(), sides.bigKeys());
          if (k != null) {
            add(bigByKey, k, b.current());
          }
        }
      }
      List<Object[]> read = new ArrayList<>();
      byKey.values().forEach(read::addAll);
      read.add(row);
      lookup = bigByKey;
      probeWithSmall = true;
      held = read.iterator();
      stream = rows;
    }

    /** What replaces each placeholder, for each statement sent. */
    private List<String[]> statements(List<TreeSet<Long>> distinct) {
      int split = 0;
      for (int i = 1; i < distinct.size(); i++) {
        if (distinct.get(i).size() > distinct.get(split).size()) {
          split = i;
        }
      }
      if (distinct.get(split).size() > mostKeys) {
        return List.<String[]>of(sides.anyKey());
      }
      String[] fill = new String[distinct.size()];
      for (int i = 0; i < fill.length; i++) {
        fill[i] = distinct.get(i).size() <= batchKeys ? BindKeys.in(distinct.get(i))
            : BindKeys.ANY_KEY;
      }
      List<String[]> out = new ArrayList<>();
      List<Long> batch = new ArrayList<>(Math.min(batchKeys, distinct.get(split).size()));
      for (Long k : distinct.get(split)) {
        batch.add(k);
        if (batch.size() == batchKeys) {
          out.add(with(fill, split, batch));
          batch.clear();
        }
      }
      if (!batch.isEmpty()) {
        out.add(with(fill, split, batch));
      }
      return Collections.unmodifiableList(out);
    }

    private static String[] with(String[] fill, int column, List<Long> keys) {
      String[] out = fill.clone();
      out[column] = BindKeys.in(keys);
      return out;
    }

    @Override public boolean moveNext() {
      if (!started) {
        started = true;
        start();
      }
      while (true) {
        if (nextMatch < matches.size()) {
          Object[] m = matches.get(nextMatch++);
          Object[] row = probeWithSmall ? sides.joined(probe, m) : sides.joined(m, probe);
          if (sides.residual() == null || sides.residual().apply(row)) {
            current = row;
            return true;
          }
          continue;
        }
        Object[] next = nextProbe();
        if (next == null) {
          return false;
        }
        probe = next;
        Object k = key(probe, probeWithSmall ? sides.smallKeys() : sides.bigKeys());
        List<Object[]> found = k == null ? null : lookup.get(k);
        matches = found == null ? List.of() : found;
        nextMatch = 0;
      }
    }

    /** The next row to look up in the held side, or null when there is none. */
    private Object @Nullable [] nextProbe() {
      Iterator<Object[]> h = held;
      if (h != null && h.hasNext()) {
        return h.next();
      }
      while (true) {
        Enumerator<Object[]> rows = stream;
        if (rows != null && rows.moveNext()) {
          return rows.current();
        }
        closeStream();
        if (probeWithSmall || nextStatement >= statements.size()) {
          return null;
        }
        stream = sides.big().apply(statements.get(nextStatement++)).enumerator();
      }
    }

    @Override public Object[] current() {
      Object[] c = current;
      if (c == null) {
        throw new NoSuchElementException();
      }
      return c;
    }

    /** Starts over: the small side is read again on the next {@link #moveNext}. */
    @Override public void reset() {
      closeStream();
      started = false;
      lookup = Map.of();
      probeWithSmall = false;
      statements = List.of();
      nextStatement = 0;
      held = null;
      matches = List.of();
      nextMatch = 0;
      current = null;
    }

    private void closeStream() {
      Enumerator<Object[]> rows = stream;
      stream = null;
      if (rows != null) {
        rows.close();
      }
    }

    @Override public void close() {
      closeStream();
    }
  }
}
