package dev.ferry.dialect.mariadb;

import static dev.ferry.ddl.DdlFixtures.OTHER_ENGINE;
import static dev.ferry.ddl.DdlFixtures.SAME_ENGINE;
import static dev.ferry.ddl.DdlFixtures.column;
import static dev.ferry.ddl.DdlFixtures.decimal;
import static dev.ferry.ddl.DdlFixtures.nativeColumn;
import static dev.ferry.ddl.DdlFixtures.table;
import static dev.ferry.ddl.DdlFixtures.type;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.catalog.Snapshot;
import dev.ferry.ddl.AddedConstraint;
import dev.ferry.ddl.Ddl;
import dev.ferry.ddl.ForeignKeyDef;
import dev.ferry.ddl.ReferentialAction;
import dev.ferry.dialect.Dialects;
import dev.ferry.types.LogicalType;
import dev.ferry.types.TableName;

import java.util.List;
import org.apache.calcite.sql.SqlDialect;
import org.apache.calcite.sql.dialect.MysqlSqlDialect;
import org.junit.jupiter.api.Test;

class MariaDbDdlTest {
  private static final Ddl DDL = Dialects.forSubprotocol("mariadb").ddl();
  private static final SqlDialect Q = MysqlSqlDialect.DEFAULT;
  private static final String OPTIONS = " DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin";

  private static String t(LogicalType type) {
    return DDL.type(column("c", type), false, OTHER_ENGINE);
  }

  private static String key(LogicalType type) {
    return DDL.type(column("c", type), true, OTHER_ENGINE);
  }

  @Test void mysqlUrlsShareTheDdl() {
    assertInstanceOf(MariaDbDdl.class, DDL);
    assertEquals(DDL, Dialects.forSubprotocol("mysql").ddl());
  }

  @Test void unsignedIntegersStayUnsigned() {
    assertEquals("TINYINT", t(type("integer", "TINYINT")));
    assertEquals("TINYINT UNSIGNED", t(type("integer", "UTINYINT")));
    assertEquals("SMALLINT UNSIGNED", t(type("integer", "USMALLINT")));
    assertEquals("INT UNSIGNED", t(type("integer", "UINTEGER")));
    assertEquals("BIGINT UNSIGNED", t(type("integer", "UBIGINT")));
    assertEquals("BIGINT", t(type("integer", "BIGINT")));
  }

  @Test void numbers() {
    assertEquals("DECIMAL(38, 10)", t(decimal(38, 10)));
    assertEquals("DECIMAL(65, 30)", t(decimal(null, null)));
    assertEquals("FLOAT", t(type("float", "REAL")));
    assertEquals("DOUBLE", t(type("float", "DOUBLE")));
  }

  @Test void textPicksTheSmallestTypeThatHoldsTheLength() {
    assertEquals("CHAR(3)", t(type("char", "CHAR", 3)));
    assertEquals("VARCHAR(300)", t(type("char", "CHAR", 300)), "CHAR holds 255 at most");
    assertEquals("VARCHAR(4096)", t(type("char", "VARCHAR", 4096)));
    assertEquals("TEXT", t(type("char", "VARCHAR", 4097)));
    assertEquals("TEXT", t(type("char", "VARCHAR", 16_383)));
    assertEquals("MEDIUMTEXT", t(type("char", "VARCHAR", 16_384)));
    assertEquals("LONGTEXT", t(type("char", "VARCHAR", 4_194_304)));
    assertEquals("LONGTEXT", t(type("char", "VARCHAR")));
  }

  @Test void keyColumnsMustFitAnIndex() {
    assertEquals("VARCHAR(768)", key(type("char", "VARCHAR")));
    assertEquals("VARCHAR(768)", key(type("char", "VARCHAR", 768)));
    assertEquals("VARBINARY(3072)", key(type("binary", "VARBINARY")));
    assertEquals("VARBINARY(3072)", key(type("binary", "VARBINARY", 3072)));
  }

  @Test void binary() {
    assertEquals("BINARY(16)", t(type("binary", "BINARY", 16)));
    assertEquals("VARBINARY(8192)", t(type("binary", "VARBINARY", 8192)));
    assertEquals("MEDIUMBLOB", t(type("binary", "VARBINARY", 8193)));
    assertEquals("LONGBLOB", t(type("binary", "VARBINARY", 16_777_216)));
    assertEquals("LONGBLOB", t(type("binary", "VARBINARY")));
  }

