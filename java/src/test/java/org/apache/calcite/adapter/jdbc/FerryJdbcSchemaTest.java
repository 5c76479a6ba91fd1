package org.apache.calcite.adapter.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.ferry.catalog.RoundTrips;
import dev.ferry.types.ColumnTypes;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.schema.lookup.LikePattern;
import org.apache.calcite.sql.dialect.H2SqlDialect;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The tables of a database's schema are its relations of the dialect's types only, found with
 * no catalog round trip per table.
 */
class FerryJdbcSchemaTest {
  private static final String URL = "jdbc:h2:mem:ferryjdbcschema;DB_CLOSE_DELAY=-1";

  @BeforeAll static void create() throws SQLException {
    try (Connection c = DriverManager.getConnection(URL); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE orders (id INT PRIMARY KEY)");
      s.execute("CREATE VIEW big_orders AS SELECT id FROM orders WHERE id > 10");
      s.execute("CREATE SYNONYM orders_alias FOR orders");
      for (int i = 0; i < 40; i++) {
        s.execute("CREATE TABLE part_" + i + " (id INT)");
      }
    }
  }

  /** A schema over H2's PUBLIC whose data source records every call reaching the database. */
  private static FerryJdbcSchema schema(RoundTrips trips, String @Nullable [] tableTypes) {
    DataSource ds = new Counted(trips);
    JdbcConvention convention = JdbcConvention.of(H2SqlDialect.DEFAULT,
        Expressions.constant(null), "h2");
    return new FerryJdbcSchema(ds, H2SqlDialect.DEFAULT, convention, null, "PUBLIC",
        ColumnTypes.DEFAULT, Map::of, tableTypes);
  }

  @Test void onlyTheDialectsTableTypesAreTables() {
    FerryJdbcSchema s = schema(new RoundTrips(), new String[] {"TABLE", "BASE TABLE", "VIEW"});
    assertNotNull(s.tables().get("ORDERS"));
    assertNotNull(s.tables().getIgnoreCase("big_orders"));
    assertNull(s.tables().get("ORDERS_ALIAS"), "a synonym is not one of the types");
    assertNull(s.tables().getIgnoreCase("orders_alias"));
    Set<String> names = new TreeSet<>(s.tables().getNames(LikePattern.any()));
    assertEquals(Set.of("ORDERS", "BIG_ORDERS"), Set.copyOf(names.stream()
        .filter(n -> !n.startsWith("PART_")).toList()));
    assertEquals("synonym", s.unreadableKind("orders_alias"));
    assertNull(s.unreadableKind("orders"), "a table is readable");
    assertNull(s.unreadableKind("nothing"));
  }

  @Test void withoutTypesEverythingButIndexesSequencesAndTypesIsATable() {
    FerryJdbcSchema s = schema(new RoundTrips(), null);
    assertNotNull(s.tables().get("ORDERS_ALIAS"));
  }

  /**
   * Looking tables up by name ignoring case (as every query does) lists the schema once, not
   * once per table as stock JdbcSchema did; an exact name costs one call, once.
   */
  @Test void lookingUpManyTablesListsTheSchemaOnce() {
    RoundTrips trips = new RoundTrips();
    FerryJdbcSchema s = schema(trips, new String[] {"BASE TABLE", "VIEW"});
    for (int i = 0; i < 40; i++) {
      assertNotNull(s.tables().getIgnoreCase("part_" + i));
    }
    assertEquals(List.of("getTables"), trips.calls());
    assertNotNull(s.tables().get("PART_0"));
    assertEquals(1, trips.count(), "the listing filled the exact names");
    assertNull(s.tables().get("PART_X"));
    assertEquals(Collections.nCopies(2, "getTables"), trips.calls(), "a miss asks once");
  }

  /** Connections to {@link #URL} that record what they ask. */
  private record Counted(RoundTrips trips) implements DataSource {
    @Override public Connection getConnection() throws SQLException {
      return trips.wrap(DriverManager.getConnection(URL));
    }

    @Override public Connection getConnection(String user, String password) throws SQLException {
      return getConnection();
    }

    @Override public @Nullable PrintWriter getLogWriter() {
      return null;
    }

    @Override public void setLogWriter(PrintWriter out) {}

    @Override public void setLoginTimeout(int seconds) {}

    @Override public int getLoginTimeout() {
      return 0;
    }

    @Override public Logger getParentLogger() {
      return Logger.getGlobal();
    }

    @Override public <T> T unwrap(Class<T> iface) throws SQLException {
      throw new SQLException("not a wrapper");
    }

    @Override public boolean isWrapperFor(Class<?> iface) {
      return false;
    }
  }
}
