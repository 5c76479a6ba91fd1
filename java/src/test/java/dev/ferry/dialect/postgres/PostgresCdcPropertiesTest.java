package dev.ferry.dialect.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ferry.config.DatabaseSpec;
import dev.ferry.error.FerryFailure;
import dev.ferry.types.TableName;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The connector properties read from a JDBC URL and a job: no server needed. */
class PostgresCdcPropertiesTest {
  private static Map<String, String> props(String url, String user, String password) {
    return new PostgresChangeCapture().connectorProperties(
        new DatabaseSpec("src", url, user, password, null, false, 10000), "A1b2C3d4",
        List.of(new TableName("public", "orders"), new TableName("Sales", "a.b$c,d")), "0/1");
  }

  @Test void connectsWhereTheUrlPoints() {
    Map<String, String> p = props("jdbc:postgresql://db.example:6543/shop?sslmode=require&ApplicationName=x",
        "ferry", "s3cret-pw");
    assertEquals("db.example", p.get("database.hostname"));
    assertEquals("6543", p.get("database.port"));
    assertEquals("shop", p.get("database.dbname"));
    assertEquals("ferry", p.get("database.user"));
    assertEquals("s3cret-pw", p.get("database.password"));
    assertEquals("require", p.get("database.sslmode"));
    assertEquals("x", p.get("driver.ApplicationName"));
  }

  @Test void takesCredentialsFromTheUrlWhenTheSpecHasNone() {
    Map<String, String> p = props("jdbc:postgresql:///shop?user=u1&password=p%40ss", null, null);
    assertEquals("localhost", p.get("database.hostname"));
    assertEquals("5432", p.get("database.port"));
    assertEquals("u1", p.get("database.user"));
    assertEquals("p@ss", p.get("database.password"));
    assertFalse(p.containsKey("driver.user") || p.containsKey("driver.password"));
  }

  @Test void firstHostOfAMultiHostUrl() {
    Map<String, String> p = props("jdbc:postgresql://h1:5433,h2:5434/shop", "u", null);
    assertEquals("h1", p.get("database.hostname"));
    assertEquals("5433", p.get("database.port"));
  }

  @Test void namesSlotAndPublicationAfterTheJob() {
    Map<String, String> p = props("jdbc:postgresql://h/db", "u", null);
    assertEquals("ferry_a1b2c3d4", p.get("slot.name"));
    assertEquals("ferry_a1b2c3d4", p.get("publication.name"));
    assertEquals("disabled", p.get("publication.autocreate.mode"));
    assertEquals("pgoutput", p.get("plugin.name"));
    assertEquals("no_data", p.get("snapshot.mode"));
  }

  @Test void quotesTableNamesForTheIncludeList() {
    // Debezium splits the list at unescaped commas and matches each regex against schema.table.
    assertEquals("public\\.orders,Sales\\.a\\.b\\$c\\,d",
        props("jdbc:postgresql://h/db", "u", null).get("table.include.list"));
    assertEquals("s\\.t", PostgresCdcProperties.includePattern(new TableName(null, "t"), "s"));
    assertEquals("public\\.t", PostgresCdcProperties.includePattern(new TableName(null, "t"), null));
  }

  @Test void refusesAJobIdThatCannotNameASlot() {
    assertThrows(FerryFailure.class, () -> PostgresCdcNames.of("a-b"));
    assertThrows(FerryFailure.class, () -> PostgresCdcNames.of("x".repeat(58)));
    assertEquals("ferry_" + "x".repeat(57), PostgresCdcNames.of("x".repeat(57)));
  }
}
