package dev.ferry.error;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** The one exception Node receives, and how other throwables are classified into it. */
class FerryFailureTest {
  private static JsonNode envelope(FerryFailure f) throws Exception {
    String s = f.toString();
    int begin = s.indexOf(FerryFailure.BEGIN);
    int end = s.lastIndexOf(FerryFailure.END);
    assertTrue(begin >= 0 && end > begin, s);
    String json = s.substring(begin + FerryFailure.BEGIN.length(), end);
    assertTrue(json.chars().allMatch(c -> c < 128), "pure ASCII: " + json);
    return new ObjectMapper().readTree(json);
  }

  @Test void theEnvelopeCarriesCodeMessageAndDetails() throws Exception {
    FerryFailure f = FerryFailure.of("COPY_VALUE_REJECTED", "naïve 😀 value").with("table", "t")
        .with("row", 7).with("none", null);
    JsonNode env = envelope(f);
    assertEquals("COPY_VALUE_REJECTED", env.get("code").asText());
    assertEquals("naïve 😀 value", env.get("message").asText());
    assertEquals("t", env.get("meta").get("table").asText());
    assertEquals(7, env.get("meta").get("row").asInt());
    assertTrue(env.get("meta").get("none").isNull());
  }

  @Test void aFailureInTheCauseChainIsPassedOn() {
    FerryFailure inner = FerryFailure.of("USAGE", "bad");
    assertSame(inner, FerryFailure.wrap(new RuntimeException(new IllegalStateException(inner)), "x"));
  }

  @Test void sqlErrorsKeepTheirState() throws Exception {
    SQLException deep = new SQLException("relation \"t\" does not exist\n  Position: 15", "42P01", 7);
    FerryFailure f = FerryFailure.wrap(new RuntimeException("wrapper", new SQLException("outer", null, 0, deep)),
        "running the query");
    assertEquals("SQL_EXECUTION", f.code());
    assertEquals("running the query: relation \"t\" does not exist", f.getMessage(),
        "the deepest SQL error with a state, first line only");
    assertEquals("42P01", envelope(f).get("meta").get("sqlState").asText());
    assertEquals(7, envelope(f).get("meta").get("vendorCode").asInt());
  }

  @Test void connectionStatesAreConnectionFailures() {
    assertEquals("CONNECTION_FAILED", FerryFailure.wrap(new SQLException("refused", "08001"), "x").code());
    assertEquals("CONNECTION_FAILED", FerryFailure.wrap(new SQLException("denied", "28P01"), "x").code());
  }

  @Test void anythingElseIsAJvmError() throws Exception {
    FerryFailure f = FerryFailure.wrap(new IllegalStateException("outer", new ArithmeticException("/ by zero")),
        "adding");
    assertEquals("JVM_ERROR", f.code());
    assertEquals("adding: / by zero", f.getMessage());
    assertEquals("java.lang.IllegalStateException", envelope(f).get("meta").get("javaClass").asText());
  }
}
