package dev.ferry.dialect.postgres;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** Which plans (PostgreSQL 15's EXPLAIN (FORMAT JSON), trimmed) are read whole. */
class PostgresWholeReadTest {
  private static JsonNode plan(String json) throws Exception {
    return new ObjectMapper().readTree(json).path(0).path("Plan");
  }

  private static boolean wanted(String json) throws Exception {
    JsonNode top = plan(json);
    return PostgresWholeRead.small(top) && !PostgresWholeRead.joins(top);
  }

  @Test void readsAParallelAggregateOfFewGroupsWhole() throws Exception {
    // TPC-H Q1's shape: six groups of lineitem's 2.4 million rows, under a sort and a gather.
    assertTrue(wanted("[{\"Plan\": {\"Node Type\": \"Aggregate\", \"Plan Rows\": 6, \"Plans\": [{"
        + "\"Node Type\": \"Gather Merge\", \"Plan Rows\": 12, \"Plans\": [{\"Node Type\": \"Sort\","
        + " \"Plan Rows\": 6, \"Plans\": [{\"Node Type\": \"Aggregate\", \"Plan Rows\": 6, \"Plans\":"
        + " [{\"Node Type\": \"Seq Scan\", \"Plan Rows\": 2464409}]}]}]}]}}]"));
    assertTrue(wanted("[{\"Plan\": {\"Node Type\": \"Sort\", \"Plan Rows\": 1, \"Plans\": [{"
        + "\"Node Type\": \"Aggregate\", \"Plan Rows\": 1, \"Plans\": [{\"Node Type\": \"Seq Scan\","
        + " \"Plan Rows\": 100}]}]}}]"));
  }

  @Test void readsAFewRowLimitWhole() throws Exception {
    assertTrue(wanted("[{\"Plan\": {\"Node Type\": \"Limit\", \"Plan Rows\": 10, \"Plans\": [{"
        + "\"Node Type\": \"Gather Merge\", \"Plan Rows\": 1250000, \"Plans\": [{\"Node Type\":"
        + " \"Sort\", \"Plan Rows\": 625000, \"Plans\": [{\"Node Type\": \"Seq Scan\","
        + " \"Plan Rows\": 625000}]}]}]}}]"));
  }

  @Test void streamsManyGroupsPlainRowsAndJoins() throws Exception {
    assertFalse(wanted("[{\"Plan\": {\"Node Type\": \"Aggregate\", \"Plan Rows\": 385362, \"Plans\":"
        + " [{\"Node Type\": \"Index Scan\", \"Plan Rows\": 6001401}]}}]"), "past the row limit");
    assertFalse(wanted("[{\"Plan\": {\"Node Type\": \"Index Scan\", \"Plan Rows\": 25}}]"),
        "rows not bounded by an aggregate or a limit: the estimate may be far off");
    assertFalse(wanted("[{\"Plan\": {\"Node Type\": \"Aggregate\", \"Plan Rows\": 5, \"Plans\": [{"
        + "\"Node Type\": \"Nested Loop\", \"Join Type\": \"Semi\", \"Plan Rows\": 6067, \"Plans\": ["
        + "{\"Node Type\": \"Seq Scan\", \"Plan Rows\": 9000}, {\"Node Type\": \"Index Scan\","
        + " \"Plan Rows\": 4}]}]}}]"), "a join: PostgreSQL's plan for a cursor may be the faster");
    assertFalse(wanted("[{\"Plan\": {\"Node Type\": \"Aggregate\", \"Plan Rows\": 3, \"Plans\": [{"
        + "\"Node Type\": \"Hash Join\", \"Plan Rows\": 60, \"Plans\": []}]}}]"));
    assertFalse(wanted("[{\"Plan\": {\"Node Type\": \"Aggregate\"}}]"), "no estimate");
    assertFalse(wanted("[]"));
  }
}