  @Test void timestampsAreDatetimes() {
    assertEquals("DATETIME(6)", t(type("timestamp", "TIMESTAMP", 6)));
    assertEquals("DATETIME(6)", t(type("timestamp", "TIMESTAMP", 9)));
    assertEquals("DATETIME(3)", t(type("timestamptz", "TIMESTAMP_WITH_LOCAL_TIME_ZONE", 3)));
    assertEquals("TIME(0)", t(type("time", "TIME", 0)));
    assertEquals("DATE", t(type("date", "DATE")));
    assertEquals("DATETIME(6)", DDL.timestampColumn());
  }

  @Test void nativeTypes() {
    Snapshot.Column c = nativeColumn("e", "enum('a','b')");
    assertEquals("enum('a','b')", DDL.type(c, false, SAME_ENGINE));
    assertEquals("LONGTEXT", DDL.type(c, false, OTHER_ENGINE));
  }

  @Test void tablesAreUtf8mb4WithABinaryNoPadCollation() {
    Snapshot.Table src = table("t", List.of(column("id", type("integer", "BIGINT")),
        column("key", type("char", "VARCHAR"))), List.of("id", "key"), List.of());
    assertEquals("CREATE TABLE `shop`.`order items` (`id` BIGINT NOT NULL,"
            + " `key` VARCHAR(768) NOT NULL, PRIMARY KEY (`id`, `key`))" + OPTIONS,
        DDL.createTable(Q, new TableName("shop", "order items"), src, OTHER_ENGINE));
  }

  @Test void textAndBlobColumnsAreIndexedByAPrefix() {
    Snapshot.Table src = table("t", List.of(column("id", type("integer", "INTEGER")),
            column("body", type("char", "VARCHAR")), column("code", type("char", "VARCHAR", 10)),
            column("blob", type("binary", "VARBINARY")), column("big", type("char", "VARCHAR", 20_000))),
        List.of("id"), List.of(
            new Snapshot.Index("ix_body", List.of("body", "code"), false),
            new Snapshot.Index("ix_blob", List.of("blob"), false),
            new Snapshot.Index("ix_big", List.of("big"), true)));
    assertEquals(List.of(
            "CREATE INDEX IF NOT EXISTS `ix_body` ON `db`.`t` (`body`(255), `code`)",
            "CREATE INDEX IF NOT EXISTS `ix_blob` ON `db`.`t` (`blob`(255))",
            "CREATE UNIQUE INDEX IF NOT EXISTS `ix_big` ON `db`.`t` (`big`(255))"),
        DDL.indexes(Q, new TableName("db", "t"), src, OTHER_ENGINE));
  }

  @Test void keyColumnsInAnIndexAreNotPrefixed() {
    Snapshot.Table src = table("t", List.of(column("code", type("char", "VARCHAR")),
            column("n", type("integer", "INTEGER"))),
        List.of("code"), List.of(new Snapshot.Index("ux", List.of("code", "n"), true)));
    assertEquals(List.of("CREATE UNIQUE INDEX IF NOT EXISTS `ux` ON `t` (`code`, `n`)"),
        DDL.indexes(Q, new TableName(null, "t"), src, OTHER_ENGINE));
  }

  @Test void foreignKeysOnMariaDbAreAddedInPlaceThenCheckedByFerry() {
    SqlDialect maria = new MariaDbSqlDialect(MysqlSqlDialect.DEFAULT_CONTEXT.withDatabaseProductName("MariaDB"));
    AddedConstraint add = DDL.addForeignKey(maria, new TableName("app", "child"), new ForeignKeyDef(null,
        List.of("a", "b"), new TableName("app", "parent"), List.of("x", "y")));
    assertEquals(List.of(
        "SET STATEMENT foreign_key_checks=0 FOR ALTER TABLE `app`.`child` ADD CONSTRAINT `child_a_b_fkey`"
            + " FOREIGN KEY (`a`, `b`) REFERENCES `app`.`parent` (`x`, `y`)",
        "BEGIN NOT ATOMIC IF EXISTS (SELECT 1 FROM `app`.`child` c LEFT JOIN `app`.`parent` p"
            + " ON p.`x` = c.`a` AND p.`y` = c.`b` WHERE c.`a` IS NOT NULL AND c.`b` IS NOT NULL AND p.`x` IS NULL)"
            + " THEN SIGNAL SQLSTATE '23000' SET MESSAGE_TEXT = 'foreign key child_a_b_fkey fails: rows of child"
            + " (a, b) are not in parent'; END IF; END"), add.sql());
    assertEquals(List.of("ALTER TABLE `app`.`child` DROP FOREIGN KEY `child_a_b_fkey`"), add.undo());
  }

