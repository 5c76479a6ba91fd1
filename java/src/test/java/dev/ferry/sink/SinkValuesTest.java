package dev.ferry.sink;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.ferry.types.ColumnSpec;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Values as text for messages and text targets, and the typed readers every sink uses. */
class SinkValuesTest {
  @Test void text() {
    assertEquals("1000", SinkValues.text(new BigDecimal("1E+3")));
    assertEquals("0.000001", SinkValues.text(new BigDecimal("1E-6")));
    assertEquals("2024-01-02 03:04:05.5", SinkValues.text(LocalDateTime.of(2024, 1, 2, 3, 4, 5, 500_000_000)));
    assertEquals("1000-01-01 00:00:00", SinkValues.text(LocalDateTime.of(1000, 1, 1, 0, 0)));
    assertEquals("03:04:05.000123", SinkValues.text(LocalTime.of(3, 4, 5, 123_000)));
    assertEquals("2024-01-01 08:00:00+00",
        SinkValues.text(OffsetDateTime.of(2024, 1, 1, 10, 0, 0, 0, ZoneOffset.ofHours(2))));
    assertEquals("0x00ff7f", SinkValues.text(new byte[] {0, -1, 127}));
    assertEquals("0x", SinkValues.text(new byte[0]));
    assertEquals("42", SinkValues.text(42L));
    assertEquals("true", SinkValues.text(true));
    assertEquals("2024-02-29", SinkValues.text(LocalDate.of(2024, 2, 29)));
  }

  @Test void timestampsBeyondYear9999FallBackToTheFormatter() {
    LocalDateTime far = LocalDateTime.of(12_345, 6, 7, 8, 9, 10);
    assertEquals(far, LocalDateTime.parse(SinkValues.timestamp(far), SinkValues.TIMESTAMP));
  }

  @Test void shownValuesAreCutAtEightyCharacters() {
    assertEquals("NULL", SinkValues.shown(null));
    assertEquals("", SinkValues.shown(""));
    String eighty = "x".repeat(80);
    assertEquals(eighty, SinkValues.shown(eighty));
    String cut = SinkValues.shown("y".repeat(81));
    assertEquals("y".repeat(77) + "…", cut);
    assertEquals("0x" + "ab".repeat(37) + "a…", SinkValues.shown(repeat((byte) 0xab, 100)),
        "bytes as hex, cut like text");
    assertEquals("0x0102", SinkValues.shown(new byte[] {1, 2}));
  }

  private static byte[] repeat(byte b, int n) {
    byte[] out = new byte[n];
    java.util.Arrays.fill(out, b);
    return out;
  }

  @Test void hex() {
    assertEquals("deadbeef", SinkValues.hex(new byte[] {(byte) 0xde, (byte) 0xad, (byte) 0xbe, (byte) 0xef}));
  }

  @Test void typedReadersGiveExactJavaValues() throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:h2:mem:sink_values");
         Statement st = c.createStatement();
         ResultSet rs = st.executeQuery("SELECT CAST(9223372036854775807 AS BIGINT),"
             + " CAST(-5 AS TINYINT), CAST(12.50 AS DECIMAL(10, 2)), TRUE, CAST(0.5 AS DOUBLE),"
             + " DATE '1000-01-01', TIME '23:59:59.999999', TIMESTAMP '1582-10-10 12:00:00.000001',"
             + " TIMESTAMP WITH TIME ZONE '2024-01-01 10:00:00+02:00', X'0102', 'text',"
             + " CAST(NULL AS BIGINT), CAST(NULL AS DATE), CAST(NULL AS BOOLEAN)")) {
      List<ColumnSpec> columns = ColumnSpec.fromMetaData(rs.getMetaData());
      SinkValues.Reader[] readers = SinkValues.readers(columns, ValueReaders.TYPED);
      rs.next();
      Object[] row = new Object[readers.length];
      for (int i = 0; i < readers.length; i++) {
        row[i] = readers[i].read(rs);
      }
      assertEquals(Long.MAX_VALUE, row[0]);
      assertEquals(-5L, row[1]);
      assertEquals(new BigDecimal("12.50"), row[2]);
      assertEquals(true, row[3]);
      assertEquals(0.5, row[4]);
      assertEquals(LocalDate.of(1000, 1, 1), row[5], "no Julian calendar shift");
      assertEquals(LocalTime.of(23, 59, 59, 999_999_000), row[6]);
      assertEquals(LocalDateTime.of(1582, 10, 10, 12, 0, 0, 1_000), row[7]);
      assertEquals(OffsetDateTime.of(2024, 1, 1, 8, 0, 0, 0, ZoneOffset.UTC), row[8]);
      assertArrayEquals(new byte[] {1, 2}, (byte[]) row[9]);
      assertEquals("text", row[10]);
      assertNull(row[11]);
      assertNull(row[12]);
      assertNull(row[13]);
    }
  }
}
