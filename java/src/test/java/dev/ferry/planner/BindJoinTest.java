package dev.ferry.planner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.error.FerryFailure;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** How many keys a bind join's statement sends, as {@code FERRY_BIND_JOIN_KEYS} says. */
class BindJoinTest {
  @Test void readsFerryBindJoinKeys() {
    assertEquals(BindJoin.DEFAULT_BATCH_KEYS, BindJoin.batchKeys(Map.of()));
    assertEquals(BindJoin.DEFAULT_BATCH_KEYS, BindJoin.batchKeys(Map.of("FERRY_BIND_JOIN_KEYS", " ")));
    assertEquals(500, BindJoin.batchKeys(Map.of("FERRY_BIND_JOIN_KEYS", " 500 ")));
    assertEquals(0, BindJoin.batchKeys(Map.of("FERRY_BIND_JOIN_KEYS", "0")));
    for (String bad : new String[] {"-1", "many", "1.5"}) {
      FerryFailure e = assertThrows(FerryFailure.class,
          () -> BindJoin.batchKeys(Map.of("FERRY_BIND_JOIN_KEYS", bad)));
      assertEquals("CONFIG_INVALID", e.code());
      assertTrue(e.getMessage().contains("'" + bad + "'"), e.getMessage());
    }
  }
}
