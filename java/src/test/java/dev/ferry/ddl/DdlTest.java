package dev.ferry.ddl;

import dev.ferry.types.TypeFamily;
import static dev.ferry.ddl.DdlFixtures.OTHER_ENGINE;
import static dev.ferry.ddl.DdlFixtures.SAME_ENGINE;
import static dev.ferry.ddl.DdlFixtures.UNENFORCED;
import static dev.ferry.ddl.DdlFixtures.column;
import static dev.ferry.ddl.DdlFixtures.decimal;
import static dev.ferry.ddl.DdlFixtures.nativeColumn;
import static dev.ferry.ddl.DdlFixtures.table;
import static dev.ferry.ddl.DdlFixtures.type;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ferry.catalog.CatalogFacts;
import dev.ferry.catalog.Snapshot;
import dev.ferry.dialect.Dialects;
import dev.ferry.types.LogicalType;
import dev.ferry.types.TableName;

import java.util.List;
import org.apache.calcite.sql.SqlDialect;
import org.apache.calcite.sql.dialect.CalciteSqlDialect;
import org.junit.jupiter.api.Test;

/** The standard-SQL DDL every engine without a dialect of its own (HSQLDB, Derby, …) gets. */
class DdlTest {
  private static final Ddl DDL = Dialects.forSubprotocol("hsqldb").ddl();
  private static final SqlDialect Q = CalciteSqlDialect.DEFAULT;

  private static String t(LogicalType type) {
    return DDL.type(column("c", type), false, OTHER_ENGINE);
  }

  @Test void genericDialectUsesTheStandardDdl() {
    assertEquals(Ddl.class, DDL.getClass());
  }

  @Test void integers() {
    assertEquals("TINYINT", t(type("integer", "TINYINT")));
    assertEquals("SMALLINT", t(type("integer", "SMALLINT")));
    assertEquals("INTEGER", t(type("integer", "INTEGER")));
    assertEquals("BIGINT", t(type("integer", "BIGINT")));
  }

  @Test void unsignedIntegersWidenToTheNextSignedType() {
    assertEquals("SMALLINT", t(type("integer", "UTINYINT")));
    assertEquals("INTEGER", t(type("integer", "USMALLINT")));
    assertEquals("BIGINT", t(type("integer", "UINTEGER")));
    assertEquals("NUMERIC(20, 0)", t(type("integer", "UBIGINT")));
  }

  @Test void decimals() {
    assertEquals("DECIMAL(12, 2)", t(decimal(12, 2)));
    assertEquals("DECIMAL(10, 0)", t(decimal(10, null)));
    assertEquals("DECIMAL(38, 18)", t(decimal(null, null)));
  }

  @Test void floatsBooleansAndDates() {
    assertEquals("REAL", t(type("float", "REAL")));
    assertEquals("DOUBLE PRECISION", t(type("float", "DOUBLE")));
    assertEquals("BOOLEAN", t(type("boolean", "BOOLEAN")));
    assertEquals("DATE", t(type("date", "DATE")));
  }

  @Test void textAndBinaryKeepTheirLength() {
    assertEquals("CHAR(3)", t(type("char", "CHAR", 3)));
    assertEquals("VARCHAR(20)", t(type("char", "VARCHAR", 20)));
    assertEquals("VARCHAR", t(type("char", "VARCHAR")));
    assertEquals("BINARY(16)", t(type("binary", "BINARY", 16)));
    assertEquals("VARBINARY(100)", t(type("binary", "VARBINARY", 100)));
    assertEquals("VARBINARY", t(type("binary", "VARBINARY")));
  }

  @Test void timesAndTimestampsKeepTheirFractionUpToMicroseconds() {
    assertEquals("TIME(3)", t(type("time", "TIME", 3)));
    assertEquals("TIMESTAMP(0)", t(type("timestamp", "TIMESTAMP", 0)));
    assertEquals("TIMESTAMP(3)", t(type("timestamp", "TIMESTAMP", 3)));
    assertEquals("TIMESTAMP(6)", t(type("timestamp", "TIMESTAMP", 9)), "capped at 6 digits");
    assertEquals("TIMESTAMP(6)", t(type("timestamp", "TIMESTAMP")), "no precision: microseconds");
    assertEquals("TIMESTAMP(6) WITH TIME ZONE",
        t(type("timestamptz", "TIMESTAMP_WITH_LOCAL_TIME_ZONE", 6)));
    assertEquals("TIMESTAMP(6)", DDL.timestampColumn());
  }

