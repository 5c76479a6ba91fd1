package dev.ferry.verify;

import java.sql.SQLException;
import java.util.Map;
import java.util.SortedSet;

/**
 * Per-chunk row counts and hash sums of one side, and the key-by-key hashes of chosen chunks.
 *
 * <p>{@link InDatabaseChecksums} has the database compute both; {@link JvmChecksums} streams the
 * rows and hashes them in the JVM with {@link RowCanon}. Both sides of one verification always
 * use the same kind, so their sums are comparable.
 */
interface ChunkChecksums {
  /** One chunk's row count and the sum of its row hashes, as exact decimal text. */
  record Chunk(long rows, String sum) {}

  /** The chunks that hold rows, from per-chunk row counts and hash sums. */
  static Map<Integer, Chunk> nonEmpty(long[] rows, long[] sums) {
    Map<Integer, Chunk> out = new java.util.HashMap<>();
    for (int i = 0; i < rows.length; i++) {
      if (rows[i] > 0) {
        out.put(i, new Chunk(rows[i], Long.toString(sums[i])));
      }
    }
    return out;
  }

  /** Receives one row of a narrowed chunk: its key text ({@code id=5}) and row hash. */
  interface RowSink {
    void row(String key, String hash);
  }

  /** The checksum of every non-empty chunk, by chunk number. */
  Map<Integer, Chunk> chunks(Buckets buckets) throws SQLException;

  /** Sends the key and hash of every row in the given chunks. */
  void rows(Buckets buckets, SortedSet<Integer> chunks, RowSink sink) throws SQLException;

  /** Row count, lowest and highest key (null for an empty table or a key that is not one integer). */
  record Stats(long rows, @org.checkerframework.checker.nullness.qual.Nullable Long min,
      @org.checkerframework.checker.nullness.qual.Nullable Long max) {}
}
