package dev.ferry.dialect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.config.DatabaseSpec;

import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The registry of dialects, what each says it can do, and the driver properties it sets. */
class DialectsTest {
  private static Dialect d(String subprotocol) {
    return Dialects.forSubprotocol(subprotocol);
  }

  private static DatabaseSpec spec(String url, boolean readOnly) {
    return new DatabaseSpec("db", url, "alice", "s3cret", null, readOnly, 10_000);
  }

  private static Properties props(String url, boolean readOnly) {
    Properties p = new Properties();
    p.setProperty("user", "alice");
    p.setProperty("password", "s3cret");
    DatabaseSpec s = spec(url, readOnly);
    Dialects.of(s).driverProperties(s, p);
    return p;
  }

  @Test void subprotocolsPickTheirDialect() {
    assertEquals("postgresql", d("postgresql").name());
    assertEquals("mariadb", d("mariadb").name());
    assertEquals("mariadb", d("mysql").name());
    assertEquals("sqlite", d("sqlite").name());
    assertEquals("h2", d("h2").name());
    assertEquals("duckdb", d("duckdb").name());
    assertEquals("postgresql", d("PostgreSQL").name(), "matched case-insensitively");
  }

  @Test void anyOtherDriverGetsTheGenericDialect() {
    for (String s : List.of("hsqldb", "derby", "oracle", "sqlserver", "")) {
      assertEquals("jdbc", d(s).name(), s);
    }
    assertTrue(d("derby").subprotocols().isEmpty());
  }

  @Test void dialectOfASpecReadsItsUrl() {
    assertEquals("mariadb", Dialects.of(spec("jdbc:MySQL://localhost/app", false)).name());
    assertEquals("h2", Dialects.of(spec("jdbc:h2:mem:x", false)).name());
    assertEquals("jdbc", Dialects.of(spec("jdbc:hsqldb:mem:x", false)).name());
  }

  @Test void everyDialectHasADistinctNameAndSubprotocols() {
    Set<String> names = new HashSet<>();
    Set<String> subprotocols = new HashSet<>();
    int generic = 0;
    for (Dialect x : Dialects.all()) {
      assertTrue(names.add(x.name()), "duplicate name " + x.name());
      for (String s : x.subprotocols()) {
        assertTrue(subprotocols.add(s), "sub-protocol " + s + " claimed twice");
        assertSame(x, d(s));
      }
      generic += x.subprotocols().isEmpty() ? 1 : 0;
    }
    assertEquals(Set.of("postgresql", "mariadb", "sqlite", "h2", "duckdb", "jdbc", "backup"), names);
    assertEquals(1, generic, "exactly one generic dialect");
  }

  @Test void capabilities() {
    Capabilities sqlite = d("sqlite").capabilities();
    assertFalse(sqlite.concurrentWriters());
    assertFalse(sqlite.enforcesTypes());
    assertEquals(Capabilities.Namespaces.NONE, sqlite.namespaces());
    assertEquals(Capabilities.IdentityModel.ROWID, sqlite.identity());

    Capabilities pg = d("postgresql").capabilities();
    assertTrue(pg.parallelMerge());
    assertTrue(pg.transactionalDdl());
    assertEquals(Capabilities.BulkLoad.COPY, pg.bulkLoad());

    assertEquals(Capabilities.BulkLoad.APPENDER, d("duckdb").capabilities().bulkLoad());
    assertFalse(d("duckdb").capabilities().concurrentWriters());
    assertEquals(Capabilities.BulkLoad.LOAD_DATA, d("mariadb").capabilities().bulkLoad());
    assertEquals(Capabilities.Namespaces.CATALOGS, d("mariadb").capabilities().namespaces());
    assertEquals(Capabilities.IdentityModel.AUTO_INCREMENT, d("mariadb").capabilities().identity());
    assertEquals(Capabilities.BulkLoad.BATCH, d("h2").capabilities().bulkLoad());
    assertEquals(Capabilities.IdentityModel.GENERIC, d("hsqldb").capabilities().identity());
    for (Dialect x : Dialects.all()) {
      if (x != d("postgresql")) {
        assertFalse(x.capabilities().parallelMerge(), x.name() + " merges lock key gaps");
      }
      if (x != d("sqlite")) {
        assertTrue(x.capabilities().enforcesTypes(), x.name());
      }
    }
  }

  @Test void capabilityWordsOnTheWire() {
    assertEquals("load-data", Capabilities.BulkLoad.LOAD_DATA.wire());
    assertEquals("multi-row-insert", Capabilities.BulkLoad.MULTI_ROW_INSERT.wire());
    assertEquals("auto-increment", Capabilities.IdentityModel.AUTO_INCREMENT.wire());
    assertEquals("catalogs", Capabilities.Namespaces.CATALOGS.wire());
  }

