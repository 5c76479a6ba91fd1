package dev.ferry.sink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.config.DatabaseSpec;
import dev.ferry.dialect.Dialect;
import dev.ferry.dialect.Dialects;
import dev.ferry.error.FerryFailure;
import dev.ferry.types.ColumnSpec;
import dev.ferry.types.TableName;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.SqlDialect;
import org.apache.calcite.sql.dialect.H2SqlDialect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Prepared-statement sinks into H2 (JDBC batches, MERGE … KEY) and SQLite (values as text). */
class BatchSinkTest {
  private Connection source;

  @BeforeEach void open() throws Exception {
    source = DriverManager.getConnection("jdbc:h2:mem:batch_source");
  }

  @AfterEach void close() throws Exception {
    source.close();
  }

  /** Writes what {@code sql} returns on the H2 source into {@code table} of {@code target}. */
  private long write(Connection target, String url, SqlDialect q, TableName table, String sql,
      TableSink.Options options) throws SQLException {
    DatabaseSpec spec = new DatabaseSpec("target", url, null, null, null, false, 1);
    Dialect dialect = Dialects.of(spec);
    TargetColumns columns = TargetColumns.read(target, dialect.valueLimits(), table);
    try (Statement st = source.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      SinkContext ctx = new SinkContext(spec, q, table, columns.names(), columns,
          dialect.sinkReaders(null, ColumnSpec.fromMetaData(rs.getMetaData())), options);
      target.setAutoCommit(false);
      try (TableSink sink = dialect.openSink(ctx, target)) {
        assertTrue(sink instanceof BatchSink, sink.getClass().getName());
        long n = sink.write(rs, Long.MAX_VALUE);
        sink.finish();
        target.commit();
        return n;
      } catch (RuntimeException | SQLException e) {
        target.rollback();
        throw e;
      } finally {
        target.setAutoCommit(true);
      }
    }
  }

  private static List<String> rows(Connection c, String sql) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        List<String> cells = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
          cells.add(rs.getString(i));
        }
        out.add(String.join("|", cells));
      }
    }
    return out;
  }

  private static TableSink.Options upsert(String... key) {
    return new TableSink.Options(TableSink.Mode.UPSERT, List.of(key), n -> { }, () -> false);
  }

  @Test void h2InsertsThenMergesByKey() throws Exception {
    String url = "jdbc:h2:mem:batch_h2";
    try (Connection h2 = DriverManager.getConnection(url); Statement st = h2.createStatement()) {
      st.execute("CREATE TABLE T (ID INT PRIMARY KEY, NAME VARCHAR(10), AMOUNT DECIMAL(6, 2))");
      TableName t = new TableName("PUBLIC", "T");
      assertEquals(3, write(h2, url, H2SqlDialect.DEFAULT, t,
          "SELECT * FROM (VALUES (1, 'a', 1.50), (2, 'b', NULL), (3, '', 0)) V(ID, NAME, AMOUNT)",
          TableSink.Options.inserts()));
      assertEquals(2, write(h2, url, H2SqlDialect.DEFAULT, t,
          "SELECT * FROM (VALUES (2, 'B', 2.25), (4, 'd', 4)) V(id, name, amount)", upsert("id")));
      assertEquals(List.of("1|a|1.50", "2|B|2.25", "3||0.00", "4|d|4.00"),
          rows(h2, "SELECT * FROM T ORDER BY ID"));
    }
  }

  @Test void aValueTheTargetCannotHoldIsNamedByItsKeyAndNothingIsKept() throws Exception {
    String url = "jdbc:h2:mem:batch_h2_rejected";
    try (Connection h2 = DriverManager.getConnection(url); Statement st = h2.createStatement()) {
      st.execute("CREATE TABLE T (ID INT PRIMARY KEY, CODE VARCHAR(3))");
      TableName t = new TableName("PUBLIC", "T");
      FerryFailure f = assertThrows(FerryFailure.class, () -> write(h2, url, H2SqlDialect.DEFAULT, t,
          "SELECT * FROM (VALUES (1, 'abc'), (2, 'abcd')) V(ID, CODE)", upsert("ID")));
      assertEquals("COPY_VALUE_REJECTED", f.code());
      assertTrue(f.getMessage().contains("PUBLIC.T.CODE at ID=2: abcd (4 characters, longer than"),
          f.getMessage());
      assertEquals(List.of(), rows(h2, "SELECT * FROM T"));
    }
  }

  @Test void anUpsertNeedsAKey() throws Exception {
    String url = "jdbc:h2:mem:batch_h2_nokey";
    try (Connection h2 = DriverManager.getConnection(url); Statement st = h2.createStatement()) {
      st.execute("CREATE TABLE T (ID INT)");
      FerryFailure f = assertThrows(FerryFailure.class, () -> write(h2, url, H2SqlDialect.DEFAULT,
          new TableName("PUBLIC", "T"), "SELECT 1", upsert()));
      assertEquals("USAGE", f.code());
    }
  }

  @Test void sqliteKeepsExactValuesAsTextAndUpsertsOnConflict() throws Exception {
    String url = "jdbc:sqlite::memory:";
    try (Connection lite = DriverManager.getConnection(url); Statement st = lite.createStatement()) {
      st.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, amount DECIMAL TEXT(30, 2), ok BOOLEAN,"
          + " at TIMESTAMP, name VARCHAR(2))");
      SqlDialect q = Dialects.forSubprotocol("sqlite").calciteDialect(null);
      TableName t = new TableName(null, "t");
      write(lite, url, q, t, "SELECT 1, CAST('1234567890123456789012345678.50' AS DECIMAL(30, 2)), TRUE,"
          + " TIMESTAMP '1000-01-02 03:04:05.5', 'toolong'", TableSink.Options.inserts());
      assertEquals(List.of("1|1234567890123456789012345678.50|1|1000-01-02 03:04:05.5|toolong"),
          rows(lite, "SELECT * FROM t"), "SQLite enforces no declared length, so none is checked");
      assertEquals(List.of("text|integer|text"), rows(lite, "SELECT typeof(amount), typeof(ok), typeof(at) FROM t"));
      write(lite, url, q, t, "SELECT 1, CAST(2 AS DECIMAL(30, 2)), FALSE, TIMESTAMP '2024-01-01 00:00:00', 'x'",
          upsert("id"));
      assertEquals(List.of("1|2.00|0|2024-01-01 00:00:00|x"), rows(lite, "SELECT * FROM t"));
    }
  }
}
