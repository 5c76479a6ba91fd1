package dev.ferry.ddl;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Connections to each engine for translation tests, in a private namespace
 * ({@code ferry_translate_test} on the servers) created and dropped by the test; the servers'
 * tests are skipped when a server is unreachable.
 */
final class TranslationEngines {
  static final String NS = "ferry_translate_test";

  private TranslationEngines() {}

  /** A fresh connection to {@code engine}, its private namespace current and empty. */
  static Connection open(String engine) throws SQLException {
    switch (engine) {
    case "sqlite":
      return DriverManager.getConnection("jdbc:sqlite::memory:");
    case "duckdb":
      return DriverManager.getConnection("jdbc:duckdb:");
    case "postgresql": {
      Connection c = server("jdbc:postgresql://127.0.0.1:5432/test?connectTimeout=3", "postgres");
      run(c, "DROP SCHEMA IF EXISTS " + NS + " CASCADE", "CREATE SCHEMA " + NS, "SET search_path TO " + NS);
      return c;
    }
    default: {
      Connection c = server("jdbc:mariadb://127.0.0.1:3306/test?connectTimeout=3000", "root");
      run(c, "DROP DATABASE IF EXISTS " + NS, "CREATE DATABASE " + NS, "USE " + NS);
      return c;
    }
    }
  }

  /** Drops the private namespace of a server engine and closes {@code c}. */
  static void close(String engine, Connection c) throws SQLException {
    try (c) {
      if (engine.equals("postgresql")) {
        run(c, "DROP SCHEMA IF EXISTS " + NS + " CASCADE");
      } else if (engine.equals("mariadb")) {
        run(c, "DROP DATABASE IF EXISTS " + NS);
      }
    }
  }

  private static Connection server(String url, String user) {
    Properties p = new Properties();
    p.setProperty("user", user);
    try {
      return DriverManager.getConnection(url, p);
    } catch (SQLException e) {
      assumeTrue(false, "server unreachable: " + url + " (" + e.getMessage() + ")");
      throw new IllegalStateException(e);
    }
  }

  static void run(Connection c, String... sql) throws SQLException {
    try (Statement s = c.createStatement()) {
      for (String q : sql) {
        s.execute(q);
      }
    }
  }

  /** The first column of the first row of {@code sql}. */
  static @Nullable String first(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      return rs.next() ? rs.getString(1) : null;
    }
  }

  /** Every row of {@code sql}, numbers compared by value (30.00 = 30.0 = 30). */
  static List<List<String>> rows(Connection c, String sql) throws SQLException {
    List<List<String>> out = new ArrayList<>();
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        List<String> row = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
          String v = rs.getString(i);
          row.add(v != null && v.matches("-?\\d+(\\.\\d+)?")
              ? new BigDecimal(v).stripTrailingZeros().toPlainString() : v);
        }
        out.add(row);
      }
    }
    return out;
  }
}
