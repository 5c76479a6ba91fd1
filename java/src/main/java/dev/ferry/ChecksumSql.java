package dev.ferry;

import java.util.List;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * How one engine computes row hashes and chunk numbers in SQL, so only per-chunk aggregates leave
 * the database.
 *
 * <p>The hashes need only agree between two tables of the same engine (a cross-engine pair is
 * hashed in the JVM by {@link RowCanon}), so each engine uses its own row text; they must tell
 * NULL from the empty string and be 64-bit wide so that an order-independent SUM is a sound
 * chunk checksum. Engines without a hash function (SQLite) have no dialect.
 */
interface ChecksumSql {
  /** The dialect for an engine (as {@link DatabaseSpec#engine()} names it), or null. */
  static @Nullable ChecksumSql forEngine(String engine) {
    switch (engine) {
    case "postgresql":
      return new PostgresChecksumSql();
    case "mariadb":
    case "mysql":
      return new MariaDbChecksumSql();
    case "h2":
      return new H2ChecksumSql();
    default:
      return null;
    }
  }

  /** A 64-bit integer hash of the row made of {@code columns} (quoted), whose kinds are given. */
  String rowHash(List<String> columns, List<RowCanon.Kind> kinds);

  /** A chunk number in {@code 0..buckets-1} from a hash of the key columns (quoted). */
  String keyHashBucket(List<String> keys, List<RowCanon.Kind> kinds, int buckets);

  /** {@code (key - lo) / width} in integer arithmetic; never negative for the keys compared. */
  default String rangeBucket(String key, long lo, long width) {
    return "((" + key + " - (" + lo + ")) / " + width + ")";
  }
}
