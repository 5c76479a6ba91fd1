package dev.ferry.dialect.sqlite;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link SqliteCells} answers every getter as SQLite's driver does, for cells of every storage
 * class in columns of every declared type, whichever getter comes first in a row.
 */
class SqliteCellsTest {
  @TempDir static Path dir;
  private static Connection c;

  /** Cells SQLite stores as they are written into an untyped column. */
  private static final String[] VALUES = {
    "NULL", "0", "1", "-1", "2147483647", "2147483648", "4294967296", "-4294967297",
    "9223372036854775807", "-9223372036854775808", "1.5", "0.1", "1e20", "-0.0", "71.36",
    "123456789012345678.0", "'abc'", "''", "'12abc'", "' 42 '", "'3.7'", "'1e3'", "'-0'",
    "'ünï 😀'", "CAST(X'FFFE41' AS TEXT)", "X''", "X'00FF'", "X'3132'", "'2024-01-02 03:04:05.123456'",
  };

  @BeforeAll static void fill() throws SQLException {
    c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("cells.db"));
    try (Statement st = c.createStatement()) {
      st.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, v, i INTEGER, r REAL, d DECIMAL(15,2),"
          + " s TEXT, b BLOB, ts TIMESTAMP)");
      for (String v : VALUES) {
        st.execute("INSERT INTO t (v, i, r, d, s, b, ts) VALUES (" + String.join(", ",
            v, v, v, v, v, v, v) + ")");
      }
    }
  }

  @AfterAll static void close() throws SQLException {
    c.close();
  }

  /** A getter; {@code primitive} when only wasNull tells its NULL from a zero. */
  private record Getter(String name, boolean primitive, Read read) { }

  private interface Read {
    Object get(ResultSet rs, int col) throws SQLException;
  }

  private static final List<Getter> GETTERS = List.of(
      new Getter("getObject", false, ResultSet::getObject),
      new Getter("getString", false, ResultSet::getString),
      new Getter("getLong", true, ResultSet::getLong),
      new Getter("getInt", true, ResultSet::getInt),
      new Getter("getShort", true, ResultSet::getShort),
      new Getter("getByte", true, ResultSet::getByte),
      new Getter("getBoolean", true, ResultSet::getBoolean),
      new Getter("getDouble", true, ResultSet::getDouble),
      new Getter("getFloat", true, ResultSet::getFloat),
      new Getter("getBytes", false, (rs, i) -> {
        byte[] b = rs.getBytes(i);
        return b == null ? null : Arrays.toString(b);
      }),
      new Getter("getBigDecimal", false, ResultSet::getBigDecimal));

  /** One answer of a getter, with what wasNull said right after it, as printable text. */
  private static String answer(ResultSet rs, Getter g, int col) throws SQLException {
    Object v;
    try {
      v = g.read().get(rs, col);
    } catch (SQLException | RuntimeException e) {
      v = "failed: " + e.getClass().getSimpleName();
    }
    // The driver's wasNull after an object getter may speak of the column read before it.
    boolean wasNull = g.primitive() ? rs.wasNull() : v == null;
    if (!g.primitive() && rs instanceof SqliteCells) {
      assertEquals(v == null, rs.wasNull(), g.name() + " then wasNull");
    }
    String kind = v == null ? "null" : v.getClass().getSimpleName();
    return (v instanceof byte[] b ? Arrays.toString(b) : v) + " (" + kind + ") wasNull=" + wasNull;
  }

  private static final String SQL = "SELECT id, v, i, r, d, s, b, ts FROM t ORDER BY id";

  /**
   * The driver's answers, each getter the only one asked of its cell (SQLite converts a cell in
   * place when asked for another class, so the driver's later answers depend on the earlier).
   */
  private static List<String> driverAnswers(Getter g) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(SQL)) {
      while (rs.next()) {
        for (int col = 1; col <= 8; col++) {
          out.add(answer(rs, g, col));
        }
      }
    }
    return out;
  }

  /** SqliteCells asked every getter of every cell in {@code order}: each answer as the driver's first. */
  private static void sameAsDriver(List<Getter> order) throws SQLException {
    List<List<String>> expected = new ArrayList<>();
    for (Getter g : order) {
      expected.add(driverAnswers(g));
    }
    try (Statement st = c.createStatement(); ResultSet cells = new SqliteCells(st.executeQuery(SQL))) {
      int cell = 0;
      while (cells.next()) {
        for (int col = 1; col <= 8; col++, cell++) {
          for (int g = 0; g < order.size(); g++) {
            assertEquals(expected.get(g).get(cell), answer(cells, order.get(g), col),
                "value " + VALUES[cell / 8] + ", column " + col + ", " + order.get(g).name());
          }
        }
      }
      assertEquals(VALUES.length * 8, cell);
    }
  }

  @Test void storageClassFirstThenEveryGetter() throws SQLException {
    sameAsDriver(GETTERS);
  }

  @Test void typedGetterFirstThenTheStorageClass() throws SQLException {
    List<Getter> reversed = new ArrayList<>(GETTERS);
    java.util.Collections.reverse(reversed);
    sameAsDriver(reversed);
    List<Getter> textFirst = new ArrayList<>(GETTERS);
    java.util.Collections.rotate(textFirst, -1);
    sameAsDriver(textFirst);
  }

  @Test void eachCellIsFetchedOncePerRowAndBytesAreNotShared() throws SQLException {
    try (Statement st = c.createStatement();
        ResultSet cells = new SqliteCells(st.executeQuery("SELECT 'x', X'0102' UNION ALL SELECT 'y', NULL"))) {
      assertTrue(cells.next());
      Object first = cells.getObject(1);
      assertSame(first, cells.getObject(1), "the row's cell is kept, not fetched again");
      byte[] b = cells.getBytes(2);
      b[0] = 9;
      assertArrayEquals(new byte[] {1, 2}, cells.getBytes(2));
      assertTrue(cells.next());
      assertEquals("y", cells.getString(1));
      assertEquals(null, cells.getBytes(2));
      assertTrue(cells.wasNull());
      assertFalse(cells.next());
    }
  }
}
