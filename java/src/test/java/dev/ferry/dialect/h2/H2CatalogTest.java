package dev.ferry.dialect.h2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.catalog.Scope;
import dev.ferry.catalog.Snapshot;
import dev.ferry.config.DatabaseSpec;
import dev.ferry.connect.FerryDataSource;
import dev.ferry.inspect.Inspector;

import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** An in-memory H2 database inspected through its INFORMATION_SCHEMA catalog queries. */
class H2CatalogTest {
  private static FerryDataSource ds;

  @BeforeAll static void createTables() throws Exception {
    ds = new FerryDataSource(new DatabaseSpec("h2", "jdbc:h2:mem:h2catalog;DB_CLOSE_DELAY=-1",
        null, null, null, false, 1000));
    try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
      st.execute("CREATE SCHEMA app");
      st.execute("CREATE TABLE app.parent (a INT, b VARCHAR(10), PRIMARY KEY (b, a))");
      st.execute("CREATE TABLE app.child (id BIGINT PRIMARY KEY, pa INT, pb VARCHAR(10),"
          + " code CHAR(3) COMMENT 'a code', amount NUMERIC(12, 2) NOT NULL,"
          + " CONSTRAINT positive CHECK (amount > 0), CONSTRAINT uq_code UNIQUE (code),"
          + " CONSTRAINT fk_parent FOREIGN KEY (pb, pa) REFERENCES app.parent (b, a))");
      st.execute("CREATE INDEX by_amount ON app.child (amount, id)");
      st.execute("CREATE VIEW app.v AS SELECT id FROM app.child");
      st.execute("CREATE TABLE PUBLIC.child (other INT PRIMARY KEY)");
      if (!c.getAutoCommit()) {
        c.commit();
      }
    }
  }

  @AfterAll static void close() {
    ds.closeAll();
  }

  private static Snapshot.Table table(Snapshot s, String name) {
    return s.tables().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
  }

  @Test void wholeSchema() {
    Snapshot s = Inspector.inspect(ds, new Scope(null, "APP"), null);
    assertEquals(List.of("CHILD", "PARENT"), s.tables().stream().map(Snapshot.Table::name).toList());
    assertEquals(List.of("V"), s.views().stream().map(Snapshot.View::name).toList());

    assertEquals(List.of("B", "A"), table(s, "PARENT").primaryKey().columns());
    Snapshot.Table child = table(s, "CHILD");
    assertEquals("APP", child.schema());
    assertEquals(List.of("ID"), child.primaryKey().columns());
    assertEquals(List.of(new Snapshot.Key("UQ_CODE", List.of("CODE"))), child.uniques());
    assertEquals(List.of(new Snapshot.ForeignKey("FK_PARENT", List.of("PB", "PA"), "APP", "PARENT",
        List.of("B", "A"))), child.foreignKeys());
    assertTrue(child.indexes().contains(new Snapshot.Index("BY_AMOUNT", List.of("AMOUNT", "ID"), false)),
        child.indexes().toString());
    assertTrue(child.indexes().stream().anyMatch(i -> i.unique() && i.columns().equals(List.of("CODE"))),
        child.indexes().toString());

    Snapshot.Column amount = child.columns().get(4);
    assertEquals("DECIMAL(12, 2)", amount.type().display());
    assertFalse(amount.nullable());
    assertEquals("CHAR(3)", child.columns().get(3).type().display());
    assertEquals("a code", child.columns().get(3).comment());
    assertEquals(null, child.columns().get(4).comment());
    assertEquals(List.of(new Snapshot.Check("POSITIVE", "\"AMOUNT\" > CAST(0 AS NUMERIC(1))")), child.checks());
    assertEquals(List.of(), table(s, "PARENT").checks());
    assertEquals("SELECT\n    \"ID\"\nFROM \"APP\".\"CHILD\"", s.views().get(0).definition());
  }

  @Test void namedTablesOnly() {
    Snapshot s = Inspector.inspect(ds, new Scope(null, "APP"), List.of("child"));
    assertEquals(List.of("CHILD"), s.tables().stream().map(Snapshot.Table::name).toList(),
        "matched ignoring case");
    assertEquals(1, table(s, "CHILD").foreignKeys().size());
    Snapshot pub = Inspector.inspect(ds, new Scope(null, "PUBLIC"), List.of("CHILD"));
    assertEquals(List.of("OTHER"), table(pub, "CHILD").primaryKey().columns(), "not app.child's key");
  }
}
