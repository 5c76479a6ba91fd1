package dev.ferry.dialect.postgres;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;

/**
 * Whether a query should be read from PostgreSQL in one round trip, so that PostgreSQL may run
 * it with parallel workers.
 *
 * <p>PostgreSQL runs no part of a query in parallel when it may be asked for its rows in batches,
 * which is how pgjdbc streams a result (a fetch size, in a transaction): TPC-H Q1, an aggregate
 * over lineitem's six million rows into four, took 4.3 s read that way against 2.1 s in psql.
 * Reading a result whole holds it in the driver's memory, so only a result PostgreSQL's own
 * planner expects to be small is read whole: at most {@link #MAX_ROWS} rows, from an aggregate or
 * a {@code LIMIT} (under sorts and gathers), whose estimates rest on PostgreSQL's statistics of
 * distinct values. Only a query that joins nothing: for a cursor PostgreSQL also plans for the
 * first rows, which chose the faster join for Q4 (0.66 s read in batches, 1.0 s whole and in
 * parallel), while a scan gains the parallel workers alone. The question costs one
 * {@code EXPLAIN}, a planning without execution.
 */
final class PostgresWholeRead {
  /** The most rows PostgreSQL may expect of a query read whole. */
  static final double MAX_ROWS = 10_000;

  /** Plan nodes that pass their input's rows on, looked through to the node that bounds them. */
  private static final Set<String> PASS_THROUGH = Set.of("Sort", "Incremental Sort", "Result",
      "Gather", "Gather Merge", "Unique");

  private static final ObjectMapper JSON = new ObjectMapper();

  private PostgresWholeRead() {}

  /** Whether {@code sql} should be read whole on {@code c}. */
  static boolean wanted(Connection c, String sql) throws SQLException {
    String plan;
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("EXPLAIN (FORMAT JSON) " + sql)) {
      if (!rs.next()) {
        return false;
      }
      plan = rs.getString(1);
    }
    try {
      JsonNode top = JSON.readTree(plan).path(0).path("Plan");
      return small(top) && !joins(top);
    } catch (java.io.IOException e) {
      return false;
    }
  }

  /** Whether the plan under {@code node} joins anything. */
  static boolean joins(JsonNode node) {
    String type = node.path("Node Type").asText();
    if (type.contains("Join") || type.equals("Nested Loop")) {
      return true;
    }
    for (JsonNode child : node.path("Plans")) {
      if (joins(child)) {
        return true;
      }
    }
    return false;
  }

  /** Whether the plan's top node {@code node} makes few rows, from an aggregate or a limit. */
  static boolean small(JsonNode node) {
    if (!(node.path("Plan Rows").asDouble(Double.MAX_VALUE) <= MAX_ROWS)) {
      return false;
    }
    for (JsonNode n = node; n.isObject(); n = n.path("Plans").path(0)) {
      String type = n.path("Node Type").asText();
      if (type.equals("Aggregate") || type.equals("Limit")) {
        return true;
      }
      if (!PASS_THROUGH.contains(type) || n.path("Plans").size() != 1) {
        return false;
      }
    }
    return false;
  }
}