  @Test void aSourceThatDoesNotEnforceTypesGetsMicroseconds() {
    assertEquals("TIMESTAMP(6)",
        DDL.type(column("c", type("timestamp", "TIMESTAMP", 0)), false, UNENFORCED));
    assertEquals("TIME(6)", DDL.type(column("c", type("time", "TIME", 3)), false, UNENFORCED));
  }

  @Test void unknownTypesKeepTheirNativeNameOnlyBetweenSameEngines() {
    Snapshot.Column uuid = nativeColumn("u", "uuid");
    assertEquals("uuid", DDL.type(uuid, false, SAME_ENGINE));
    assertEquals("VARCHAR", DDL.type(uuid, false, OTHER_ENGINE));
    Snapshot.Column interval = column("i", new LogicalType(TypeFamily.INTERVAL, "INTERVAL", null, null,
        "INTERVAL DAY"));
    assertEquals("VARCHAR", DDL.type(interval, false, OTHER_ENGINE));
  }

  @Test void bitStringsKeepTheirLengthWithinAnEngineAndTheirValueElsewhere() {
    // The catalog names BIT(5) "BIT" (MariaDB) or "bit" (PostgreSQL) and gives the length apart.
    Snapshot.Column bits = new Snapshot.Column("b", 1, "bit", new LogicalType(TypeFamily.OTHER, "BIT", 5, null,
        "BIT(5)"), true, null, false);
    Snapshot.Column varbit = new Snapshot.Column("v", 1, "varbit", new LogicalType(TypeFamily.OTHER, "VARBIT",
        null, null, "VARBIT"), true, null, false);
    assertEquals("bit(5)", DDL.type(bits, false, SAME_ENGINE));
    assertEquals("varbit", DDL.type(varbit, false, SAME_ENGINE), "no length: none added");
    assertEquals("VARCHAR(5)", DDL.type(bits, false, OTHER_ENGINE), "the text of 0s and 1s");
    assertEquals("VARCHAR", DDL.type(varbit, false, OTHER_ENGINE));
    Ddl.Source maria = new Ddl.Source(false, true, true, Dialects.forSubprotocol("mariadb").columnTypes());
    assertEquals("BIGINT", DDL.type(bits, false, maria), "MariaDB's BIT(5) is the integer it reads as");
  }

  @Test void createTableQuotesNamesAndDeclaresThePrimaryKey() {
    Snapshot.Table src = table("orders", List.of(
        column("id", type("integer", "BIGINT"), true),
        column("order", type("char", "VARCHAR", 20), false),
        column("unit price", decimal(10, 2))), List.of("id"), List.of());
    assertEquals("CREATE TABLE \"app\".\"my orders\" (\"id\" BIGINT NOT NULL,"
            + " \"order\" VARCHAR(20) NOT NULL, \"unit price\" DECIMAL(10, 2),"
            + " PRIMARY KEY (\"id\"))",
        DDL.createTable(Q, new TableName("app", "my orders"), src, OTHER_ENGINE));
  }

  @Test void createTableWithoutKeyOrNamespace() {
    Snapshot.Table src = table("t", List.of(column("a", type("boolean", "BOOLEAN"))), null,
        List.of());
    assertEquals("CREATE TABLE \"t\" (\"a\" BOOLEAN)",
        DDL.createTable(Q, new TableName(null, "t"), src, OTHER_ENGINE));
  }

  @Test void compositePrimaryKeyInDeclaredOrder() {
    Snapshot.Table src = table("t", List.of(column("a", type("integer", "INTEGER")),
        column("b", type("integer", "INTEGER"))), List.of("b", "a"), List.of());
    assertEquals("CREATE TABLE \"t\" (\"a\" INTEGER NOT NULL, \"b\" INTEGER NOT NULL,"
        + " PRIMARY KEY (\"b\", \"a\"))", DDL.createTable(Q, new TableName(null, "t"), src, OTHER_ENGINE));
  }

  @Test void indexesSkipThePrimaryKeyAndExpressions() {
    Snapshot.Table src = table("t", List.of(column("id", type("integer", "INTEGER")),
            column("name", type("char", "VARCHAR", 50)), column("email", type("char", "VARCHAR", 80))),
        List.of("id"), List.of(
            new Snapshot.Index("t_pkey", List.of("id"), true),
            new Snapshot.Index("by name", List.of("name", "id"), false),
            new Snapshot.Index("by_email", List.of("email"), true),
            new Snapshot.Index("by_lower", List.of(CatalogFacts.EXPRESSION), false),
            new Snapshot.Index("empty", List.of(), false)));
    assertEquals(List.of(
            "CREATE INDEX IF NOT EXISTS \"by name\" ON \"s\".\"t\" (\"name\", \"id\")",
            "CREATE UNIQUE INDEX IF NOT EXISTS \"by_email\" ON \"s\".\"t\" (\"email\")"),
        DDL.indexes(Q, new TableName("s", "t"), src, OTHER_ENGINE));
  }