  @Test void foreignKeysOnMySqlKeepTheValidatingAlter() {
    SqlDialect mysql = new MariaDbSqlDialect(MysqlSqlDialect.DEFAULT_CONTEXT.withDatabaseProductName("MySQL"));
    AddedConstraint add = DDL.addForeignKey(mysql, new TableName("app", "child"), new ForeignKeyDef("fk_p",
        List.of("a"), new TableName("app", "parent"), List.of("x")));
    assertEquals(List.of("ALTER TABLE `app`.`child` ADD CONSTRAINT `fk_p` FOREIGN KEY (`a`) REFERENCES `app`.`parent` (`x`)"),
        add.sql());
  }

  @Test void foreignKeyActionsAreAddedExceptSetDefaultWhichInnoDbKeepsAsRestrict() {
    SqlDialect maria = new MariaDbSqlDialect(MysqlSqlDialect.DEFAULT_CONTEXT.withDatabaseProductName("MariaDB"));
    AddedConstraint add = DDL.addForeignKey(maria, new TableName("app", "child"), new ForeignKeyDef("fk_p",
        List.of("a"), new TableName("app", "parent"), List.of("x"), ReferentialAction.CASCADE,
        ReferentialAction.SET_NULL));
    assertEquals("SET STATEMENT foreign_key_checks=0 FOR ALTER TABLE `app`.`child` ADD CONSTRAINT `fk_p`"
        + " FOREIGN KEY (`a`) REFERENCES `app`.`parent` (`x`) ON DELETE CASCADE ON UPDATE SET NULL", add.sql().get(0));
    assertFalse(DDL.referentialActions().contains(ReferentialAction.SET_DEFAULT));
    assertTrue(DDL.referentialActions().contains(ReferentialAction.RESTRICT));
  }

  @Test void descendingIndexColumnsKeepTheirPrefix() {
    Snapshot.Table src = table("t", List.of(column("id", type("integer", "INTEGER")),
        column("body", type("char", "VARCHAR")), column("n", type("integer", "INTEGER"))), List.of("id"),
        List.of(new Snapshot.Index("ix", List.of("body", "n"), false, null, List.of(true, false))));
    assertEquals(List.of("CREATE INDEX IF NOT EXISTS `ix` ON `t` (`body`(255) DESC, `n`)"),
        DDL.indexes(Q, new TableName(null, "t"), src, OTHER_ENGINE));
  }

  @Test void aSignalMessageHoldsNoQuoteAndFitsMariaDbsLimit() {
    SqlDialect maria = new MariaDbSqlDialect(MysqlSqlDialect.DEFAULT_CONTEXT.withDatabaseProductName("MariaDB"));
    String longName = "o'brien\\" + "x".repeat(200);
    String check = DDL.addForeignKey(maria, new TableName("app", longName), new ForeignKeyDef("k", List.of("a"),
        new TableName("app", "p"), List.of("x"))).sql().get(1);
    String message = check.substring(check.indexOf("MESSAGE_TEXT = '") + 16, check.lastIndexOf("'; END IF"));
    assertEquals(-1, message.indexOf('\''));
    assertEquals(-1, message.indexOf('\\'));
    assertEquals(128, message.length());
  }

  @Test void enumValuesKeepTheirBackslashes() {
    assertEquals("ENUM('a\\\\b', 'it''s')", DDL.enumColumnType(MysqlSqlDialect.DEFAULT,
        new TableName(null, "t"), List.of("a\\b", "it's")));
  }
}
