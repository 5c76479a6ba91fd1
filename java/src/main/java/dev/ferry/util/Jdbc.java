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
