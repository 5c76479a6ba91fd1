package dev.ferry.util;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.checkerframework.checker.nullness.qual.Nullable;

/** Small JDBC chores shared by everything that holds a result open. */
public final class Jdbc {
  private Jdbc() {}

  /**
   * The primary key's columns of {@code table} (in catalog {@code cat}, schema {@code sch}), in
   * key order; empty when it has none.
   */
  public static java.util.List<String> primaryKey(java.sql.DatabaseMetaData md,
      @Nullable String cat, @Nullable String sch, String table) throws SQLException {
    java.util.Map<Integer, String> bySeq = new java.util.TreeMap<>();
    try (ResultSet rs = md.getPrimaryKeys(cat, sch, table)) {
      while (rs.next()) {
        if (table.equals(rs.getString("TABLE_NAME"))) {
          bySeq.put(rs.getInt("KEY_SEQ"), rs.getString("COLUMN_NAME"));
        }
      }
    }
    return new java.util.ArrayList<>(bySeq.values());
  }

  /**
   * The first row of {@code sql} on {@code c}, each column as text joined by {@code |}, or null
   * when there is no row; for short identity and lock queries.
   */
  public static @Nullable String firstRow(Connection c, String sql, Object... params)
      throws SQLException {
    try (java.sql.PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        ps.setObject(i + 1, params[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return null;
        }
        StringBuilder b = new StringBuilder();
        int n = rs.getMetaData().getColumnCount();
        for (int i = 1; i <= n; i++) {
          b.append(i == 1 ? "" : "|").append(rs.getString(i));
        }
        return b.toString();
      }
    }
  }

  /**
   * The rows of {@code sql} on {@code c} as a map from the first column (text) to the second
   * (a number), {@code params} bound in order; for catalog queries such as table sizes.
   */
  public static java.util.Map<String, Long> longsByName(Connection c, String sql, Object... params)
      throws SQLException {
    java.util.Map<String, Long> out = new java.util.HashMap<>();
    try (java.sql.PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        ps.setObject(i + 1, params[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.put(rs.getString(1), rs.getLong(2));
        }
      }
    }
    return out;
  }

  /**
   * The rows of {@code sql} (three columns: a name, a second name, a number) as a map of maps,
   * {@code params} bound in order: what catalog queries answering per table, per column give.
   */
  public static java.util.Map<String, java.util.Map<String, Long>> longsByTwoNames(Connection c,
      String sql, Object... params) throws SQLException {
    java.util.Map<String, java.util.Map<String, Long>> out = new java.util.LinkedHashMap<>();
    try (java.sql.PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        ps.setObject(i + 1, params[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.computeIfAbsent(rs.getString(1), k -> new java.util.LinkedHashMap<>())
              .put(rs.getString(2), rs.getLong(3));
        }
      }
    }
    return out;
  }

  /**
   * Runs {@code sql} on {@code c}; with {@code commit}, commits it, or rolls the transaction back
   * when it fails (so a PostgreSQL connection is usable again).
   */
  public static void execute(Connection c, String sql, boolean commit) throws SQLException {
    try (Statement st = c.createStatement()) {
      st.execute(sql);
      if (commit) {
        c.commit();
      }
    } catch (SQLException e) {
      if (commit) {
        c.rollback();
      }
      throw e;
    }
  }

  /**
   * Closes a result, its statement and (when it owns one) its connection, in that order,
   * carrying on past failures: each close frees what the previous could not.
   */
  public static void closeQuietly(@Nullable ResultSet resultSet, @Nullable Statement statement,
      @Nullable Connection connection) {
    try {
      if (resultSet != null) {
        resultSet.close();
      }
    } catch (SQLException ignored) {
      // The statement close below frees the same resources.
    }
    try {
      if (statement != null) {
        statement.close();
      }
    } catch (SQLException ignored) {
      // Nothing else holds this statement.
    }
    try {
      if (connection != null) {
        connection.close();
      }
    } catch (SQLException ignored) {
      // The pool discards a connection that fails to close.
    }
  }
}
