package dev.ferry.catalog;

import dev.ferry.types.TypeFamily;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.types.ColumnTypes;
import dev.ferry.types.LogicalType;

import java.sql.Types;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Grouping catalog rows into a {@link Snapshot}. */
class CatalogFactsTest {
  private static void column(CatalogFacts f, String table, String name, int ordinal, int jdbcType,
      String typeName, int size, int digits, boolean nullable) {
    CatalogFacts.ColumnFacts c = f.addColumn(table, name, ordinal);
    c.jdbcType = jdbcType;
    c.typeName = typeName;
    c.size = size;
    c.digits = digits;
    c.nullable = nullable;
  }

  private static CatalogFacts facts() {
    CatalogFacts f = new CatalogFacts("app", null);
    f.addTable("orders", false);
    f.addTable("customers", false);
    f.addTable("v_orders", true);
    // Columns arrive out of order; the ordinal decides.
    column(f, "orders", "total", 3, Types.DECIMAL, "numeric", 12, 2, true);
    column(f, "orders", "id", 1, Types.BIGINT, "int8", 19, 0, false);
    column(f, "orders", "customer", 2, Types.INTEGER, "int4", 10, 0, false);
    column(f, "customers", "id", 1, Types.INTEGER, "int4", 10, 0, false);
    column(f, "customers", "email", 2, Types.VARCHAR, "varchar", 200, 0, true);
    column(f, "v_orders", "id", 1, Types.BIGINT, "int8", 19, 0, true);
    return f;
  }

  @Test void columnsOfUnlistedTablesAreNotKept() {
    CatalogFacts f = facts();
    assertNull(f.addColumn("pg_stat", "x", 1));
    assertNull(f.table("pg_stat"));
  }

  @Test void groupsKeysForeignKeysAndIndexes() {
    CatalogFacts f = facts();
    f.keyColumn("orders", "orders_pkey", "orders_pkey", true, "id");
    f.keyColumn("customers", "customers_pkey", "customers_pkey", true, "id");
    f.keyColumn("customers", "uq_email", "uq_email", false, "email");
    f.keyColumn("customers", "uq_email_id", "uq_email_id", false, "email");
    f.keyColumn("customers", "uq_email_id", "uq_email_id", false, "id");
    f.foreignKeyColumn("orders", "fk_c", "fk_c", "app", "customers", "customer", "id");
    f.indexColumn("orders", "orders_pkey", true, "id");
    f.indexColumn("orders", "by_customer", false, "customer");
    f.indexColumn("orders", "by_customer", false, "total");
    f.indexColumn("orders", "by_expr", false, null);
    // Rows about tables that were not listed are dropped.
    f.keyColumn("audit", "audit_pkey", "audit_pkey", true, "id");
    f.foreignKeyColumn("audit", "fk_a", "fk_a", "app", "orders", "order_id", "id");
    f.indexColumn("audit", "ix", false, "id");

    Snapshot s = f.snapshot("db", "PostgreSQL", "16.2", "2024-01-01T00:00:00Z", ColumnTypes.DEFAULT);

    assertEquals(Snapshot.FORMAT, s.format());
    assertEquals("db", s.database());
    assertEquals(List.of("customers", "orders"), s.tables().stream().map(Snapshot.Table::name).toList(),
        "sorted by name, views apart");
    assertEquals(1, s.views().size());
    assertEquals("v_orders", s.views().get(0).name());

    Snapshot.Table orders = s.tables().get(1);
    assertEquals("app", orders.schema());
    assertEquals(List.of("id", "customer", "total"),
        orders.columns().stream().map(Snapshot.Column::name).toList());
    assertEquals(List.of(1, 2, 3), orders.columns().stream().map(Snapshot.Column::position).toList());
    Snapshot.Column total = orders.columns().get(2);
    assertEquals(new LogicalType(TypeFamily.DECIMAL, "DECIMAL", 12, 2, "DECIMAL(12, 2)"), total.type());
    assertEquals("numeric", total.nativeType());
    assertTrue(total.nullable());
    assertFalse(orders.columns().get(0).nullable());
    assertEquals(new Snapshot.Key("orders_pkey", List.of("id")), orders.primaryKey());
    assertEquals(List.of(new Snapshot.ForeignKey("fk_c", List.of("customer"), "app", "customers",
        List.of("id"))), orders.foreignKeys());
    assertEquals(List.of(
            new Snapshot.Index("by_customer", List.of("customer", "total"), false),
            new Snapshot.Index("by_expr", List.of(CatalogFacts.EXPRESSION), false),
            new Snapshot.Index("orders_pkey", List.of("id"), true)),
        orders.indexes(), "sorted by name, columns in arrival order");

    Snapshot.Table customers = s.tables().get(0);
    assertEquals(List.of(new Snapshot.Key("uq_email", List.of("email")),
        new Snapshot.Key("uq_email_id", List.of("email", "id"))), customers.uniques());
    assertEquals(new LogicalType(TypeFamily.CHAR, "VARCHAR", 200, null, "VARCHAR(200)"),
        customers.columns().get(1).type());
    assertTrue(customers.foreignKeys().isEmpty());
  }

