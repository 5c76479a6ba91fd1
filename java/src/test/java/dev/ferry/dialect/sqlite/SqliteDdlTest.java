package dev.ferry.dialect.sqlite;

import static dev.ferry.ddl.DdlFixtures.OTHER_ENGINE;
import static dev.ferry.ddl.DdlFixtures.SAME_ENGINE;
import static dev.ferry.ddl.DdlFixtures.column;
import static dev.ferry.ddl.DdlFixtures.decimal;
import static dev.ferry.ddl.DdlFixtures.nativeColumn;
import static dev.ferry.ddl.DdlFixtures.table;
import static dev.ferry.ddl.DdlFixtures.type;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.ferry.catalog.Snapshot;
import dev.ferry.ddl.Ddl;
import dev.ferry.dialect.Dialects;
import dev.ferry.types.LogicalType;
import dev.ferry.types.TableName;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.apache.calcite.sql.SqlDialect;
import org.junit.jupiter.api.Test;

class SqliteDdlTest {
  private static final Ddl DDL = Dialects.forSubprotocol("sqlite").ddl();
  private static final SqlDialect Q = calcite();

  /** The engine's own Calcite dialect, which needs no database metadata here. */
  private static SqlDialect calcite() {
    try {
      return Dialects.forSubprotocol("sqlite").calciteDialect(null);
    } catch (java.sql.SQLException e) {
      throw new AssertionError(e);
    }
  }

  private static String t(LogicalType type) {
    return DDL.type(column("c", type), false, OTHER_ENGINE);
  }

  @Test void isSqliteDdl() {
    assertInstanceOf(SqliteDdl.class, DDL);
  }

  @Test void decimalsAboveFifteenDigitsAreText() {
    assertEquals("DECIMAL(15, 2)", t(decimal(15, 2)));
    assertEquals("DECIMAL TEXT(16, 2)", t(decimal(16, 2)));
    assertEquals("DECIMAL TEXT(38, 10)", t(decimal(38, 10)));
    assertEquals("DECIMAL TEXT", t(decimal(null, null)));
  }

  @Test void types() {
    assertEquals("INTEGER", t(type("integer", "INTEGER")));
    assertEquals("BIGINT", t(type("integer", "BIGINT")));
    assertEquals("REAL", t(type("float", "REAL")));
    assertEquals("REAL", t(type("float", "DOUBLE")));
    assertEquals("BOOLEAN", t(type("boolean", "BOOLEAN")));
    assertEquals("TEXT", t(type("char", "VARCHAR")));
    assertEquals("VARCHAR(8)", t(type("char", "VARCHAR", 8)));
    assertEquals("BLOB", t(type("binary", "BINARY", 16)));
    assertEquals("DATE", t(type("date", "DATE")));
    assertEquals("TIME", t(type("time", "TIME", 3)));
    assertEquals("TIMESTAMP(6)", t(type("timestamp", "TIMESTAMP", 6)));
    assertEquals("TIMESTAMPTZ", t(type("timestamptz", "TIMESTAMP_WITH_LOCAL_TIME_ZONE", 6)));
  }

  @Test void nativeTypes() {
    Snapshot.Column c = nativeColumn("x", "JSON");
    assertEquals("JSON", DDL.type(c, false, SAME_ENGINE));
    assertEquals("TEXT", DDL.type(c, false, OTHER_ENGINE));
  }

  @Test void createTableRunsOnSqlite() throws Exception {
    Snapshot.Table src = table("t", List.of(column("id", type("integer", "INTEGER")),
            column("big amount", decimal(30, 4)), column("when", type("timestamp", "TIMESTAMP", 3))),
        List.of("id"), List.of(new Snapshot.Index("by when", List.of("when"), false)));
    TableName name = new TableName(null, "group");
    String create = DDL.createTable(Q, name, src, OTHER_ENGINE);
    assertEquals("CREATE TABLE \"group\" (\"id\" INTEGER NOT NULL, \"big amount\" DECIMAL TEXT(30, 4),"
        + " \"when\" TIMESTAMP(3), PRIMARY KEY (\"id\"))", create);
    List<String> indexes = DDL.indexes(Q, name, src, OTHER_ENGINE);
    try (Connection c = DriverManager.getConnection("jdbc:sqlite::memory:");
         Statement st = c.createStatement()) {
      st.execute(create);
      for (String ix : indexes) {
        st.execute(ix);
      }
      // Text affinity: a 30-digit decimal is kept exactly as written.
      st.execute("INSERT INTO \"group\" VALUES (1, '12345678901234567890123456.7891', '2024-01-01')");
      try (ResultSet rs = st.executeQuery("SELECT typeof(\"big amount\"), \"big amount\" FROM \"group\"")) {
        rs.next();
        assertEquals("text", rs.getString(1));
        assertEquals("12345678901234567890123456.7891", rs.getString(2));
      }
    }
  }
}
