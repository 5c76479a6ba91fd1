package dev.ferry.arrow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.types.ColumnSpec;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Chunk files read back as result sets: every type exact, the getters JDBC callers use. */
class ArrowResultSetTest {
  static final String[] DDL = {
      "CREATE TABLE t (id BIGINT NOT NULL PRIMARY KEY, i INTEGER, s SMALLINT, ti TINYINT,"
          + " b BOOLEAN, r REAL, d DOUBLE PRECISION, dec DECIMAL(20, 4), dec38 DECIMAL(38, 2),"
          + " wide NUMERIC(50, 10), dt DATE, tm TIME(6), ts TIMESTAMP(6),"
          + " tz TIMESTAMP(6) WITH TIME ZONE, bin VARBINARY(100), txt VARCHAR(100), ch CHAR(5),"
          + " cl CLOB, iv INTERVAL DAY TO SECOND, bl BLOB)",
      "INSERT INTO t VALUES (1, 2147483647, 32767, 127, TRUE, 0.1, 0.1, -12345.6789,"
          + " -123456789012345678901234567890123456.78,"
          + " -1234567890123456789012345678901234567890.0123456789, DATE '1969-07-20',"
          + " TIME '23:59:59.999999', TIMESTAMP '1969-12-31 23:59:59.123456',"
          + " TIMESTAMP WITH TIME ZONE '2024-01-02 03:04:05.123456+02:00', X'00ff7f',"
          + " 'héllo ✓ 𝄞 日本', 'ab', 'a clob ✓', INTERVAL '1 02:03:04.5' DAY TO SECOND, X'0102')",
      "INSERT INTO t (id) VALUES (2)",
      "INSERT INTO t VALUES (3, -2147483648, -32768, -128, FALSE, -1.5E-30, -1.0E300, -0.0001,"
          + " 0.01, 0.0000000001, DATE '1000-01-01', TIME '00:00:00', TIMESTAMP"
          + " '1582-10-10 12:00:00.000001', TIMESTAMP WITH TIME ZONE '1900-06-30 23:59:59-05:30',"
          + " X'', '', '', '', INTERVAL '-0 00:00:00.000001' DAY TO SECOND, X'')",
      "INSERT INTO t VALUES (9223372036854775807, 0, 0, 0, TRUE, 3.4028235E38, 4.9E-324,"
          + " 9999999999999999.9999, 999999999999999999999999999999999999.99, 0, DATE '9999-12-31',"
          + " TIME '12:00:00.000001', TIMESTAMP '9999-12-31 23:59:59.999999', TIMESTAMP WITH TIME"
          + " ZONE '2024-01-01 00:00:00Z', X'ff', ' x ', 'abcde', NULL, NULL, NULL)",
      "INSERT INTO t (id, ts, dt) VALUES (-9223372036854775808, TIMESTAMP '0001-01-01 00:00:00',"
          + " DATE '0001-01-01')",
  };
  static final String SELECT = "SELECT * FROM t ORDER BY id";

  private final BufferAllocator allocator = new RootAllocator();

  @AfterEach void noLeaks() {
    allocator.close();
  }

  private ArrowResultSet open(byte[] chunk) throws SQLException {
    return new ArrowResultSet(new ByteArrayInputStream(chunk), allocator);
  }

