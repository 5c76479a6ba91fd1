package dev.ferry.dialect.mariadb;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ferry.arrow.ArrowStreamFileWriter;
import dev.ferry.arrow.ChunkCompression;
import dev.ferry.arrow.DriverCells;
import dev.ferry.types.ColumnSpec;
import java.io.ByteArrayOutputStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.Test;

/**
 * MariaDB's text cells read as bytes and its dates read as text fill the very chunk file the
 * typed getters fill, awkward values included (zero dates, 4-byte characters, padded CHAR).
 */
class MariaDbDriverCellsTest {
  private static final String DB = "ferry_java_driver_cells";

  @Test void cheapReadsWriteTheSameChunkAsTypedReads() throws Exception {
    Connection c;
    try {
      c = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:3306/test?connectTimeout=3000",
          "root", "");
    } catch (SQLException e) {
      assumeTrue(false, "MariaDB unreachable: " + e.getMessage());
      return;
    }
    try (c; Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + DB);
      s.execute("CREATE DATABASE " + DB + " CHARACTER SET utf8mb4");
      try {
        s.execute("SET SESSION sql_mode = ''");
        s.execute("CREATE TABLE " + DB + ".t (id INT PRIMARY KEY, v VARCHAR(40), c CHAR(6),"
            + " tx TEXT, e ENUM('a', 'bé'), lat VARCHAR(10) CHARACTER SET latin1, d DATE)");
        s.execute("INSERT INTO " + DB + ".t VALUES"
            + " (1, 'plain', 'ab  ', 'text', 'a', 'x', '1996-03-13'),"
            + " (2, '', '', '', 'bé', 'caf\u00e9', '0000-00-00'),"
            + " (3, NULL, NULL, NULL, NULL, NULL, NULL),"
            + " (4, 'é\uD83D\uDE00 ok', 'ü', 'ñ\uD83D\uDE01', 'a', 'ß', '2024-02-29'),"
            + " (5, 'tail  ', ' x', REPEAT('long ', 400), 'bé', '', '0001-01-01'),"
            + " (6, 'z', 'z', 'z', 'a', 'z', '9999-12-31'),"
            + " (7, 'zero', 'z', 'z', 'a', 'z', '2024-02-00'),"
            + " (8, 'zero', 'z', 'z', 'a', 'z', '2024-00-01')");
        byte[] typed = chunk(c, DriverCells.TYPED);
        byte[] cheap = chunk(c, new MariaDbDialect().driverCells());
        assertTrue(new MariaDbDialect().driverCells().textBytes());
        assertArrayEquals(typed, cheap);
      } finally {
        s.execute("DROP DATABASE IF EXISTS " + DB);
      }
    }
  }

  private static byte[] chunk(Connection c, DriverCells cells) throws Exception {
    try (BufferAllocator allocator = new RootAllocator();
         Statement st = c.createStatement();
         ResultSet rs = st.executeQuery("SELECT * FROM " + DB + ".t ORDER BY id");
         ArrowStreamFileWriter w = new ArrowStreamFileWriter(
             ColumnSpec.fromMetaData(rs.getMetaData()), allocator, 3, ChunkCompression.NONE,
             null, cells)) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      w.write(rs, out, 100);
      return out.toByteArray();
    }
  }
}
