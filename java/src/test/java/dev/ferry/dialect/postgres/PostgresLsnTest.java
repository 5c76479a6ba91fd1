package dev.ferry.dialect.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** LSN text, order and distance, and positions read from Debezium's offsets: no server needed. */
class PostgresLsnTest {
  private final PostgresChangeCapture capture = new PostgresChangeCapture();

  @Test void parsesBothHalves() {
    assertEquals(0x16B3748L, PostgresLsn.parse("0/16B3748"));
    assertEquals((0x16L << 32) | 0xB374D848L, PostgresLsn.parse("16/B374D848"));
    assertEquals(0xFFFFFFFFFFFFFFFFL, PostgresLsn.parse("FFFFFFFF/FFFFFFFF"));
    assertEquals(0xABCL, PostgresLsn.parse("0/abc"));
  }

  @Test void formatsAsPgLsnPrints() {
    assertEquals("0/0", PostgresLsn.format(0));
    assertEquals("16/B374D848", PostgresLsn.format((0x16L << 32) | 0xB374D848L));
    assertEquals("0/198F330", PostgresLsn.format(26800944L));
    assertEquals("FFFFFFFF/FFFFFFFF", PostgresLsn.format(-1L));
  }

  @Test void roundTrips() {
    for (String s : new String[] {"0/1", "1/0", "7FFFFFFF/FFFFFFFF", "A/B0C0D0E0"}) {
      assertEquals(s, PostgresLsn.format(PostgresLsn.parse(s)));
    }
  }

  @Test void refusesWhatIsNotAnLsn() {
    for (String s : new String[] {"", "0", "/1", "1/", "0/1/2", "0/12345678A", "0/-1", "g/1", "0/ 1"}) {
      assertThrows(IllegalArgumentException.class, () -> PostgresLsn.parse(s), s);
    }
  }

  @Test void ordersByPositionNotByText() {
    assertTrue(capture.compare("0/9", "0/10") < 0);
    assertTrue(capture.compare("1/0", "0/FFFFFFFF") > 0);
    assertEquals(0, capture.compare("0/ABC", "0/abc"));
    // Unsigned: the top half's high bit does not make a position negative.
    assertTrue(capture.compare("80000000/0", "7FFFFFFF/FFFFFFFF") > 0);
  }

  @Test void measuresBytesBehind() {
    assertEquals(1, capture.bytesBetween("0/FFFFFFFF", "1/0"));
    assertEquals(0x100L, capture.bytesBetween("0/16B3648", "0/16B3748"));
    assertEquals(0, capture.bytesBetween("0/16B3748", "0/16B3648"));
    assertEquals(0, capture.bytesBetween("0/5", "0/5"));
  }

  @Test void readsTheRecordsOwnLsnFromAnOffset() {
    // A transactional mark: lsn is the message's own position, lsn_proc the commit before it.
    Map<String, Object> mark = Map.of("lsn_proc", 26800760L, "lsn_commit", 26800760L, "lsn", 26800944L,
        "txId", 755L, "messageType", "MESSAGE");
    assertEquals("0/198F330", capture.position(mark));
    assertEquals("0/198EF78", capture.position(Map.of("lsn_proc", 26799992L)));
    assertEquals("0/198EF78", capture.position(Map.of("lsn", 26799992, "lsn_proc", 1L)));
    assertNull(capture.position(Map.of("txId", 1L)));
  }
}
