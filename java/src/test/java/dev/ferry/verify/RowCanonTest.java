package dev.ferry.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.ferry.checksum.CellKind;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The canonical text of cells, and row hashes built from it. */
class RowCanonTest {
  private static long hash(String... cells) {
    return new RowCanon(false).hash(Arrays.asList(cells));
  }

  @Test void nullAndTheEmptyStringHashDifferently() {
    assertNotEquals(hash((String) null), hash(""));
    assertNotEquals(hash(null, "a"), hash("", "a"));
    assertNotEquals(hash(), hash((String) null));
  }

  @Test void cellBoundariesCount() {
    assertNotEquals(hash("a", "bc"), hash("ab", "c"));
    assertNotEquals(hash("a", "b"), hash("b", "a"));
  }

  @Test void hashesAreStableAcrossInstancesAndRows() {
    RowCanon one = new RowCanon(false);
    long first = one.hash(Arrays.asList("1", "x", null));
    one.hash(List.of("something else"));
    assertEquals(first, one.hash(Arrays.asList("1", "x", null)), "the digest is reset after each row");
    assertEquals(first, new RowCanon(true).hash(Arrays.asList("1", "x", null)));
  }

  @Test void decimalsCompareByValueNotScale() {
    assertEquals("1.5", RowCanon.plain(new BigDecimal("1.50")));
    assertEquals("1.5", RowCanon.plain(new BigDecimal("1.5000")));
    assertEquals("0", RowCanon.plain(new BigDecimal("0.000")));
    assertEquals("100", RowCanon.plain(new BigDecimal("1E+2")));
    assertEquals("-0.001", RowCanon.plain(new BigDecimal("-0.00100")));
  }

