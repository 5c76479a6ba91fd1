package dev.ferry.dialect.mariadb;

import dev.ferry.checksum.CellKind;
import dev.ferry.checksum.ChecksumSql;

import java.util.ArrayList;
import java.util.List;

/**
 * MariaDB and MySQL row hashes: the first 64 bits of the MD5 of the cells, each written as its
 * length, a colon and its text, or {@code N} for NULL ({@code CONCAT_WS} alone would skip NULLs).
 *
 * <p>{@code CONV} gives the 16 hex digits as an unsigned decimal; cast to BIGINT UNSIGNED, its
 * {@code SUM} is an exact DECIMAL rather than a DOUBLE.
 */
final class MariaDbChecksumSql implements ChecksumSql {
  @Override public String rowHash(List<String> columns, List<CellKind> kinds) {
    return "CAST(CONV(SUBSTR(MD5(" + cells(columns) + "), 1, 16), 16, 10) AS UNSIGNED)";
  }

  @Override public String keyHashBucket(List<String> keys, List<CellKind> kinds, int buckets) {
    return "MOD(CRC32(" + cells(keys) + "), " + buckets + ")";
  }

  @Override public String rangeBucket(String key, long lo, long width) {
    return "((CAST(" + key + " AS SIGNED) - (" + lo + ")) DIV " + width + ")";
  }

  private static String cells(List<String> columns) {
    List<String> out = new ArrayList<>();
    for (String c : columns) {
      out.add("IFNULL(CONCAT(LENGTH(" + c + "), ':', " + c + "), 'N')");
    }
    return "CONCAT_WS(',', " + String.join(", ", out) + ")";
  }
}
