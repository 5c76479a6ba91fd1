package dev.ferry.verify;

/**
 * How rows are grouped into checksum chunks, the same way on both sides.
 *
 * <p>A single integer key is split into {@code count} ranges of {@code width} keys starting at
 * {@code lo} (the lowest key of either side, so {@code (key - lo) / width} is never negative and
 * integer division is floor division on every engine); a narrowed chunk is then read back with an
 * indexed range. Other keys are spread by a hash of the key (which a mismatching chunk can only
 * find again with a full scan). A table without a key is one chunk.
 */
record Buckets(Mode mode, int count, long lo, long width) {
  /** How a row's chunk is computed. */
  enum Mode { RANGE, KEY_HASH, WHOLE }

  /** The single chunk of a keyless table. */
  static Buckets whole() {
    return new Buckets(Mode.WHOLE, 1, 0, 0);
  }

  /** Hash buckets for {@code rows} rows at {@code chunkRows} each. */
  static Buckets keyHash(long rows, long chunkRows) {
    return new Buckets(Mode.KEY_HASH, chunksFor(rows, chunkRows), 0, 0);
  }

  /**
   * Range buckets over keys {@code min..max} for about {@code rows} rows; hash buckets when the
   * span does not fit a BIGINT.
   */
  static Buckets range(long min, long max, long rows, long chunkRows) {
    long span;
    try {
      span = Math.addExact(Math.subtractExact(max, min), 1);
    } catch (ArithmeticException tooWide) {
      return keyHash(rows, chunkRows);
    }
    int wanted = chunksFor(rows, chunkRows);
    // Ceiling divisions that cannot overflow: the span may be close to BIGINT's whole range.
    long width = Math.max(1, span / wanted + (span % wanted == 0 ? 0 : 1));
    int count = (int) Math.max(1, span / width + (span % width == 0 ? 0 : 1));
    return new Buckets(Mode.RANGE, count, min, width);
  }

  private static int chunksFor(long rows, long chunkRows) {
    return (int) Math.max(1, Math.min(1_000_000, (rows + chunkRows - 1) / chunkRows));
  }

  /** The chunk of an integer key (range mode). */
  int ofKey(long key) {
    return (int) ((key - lo) / width);
  }

  /** The chunk of a key's hash (key-hash mode). */
  int ofHash(long keyHash) {
    return (int) Math.floorMod(keyHash, (long) count);
  }

  /** The lowest key of range chunk {@code b}. */
  long first(int b) {
    return lo + b * width;
  }

  /** The highest key of range chunk {@code b}, saturating at BIGINT's maximum. */
  long last(int b) {
    try {
      return Math.addExact(first(b), width - 1);
    } catch (ArithmeticException beyond) {
      return Long.MAX_VALUE;
    }
  }

  /** {@code key BETWEEN first AND last OR …} over runs of consecutive range chunks. */
  String rangeFilter(String key, java.util.SortedSet<Integer> chunks) {
    java.util.List<String> parts = new java.util.ArrayList<>();
    Integer runStart = null;
    Integer prev = null;
    for (int c : chunks) {
      if (prev != null && c != prev + 1) {
        parts.add("(" + key + " BETWEEN " + first(runStart) + " AND " + last(prev) + ")");
        runStart = null;
      }
      if (runStart == null) {
        runStart = c;
      }
      prev = c;
    }
    if (runStart != null) {
      parts.add("(" + key + " BETWEEN " + first(runStart) + " AND " + last(prev) + ")");
    }
    return parts.isEmpty() ? "1 = 0" : String.join(" OR ", parts);
  }
}