  @Test void keepsDescendingIndexColumnsAndForeignKeyActions() {
    CatalogFacts f = facts();
    f.foreignKeyColumn("orders", "fk_c", "fk_c", "app", "customers", "customer", "id", "CASCADE",
        "NO ACTION");
    f.indexColumn("orders", "by_customer_newest", false, "customer", null, false);
    f.indexColumn("orders", "by_customer_newest", false, "total", null, true);
    f.indexColumn("orders", "by_total", false, "total", null, false);
    Snapshot.Table orders = f.snapshot("db", "PostgreSQL", "16.2", "now", ColumnTypes.DEFAULT)
        .tables().get(1);
    assertEquals(List.of(new Snapshot.ForeignKey("fk_c", List.of("customer"), "app", "customers",
        List.of("id"), "CASCADE", "NO ACTION")), orders.foreignKeys());
    assertEquals(List.of(
            new Snapshot.Index("by_customer_newest", List.of("customer", "total"), false, null,
                List.of(false, true)),
            // Every column ascending: no order listed, as for an engine that does not say.
            new Snapshot.Index("by_total", List.of("total"), false)),
        orders.indexes());
  }

  @Test void aForeignKeyWithoutReferencedColumnsPointsAtThePrimaryKey() {
    CatalogFacts f = facts();
    f.keyColumn("customers", "", null, true, "id");
    f.foreignKeyColumn("orders", "0", null, null, "customers", "customer", null);
    Snapshot s = f.snapshot("db", "SQLite", "3", "now", ColumnTypes.DEFAULT);
    Snapshot.ForeignKey fk = s.tables().get(1).foreignKeys().get(0);
    assertNull(fk.name());
    assertEquals(List.of("id"), fk.refColumns());
    assertNull(s.tables().get(0).primaryKey().name());
  }

  @Test void aForeignKeyToAnUninspectedTableKeepsEmptyNames() {
    CatalogFacts f = facts();
    f.foreignKeyColumn("orders", "0", null, null, "elsewhere", "customer", null);
    Snapshot s = f.snapshot("db", "SQLite", "3", "now", ColumnTypes.DEFAULT);
    assertEquals(List.of(""), s.tables().get(1).foreignKeys().get(0).refColumns());
  }

  @Test void onlyIsKeptAsGiven() {
    assertNull(new CatalogFacts(null, null).only());
    assertEquals(List.of("a"), new CatalogFacts(null, List.of("a")).only());
  }

  @Test void aTableListedTwiceKeepsItsFirstKind() {
    CatalogFacts f = new CatalogFacts(null, null);
    f.addTable("t", false);
    f.addTable("t", true);
    assertFalse(f.table("t").view);
    assertEquals(1, f.tables().size());
  }
}
