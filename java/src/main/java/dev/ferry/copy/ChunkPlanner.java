package dev.ferry.copy;

import dev.ferry.federation.DatabaseSchema;
import dev.ferry.federation.Federation;
import dev.ferry.federation.SourceRows;
import dev.ferry.sink.SinkValues;
import dev.ferry.types.TableName;
import dev.ferry.types.TypeFamily;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Splits a table into ranges of its key, {@code chunkRows} rows each, and writes the SQL that
 * reads one range.
 *
 * <p>Boundaries are every {@code chunkRows}-th key, found by the source database itself from its
 * key index (Calcite pushes each boundary query down whole), so the ranges follow the source's
 * own ordering and collation. Chunk {@code i} is
 * {@code key > lo AND key <= hi}; the first has no lower bound and the last no upper bound, so
 * rows added while the copy runs are not lost at either end.
 */
final class ChunkPlanner {
  /** Key families whose literals round-trip exactly through Calcite's SQL. */
  static final Set<TypeFamily> CHUNKABLE = Set.of(TypeFamily.INTEGER, TypeFamily.DECIMAL,
      TypeFamily.CHAR, TypeFamily.DATE);

  /** One key range; a null bound is open. */
  record Range(@Nullable String lo, @Nullable String hi) {}

  /** The boundaries found, and the rows counted on the way. */
  record Boundaries(List<String> his, long rows) {}

  private ChunkPlanner() {}

  /** Quotes an identifier for Calcite's parser (double quotes). */
  static String q(String name) {
    return "\"" + name.replace("\"", "\"\"") + "\"";
  }

  /** A Calcite SQL literal for a key or watermark value in {@code family}. */
  static String literal(TypeFamily family, String value) {
    return switch (family) {
      case INTEGER, DECIMAL, FLOAT -> value;
      case DATE -> "DATE '" + value + "'";
      case TIMESTAMP -> "TIMESTAMP '" + value + "'";
      default -> "'" + value.replace("'", "''") + "'";
    };
  }

  /**
   * A timestamp literal with exactly {@code precision} fraction digits, the column's own: a
   * literal of another precision makes Calcite cast the column, and MariaDB rejects
   * {@code CAST(… AS TIMESTAMP(n))}. Rounded down, or up when {@code ceiling}.
   */
  static String timestampLiteral(String value, @Nullable Integer precision, boolean ceiling) {
    java.time.LocalDateTime t = java.time.LocalDateTime.parse(value.replace(' ', 'T'));
    int p = precision == null ? 6 : Math.max(0, Math.min(9, precision));
    long unit = (long) Math.pow(10, 9 - p);
    if (ceiling && t.getNano() % unit != 0) {
      t = t.plusNanos(unit - t.getNano() % unit);
    }
    String base = t.withNano(0).toString().replace('T', ' ');
    if (base.length() == 16) {
      base += ":00";
    }
    String frac = String.format(java.util.Locale.ROOT, "%09d", t.getNano()).substring(0, p);
    return "TIMESTAMP '" + base + (p == 0 ? "" : "." + frac) + "'";
  }

  /** The ranges between {@code his} (ascending), starting after {@code after}. */
  static List<Range> ranges(@Nullable String after, List<String> his) {
    List<Range> out = new ArrayList<>();
    String lo = after;
    for (String hi : his) {
      out.add(new Range(lo, hi));
      lo = hi;
    }
    out.add(new Range(lo, null));
    return out;
  }

  /**
   * For a dense integer key (at most 4 values of key space per row), boundaries spaced evenly
   * between its minimum and maximum, from one aggregate query: the chunks are about
   * {@code chunkRows} rows each, and every key still falls in exactly one range. A sparse key
   * returns null and gets the exact scan, whose one query per boundary cost 1.2 s on a
   * 1M-row table.
   */
  private static @Nullable Boundaries evenIntegerRanges(Federation federation, String source, String key,
      @Nullable String condition, long chunkRows) throws SQLException {
    String sql = "SELECT MIN(" + q(key) + "), MAX(" + q(key) + "), COUNT(*) FROM " + source
        + (condition == null ? "" : " WHERE " + condition);
    java.math.BigInteger min;
    java.math.BigInteger max;
    long n;
    try (SourceRows rows = federation.openRows(sql)) {
      var rs = rows.resultSet();
      if (!rs.next()) {
        return null;
      }
      n = rs.getLong(3);
      if (n == 0) {
        return new Boundaries(List.of(), 0);
      }
      java.math.BigDecimal lo = rs.getBigDecimal(1);
      java.math.BigDecimal hi = rs.getBigDecimal(2);
      if (lo == null || hi == null) {
        return null;
      }
      min = lo.toBigInteger();
      max = hi.toBigInteger();
    }
    return even(min, max, n, chunkRows);
  }

