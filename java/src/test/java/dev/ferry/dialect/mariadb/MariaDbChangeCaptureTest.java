package dev.ferry.dialect.mariadb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.config.DatabaseSpec;
import dev.ferry.error.FerryFailure;
import dev.ferry.types.TableName;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The MariaDB connector's properties, read from Ferry's database specs; no server. */
class MariaDbChangeCaptureTest {
  private final MariaDbChangeCapture capture = new MariaDbChangeCapture();

  private static DatabaseSpec spec(String url, String user, String password, String schema) {
    return new DatabaseSpec("src", url, user, password, schema, false, 10000);
  }

  @Test void connectsWhereTheUrlPoints() {
    Map<String, String> p = capture.connectorProperties(
        spec("jdbc:mariadb://db.example:3392/shop?user=cdc&password=s3cret&useSsl=false", null, null, null),
        "job", List.of(new TableName(null, "orders")), "bin.000001:4@0-1-1");
    assertEquals("io.debezium.connector.mariadb.MariaDbConnector", p.get("connector.class"));
    assertEquals("db.example", p.get("database.hostname"));
    assertEquals("3392", p.get("database.port"));
    assertEquals("cdc", p.get("database.user"));
    assertEquals("s3cret", p.get("database.password"));
    assertEquals("shop", p.get("database.include.list"));
    assertEquals("shop\\.orders", p.get("table.include.list"));
    assertEquals("recovery", p.get("snapshot.mode"));
    assertEquals("io.debezium.relational.history.MemorySchemaHistory", p.get("schema.history.internal"));
  }

  @Test void theSpecWinsOverTheUrl() {
    // Passwords long and odd enough that registering them as secrets (every DatabaseSpec does)
    // scrubs nothing from other tests' messages.
    String url = "jdbc:mysql://u:userinfo-pw-31f7@h/db1?user=x&password=query-pw-8c2d";
    MariaDbAddress a = MariaDbAddress.of(spec(url, "me", "spec-pw-5a90", "db2"));
    assertEquals(new MariaDbAddress("h", 3306, "db2", "me", "spec-pw-5a90"), a);
    assertEquals(new MariaDbAddress("h", 3306, "db1", "x", "query-pw-8c2d"),
        MariaDbAddress.of(spec(url, null, null, null)));
    assertEquals(new MariaDbAddress("h", 3306, "db1", "u", "userinfo-pw-31f7"),
        MariaDbAddress.of(spec("jdbc:mysql://u:userinfo-pw-31f7@h/db1", null, null, null)));
  }

  @Test void readsOtherHostForms() {
    assertEquals(new MariaDbAddress("::1", 3400, null, null, null),
        MariaDbAddress.of(spec("jdbc:mariadb://[::1]:3400", null, null, null)));
    assertEquals(new MariaDbAddress("10.0.0.5", 3307, "app", null, null),
        MariaDbAddress.of(spec("jdbc:mariadb://address=(host=10.0.0.5)(port=3307)(type=primary)/app", null, null, null)));
    assertEquals(new MariaDbAddress("a", 3310, "app", null, null),
        MariaDbAddress.of(spec("jdbc:mariadb:replication://a:3310,b:3311/app", null, null, null)));
  }

  @Test void refusesAUrlWithoutHost() {
    FerryFailure f = assertThrows(FerryFailure.class,
        () -> MariaDbAddress.of(spec("jdbc:mariadb:///shop?password=hush", null, null, null)));
    assertTrue(f.getMessage().contains("cannot find the host"), f.getMessage());
    assertFalse(f.getMessage().contains("hush"), f.getMessage());
  }

  @Test void namesTablesAsLiteralRegexes() {
    Map<String, String> p = capture.connectorProperties(spec("jdbc:mariadb://h/shop", "u", null, null), "job",
        List.of(new TableName("my-db", "a.b"), new TableName("my-db", "x,y"), new TableName("other", "t$1")), "s");
    assertEquals("my\\-db,other", p.get("database.include.list"));
    assertEquals("my\\-db\\.a\\.b,my\\-db\\.x\\,y,other\\.t\\$1", p.get("table.include.list"));
    assertNull(p.get("database.password"));
    for (String name : List.of("a.b", "x,y", "t$1", "(a|b)*")) {
      assertTrue(Pattern.matches(MariaDbChangeCapture.regex(name), name), name);
    }
    assertFalse(Pattern.matches(MariaDbChangeCapture.regex("a.b"), "axb"));
  }

  @Test void refusesATableWithoutDatabase() {
    FerryFailure f = assertThrows(FerryFailure.class, () -> capture.connectorProperties(
        spec("jdbc:mariadb://h:3306", "u", null, null), "job", List.of(new TableName(null, "t")), "s"));
    assertTrue(f.getMessage().contains("names no MariaDB database"), f.getMessage());
  }

  @Test void serverIdIsStablePerJobAndInItsRange() {
    long id = MariaDbChangeCapture.serverId("orders-to-pg");
    assertEquals(id, MariaDbChangeCapture.serverId("orders-to-pg"));
    assertNotEquals(id, MariaDbChangeCapture.serverId("orders-to-pg2"));
    for (String job : List.of("", "a", "orders-to-pg", "ß∂ƒ")) {
      long v = MariaDbChangeCapture.serverId(job);
      assertTrue(v >= 5_400_000L && v < 6_400_000L, job + " " + v);
    }
    Map<String, String> p = capture.connectorProperties(spec("jdbc:mariadb://h/d", "u", null, null), "orders-to-pg",
        List.of(new TableName("d", "t")), "s");
    assertEquals(Long.toString(id), p.get("database.server.id"));
  }

  @Test void namesTheRightsOfTheServersVersion() {
    assertTrue(MariaDbBinlogCheck.atLeast105("10.11.19-MariaDB-0+deb12u1-log"));
    assertTrue(MariaDbBinlogCheck.atLeast105("11.4.2-MariaDB"));
    assertFalse(MariaDbBinlogCheck.atLeast105("10.4.34-MariaDB"));
    assertEquals("'cdc'@'%'", MariaDbBinlogCheck.quoteUser("cdc@%"));
    assertEquals("'a@b'@'localhost'", MariaDbBinlogCheck.quoteUser("a@b@localhost"));
  }

  @Test void dropRemovesNothing() {
    assertEquals(List.of(), capture.drop(null, "job"));
  }
}
