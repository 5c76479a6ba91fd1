package dev.ferry.dialect.duckdb;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.config.DatabaseSpec;
import dev.ferry.dialect.Dialect;
import dev.ferry.dialect.Dialects;
import dev.ferry.error.FerryFailure;
import dev.ferry.sink.SinkContext;
import dev.ferry.sink.SinkValues;
import dev.ferry.sink.TableSink;
import dev.ferry.sink.TargetColumns;
import dev.ferry.sink.ValueLimits;
import dev.ferry.sink.ValueReaders;
import dev.ferry.types.ColumnSpec;
import dev.ferry.types.TableName;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Rows from another engine appended into DuckDB and read back exactly. */
class DuckDbAppenderSinkTest {
  private static final TableName T = new TableName("main", "t");
  private static final BigDecimal BIG = new BigDecimal("1234567890123456789012345678.0123456789");
  private static final String EMOJI = "\uD83D\uDE00 ok";

  private Connection duck;
  private Connection h2;

  @BeforeEach void open() throws Exception {
    duck = DriverManager.getConnection("jdbc:duckdb:");
    h2 = DriverManager.getConnection("jdbc:h2:mem:appender_source");
    try (Statement st = duck.createStatement()) {
      st.execute("CREATE TABLE t (id BIGINT, d DECIMAL(38, 10), ts TIMESTAMP, s VARCHAR, b BLOB,"
          + " i INTEGER)");
    }
  }

  @AfterEach void close() throws Exception {
    duck.close();
    h2.close();
  }

