package dev.ferry.dialect.mariadb;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.checksum.CellKind;
import dev.ferry.checksum.ChecksumSql;

import java.util.List;
import org.junit.jupiter.api.Test;

/** MariaDB's row hash writes each cell as verify's JVM side reads it. */
class MariaDbChecksumSqlTest {
  private static final ChecksumSql SQL = new MariaDbChecksumSql();

  @Test void aBitStringIsHashedAsItsUnsignedInteger() {
    String h = SQL.rowHash(List.of("`id`", "`b`"), List.of(CellKind.INTEGER, CellKind.BIT_INTEGER));
    assertTrue(h.contains("CONCAT(LENGTH((`b` + 0)), ':', (`b` + 0))"), h);
    assertTrue(h.contains("CONCAT(LENGTH(`id`), ':', `id`)"), h);
    String k = SQL.keyHashBucket(List.of("`b`"), List.of(CellKind.BIT_INTEGER), 8);
    assertTrue(k.contains("(`b` + 0)"), k);
  }
}
