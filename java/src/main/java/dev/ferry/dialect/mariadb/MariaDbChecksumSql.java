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
 *
 * <p>A BIT(n) cell is written as the unsigned integer {@code b + 0}, its text where Ferry reads
 * it ({@link CellKind#BIT_INTEGER}), rather than as its raw bytes.
 */
final class MariaDbChecksumSql implements ChecksumSql {
  @Override public String rowHash(List<String> columns, List<CellKind> kinds) {
    return "CAST(CONV(SUBSTR(MD5(" + cells(columns, kinds) + "), 1, 16), 16, 10) AS UNSIGNED)";
  }

  @Override public String keyHashBucket(List<String> keys, List<CellKind> kinds, int buckets) {
    return "MOD(CRC32(" + cells(keys, kinds) + "), " + buckets + ")";
  }

  @Override public String rangeBucket(String key, long lo, long width) {
    return "((CAST(" + key + " AS SIGNED) - (" + lo + ")) DIV " + width + ")";
  }

  private static String cells(List<String> columns, List<CellKind> kinds) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < columns.size(); i++) {
      String c = i < kinds.size() && kinds.get(i) == CellKind.BIT_INTEGER
          ? "(" + columns.get(i) + " + 0)" : columns.get(i);
      out.add("IFNULL(CONCAT(LENGTH(" + c + "), ':', " + c + "), 'N')");
    }
    return "CONCAT_WS(',', " + String.join(", ", out) + ")";
  }
}