  @Test void expressionAndPartialIndexesAreRecreatedIntoTheSameEngineOnly() {
    Snapshot.Table src = table("u", List.of(column("id", type("integer", "INTEGER")),
            column("nick", type("char", "VARCHAR", 50)), column("active", type("boolean", "BOOLEAN"))),
        List.of("id"), List.of(
            new Snapshot.Index("u_lower", List.of("lower(nick)"), false),
            new Snapshot.Index("u_active", List.of("nick"), true, "active")));
    assertEquals(List.of(), DDL.indexes(Q, new TableName("s", "u"), src, OTHER_ENGINE),
        "made whole, the partial unique index would refuse rows its condition leaves out");
    assertEquals(List.of(
            "CREATE INDEX IF NOT EXISTS \"u_lower\" ON \"s\".\"u\" ((lower(nick)))",
            "CREATE UNIQUE INDEX IF NOT EXISTS \"u_active\" ON \"s\".\"u\" (\"nick\") WHERE active"),
        DDL.indexes(Q, new TableName("s", "u"), src, SAME_ENGINE));
  }

  @Test void indexesOfARenamedTableArePrefixedWithItsName() {
    Snapshot.Table src = table("t", List.of(column("a", type("integer", "INTEGER"))), null,
        List.of(new Snapshot.Index("ix_a", List.of("a"), false)));
    assertEquals(List.of("CREATE INDEX IF NOT EXISTS \"copy_ix_a\" ON \"copy\" (\"a\")"),
        DDL.indexes(Q, new TableName(null, "copy"), src, OTHER_ENGINE));
  }

  @Test void descendingIndexColumnsStayDescending() {
    Snapshot.Table src = table("t", List.of(column("id", type("integer", "INTEGER")),
            column("ts", type("timestamp", "TIMESTAMP", 6))), List.of("id"),
        List.of(new Snapshot.Index("by_ts", List.of("ts", "id"), false, null, List.of(true, false))));
    assertEquals(List.of("CREATE INDEX IF NOT EXISTS \"by_ts\" ON \"s\".\"t\" (\"ts\" DESC, \"id\")"),
        DDL.indexes(Q, new TableName("s", "t"), src, OTHER_ENGINE));
  }

  @Test void foreignKeysWriteTheirActionsButNotNoAction() {
    TableName parent = new TableName("s", "parent");
    assertEquals("FOREIGN KEY (\"pid\") REFERENCES \"s\".\"parent\" (\"id\") ON DELETE CASCADE ON UPDATE SET NULL",
        DDL.foreignKey(Q, new ForeignKeyDef("fk", List.of("pid"), parent, List.of("id"),
            ReferentialAction.CASCADE, ReferentialAction.SET_NULL)));
    assertEquals("FOREIGN KEY (\"pid\") REFERENCES \"s\".\"parent\" (\"id\") ON UPDATE RESTRICT",
        DDL.foreignKey(Q, new ForeignKeyDef("fk", List.of("pid"), parent, List.of("id"),
            ReferentialAction.NO_ACTION, ReferentialAction.RESTRICT)));
    assertEquals(List.of("ALTER TABLE \"s\".\"child\" ADD CONSTRAINT \"fk\" FOREIGN KEY (\"pid\") REFERENCES"
            + " \"s\".\"parent\" (\"id\") ON DELETE SET DEFAULT"),
        DDL.addForeignKey(Q, new TableName("s", "child"), new ForeignKeyDef("fk", List.of("pid"), parent,
            List.of("id"), ReferentialAction.SET_DEFAULT, ReferentialAction.NO_ACTION)).sql());
  }

  @Test void referentialActionsReadTheCatalogsWords() {
    assertEquals(ReferentialAction.SET_NULL, ReferentialAction.of("SET NULL"));
    assertEquals(ReferentialAction.SET_DEFAULT, ReferentialAction.of("set_default"));
    assertEquals(ReferentialAction.NO_ACTION, ReferentialAction.of(null));
    assertEquals(ReferentialAction.NO_ACTION, ReferentialAction.of("NO ACTION"));
  }

  @Test void noTableOptions() {
    assertEquals("", DDL.tableOptions());
  }
}
