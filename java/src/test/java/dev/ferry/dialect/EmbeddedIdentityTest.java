package dev.ferry.dialect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.config.DatabaseSpec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the embedded engines say about the database a connection reaches (so a copy onto its own
 * source is refused) and about a key that already exists (so an append over it says so).
 */
class EmbeddedIdentityTest {
  private static DatabaseSpec spec(String name, String url) {
    return new DatabaseSpec(name, url, null, null, null, false, 10_000);
  }

  private static String identity(String url, String name) throws SQLException {
    DatabaseSpec s = spec(name, url);
    try (Connection c = DriverManager.getConnection(url)) {
      return Dialects.of(s).instanceIdentity(c, s);
    }
  }

  @Test void twoUrlsOfOneFileAreOneDatabase() throws Exception {
    Path dir = Files.createTempDirectory("ferry-identity");
    for (String engine : List.of("sqlite", "duckdb", "h2")) {
      Path a = dir.resolve(engine + "-a.db");
      Path b = dir.resolve(engine + "-b.db");
      String urlA = "jdbc:" + engine + ":" + a;
      String other = "jdbc:" + engine + ":" + dir.resolve("./" + engine + "-a.db");
      assertEquals(identity(urlA, "x"), identity(other, "y"), engine + ": the same file by two spellings");
      assertNotEquals(identity(urlA, "x"), identity("jdbc:" + engine + ":" + b, "x"), engine);
    }
  }

  @Test void embeddedEnginesTakeNoCopyLocks() throws Exception {
    for (String url : List.of("jdbc:sqlite::memory:", "jdbc:duckdb:", "jdbc:h2:mem:locks")) {
      DatabaseSpec s = spec("m", url);
      try (Connection c = DriverManager.getConnection(url)) {
        assertNull(Dialects.of(s).tryLock(c, "ferry copy t"), url);
      }
    }
  }

  private static void run(Connection c, String sql) throws SQLException {
    try (Statement st = c.createStatement()) {
      st.execute(sql);
    }
  }

  @Test void aDuplicateKeyIsRecognizedOnEveryEmbeddedEngine() throws Exception {
    for (String url : List.of("jdbc:sqlite::memory:", "jdbc:duckdb:", "jdbc:h2:mem:dups")) {
      Dialect d = Dialects.of(spec("m", url));
      try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
        st.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, u INTEGER UNIQUE, n INTEGER NOT NULL)");
        st.execute("INSERT INTO t VALUES (1, 1, 0)");
        SQLException pk = assertThrows(SQLException.class, () -> run(c, "INSERT INTO t VALUES (1, 2, 0)"));
        assertTrue(d.isDuplicateKey(pk), url + ": " + pk.getMessage());
        SQLException unique = assertThrows(SQLException.class, () -> run(c, "INSERT INTO t VALUES (2, 1, 0)"));
        assertTrue(d.isDuplicateKey(unique), url + ": " + unique.getMessage());
        SQLException other = assertThrows(SQLException.class, () -> run(c, "INSERT INTO t VALUES (3, 3, NULL)"));
        assertFalse(d.isDuplicateKey(other), url + ": " + other.getMessage());
      }
    }
  }
}
