package dev.ferry;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Splits a table into ranges of its key, {@code chunkRows} rows each, and writes the SQL that
 * reads one range.
 *
 * <p>Boundaries are every {@code chunkRows}-th key of a keyset scan that reads only the key
 * column, ordered by the source database itself (Calcite pushes the scan down whole), so the
 * ranges follow the source's own ordering and collation. Chunk {@code i} is
 * {@code key > lo AND key <= hi}; the first has no lower bound and the last no upper bound, so
 * rows added while the copy runs are not lost at either end.
 */
final class ChunkPlanner {
  /** Key families whose literals round-trip exactly through Calcite's SQL. */
  static final Set<String> CHUNKABLE = Set.of("integer", "decimal", "char", "date");

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
  static String literal(String family, String value) {
    return switch (family) {
      case "integer", "decimal", "float" -> value;
      case "date" -> "DATE '" + value + "'";
      case "timestamp" -> "TIMESTAMP '" + value + "'";
      default -> "'" + value.replace("'", "''") + "'";
    };
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
   * Scans the key of {@code source} (a Calcite table reference) under {@code condition} and
   * returns every {@code chunkRows}-th key value as text, plus the number of keys seen.
   */
  static Boundaries scan(Engine engine, String source, String key, @Nullable String condition,
      long chunkRows) throws SQLException {
    String sql = "SELECT " + q(key) + " FROM " + source
        + (condition == null ? "" : " WHERE " + condition) + " ORDER BY " + q(key);
    List<String> his = new ArrayList<>();
    long n = 0;
    try (SourceRows rows = engine.openRows(sql)) {
      boolean sqlite = rows.source() != null
          && rows.source().dataSource().spec().engine().equals("sqlite");
      SinkValues.Reader reader = SinkValues.readers(rows.columns(), sqlite)[0];
      var rs = rows.resultSet();
      while (rs.next()) {
        n++;
        if (n % chunkRows == 0) {
          Object v = reader.read(rs);
          if (v != null) {
            his.add(SinkValues.text(v));
          }
        }
      }
    }
    // A boundary equal to the last key would leave an empty final chunk; harmless, but skip it.
    if (!his.isEmpty() && n % chunkRows == 0) {
      his.remove(his.size() - 1);
    }
    return new Boundaries(his, n);
  }

  /** The condition selecting {@code range} of {@code key}, or null for the whole table. */
  static @Nullable String rangeCondition(String key, String family, Range range) {
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