  @Test void h2RunsQueriesLazilyUnlessTheUrlSaysOtherwise() {
    assertEquals("TRUE", props("jdbc:h2:mem:x", false).getProperty("LAZY_QUERY_EXECUTION"));
    assertNull(props("jdbc:h2:mem:x;lazy_query_execution=FALSE", false)
        .getProperty("LAZY_QUERY_EXECUTION"));
  }

  @Test void mariaDbAllowsLocalInfileOnlyForWritableDatabases() {
    assertEquals("true", props("jdbc:mariadb://h/db", false).getProperty("allowLocalInfile"));
    assertNull(props("jdbc:mariadb://h/db", true).getProperty("allowLocalInfile"));
    assertNull(props("jdbc:mysql://h/db?allowLocalInfile=false", false)
        .getProperty("allowLocalInfile"), "the URL's own setting wins");
  }

  @Test void mariaDbReadsYearAsANumber() {
    assertEquals("false", props("jdbc:mariadb://h/db", true).getProperty("yearIsDateType"));
    assertNull(props("jdbc:mariadb://h/db?yearIsDateType=true", false).getProperty("yearIsDateType"),
        "the URL's own setting wins");
    assertNull(props("jdbc:postgresql://h/db", false).getProperty("yearIsDateType"));
  }

  @Test void sqliteOpensReadOnlyDatabasesReadOnly() {
    assertEquals("1", props("jdbc:sqlite:x.db", true).getProperty("open_mode"));
    assertNull(props("jdbc:sqlite:x.db", false).getProperty("open_mode"));
  }

  @Test void duckDbStreamsAndTakesNoCredentials() {
    Properties rw = props("jdbc:duckdb:x.duckdb", false);
    assertNull(rw.getProperty("user"));
    assertNull(rw.getProperty("password"));
    assertEquals("true", rw.getProperty("jdbc_stream_results"));
    assertNull(rw.getProperty("duckdb.read_only"));
    assertEquals("true", props("jdbc:duckdb:x.duckdb", true).getProperty("duckdb.read_only"));
    assertNull(props("jdbc:duckdb:x.duckdb?access_mode=READ_ONLY", true)
        .getProperty("duckdb.read_only"));
  }

  @Test void postgresAndGenericAddNothing() {
    assertEquals(Set.of("user", "password"), props("jdbc:postgresql://h/db", true).stringPropertyNames());
    assertEquals(Set.of("user", "password"), props("jdbc:hsqldb:mem:x", false).stringPropertyNames());
  }

  @Test void systemNamespaces() {
    Dialect pg = d("postgresql");
    assertTrue(pg.isSystemNamespace("pg_catalog"));
    assertTrue(pg.isSystemNamespace("information_schema"));
    assertTrue(pg.isSystemNamespace("pg_toast"));
    assertTrue(pg.isSystemNamespace("pg_temp_3"));
    assertTrue(pg.isSystemNamespace("pg_toast_temp_1"));
    assertFalse(pg.isSystemNamespace("public"));
    assertFalse(pg.isSystemNamespace("pgsql_app"));

    Dialect maria = d("mariadb");
    for (String s : List.of("mysql", "INFORMATION_SCHEMA", "performance_schema", "sys")) {
      assertTrue(maria.isSystemNamespace(s), s);
    }
    assertFalse(maria.isSystemNamespace("shop"));

    assertTrue(d("duckdb").isSystemNamespace("pg_catalog"));
    assertFalse(d("duckdb").isSystemNamespace("main"));
    assertTrue(d("h2").isSystemNamespace("INFORMATION_SCHEMA"));
    assertFalse(d("h2").isSystemNamespace("PUBLIC"));
    assertTrue(d("sqlite").isSystemNamespace("information_schema"));

    Dialect generic = d("hsqldb");
    assertTrue(generic.isSystemNamespace("SYSTEM_LOBS"));
    assertTrue(generic.isSystemNamespace("SYSCS_UTIL"));
    assertFalse(generic.isSystemNamespace("PUBLIC"));
    assertFalse(generic.isSystemNamespace("APP"));
  }

  @Test void enginesWithoutHashFunctionsHaveNoChecksumSql() {
    assertNull(d("sqlite").checksumSql());
    assertNull(d("hsqldb").checksumSql());
    for (String s : List.of("postgresql", "mariadb", "h2", "duckdb")) {
      assertTrue(d(s).checksumSql() != null, s);
    }
  }

  @Test void copyTextPaths() {
    assertTrue(d("postgresql").copyTextSource() != null);
    assertTrue(d("postgresql").copyTextLoader() != null);
    assertTrue(d("mariadb").copyTextLoader() != null);
    assertNull(d("mariadb").copyTextSource());
    assertNull(d("h2").copyTextLoader());
  }

  @Test void onlyDuckDbQualifiesByCatalog() {
    for (Dialect x : Dialects.all()) {
      assertEquals(x.name().equals("duckdb"), x.catalogQualified(), x.name());
    }
  }
}
