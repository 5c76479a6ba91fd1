package dev.ferry.dialect.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.catalog.CatalogFacts;
import dev.ferry.catalog.Scope;
import dev.ferry.catalog.Snapshot;
import dev.ferry.config.DatabaseSpec;
import dev.ferry.connect.FerryDataSource;
import dev.ferry.ddl.Ddl;
import dev.ferry.dialect.Dialects;
import dev.ferry.inspect.Inspector;
import dev.ferry.types.TableName;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.apache.calcite.sql.SqlDialect;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real SQLite file inspected through its catalog reader, and its tables created again. */
class SqliteCatalogTest {
  @TempDir static Path dir;
  private static FerryDataSource ds;
  private static Snapshot snapshot;

  @BeforeAll static void inspect() throws Exception {
    String url = "jdbc:sqlite:" + dir.resolve("src.db");
    try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
      st.execute("CREATE TABLE parent (a INTEGER, b TEXT, PRIMARY KEY (b, a))");
      st.execute("CREATE TABLE users (id INTEGER PRIMARY KEY, email VARCHAR(100) UNIQUE,"
          + " amount DECIMAL(12, 2), pa INTEGER, pb TEXT, boss INTEGER REFERENCES users,"
          + " FOREIGN KEY (pb, pa) REFERENCES parent (b, a))");
      st.execute("CREATE INDEX by_amount ON users (amount, id)");
      st.execute("CREATE INDEX by_lower ON users (lower(email))");
      st.execute("CREATE TABLE w (k TEXT PRIMARY KEY, v INT) WITHOUT ROWID");
      st.execute("CREATE TABLE checked (id INTEGER CHECK (id > 0), note TEXT CONSTRAINT"
          + " \"has text\" CHECK (note <> 'it''s (not) CHECK'), CHECK (id < 100))");
      st.execute("CREATE VIEW IF NOT EXISTS big (id) AS SELECT id FROM users WHERE amount > 10");
    }
    ds = new FerryDataSource(new DatabaseSpec("lite", url, null, null, null, true, 1000));
    snapshot = Inspector.inspect(ds, new Scope(null, null), null);
  }

  @AfterAll static void close() {
    ds.closeAll();
  }

  private static Snapshot.Table table(String name) {
    return snapshot.tables().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
  }

  @Test void keysInDeclaredOrderWithoutNames() {
    assertEquals(new Snapshot.Key(null, List.of("b", "a")), table("parent").primaryKey());
    assertEquals(List.of("id"), table("users").primaryKey().columns());
    assertEquals(List.of(new Snapshot.Key(null, List.of("email"))), table("users").uniques());
  }

  @Test void declaredTypesReplaceTheDriversGuesses() {
    Snapshot.Column amount = table("users").columns().get(2);
    assertEquals("DECIMAL(12, 2)", amount.type().display());
  }

  @Test void anIntegerPrimaryKeyIsTheRowid() {
    Snapshot.Column id = table("users").columns().get(0);
    assertTrue(id.autoIncrement());
    assertFalse(id.nullable());
    Snapshot.Column k = table("w").columns().get(0);
    assertFalse(k.autoIncrement(), "a WITHOUT ROWID table has no rowid");
  }

  @Test void foreignKeysWithAndWithoutReferencedColumns() {
    List<Snapshot.ForeignKey> fks = table("users").foreignKeys();
    assertEquals(2, fks.size(), fks.toString());
    assertTrue(fks.contains(new Snapshot.ForeignKey(null, List.of("pb", "pa"), null, "parent",
        List.of("b", "a"))), "SQLite keeps no constraint names: " + fks);
    assertTrue(fks.stream().anyMatch(fk -> fk.columns().equals(List.of("boss"))
        && fk.refColumns().equals(List.of("id"))), "REFERENCES users points at its key: " + fks);
  }

  @Test void indexesWithExpressions() {
    List<Snapshot.Index> ix = table("users").indexes();
    assertTrue(ix.contains(new Snapshot.Index("by_amount", List.of("amount", "id"), false)), ix.toString());
    assertTrue(ix.contains(new Snapshot.Index("by_lower", List.of(CatalogFacts.EXPRESSION), false)),
        ix.toString());
  }

  @Test void checksAtColumnAndTableLevelFromTheCreateStatement() {
    assertEquals(List.of(new Snapshot.Check(null, "id > 0"),
        new Snapshot.Check("has text", "note <> 'it''s (not) CHECK'"),
        new Snapshot.Check(null, "id < 100")), table("checked").checks());
    assertEquals(List.of(), table("users").checks());
  }

  @Test void viewsWithTheirQuery() {
    assertEquals(List.of(new Snapshot.View("big", null, snapshot.views().get(0).columns(),
        "SELECT id FROM users WHERE amount > 10")), snapshot.views());
  }

  @Test void theTablesCanBeCreatedAgainInAnotherSqliteDatabase() throws Exception {
    Ddl ddl = Dialects.forSubprotocol("sqlite").ddl();
    SqlDialect q = Dialects.forSubprotocol("sqlite").calciteDialect(null);
    Ddl.Source same = new Ddl.Source(true, false);
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("dst.db"));
         Statement st = c.createStatement()) {
      for (String t : List.of("parent", "users")) {
        TableName name = new TableName(null, t);
        st.execute(ddl.createTable(q, name, table(t), same));
        for (String ix : ddl.indexes(q, name, table(t), same)) {
          st.execute(ix);
        }
      }
    }
  }

  @Test void tablesAndPlainIndexesAreCreatedAgain() throws Exception {
    Ddl ddl = Dialects.forSubprotocol("sqlite").ddl();
    SqlDialect q = Dialects.forSubprotocol("sqlite").calciteDialect(null);
    Ddl.Source same = new Ddl.Source(true, false);
    TableName users = new TableName(null, "users");
    List<String> indexes = ddl.indexes(q, users, table("users"), same);
    assertTrue(indexes.contains(
        "CREATE INDEX IF NOT EXISTS \"by_amount\" ON \"users\" (\"amount\", \"id\")"), indexes.toString());
    assertFalse(indexes.stream().anyMatch(s -> s.contains("by_lower")), "expression indexes are not copied");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite::memory:");
         Statement st = c.createStatement()) {
      st.execute(ddl.createTable(q, new TableName(null, "parent"), table("parent"), same));
      st.execute(ddl.createTable(q, users, table("users"), same));
      for (String ix : indexes) {
        if (ix.contains("by_amount")) {
          st.execute(ix);
        }
      }
    }
  }
}
