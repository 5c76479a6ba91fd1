package dev.ferry.dialect;

import dev.ferry.types.TableName;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;
import org.apache.calcite.sql.SqlDialect;

/**
 * Even ranges of a whole-number position as SQL conditions — an integer key's values by default
 * ({@link Dialect#splitReads}), PostgreSQL's pages — so several readers share one table. The first
 * range has no lower bound and the last no upper one, so every row falls in exactly one.
 */
public final class KeyRanges {
  /** Fewer keys than this per part are not worth a reader of their own. */
  static final long MIN_KEYS_PER_PART = 50_000;

  private KeyRanges() {}

  /**
   * Up to {@code parts} conditions on {@code table}'s integer key column {@code integerKey}
   * cutting the range of its values in {@code c} evenly; empty for an empty table.
   */
  static List<String> byKey(Connection c, SqlDialect q, TableName table, String integerKey,
      int parts) throws SQLException {
    String k = q.quoteIdentifier(integerKey);
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT MIN(" + k + "), MAX(" + k + ") FROM " + table.quoted(q))) {
      return !rs.next() || rs.getObject(1) == null ? List.of()
          : split(k, rs.getLong(1), rs.getLong(2), parts);
    }
  }

  /** Up to {@code parts} conditions on the quoted key {@code k} spanning {@code lo..hi}. */
  static List<String> split(String k, long lo, long hi, int parts) {
    return split(lo, hi - lo + 1, parts, MIN_KEYS_PER_PART, to -> k + " < " + to,
        from -> k + " >= " + from);
  }

  /**
   * Up to {@code parts} conditions cutting {@code span} positions from {@code lo} evenly, none
   * of fewer than {@code minPerPart}; empty when fewer than two parts are worth it.
   * {@code below(to)} and {@code atLeast(from)} write the two kinds of bound.
   */
  public static List<String> split(long lo, long span, int parts, long minPerPart,
      LongFunction<String> below, LongFunction<String> atLeast) {
    int n = span <= 0 ? 0 : (int) Math.min(parts, span / minPerPart);
    if (n < 2) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    long step = span / n;
    for (int i = 0; i < n; i++) {
      String from = atLeast.apply(lo + i * step);
      String to = below.apply(lo + (i + 1) * step);
      out.add(i == 0 ? to : i == n - 1 ? from : from + " AND " + to);
    }
    return out;
  }
}
