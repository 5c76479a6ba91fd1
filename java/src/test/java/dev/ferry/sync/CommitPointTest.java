package dev.ferry.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.header.ConnectHeaders;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;

/** Where a batch may be committed: never between the two halves of a primary-key change. */
class CommitPointTest {
  private static final Map<String, ?> PARTITION = Map.of("server", "p");

  private static SourceRecord record(long pos, boolean splitDelete) {
    ConnectHeaders h = new ConnectHeaders();
    if (splitDelete) {
      h.add(CommitPoint.SPLIT_DELETE, 42L, Schema.INT64_SCHEMA);
    }
    return new SourceRecord(PARTITION, Map.of("pos", pos), "t", null, null, null, null, null,
        null, h);
  }

  @Test void aWholeBatchCommitsAtItsLastRecord() {
    CommitPoint p = CommitPoint.of(List.of(record(1, false), record(2, false)));
    assertEquals(1, p.through());
    assertEquals(Map.of("pos", 2L), p.offset());
    assertEquals(PARTITION, p.partition());
  }

  @Test void aPrimaryKeyChangeInsideTheBatchCommitsWithItsCreate() {
    CommitPoint p = CommitPoint.of(List.of(record(1, false), record(2, true), record(2, false)));
    assertEquals(2, p.through());
    assertEquals(Map.of("pos", 2L), p.offset());
  }

  @Test void aBatchEndingBetweenTheHalvesCommitsBeforeTheDelete() {
    CommitPoint p = CommitPoint.of(List.of(record(1, false), record(2, false), record(3, true)));
    assertEquals(1, p.through());
    assertEquals(Map.of("pos", 2L), p.offset());
  }

  @Test void aBatchOfOnlyTheDeleteKeepsTheStoredOffset() {
    CommitPoint p = CommitPoint.of(List.of(record(3, true)));
    assertEquals(-1, p.through());
    assertNull(p.offset());
    assertNull(p.partition());
  }

  @Test void heartbeatsWithoutAnOffsetDoNotCloseADanglingDelete() {
    SourceRecord bare = new SourceRecord(null, null, "t", null, null);
    CommitPoint p = CommitPoint.of(List.of(record(1, false), record(2, true), bare));
    assertEquals(0, p.through());
    assertEquals(Map.of("pos", 1L), p.offset());
  }
}
