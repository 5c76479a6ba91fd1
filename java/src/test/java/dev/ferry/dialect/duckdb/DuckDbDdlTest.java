package dev.ferry.dialect.duckdb;

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
import dev.ferry.ddl.ReferentialAction;
import dev.ferry.dialect.Dialects;
import dev.ferry.types.LogicalType;
import dev.ferry.types.TableName;

import java.util.EnumSet;
import java.util.List;
import org.apache.calcite.sql.SqlDialect;
import org.junit.jupiter.api.Test;

class DuckDbDdlTest {
  private static final Ddl DDL = Dialects.forSubprotocol("duckdb").ddl();
  private static final SqlDialect Q = calcite();

  /** The engine's own Calcite dialect, which needs no database metadata here. */
  private static SqlDialect calcite() {
    try {
      return Dialects.forSubprotocol("duckdb").calciteDialect(null);
    } catch (java.sql.SQLException e) {
      throw new AssertionError(e);
    }
  }

  private static String t(LogicalType type) {
    return DDL.type(column("c", type), false, OTHER_ENGINE);
  }

  @Test void isDuckDbDdl() {
    assertInstanceOf(DuckDbDdl.class, DDL);
  }

  @Test void unsignedIntegersAreNative() {
    assertEquals("UTINYINT", t(type("integer", "UTINYINT")));
    assertEquals("USMALLINT", t(type("integer", "USMALLINT")));
    assertEquals("UINTEGER", t(type("integer", "UINTEGER")));
    assertEquals("UBIGINT", t(type("integer", "UBIGINT")));
    assertEquals("TINYINT", t(type("integer", "TINYINT")));
    assertEquals("BIGINT", t(type("integer", "BIGINT")));
  }

  @Test void typesWithoutLengths() {
    assertEquals("VARCHAR", t(type("char", "CHAR", 10)));
    assertEquals("VARCHAR", t(type("char", "VARCHAR", 10)));
    assertEquals("BLOB", t(type("binary", "VARBINARY", 10)));
    assertEquals("TIME", t(type("time", "TIME", 3)));
    assertEquals("TIMETZ", t(type("time", "TIME_WITH_LOCAL_TIME_ZONE", 3)));
    assertEquals("TIMESTAMP", t(type("timestamp", "TIMESTAMP", 0)));
    assertEquals("TIMESTAMPTZ", t(type("timestamptz", "TIMESTAMP_WITH_LOCAL_TIME_ZONE", 6)));
  }

  @Test void numbers() {
    assertEquals("DECIMAL(38, 10)", t(decimal(38, 10)));
    assertEquals("DECIMAL(38, 18)", t(decimal(null, null)));
    assertEquals("REAL", t(type("float", "REAL")));
    assertEquals("DOUBLE", t(type("float", "DOUBLE")));
  }

  @Test void nativeTypes() {
    Snapshot.Column c = nativeColumn("h", "HUGEINT");
    assertEquals("HUGEINT", DDL.type(c, false, SAME_ENGINE));
    assertEquals("VARCHAR", DDL.type(c, false, OTHER_ENGINE));
  }

  @Test void createTable() {
    Snapshot.Table src = table("t", List.of(column("id", type("integer", "UBIGINT")),
        column("from", type("char", "VARCHAR", 3))), List.of("id"), List.of());
    assertEquals("CREATE TABLE \"main\".\"t\" (\"id\" UBIGINT NOT NULL, \"from\" VARCHAR,"
        + " PRIMARY KEY (\"id\"))", DDL.createTable(Q, new TableName("main", "t"), src, OTHER_ENGINE));
  }

  @Test void foreignKeysKeepOnlyTheActionsDuckDbParses() {
    assertEquals(EnumSet.of(ReferentialAction.NO_ACTION, ReferentialAction.RESTRICT), DDL.referentialActions());
  }
}
