package dev.ferry.dialect.mariadb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.error.FerryFailure;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Binlog positions as text, as Debezium offsets, and in order; no server. */
class BinlogPositionTest {
  private final MariaDbChangeCapture capture = new MariaDbChangeCapture();

  @Test void readsFileBytesAndGtids() {
    BinlogPosition p = BinlogPosition.parse("mariadb-bin.000003:1234@0-1-57,1-2-9");
    assertEquals("mariadb-bin.000003", p.file());
    assertEquals(1234, p.pos());
    assertEquals("0-1-57,1-2-9", p.gtids());
    assertEquals(3, p.sequence());
    assertEquals("mariadb-bin.000003:1234@0-1-57,1-2-9", p.toString());
  }

  @Test void readsAPositionWithoutGtids() {
    BinlogPosition p = BinlogPosition.parse("bin.000001:4");
    assertEquals("", p.gtids());
    assertEquals("bin.000001:4", p.toString());
  }

  @Test void aFileNameMayHoldColonsAndAts() {
    BinlogPosition p = BinlogPosition.parse("/var/log/a@b:c/bin.000002:77@0-1-3");
    assertEquals("/var/log/a@b:c/bin.000002", p.file());
    assertEquals(77, p.pos());
    assertEquals("0-1-3", p.gtids());
  }

  @Test void refusesWhatIsNoPosition() {
    for (String bad : List.of("", "bin.000001", ":12", "bin.000001:", "bin.000001:x", "bin.000001:-5",
        "0/16B3748")) {
      FerryFailure f = assertThrows(FerryFailure.class, () -> BinlogPosition.parse(bad), bad);
      assertTrue(f.getMessage().contains("not a MariaDB binlog position"), f.getMessage());
    }
  }

  @Test void ordersByFileSequenceThenByte() {
    assertTrue(capture.compare("bin.000002:4", "bin.000001:99999") > 0);
    assertTrue(capture.compare("bin.000009:500", "bin.000010:4") < 0);
    assertTrue(capture.compare("bin.000003:100@0-1-5", "bin.000003:200@0-1-4") < 0);
    assertEquals(0, capture.compare("bin.000003:100@0-1-5", "bin.000003:100"));
    assertTrue(capture.compare("bin.999999:4", "bin.1000000:4") < 0);
  }

  @Test void bytesBetweenOnlyWithinOneFile() {
    assertEquals(800, capture.bytesBetween("bin.000003:200", "bin.000003:1000@0-1-9"));
    assertEquals(0, capture.bytesBetween("bin.000003:1000", "bin.000003:200"));
    assertEquals(-1, capture.bytesBetween("bin.000003:200", "bin.000004:4"));
  }

  @Test void readsDebeziumOffsets() {
    // As a change inside a transaction carries it: pos is where the transaction begins.
    Map<String, Object> inTx = new LinkedHashMap<>();
    inTx.put("ts_sec", 1796065616L);
    inTx.put("file", "bin.000001");
    inTx.put("pos", 2981L);
    inTx.put("gtids", "0-1-15");
    inTx.put("row", 1);
    inTx.put("server_id", 1L);
    inTx.put("event", 2L);
    assertEquals("bin.000001:2981@0-1-15", capture.position(inTx));
    // As the offset store hands it back after JSON: numbers may be Integers, or text.
    assertEquals("bin.000002:336", capture.position(Map.of("file", "bin.000002", "pos", 336)));
    assertEquals("bin.000002:336", capture.position(Map.of("file", "bin.000002", "pos", "336")));
    assertNull(capture.position(Map.of("lsn", 1234L)));
    assertNull(capture.position(Map.of("file", "", "pos", 4L)));
  }

  @Test void seedsTheOffsetDebeziumStartsFrom() {
    Map<String, Object> o = capture.startOffset("bin.000003:1234@0-1-57");
    assertEquals(Map.of("file", "bin.000003", "pos", 1234L, "gtids", "0-1-57"), o);
    assertEquals(Long.class, o.get("pos").getClass());
    assertEquals("bin.000003:1234@0-1-57", capture.position(o));
  }

  @Test void refusesToSeedWithoutGtids() {
    FerryFailure f = assertThrows(FerryFailure.class, () -> capture.startOffset("bin.000003:1234"));
    assertTrue(f.getMessage().contains("no GTID state"), f.getMessage());
  }
}
