package dev.ferry.dialect.duckdb;

import dev.ferry.checksum.CellKind;
import dev.ferry.checksum.ChecksumSql;

import java.util.List;

/**
 * DuckDB row hashes: its own {@code hash(…)} of the row's columns, a 64-bit unsigned value that
 * tells NULL from the empty string; summed as HUGEINT, which cannot overflow, and read back as
 * an exact DECIMAL.
 *
 * <p>{@code hash} depends on the column types, which is sound here: in-database checksums only
 * compare two tables of the same engine with the same declared types.
 */
final class DuckDbChecksumSql implements ChecksumSql {
  @Override public String rowHash(List<String> columns, List<CellKind> kinds) {
    return "hash(" + String.join(", ", columns) + ")";
  }

  @Override public String keyHashBucket(List<String> keys, List<CellKind> kinds, int buckets) {
    return "CAST(hash(" + String.join(", ", keys) + ") % " + buckets + " AS INTEGER)";
  }

  /** DuckDB's {@code /} divides as floating point; {@code //} divides integers. */
  @Override public String rangeBucket(String key, long lo, long width) {
    return "CAST((CAST(" + key + " AS BIGINT) - (" + lo + ")) // " + width + " AS INTEGER)";
  }

  @Override public String sum(String hash) {
    return "CAST(SUM(CAST(" + hash + " AS HUGEINT)) AS DECIMAL(38, 0))";
  }
}
