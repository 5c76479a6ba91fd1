package dev.ferry.checksum;

import java.util.List;

/**
 * How one engine computes row hashes and chunk numbers in SQL, so only per-chunk aggregates leave
 * the database.
 *
 * <p>The hashes need only agree between two tables of the same engine (a cross-engine pair is
 * hashed in the JVM from one canonical text), so each engine uses its own row text; they must
 * tell NULL from the empty string and be 64-bit wide so that an order-independent SUM is a sound
 * chunk checksum. An engine without a hash function has none (its dialect returns null).
 */
public interface ChecksumSql {
  /** A 64-bit integer hash of the row made of {@code columns} (quoted), whose kinds are given. */
  String rowHash(List<String> columns, List<CellKind> kinds);

  /** A chunk number in {@code 0..buckets-1} from a hash of the key columns (quoted). */
  String keyHashBucket(List<String> keys, List<CellKind> kinds, int buckets);

  /** The exact sum of the row hashes {@code hash}, readable as a DECIMAL. */
  default String sum(String hash) {
    return "SUM(" + hash + ")";
  }

  /** {@code (key - lo) / width} in integer arithmetic; never negative for the keys compared. */
  default String rangeBucket(String key, long lo, long width) {
    return "((" + key + " - (" + lo + ")) / " + width + ")";
  }
}