  /**
   * {@link #evenIntegerRanges} asked of the source itself, without Calcite, for a plain copy (no
   * condition but an optional integer lower bound {@code after}, a resume's): the first query
   * of a copy then does not wait for Calcite's planner to warm up (~0.3 s cold). Null when the
   * key is sparse or its bounds are not whole numbers; the caller then plans through Calcite.
   */
  static @Nullable Boundaries directEvenRanges(DatabaseSchema source, TableName table, String key,
      @Nullable String after, long chunkRows) throws SQLException {
    org.apache.calcite.sql.SqlDialect d = source.dialect();
    String k = d.quoteIdentifier(key);
    String sql = "SELECT MIN(" + k + "), MAX(" + k + "), COUNT(*) FROM " + table.quoted(d)
        + (after == null ? "" : " WHERE " + k + " > " + new java.math.BigInteger(after));
    try (java.sql.Connection c = source.dataSource().getConnection();
         java.sql.Statement st = c.createStatement();
         java.sql.ResultSet rs = st.executeQuery(sql)) {
      if (!rs.next()) {
        return null;
      }
      long n = rs.getLong(3);
      if (n == 0) {
        return new Boundaries(List.of(), 0);
      }
      java.math.BigInteger min = whole(rs.getString(1));
      java.math.BigInteger max = whole(rs.getString(2));
      return min == null || max == null ? null : even(min, max, n, chunkRows);
    }
  }

  private static java.math.@Nullable BigInteger whole(@Nullable String s) {
    try {
      return s == null ? null : new java.math.BigDecimal(s.strip()).toBigIntegerExact();
    } catch (ArithmeticException | NumberFormatException e) {
      return null;
    }
  }

  /** Boundaries spaced evenly over [min, max] for n rows, or null when the key is sparse. */
  private static @Nullable Boundaries even(java.math.BigInteger min, java.math.BigInteger max,
      long n, long chunkRows) {
    java.math.BigInteger span = max.subtract(min).add(java.math.BigInteger.ONE);
    if (span.compareTo(java.math.BigInteger.valueOf(n).multiply(java.math.BigInteger.valueOf(4))) > 0) {
      return null;
    }
    long chunks = (n + chunkRows - 1) / chunkRows;
    java.math.BigInteger step = span.add(java.math.BigInteger.valueOf(chunks - 1))
        .divide(java.math.BigInteger.valueOf(chunks));
    List<String> his = new ArrayList<>();
    for (long i = 1; i < chunks; i++) {
      java.math.BigInteger b = min.add(step.multiply(java.math.BigInteger.valueOf(i)))
          .subtract(java.math.BigInteger.ONE);
      if (b.compareTo(max) < 0) {
        his.add(b.toString());
      }
    }
    return new Boundaries(his, n);
  }

  /**
   * Finds every {@code chunkRows}-th key of {@code source} (a Calcite table reference) under
   * {@code condition}, and counts the rows. Each boundary is one query that the source answers
   * from its key index ({@code ORDER BY key OFFSET chunkRows - 1 FETCH NEXT 1 ROW}, pushed down
   * whole), so no key crosses the network except the boundaries themselves.
   */
  static Boundaries scan(Federation federation, String source, String key, TypeFamily family,
      @Nullable String condition, long chunkRows) throws SQLException {
    if (family == TypeFamily.INTEGER) {
      Boundaries even = evenIntegerRanges(federation, source, key, condition, chunkRows);
      if (even != null) {
        return even;
      }
    }
    List<String> his = new ArrayList<>();
    String lo = null;
    while (true) {
      String where = and(condition, lo == null ? null : q(key) + " > " + literal(family, lo));
      String sql = "SELECT " + q(key) + " FROM " + source + (where == null ? "" : " WHERE " + where)
          + " ORDER BY " + q(key) + " OFFSET " + (chunkRows - 1) + " ROWS FETCH NEXT 1 ROWS ONLY";
      String hi = null;
      try (SourceRows rows = federation.openRows(sql)) {
        var rs = rows.resultSet();
        if (rs.next()) {
          Object v = rows.readers()[0].read(rs);
          hi = v == null ? null : SinkValues.text(v);
        }
      }
      if (hi == null) {
        break;
      }
      his.add(hi);
      lo = hi;
    }
    String sql = "SELECT COUNT(*) FROM " + source + (condition == null ? "" : " WHERE " + condition);
    long n;
    try (SourceRows rows = federation.openRows(sql)) {
      n = rows.resultSet().next() ? rows.resultSet().getLong(1) : 0;
    }
    // A boundary equal to the last key would leave an empty final chunk; harmless, but skip it.
    if (!his.isEmpty() && n % chunkRows == 0 && his.size() == n / chunkRows) {
      his.remove(his.size() - 1);
    }
    return new Boundaries(his, n);
  }

  /** The condition selecting {@code range} of {@code key}, or null for the whole table. */
  static @Nullable String rangeCondition(String key, TypeFamily family, Range range) {
    List<String> parts = new ArrayList<>();
    if (range.lo() != null) {
      parts.add(q(key) + " > " + literal(family, range.lo()));
    }
    if (range.hi() != null) {
      parts.add(q(key) + " <= " + literal(family, range.hi()));
    }
    return parts.isEmpty() ? null : String.join(" AND ", parts);
  }

  /** {@code a AND b} of possibly-null conditions, each parenthesized. */
  static @Nullable String and(@Nullable String... conditions) {
    List<String> parts = new ArrayList<>();
    for (String c : conditions) {
      if (c != null && !c.isBlank()) {
        parts.add("(" + c + ")");
      }
    }
    return parts.isEmpty() ? null : String.join(" AND ", parts);
  }
}
