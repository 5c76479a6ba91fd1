package dev.ferry.checksum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.dialect.Dialects;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Row hashes and chunk numbers computed in the embedded engines' own SQL. */
class ChecksumSqlTest {
  private static final List<CellKind> KINDS = List.of(CellKind.INTEGER, CellKind.TEXT, CellKind.TEXT);
  private static final List<String> COLUMNS = List.of("id", "a", "b");

  private static Connection open(String engine) throws Exception {
    Connection c = DriverManager.getConnection(engine.equals("h2") ? "jdbc:h2:mem:" : "jdbc:duckdb:");
    try (Statement st = c.createStatement()) {
      st.execute("CREATE TABLE t (id BIGINT, a VARCHAR(10), b VARCHAR(10))");
      st.execute("INSERT INTO t VALUES (1, NULL, 'x'), (2, '', 'x'), (3, 'ab', 'c'), (4, 'a', 'bc'),"
          + " (5, 'x', NULL), (6, NULL, 'x'), (-7, 'q', 'q')");
    }
    return c;
  }

  private static List<String> column(Connection c, String sql) throws Exception {
    List<String> out = new ArrayList<>();
    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }

  @ParameterizedTest @ValueSource(strings = {"h2", "duckdb"})
  void rowHashesTellNullFromEmptyAndCellsApart(String engine) throws Exception {
    ChecksumSql sql = Dialects.forSubprotocol(engine).checksumSql();
    try (Connection c = open(engine)) {
      List<String> h = column(c, "SELECT " + sql.rowHash(List.of("a", "b"), KINDS.subList(1, 3))
          + " FROM t ORDER BY id");
      // ids -7, 1, 2, 3, 4, 5, 6
      assertNotEquals(h.get(1), h.get(2), "NULL and '' differ");
      assertNotEquals(h.get(3), h.get(4), "('ab','c') and ('a','bc') differ");
      assertEquals(h.get(1), h.get(6), "equal rows hash equally");
      assertNotEquals(h.get(1), h.get(5), "(NULL,'x') and ('x',NULL) differ");
    }
  }

  @ParameterizedTest @ValueSource(strings = {"h2", "duckdb"})
  void chunkSumsAreExactDecimals(String engine) throws Exception {
    ChecksumSql sql = Dialects.forSubprotocol(engine).checksumSql();
    try (Connection c = open(engine)) {
      List<String> sum = column(c, "SELECT " + sql.sum(sql.rowHash(COLUMNS, KINDS)) + " FROM t");
      new BigDecimal(sum.get(0)); // readable as a DECIMAL, however large
      List<String> again = column(c, "SELECT " + sql.sum(sql.rowHash(COLUMNS, KINDS)) + " FROM t");
      assertEquals(sum, again);
    }
  }

  @ParameterizedTest @ValueSource(strings = {"h2", "duckdb"})
  void bucketsAreInRange(String engine) throws Exception {
    ChecksumSql sql = Dialects.forSubprotocol(engine).checksumSql();
    try (Connection c = open(engine)) {
      for (String b : column(c, "SELECT " + sql.keyHashBucket(List.of("id"), KINDS.subList(0, 1), 3)
          + " FROM t")) {
        int v = Integer.parseInt(b);
        assertTrue(v >= 0 && v < 3, b);
      }
      assertEquals(List.of("0", "1", "1", "2", "2", "2", "2"), // (id + 7) / 5
          column(c, "SELECT " + sql.rangeBucket("id", -7, 5) + " FROM t ORDER BY id"),
          "integer division from the lowest key");
    }
  }
}
