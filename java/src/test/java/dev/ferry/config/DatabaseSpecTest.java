package dev.ferry.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.error.FerryFailure;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** A configured database: its sub-protocol, and never its password in a message. */
class DatabaseSpecTest {
  private static DatabaseSpec spec(String url, String password) {
    return new DatabaseSpec("db", url, "bob", password, null, false, 10_000);
  }

  @Test void subprotocol() {
    assertEquals("postgresql", spec("jdbc:PostgreSQL://h:5432/app", null).subprotocol());
    assertEquals("h2", spec("jdbc:h2:mem:x", null).subprotocol());
    assertEquals("duckdb", spec("jdbc:duckdb:", null).subprotocol());
    assertEquals("sqlite", spec("jdbc:sqlite", null).subprotocol());
    assertEquals("mysql", spec("mysql://h/db", null).subprotocol());
  }

  @Test void safeUrlMasksPasswords() {
    assertEquals("jdbc:postgresql://h/db?user=a&password=***&ssl=true",
        spec("jdbc:postgresql://h/db?user=a&password=s3cret&ssl=true", null).safeUrl());
    assertEquals("jdbc:h2:tcp://h/x;USER=a;PASSWORD=***;IFEXISTS=TRUE",
        spec("jdbc:h2:tcp://h/x;USER=a;PASSWORD=pw;IFEXISTS=TRUE", null).safeUrl());
    assertEquals("jdbc:mariadb://bob:***@host:3306/db",
        spec("jdbc:mariadb://bob:hunter2@host:3306/db", null).safeUrl());
    assertEquals("jdbc:sqlite:/tmp/x.db", spec("jdbc:sqlite:/tmp/x.db", null).safeUrl());
  }

  @Test void scrubRemovesTheUrlsSecretsAndThePassword() {
    DatabaseSpec s = spec("jdbc:postgresql://h/db?password=p4ss", "p4ss");
    assertEquals("cannot reach jdbc:postgresql://h/db?password=*** as bob/***",
        s.scrub("cannot reach jdbc:postgresql://h/db?password=p4ss as bob/p4ss"));
    assertEquals("no password here", spec("jdbc:h2:mem:x", "").scrub("no password here"));
  }

  @Test void connectionFailuresNeverShowThePassword() {
    DatabaseSpec s = spec("jdbc:mariadb://bob:p4ss@h/db", "p4ss");
    FerryFailure f = s.connectionFailure(new SQLException("Access denied for bob using p4ss", "28000"));
    assertEquals("CONNECTION_FAILED", f.code());
    assertFalse(f.getMessage().contains("p4ss"), f.getMessage());
    assertFalse(f.toString().contains("p4ss"), f.toString());
    assertTrue(f.getMessage().startsWith("cannot connect to database 'db' (jdbc:mariadb://bob:***@h/db)"),
        f.getMessage());
    assertTrue(f.toString().contains("\"sqlState\":\"28000\""), f.toString());
  }
}