  @ParameterizedTest @EnumSource(ChunkCompression.class)
  void everyTypeReadsBackAsTheSinksReadTheSource(ChunkCompression compression) throws Exception {
    try (Connection c = ChunkFixtures.database("types_" + compression, DDL)) {
      List<Object[]> expected;
      List<ColumnSpec> specs;
      try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(SELECT)) {
        specs = ColumnSpec.fromMetaData(rs.getMetaData());
        expected = ChunkFixtures.sinkRows(rs);
      }
      byte[] chunk = ChunkFixtures.chunk(c, SELECT, allocator, compression);
      try (ArrowResultSet ars = open(chunk)) {
        assertEquals(specs, ars.specs());
        assertEquals(specs, ColumnSpec.fromMetaData(ars.getMetaData()), "metadata: the specs");
        List<Object[]> actual = ChunkFixtures.sinkRows(ars);
        assertEquals(expected.size(), actual.size());
        for (int r = 0; r < expected.size(); r++) {
          for (int i = 0; i < specs.size(); i++) {
            Object e = expected.get(r)[i];
            Object a = actual.get(r)[i];
            String where = "row " + r + " column " + specs.get(i).label();
            if (e instanceof byte[] eb) {
              assertArrayEquals(eb, (byte[]) a, where);
            } else {
              assertEquals(e, a, where);
            }
          }
        }
      }
    }
  }

  @Test void valuesAreExact() throws Exception {
    try (Connection c = ChunkFixtures.database("exact", DDL);
         ArrowResultSet rs = open(ChunkFixtures.chunk(c, SELECT, allocator,
             ChunkCompression.ZSTD))) {
      assertTrue(rs.next());
      assertEquals(Long.MIN_VALUE, rs.getLong("ID"));
      assertEquals(LocalDateTime.of(1, 1, 1, 0, 0), rs.getObject("ts", LocalDateTime.class));
      assertEquals(LocalDate.of(1, 1, 1), rs.getObject("dt", LocalDate.class));
      assertTrue(rs.next());
      assertEquals(1L, rs.getObject(1));
      assertEquals(2147483647, rs.getObject(2));
      assertEquals(32767, rs.getObject(3), "SMALLINT as Integer, as JDBC maps it");
      assertEquals((short) 32767, rs.getShort(3));
      assertEquals((byte) 127, rs.getByte(4));
      assertThrows(SQLException.class, () -> rs.getByte(2), "out of range");
      assertEquals(Boolean.TRUE, rs.getObject(5));
      assertEquals(0.1f, rs.getObject(6));
      assertEquals(0.1f, rs.getFloat(6));
      assertEquals(new BigDecimal("0.1"), rs.getBigDecimal(6), "a float's own digits");
      assertEquals(0.1, rs.getDouble(7));
      assertEquals(new BigDecimal("-12345.6789"), rs.getObject(8));
      assertEquals(new BigDecimal("-123456789012345678901234567890123456.78"), rs.getBigDecimal(9),
          "beyond 64 bits");
      assertEquals(new BigDecimal("-1234567890123456789012345678901234567890.0123456789"),
          rs.getObject(10), "over 38 digits: text, still a BigDecimal");
      assertEquals(java.sql.Date.valueOf("1969-07-20"), rs.getObject(11));
      assertEquals(LocalTime.of(23, 59, 59, 999_999_000), rs.getObject(12, LocalTime.class));
      assertEquals("23:59:59.999999", rs.getString(12));
      assertEquals(java.sql.Time.valueOf("23:59:59").getTime() + 999, rs.getTime(12).getTime());
      assertEquals(java.sql.Timestamp.valueOf("1969-12-31 23:59:59.123456"), rs.getObject(13));
      assertEquals("1969-12-31 23:59:59.123456", rs.getString("TS"));
      assertEquals(OffsetDateTime.of(2024, 1, 2, 3, 4, 5, 123_456_000, ZoneOffset.ofHours(2)),
          rs.getObject(14, OffsetDateTime.class));
      assertArrayEquals(new byte[] {0, -1, 127}, (byte[]) rs.getObject(15));
      assertEquals("00ff7f", rs.getString(15));
      assertEquals("héllo ✓ 𝄞 日本", rs.getObject(16));
      assertArrayEquals("héllo ✓ 𝄞 日本".getBytes(java.nio.charset.StandardCharsets.UTF_8),
          rs.getBytes("txt"));
      assertEquals("ab   ", rs.getString(17), "CHAR keeps its padding");
      assertEquals("a clob ✓", rs.getString(18), "a CLOB's text, not its locator");
      assertEquals("INTERVAL '1 02:03:04.5' DAY TO SECOND", rs.getObject(19),
          "no Arrow type: the driver's text");
      assertArrayEquals(new byte[] {1, 2}, rs.getBytes(20));
      assertFalse(rs.wasNull());

      assertTrue(rs.next());
      assertEquals(3, rs.getRow(), "the third row");
      for (int i = 2; i <= 20; i++) {
        assertNull(rs.getObject(i));
        assertTrue(rs.wasNull());
      }
      assertEquals(0, rs.getLong(2));
      assertTrue(rs.wasNull());
      assertFalse(rs.getBoolean(5));
      assertNull(rs.getTimestamp(13));
      assertEquals(2L, rs.getObject(1));
      assertFalse(rs.wasNull());

      assertTrue(rs.next());
      assertEquals("", rs.getString(16), "empty, not NULL");
      assertFalse(rs.wasNull());
      assertArrayEquals(new byte[0], rs.getBytes(15));
      assertEquals(-1.5E-30f, rs.getFloat(6));
      assertEquals(-1.0E300, rs.getDouble(7));
      assertEquals(new BigDecimal("-0.0001"), rs.getBigDecimal(8));
      assertEquals(LocalDate.of(1000, 1, 1), rs.getObject(11, LocalDate.class));
      assertEquals(LocalDateTime.of(1582, 10, 10, 12, 0, 0, 1_000),
          rs.getObject(13, LocalDateTime.class), "no Julian shift");
      assertEquals(OffsetDateTime.of(1900, 7, 1, 5, 29, 59, 0, ZoneOffset.UTC),
          rs.getObject(14, OffsetDateTime.class).withOffsetSameInstant(ZoneOffset.UTC));
      assertEquals(LocalTime.MIDNIGHT, rs.getObject(12, LocalTime.class));

      assertTrue(rs.next());
      assertEquals(Long.MAX_VALUE, rs.getLong(1));
      assertEquals(Float.MAX_VALUE, rs.getFloat(6));
      assertEquals(Double.MIN_VALUE, rs.getDouble(7));
      assertEquals(" x ", rs.getString(16));
      assertEquals(LocalDateTime.of(9999, 12, 31, 23, 59, 59, 999_999_000),
          rs.getObject(13, LocalDateTime.class));
      assertFalse(rs.next());
      assertFalse(rs.next(), "still at the end");
      assertEquals(0, rs.getRow());
    }
  }

  @Test void gettersConvertAsJdbcDoesAndNameWhatTheyCannot() throws Exception {
    try (Connection c = ChunkFixtures.database("convert", DDL);
         ArrowResultSet rs = open(ChunkFixtures.chunk(c, SELECT + " OFFSET 1 ROWS", allocator,
             ChunkCompression.NONE))) {
      assertTrue(rs.next());
      assertEquals("1", rs.getString(1));
      assertEquals(new BigDecimal(1), rs.getBigDecimal(1));
      assertEquals(1.0, rs.getDouble(1));
      assertEquals(-12345L, rs.getLong(8), "a decimal's whole part");
      assertEquals("-12345.6789", rs.getString(8));
      assertEquals("true", rs.getString(5));
      assertEquals(1, rs.getInt(5));
      assertEquals("1969-07-20", rs.getString(11));
      assertEquals(LocalDateTime.of(1969, 7, 20, 0, 0), rs.getObject(11, LocalDateTime.class));
      assertEquals(LocalDate.of(1969, 12, 31), rs.getObject(13, LocalDate.class));
      assertEquals(java.sql.Date.valueOf("1969-12-31"), rs.getDate(13));
      assertEquals(LocalDateTime.of(2024, 1, 2, 1, 4, 5, 123_456_000),
          rs.getObject(14, LocalDateTime.class), "a zoned timestamp as UTC wall clock");
      SQLException e = assertThrows(SQLException.class, () -> rs.getDate(1));
      assertTrue(e.getMessage().contains("ID (BIGINT) cannot be read as a date"), e.getMessage());
      assertThrows(SQLException.class, () -> rs.getLong(16), "text that is no number");
      assertThrows(SQLException.class, () -> rs.getInt(21), "no column 21");
      assertThrows(SQLException.class, () -> rs.getObject(1, java.util.UUID.class));
      assertThrows(SQLException.class, () -> rs.findColumn("nope"));
      assertEquals(16, rs.findColumn("txt"));
    }
  }

  @Test void theMetadataAndTheCursorAreAForwardOnlyReadOnlyResult() throws Exception {
    try (Connection c = ChunkFixtures.database("meta", DDL);
         ArrowResultSet rs = open(ChunkFixtures.chunk(c, SELECT, allocator,
             ChunkCompression.ZSTD))) {
      ResultSetMetaData md = rs.getMetaData();
      assertEquals(20, md.getColumnCount());
      assertEquals("DEC", md.getColumnLabel(8));
      assertEquals(Types.DECIMAL, md.getColumnType(8));
      assertEquals(20, md.getPrecision(8));
      assertEquals(4, md.getScale(8));
      assertEquals(ResultSetMetaData.columnNoNulls, md.isNullable(1));
      assertEquals(ResultSetMetaData.columnNullable, md.isNullable(2));
      assertEquals(Types.TIMESTAMP_WITH_TIMEZONE, md.getColumnType(14));
      assertEquals("java.lang.Long", md.getColumnClassName(1));
      assertEquals("java.math.BigDecimal", md.getColumnClassName(10));
      assertEquals(ResultSet.TYPE_FORWARD_ONLY, rs.getType());
      assertEquals(ResultSet.CONCUR_READ_ONLY, rs.getConcurrency());
      assertThrows(SQLException.class, () -> rs.getLong(1), "before the first row");
      assertThrows(SQLFeatureNotSupportedException.class, () -> rs.absolute(1));
      assertThrows(SQLFeatureNotSupportedException.class, () -> rs.updateInt(1, 1));
      assertThrows(SQLFeatureNotSupportedException.class, () -> rs.getObject(1, Map.of()));
      assertThrows(SQLFeatureNotSupportedException.class, () -> rs.getBlob(1));
      assertTrue(rs.next());
      assertInstanceOf(Long.class, rs.getObject("id"));
      rs.close();
      assertTrue(rs.isClosed());
      assertThrows(SQLException.class, rs::next);
      assertThrows(SQLException.class, () -> rs.getLong(1));
      rs.close();
    }
  }
}
