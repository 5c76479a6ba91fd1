package dev.ferry.dialect.postgres;

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

import java.util.List;
import org.apache.calcite.sql.SqlDialect;
import org.apache.calcite.sql.dialect.PostgresqlSqlDialect;
import org.junit.jupiter.api.Test;

class PostgresDdlTest {
  private static final Ddl DDL = Dialects.forSubprotocol("postgresql").ddl();
  private static final SqlDialect Q = PostgresqlSqlDialect.DEFAULT;

  private static String t(LogicalType type) {
    return DDL.type(column("c", type), false, OTHER_ENGINE);
  }

  @Test void isPostgresDdl() {
    assertInstanceOf(PostgresDdl.class, DDL);
  }

  @Test void integers() {
    assertEquals("SMALLINT", t(type("integer", "TINYINT")), "PostgreSQL has no TINYINT");
    assertEquals("SMALLINT", t(type("integer", "SMALLINT")));
    assertEquals("INTEGER", t(type("integer", "INTEGER")));
    assertEquals("BIGINT", t(type("integer", "BIGINT")));
    assertEquals("SMALLINT", t(type("integer", "UTINYINT")));
    assertEquals("INTEGER", t(type("integer", "USMALLINT")));
    assertEquals("BIGINT", t(type("integer", "UINTEGER")));
    assertEquals("NUMERIC(20, 0)", t(type("integer", "UBIGINT")));
  }

  @Test void numerics() {
    assertEquals("NUMERIC(12, 2)", t(decimal(12, 2)));
    assertEquals("NUMERIC(38, 0)", t(decimal(38, null)));
    assertEquals("NUMERIC", t(decimal(null, null)));
    assertEquals("REAL", t(type("float", "REAL")));
    assertEquals("DOUBLE PRECISION", t(type("float", "DOUBLE")));
  }

  @Test void textAndBytes() {
    assertEquals("TEXT", t(type("char", "VARCHAR")));
    assertEquals("VARCHAR(20)", t(type("char", "VARCHAR", 20)));
    assertEquals("CHAR(2)", t(type("char", "CHAR", 2)));
    assertEquals("BYTEA", t(type("binary", "VARBINARY", 16)));
    assertEquals("BYTEA", t(type("binary", "BINARY", 16)));
    assertEquals("BYTEA", t(type("binary", "VARBINARY")));
  }

  @Test void temporal() {
    assertEquals("DATE", t(type("date", "DATE")));
    assertEquals("TIME(6)", t(type("time", "TIME", 6)));
    assertEquals("TIMESTAMP(3)", t(type("timestamp", "TIMESTAMP", 3)));
    assertEquals("TIMESTAMP(6)", t(type("timestamp", "TIMESTAMP", 9)), "microseconds at most");
    assertEquals("TIMESTAMPTZ(0)", t(type("timestamptz", "TIMESTAMP_WITH_LOCAL_TIME_ZONE", 0)));
    assertEquals("TIMESTAMPTZ(6)", t(type("timestamptz", "TIMESTAMP_WITH_LOCAL_TIME_ZONE")));
  }

  @Test void zonedTimeKeepsItsZone() {
    assertEquals("TIMETZ(3)", t(type("time", "TIME_WITH_LOCAL_TIME_ZONE", 3)));
  }

  @Test void nativeTypesCarryOverFromPostgresOnly() {
    Snapshot.Column c = nativeColumn("doc", "jsonb");
    assertEquals("jsonb", DDL.type(c, false, SAME_ENGINE));
    assertEquals("TEXT", DDL.type(c, false, OTHER_ENGINE));
  }

  @Test void createTable() {
    Snapshot.Table src = table("t", List.of(column("id", type("integer", "INTEGER"), false),
        column("select", type("char", "VARCHAR")), column("a b", decimal(5, 1))),
        List.of("id"), List.of());
    assertEquals("CREATE TABLE \"public\".\"New T\" (\"id\" INTEGER NOT NULL, \"select\" TEXT,"
            + " \"a b\" NUMERIC(5, 1), PRIMARY KEY (\"id\"))",
        DDL.createTable(Q, new TableName("public", "New T"), src, OTHER_ENGINE));
  }

  @Test void indexNamesAreNotQualified() {
    Snapshot.Table src = table("t", List.of(column("a", type("char", "VARCHAR"))), null,
        List.of(new Snapshot.Index("t_a", List.of("a"), false)));
    assertEquals(List.of("CREATE INDEX IF NOT EXISTS \"t_a\" ON \"public\".\"t\" (\"a\")"),
        DDL.indexes(Q, new TableName("public", "t"), src, OTHER_ENGINE));
  }

  @Test void truncatesToEmpty() {
    assertEquals("TRUNCATE TABLE \"t\"", Dialects.forSubprotocol("postgresql").emptyTable("\"t\""));
  }

  @Test void primaryKeysAreAddedAfterTheLoadAsPgRestoreDoes() {
    assertEquals("ALTER TABLE \"app\".\"order lines\" ADD PRIMARY KEY (\"order_id\", \"line\")",
        DDL.addPrimaryKeyAfterLoad(Q, new TableName("app", "order lines"), List.of("order_id", "line")));
    // InnoDB orders a table by its key: adding it afterwards would copy the table.
    assertEquals(null, Dialects.forSubprotocol("mariadb").ddl().addPrimaryKeyAfterLoad(
        org.apache.calcite.sql.dialect.MysqlSqlDialect.DEFAULT, new TableName("app", "t"), List.of("id")));
  }
}