  private static String hex(int n) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < n; i++) {
      b.append(String.format("%02x", i));
    }
    return b.toString();
  }

  /** Appends what {@code sql} on H2 returns; returns the rows written. */
  private long append(String sql) throws Exception {
    Dialect dialect = Dialects.forSubprotocol("duckdb");
    TargetColumns columns = TargetColumns.read(duck, ValueLimits.CHECKED, T);
    try (Statement st = h2.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      SinkValues.Reader[] readers = SinkValues.readers(ColumnSpec.fromMetaData(rs.getMetaData()),
          ValueReaders.TYPED);
      SinkContext ctx = new SinkContext(new DatabaseSpec("duck", "jdbc:duckdb:", null, null, null,
          false, 10_000), dialect.calciteDialect(null), T, columns.names(), columns, readers,
          TableSink.Options.inserts());
      assertTrue(DuckDbAppenderSink.appendable(ctx.targetColumns),
          "DuckDB reports every column type the appender knows: " + List.of(ctx.targetColumns));
      duck.setAutoCommit(false);
      try (TableSink sink = dialect.openSink(ctx, duck)) {
        assertTrue(sink instanceof DuckDbAppenderSink, "inserts go through the appender");
        long n = sink.write(rs, Long.MAX_VALUE);
        duck.commit();
        return n;
      } catch (RuntimeException | java.sql.SQLException e) {
        duck.rollback();
        throw e;
      } finally {
        duck.setAutoCommit(true);
      }
    }
  }

  /** Every row of t in id order, read with DuckDB's own value readers. */
  private List<Object[]> readBack() throws Exception {
    List<Object[]> rows = new ArrayList<>();
    try (Statement st = duck.createStatement();
         ResultSet rs = st.executeQuery("SELECT * FROM t ORDER BY id")) {
      List<ColumnSpec> specs = ColumnSpec.fromMetaData(rs.getMetaData());
      SinkValues.Reader[] readers = SinkValues.readers(specs, new DuckDbValueReaders());
      while (rs.next()) {
        Object[] row = new Object[readers.length];
        for (int i = 0; i < row.length; i++) {
          row[i] = readers[i].read(rs);
        }
        rows.add(row);
      }
    }
    return rows;
  }

  @Test void valuesRoundTripExactly() throws Exception {
    String select = "SELECT CAST(%s AS BIGINT), CAST(%s AS DECIMAL(38, 10)), CAST(%s AS TIMESTAMP(6)),"
        + " CAST(%s AS VARCHAR), CAST(%s AS VARBINARY), CAST(%s AS INTEGER)";
    String sql = String.format(select, "-9223372036854775808", "'" + BIG + "'",
            "'1000-01-01 00:00:00.000001'", "'" + EMOJI + "'", "X'" + hex(256) + "'", "-2147483648")
        + " UNION ALL " + String.format(select, "9223372036854775807", "'-0.0000000001'",
            "'9999-12-31 23:59:59.999999'", "''", "X''", "2147483647")
        + " UNION ALL " + String.format(select, "0", "NULL", "NULL", "NULL", "NULL", "NULL");
    assertEquals(3, append(sql));

    List<Object[]> rows = readBack();
    assertEquals(3, rows.size());
    Object[] min = rows.get(0);
    assertEquals(Long.MIN_VALUE, min[0]);
    assertEquals(BIG, min[1]);
    assertEquals(LocalDateTime.of(1000, 1, 1, 0, 0, 0, 1_000), min[2]);
    assertEquals(EMOJI, min[3]);
    byte[] expected = new byte[256];
    for (int i = 0; i < 256; i++) {
      expected[i] = (byte) i;
    }
    assertArrayEquals(expected, (byte[]) min[4]);
    assertEquals(-2147483648L, min[5]);

    Object[] zero = rows.get(1);
    assertEquals(0L, zero[0]);
    for (int i = 1; i < zero.length; i++) {
      assertNull(zero[i], "column " + i + " of the NULL row");
    }

    Object[] max = rows.get(2);
    assertEquals(Long.MAX_VALUE, max[0]);
    assertEquals(new BigDecimal("-0.0000000001"), max[1]);
    assertEquals(LocalDateTime.of(9999, 12, 31, 23, 59, 59, 999_999_000), max[2]);
    assertEquals("", max[3], "the empty string is not NULL");
    assertArrayEquals(new byte[0], (byte[]) max[4]);
    assertEquals(2147483647L, max[5]);
  }

  @Test void aDecimalTheColumnCannotHoldIsRejectedByName() throws Exception {
    String sql = "SELECT CAST(1 AS BIGINT), CAST('0.00000000001' AS DECIMAL(20, 11)),"
        + " CAST(NULL AS TIMESTAMP), CAST(NULL AS VARCHAR), CAST(NULL AS VARBINARY),"
        + " CAST(NULL AS INTEGER)";
    FerryFailure f = assertThrows(FerryFailure.class, () -> append(sql));
    assertEquals("COPY_VALUE_REJECTED", f.code());
    assertTrue(f.getMessage().contains("main.t.d"), f.getMessage());
    assertTrue(f.getMessage().contains("more than 10 decimal places"), f.getMessage());
    assertTrue(readBack().isEmpty(), "nothing of the chunk was committed");
  }

  @Test void anIntegerTooWideForItsColumnIsRejected() throws Exception {
    String sql = "SELECT CAST(1 AS BIGINT), CAST(NULL AS DECIMAL(38, 10)), CAST(NULL AS TIMESTAMP),"
        + " CAST(NULL AS VARCHAR), CAST(NULL AS VARBINARY), CAST(2147483648 AS BIGINT)";
    FerryFailure f = assertThrows(FerryFailure.class, () -> append(sql));
    assertEquals("COPY_VALUE_REJECTED", f.code());
    assertTrue(f.getMessage().contains("main.t.i"), f.getMessage());
    assertFalse(f.getMessage().contains("main.t.id"), f.getMessage());
  }

  @Test void tablesWithColumnsTheAppenderCannotFillGetMultiRowInserts() throws Exception {
    try (Statement st = duck.createStatement()) {
      st.execute("CREATE TABLE iv (id BIGINT, span INTERVAL)");
    }
    TableName iv = new TableName("main", "iv");
    TargetColumns columns = TargetColumns.read(duck, ValueLimits.CHECKED, iv);
    Dialect dialect = Dialects.forSubprotocol("duckdb");
    SinkContext ctx = new SinkContext(new DatabaseSpec("duck", "jdbc:duckdb:", null, null, null,
        false, 10_000), dialect.calciteDialect(null), iv, columns.names(), columns,
        new SinkValues.Reader[2], TableSink.Options.inserts());
    assertFalse(DuckDbAppenderSink.appendable(ctx.targetColumns));
    try (TableSink sink = dialect.openSink(ctx, duck)) {
      assertTrue(sink instanceof dev.ferry.sink.BatchSink, sink.getClass().getName());
    }
  }
}
