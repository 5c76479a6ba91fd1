package dev.ferry.dialect.h2;

import dev.ferry.checksum.CellKind;
import dev.ferry.checksum.ChecksumSql;

import java.util.ArrayList;
import java.util.List;

/**
 * H2 row hashes: the first 8 bytes of the SHA-256 of the cells, each written as its length, a
 * colon and its text, or {@code N} for NULL; binary cells as hex.
 *
 * <p>H2 casts an 8-byte binary string to BIGINT big-endian; its {@code SUM(BIGINT)} is NUMERIC
 * and cannot overflow.
 */
final class H2ChecksumSql implements ChecksumSql {
  @Override public String rowHash(List<String> columns, List<CellKind> kinds) {
    return "CAST(SUBSTRING(HASH('SHA-256', " + cells(columns, kinds) + "), 1, 8) AS BIGINT)";
  }

  @Override public String keyHashBucket(List<String> keys, List<CellKind> kinds, int buckets) {
    // BITAND clears the sign; ABS would overflow on the minimum BIGINT.
    return "MOD(BITAND(" + rowHash(keys, kinds) + ", 9223372036854775807), " + buckets + ")";
  }

  private static String cells(List<String> columns, List<CellKind> kinds) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < columns.size(); i++) {
      String c = columns.get(i);
      String text = kinds.get(i) == CellKind.BINARY ? "RAWTOHEX(" + c + ")"
          : "CAST(" + c + " AS VARCHAR)";
      out.add("COALESCE(CHAR_LENGTH(" + text + ") || ':' || " + text + ", 'N')");
    }
    return String.join(" || ',' || ", out);
  }
}
