package dev.ferry.dialect.duckdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.catalog.CatalogFacts;
import dev.ferry.catalog.CatalogReader;
import dev.ferry.catalog.Scope;
import dev.ferry.catalog.Snapshot;
import dev.ferry.dialect.Dialects;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** DuckDB's keys, foreign keys and indexes read by its catalog queries from a real database. */
class DuckDbCatalogTest {
  private static Connection duck;

  @BeforeAll static void createTables() throws Exception {
    duck = DriverManager.getConnection("jdbc:duckdb:");
    try (Statement st = duck.createStatement()) {
      st.execute("CREATE TABLE parent (a INTEGER, b VARCHAR, PRIMARY KEY (b, a))");
      st.execute("CREATE TABLE child (id INTEGER PRIMARY KEY, pa INTEGER, pb VARCHAR,"
          + " \"My Col\" VARCHAR, email VARCHAR, CONSTRAINT uq_email UNIQUE (email),"
          + " FOREIGN KEY (pb, pa) REFERENCES parent (b, a))");
      st.execute("CREATE INDEX ix_child ON child (\"My Col\", pa)");
      st.execute("CREATE UNIQUE INDEX ix_lower ON child (lower(email))");
      st.execute("CREATE TABLE other (x INTEGER PRIMARY KEY)");
      st.execute("CREATE TYPE mood AS ENUM ('sad', 'it''s ok')");
      st.execute("CREATE TABLE checked (id INTEGER CHECK (id > 0), m mood, e ENUM('x', 'y'),"
          + " note VARCHAR, CONSTRAINT named CHECK (note <> 'it''s'))");
      st.execute("CREATE VIEW big AS SELECT id FROM checked WHERE id > 1");
      st.execute("CREATE SCHEMA s2");
      st.execute("CREATE TABLE s2.parent (z INTEGER PRIMARY KEY)");
    }
  }

  @AfterAll static void close() throws Exception {
    duck.close();
  }

  private static Snapshot read(@Nullable List<String> only, String... tables) throws Exception {
    CatalogFacts facts = new CatalogFacts("main", only);
    for (String t : tables) {
      facts.addTable(t, t.equals("big"));
    }
    CatalogFacts.ColumnFacts m = facts.addColumn("checked", "m", 2);
    if (m != null) {
      // As DuckDB's driver reports an ENUM column.
      m.jdbcType = java.sql.Types.OTHER;
      m.typeName = "ENUM('sad', 'it''s ok')";
    }
    CatalogReader reader = Dialects.forSubprotocol("duckdb").catalogReader();
    Scope scope = new Scope(null, "main");
    reader.keys(duck, scope, facts);
    reader.foreignKeys(duck, scope, facts);
    reader.indexes(duck, scope, facts);
    reader.structure(duck, scope, facts);
    return facts.snapshot("duck", "DuckDB", "1", "now", Dialects.forSubprotocol("duckdb").columnTypes());
  }

  private static Snapshot.Table table(Snapshot s, String name) {
    return s.tables().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
  }

  @Test void primaryKeysInDeclaredOrder() throws Exception {
    Snapshot s = read(null, "parent", "child");
    assertEquals(List.of("b", "a"), table(s, "parent").primaryKey().columns());
    assertEquals(List.of("id"), table(s, "child").primaryKey().columns());
  }

  @Test void uniqueConstraints() throws Exception {
    Snapshot.Table child = table(read(null, "parent", "child"), "child");
    assertEquals(1, child.uniques().size(), child.uniques().toString());
    assertEquals(List.of("email"), child.uniques().get(0).columns());
  }

  @Test void foreignKeysWithTheirReferencedColumns() throws Exception {
    Snapshot.Table child = table(read(null, "parent", "child"), "child");
    assertEquals(1, child.foreignKeys().size());
    Snapshot.ForeignKey fk = child.foreignKeys().get(0);
    assertEquals(List.of("pb", "pa"), fk.columns());
    assertEquals("parent", fk.refTable());
    assertEquals("main", fk.refSchema());
    assertEquals(List.of("b", "a"), fk.refColumns());
  }

  @Test void createdIndexesWithQuotedNamesAndExpressions() throws Exception {
    Snapshot.Table child = table(read(null, "parent", "child"), "child");
    Snapshot.Index ix = child.indexes().stream().filter(i -> i.name().equals("ix_child")).findFirst()
        .orElseThrow(() -> new AssertionError(child.indexes().toString()));
    assertEquals(List.of("My Col", "pa"), ix.columns());
    assertEquals(false, ix.unique());
    Snapshot.Index lower = child.indexes().stream().filter(i -> i.name().equals("ix_lower")).findFirst()
        .orElseThrow(() -> new AssertionError(child.indexes().toString()));
    assertEquals(List.of(CatalogFacts.EXPRESSION), lower.columns());
    assertTrue(lower.unique());
    assertTrue(child.indexes().stream().anyMatch(i -> i.unique() && i.columns().equals(List.of("id"))),
        "the primary key's index is listed as other engines list it: " + child.indexes());
  }

  @Test void checksWithTheNamesDuckDbGivesThem() throws Exception {
    Snapshot s = read(null, "parent", "checked");
    assertEquals(List.of(new Snapshot.Check("checked_id_check", "id > 0"),
        new Snapshot.Check("checked_note_check", "note != 'it''s'")), table(s, "checked").checks());
    assertEquals(List.of(), table(s, "parent").checks());
  }

  @Test void viewsWithTheirQuery() throws Exception {
    Snapshot s = read(null, "checked", "big");
    assertEquals(List.of(new Snapshot.View("big", "main", List.of(),
        "SELECT id FROM checked WHERE (id > 1)")), s.views());
  }

  @Test void enumColumnsAreTextWithTheirLabels() throws Exception {
    Snapshot.Column m = table(read(null, "checked"), "checked").columns().get(0);
    assertEquals(List.of("sad", "it's ok"), m.enumValues());
    assertEquals("ENUM('sad', 'it''s ok')", m.nativeType());
    assertEquals("VARCHAR", m.type().display());
  }

  @Test void onlyTheNamedTablesAndTheSchemaAreRead() throws Exception {
    Snapshot s = read(List.of("parent"), "parent", "child", "other");
    assertEquals(List.of("b", "a"), table(s, "parent").primaryKey().columns(),
        "not s2.parent's key");
    assertEquals(null, table(s, "child").primaryKey(), "child was not asked for");
    assertEquals(null, table(s, "other").primaryKey());
  }
}
