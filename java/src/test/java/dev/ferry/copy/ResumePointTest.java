package dev.ferry.copy;

import dev.ferry.types.TypeFamily;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.types.TableName;

import org.checkerframework.checker.nullness.qual.Nullable;
import org.junit.jupiter.api.Test;

/** Where a {@code --resume} continues, for each checkpoint a target may hold. */
class ResumePointTest {
  private static final TableName TARGET = new TableName("public", "orders");
  private static final ChunkKey KEY = new ChunkKey("id", TypeFamily.INTEGER);

  private static CopyRequest request(boolean resume, CopyMode mode, @Nullable String watermark) {
    return new CopyRequest("src", "dst", "orders", null, null, null, null, mode, watermark, false,
        1000, 2, resume, false, null, null, null, null, null, false);
  }

  private static Checkpoints.State state(@Nullable String chunkHi, long rows, boolean done,
      boolean pending) {
    return new Checkpoints.State(chunkHi, rows, null, done, null, null, pending);
  }

  @Test void withoutResumeEverythingIsCopied() {
    ResumePoint p = ResumePoint.of(request(false, CopyMode.APPEND, null), state("9", 9, true, false),
        TARGET, KEY);
    assertEquals(new ResumePoint(null, false, null), p);
  }

  @Test void incrementalCopiesResumeFromTheirWatermark() {
    ResumePoint p = ResumePoint.of(request(true, CopyMode.INCREMENTAL, "updated_at"),
        state("9", 9, false, false), TARGET, KEY);
    assertNull(p.after());
    assertFalse(p.nothingLeft());
    assertTrue(p.note().contains("watermark"), p.note());
  }

  @Test void noCheckpointStartsFromTheBeginning() {
    ResumePoint p = ResumePoint.of(request(true, CopyMode.APPEND, null), null, TARGET, KEY);
    assertNull(p.after());
    assertFalse(p.nothingLeft());
    assertEquals("no checkpoint for public.orders under job 'src->dst'; starting from the beginning",
        p.note());
  }

  @Test void aCompletedCopyLeavesNothing() {
    ResumePoint p = ResumePoint.of(request(true, CopyMode.APPEND, null), state("9", 9, true, false),
        TARGET, KEY);
    assertTrue(p.nothingLeft());
    assertNull(p.after());
    assertEquals("the last copy of public.orders completed; nothing to resume", p.note());
  }

  @Test void aDoneButPendingCheckpointIsResumed() {
    ResumePoint p = ResumePoint.of(request(true, CopyMode.APPEND, null), state("9", 9, true, true),
        TARGET, KEY);
    assertFalse(p.nothingLeft());
    assertEquals("9", p.after());
  }

  @Test void resumesAfterTheLastCommittedChunk() {
    ResumePoint p = ResumePoint.of(request(true, CopyMode.UPSERT, null), state("500", 500, false, false),
        TARGET, KEY);
    assertEquals(new ResumePoint("500", false,
        "resuming after id = 500 (500 rows already committed)"), p);
  }

  @Test void nothingCommittedYetStartsOver() {
    ResumePoint p = ResumePoint.of(request(true, CopyMode.APPEND, null), state(null, 0, false, false),
        TARGET, KEY);
    assertNull(p.after());
    assertFalse(p.nothingLeft());
    assertEquals("no chunk of public.orders was committed before; starting from the beginning", p.note());
  }

  @Test void aTableWithoutChunkKeyStartsOverSilently() {
    assertEquals(new ResumePoint(null, false, null), ResumePoint.of(
        request(true, CopyMode.APPEND, null), state("7", 7, false, false), TARGET, null));
  }
}