  @Test void typedCellsFromADriver() throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:h2:mem:canon");
         Statement st = c.createStatement();
         ResultSet rs = st.executeQuery("SELECT CAST(NULL AS VARCHAR), '',"
             + " CAST(1.50 AS DECIMAL(10, 2)), CAST(1.5 AS DECIMAL(10, 4)),"
             + " TIMESTAMP '2024-01-01 10:00:00.123456789', TIMESTAMP '1000-01-01 00:00:00',"
             + " DATE '1000-01-01', TIME '10:00:00.5', X'00ff10', TRUE, CAST('ab' AS CHAR(4)),"
             + " TIMESTAMP WITH TIME ZONE '2024-01-01 10:00:00+02:00', CAST(7 AS BIGINT)")) {
      rs.next();
      RowCanon canon = new RowCanon(false);
      assertNull(canon.text(rs, 1, CellKind.TEXT));
      assertEquals("", canon.text(rs, 2, CellKind.TEXT));
      assertEquals("1.5", canon.text(rs, 3, CellKind.DECIMAL));
      assertEquals("1.5", canon.text(rs, 4, CellKind.DECIMAL));
      assertEquals("2024-01-01 10:00:00.123456", canon.text(rs, 5, CellKind.TIMESTAMP),
          "digits past the microsecond are dropped");
      assertEquals("1000-01-01 00:00:00.000000", canon.text(rs, 6, CellKind.TIMESTAMP));
      assertEquals("1000-01-01", canon.text(rs, 7, CellKind.DATE));
      assertEquals("10:00:00.500000", canon.text(rs, 8, CellKind.TIME));
      assertEquals("00ff10", canon.text(rs, 9, CellKind.BINARY));
      assertEquals("1", canon.text(rs, 10, CellKind.BOOLEAN));
      assertEquals("ab", canon.text(rs, 11, CellKind.CHAR), "CHAR(n) without trailing blanks");
      assertEquals("2024-01-01 08:00:00.000000", canon.text(rs, 12, CellKind.TIMESTAMPTZ), "in UTC");
      assertEquals("7", canon.text(rs, 13, CellKind.INTEGER));

      List<String> row = new ArrayList<>();
      for (int i = 1; i <= 4; i++) {
        row.add(canon.text(rs, i, i <= 2 ? CellKind.TEXT : CellKind.DECIMAL));
      }
      assertEquals(canon.hash(Arrays.asList(null, "", "1.5", "1.5")), canon.hash(row));
    }
  }

  @Test void negativeZeroDiffersFromZero() {
    assertEquals("-0.0", RowCanon.untyped(-0.0, CellKind.DOUBLE));
    assertEquals("0.0", RowCanon.untyped(0.0, CellKind.DOUBLE));
    assertEquals("-0.0", RowCanon.untyped(-0.0f, CellKind.REAL));
    assertNotEquals(hash("-0.0"), hash("0.0"));
  }

  @Test void untypedCellsAreConvertedByKind() {
    assertNull(RowCanon.untyped(null, CellKind.INTEGER));
    assertEquals("1", RowCanon.untyped(true, CellKind.INTEGER));
    assertEquals("42", RowCanon.untyped(42, CellKind.INTEGER));
    assertEquals("42", RowCanon.untyped(new BigDecimal("42.00"), CellKind.INTEGER));
    assertEquals("123456789012345678901234567890",
        RowCanon.untyped(new java.math.BigInteger("123456789012345678901234567890"), CellKind.INTEGER));

    assertEquals("71.36", RowCanon.untyped(71.36, CellKind.DECIMAL), "a REAL-stored decimal");
    assertEquals("0.3", RowCanon.untyped(0.1 + 0.2, CellKind.DECIMAL));
    assertEquals("1.5", RowCanon.untyped(" 1.50 ", CellKind.DECIMAL), "a TEXT-stored decimal");
    assertEquals("3", RowCanon.untyped(3L, CellKind.DECIMAL));

    assertEquals("0.1", RowCanon.untyped(0.1, CellKind.REAL), "the float's shortest text");
    assertEquals("0.1", RowCanon.untyped(0.1, CellKind.DOUBLE));
    assertEquals("1.0", RowCanon.untyped(1, CellKind.DOUBLE));

    assertEquals("1", RowCanon.untyped("t", CellKind.BOOLEAN));
    assertEquals("1", RowCanon.untyped(" TRUE ", CellKind.BOOLEAN));
    assertEquals("0", RowCanon.untyped("false", CellKind.BOOLEAN));
    assertEquals("0", RowCanon.untyped(0, CellKind.BOOLEAN));
    assertEquals("yes", RowCanon.untyped("yes", CellKind.BOOLEAN), "unknown words kept as they are");

    assertEquals("ab", RowCanon.untyped("ab  ", CellKind.CHAR));
    assertEquals("  ab", RowCanon.untyped("  ab", CellKind.CHAR), "only trailing blanks go");
    assertEquals("ab  ", RowCanon.untyped("ab  ", CellKind.TEXT), "VARCHAR keeps its blanks");
    assertEquals("0aff", RowCanon.untyped(new byte[] {10, -1}, CellKind.BINARY));
  }

  @Test void untypedTimestamps() {
    assertEquals("2024-01-02 03:04:05.123000",
        RowCanon.untyped("2024-01-02 03:04:05.123", CellKind.TIMESTAMP));
    assertEquals("2024-01-02 03:04:05.123456",
        RowCanon.untyped("2024-01-02T03:04:05.1234567", CellKind.TIMESTAMP));
    assertEquals("2024-01-02 00:00:00.000000", RowCanon.untyped("2024-01-02", CellKind.TIMESTAMP));
    assertEquals("1970-01-01 00:00:01.500000", RowCanon.untyped(1500L, CellKind.TIMESTAMP), "epoch ms");
    assertEquals("1969-12-31 23:59:59.999000", RowCanon.untyped(-1L, CellKind.TIMESTAMP));
    assertEquals("not a time", RowCanon.untyped("not a time", CellKind.TIMESTAMP));
    assertEquals("10:00:00.000000", RowCanon.untyped("10:00", CellKind.TIME));
    assertEquals("10:00:00.250000", RowCanon.untyped("10:00:00.25", CellKind.TIME));
  }

  @Test void untypedTimestampsWithOffsetsCompareInUtc() {
    // What copy --create left in SQLite for a PostgreSQL timestamptz: UTC text, fraction trimmed.
    assertEquals("2024-01-02 01:04:05.100000",
        RowCanon.untyped("2024-01-02 01:04:05.1", CellKind.TIMESTAMPTZ));
    assertEquals("2024-01-02 01:04:05.100000",
        RowCanon.untyped("2024-01-02T03:04:05.1+02:00", CellKind.TIMESTAMPTZ));
    assertEquals("2024-01-02 01:04:05.000000",
        RowCanon.untyped("2024-01-02 03:04:05+02", CellKind.TIMESTAMPTZ));
    assertEquals("2024-01-02 08:34:05.000000",
        RowCanon.untyped("2024-01-02 03:04:05-0530", CellKind.TIMESTAMPTZ));
    assertEquals("2024-01-02 03:04:05.000000", RowCanon.untyped("2024-01-02T03:04:05Z", CellKind.TIMESTAMP));
    assertEquals("2024-01-02", RowCanon.untyped("2024-01-02", CellKind.DATE));
    assertEquals("2024-01-02", RowCanon.untyped("2024-01-02 00:00:00", CellKind.DATE));
    assertEquals("1970-01-02", RowCanon.untyped(86_400_000L, CellKind.DATE), "epoch ms");
    assertEquals("2024-02-29", RowCanon.untyped("2024-02-29T10:00", CellKind.DATE), "leap day");
    assertEquals("2023-02-29", RowCanon.untyped("2023-02-29", CellKind.DATE),
        "not a date: kept as written, so it differs from any real date");
    assertEquals("2024-1-2x", RowCanon.untyped("2024-1-2x", CellKind.DATE));
  }

  @Test void sqliteCellsReadUntyped() throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite::memory:");
         Statement st = c.createStatement()) {
      st.execute("CREATE TABLE t (n INTEGER, d DECIMAL(10, 2), ts TIMESTAMP, b BOOLEAN, s TEXT)");
      st.execute("INSERT INTO t VALUES (5, 71.36, '2024-01-02 03:04:05', 1, '')");
      st.execute("INSERT INTO t VALUES (NULL, '1.50', '2024-01-02T03:04:05.5', 0, NULL)");
      RowCanon canon = new RowCanon(true);
      CellKind[] kinds = {CellKind.INTEGER, CellKind.DECIMAL, CellKind.TIMESTAMP, CellKind.BOOLEAN,
          CellKind.TEXT};
      List<List<String>> rows = new ArrayList<>();
      try (ResultSet rs = st.executeQuery("SELECT * FROM t ORDER BY rowid")) {
        while (rs.next()) {
          List<String> row = new ArrayList<>();
          for (int i = 0; i < kinds.length; i++) {
            row.add(canon.text(rs, i + 1, kinds[i]));
          }
          rows.add(row);
        }
      }
      assertEquals(Arrays.asList("5", "71.36", "2024-01-02 03:04:05.000000", "1", ""), rows.get(0));
      assertEquals(Arrays.asList(null, "1.5", "2024-01-02 03:04:05.500000", "0", null), rows.get(1));
    }
  }

  @Test void duckDbDatesBeforeTheGregorianSwitchAreExact() throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
         Statement st = c.createStatement();
         ResultSet rs = st.executeQuery("SELECT DATE '1000-01-01', TIMESTAMP '1000-01-01 00:00:00.000001',"
             + " TIME '23:59:59.999999', CAST(1.50 AS DECIMAL(10, 2)), TIMESTAMPTZ '2024-01-01 10:00:00+02'")) {
      rs.next();
      RowCanon canon = new RowCanon(false);
      assertEquals("1000-01-01", canon.text(rs, 1, CellKind.DATE));
      assertEquals("1000-01-01 00:00:00.000001", canon.text(rs, 2, CellKind.TIMESTAMP));
      assertEquals("23:59:59.999999", canon.text(rs, 3, CellKind.TIME));
      assertEquals("1.5", canon.text(rs, 4, CellKind.DECIMAL));
      assertEquals("2024-01-01 08:00:00.000000", canon.text(rs, 5, CellKind.TIMESTAMPTZ));
    }
  }
}
