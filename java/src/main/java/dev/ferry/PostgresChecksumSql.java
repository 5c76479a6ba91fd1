package dev.ferry;

import java.util.List;

/**
 * PostgreSQL row hashes: the first 64 bits of the MD5 of the row's text ({@code ROW(…)::text}
 * writes NULL as nothing and the empty string as {@code ""}, so they differ).
 *
 * <p>The hex digits go through {@code bit(64)} to become a signed BIGINT; {@code SUM(bigint)}
 * is NUMERIC in PostgreSQL and cannot overflow.
 */
final class PostgresChecksumSql implements ChecksumSql {
  @Override public String rowHash(List<String> columns, List<RowCanon.Kind> kinds) {
    return "('x' || substr(md5(ROW(" + String.join(", ", columns) + ")::text), 1, 16))::bit(64)::bigint";
  }

  @Override public String keyHashBucket(List<String> keys, List<RowCanon.Kind> kinds, int buckets) {
    return "mod(abs(hashtext(ROW(" + String.join(", ", keys) + ")::text)::bigint), " + buckets + ")";
  }

  @Override public String rangeBucket(String key, long lo, long width) {
    return "((" + key + "::bigint - (" + lo + ")::bigint) / " + width + ")";
  }
}
