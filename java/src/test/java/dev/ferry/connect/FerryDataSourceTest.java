package dev.ferry.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.config.DatabaseSpec;

import java.sql.Connection;
import org.h2.jdbc.JdbcConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The pool over an in-memory H2 database, whose connections its dialect leaves in autocommit. */
class FerryDataSourceTest {
  private FerryDataSource ds;

  @BeforeEach void open() {
    ds = new FerryDataSource(new DatabaseSpec("h2", "jdbc:h2:mem:ferrypool;DB_CLOSE_DELAY=-1",
        null, null, null, false, 1000));
  }

  @AfterEach void close() {
    ds.closeAll();
  }

  /**
   * A borrower that changes the autocommit mode does not pass it on: pgjdbc streams only with
   * autocommit off, so a reader handed a connection DDL left in autocommit buffered every row.
   */
  @Test void aConnectionComesBackInTheAutocommitModeItWasPreparedIn() throws Exception {
    JdbcConnection first;
    try (Connection c = ds.getConnection()) {
      assertTrue(c.getAutoCommit());
      c.setAutoCommit(false);
      first = c.unwrap(JdbcConnection.class);
    }
    try (Connection c = ds.getConnection()) {
      assertEquals(first, c.unwrap(JdbcConnection.class), "the idle connection is reused");
      assertTrue(c.getAutoCommit());
    }
  }
}
