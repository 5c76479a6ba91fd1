package dev.ferry.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** How rows are grouped into checksum chunks. */
class BucketsTest {
  @Test void aKeylessTableIsOneChunk() {
    Buckets b = Buckets.whole();
    assertEquals(Buckets.Mode.WHOLE, b.mode());
    assertEquals(1, b.count());
  }

  @Test void rangesOfEqualWidth() {
    Buckets b = Buckets.range(1, 100, 100, 10);
    assertEquals(new Buckets(Buckets.Mode.RANGE, 10, 1, 10), b);
    assertEquals(0, b.ofKey(1));
    assertEquals(0, b.ofKey(10));
    assertEquals(1, b.ofKey(11));
    assertEquals(9, b.ofKey(100));
    assertEquals(1, b.first(0));
    assertEquals(10, b.last(0));
    assertEquals(91, b.first(9));
    assertEquals(100, b.last(9));
  }

  @Test void everyKeyFallsInExactlyOneRange() {
    Buckets b = Buckets.range(-7, 1000, 333, 50);
    assertTrue(b.count() >= 7, "about rows / chunkRows chunks: " + b.count());
    for (long k = -7; k <= 1000; k++) {
      int chunk = b.ofKey(k);
      assertTrue(chunk >= 0 && chunk < b.count(), "key " + k + " in chunk " + chunk);
      assertTrue(b.first(chunk) <= k && k <= b.last(chunk), "key " + k);
    }
    assertTrue(b.last(b.count() - 1) >= 1000);
  }

  @Test void aSparseKeyGetsNarrowRanges() {
    Buckets b = Buckets.range(0, 9, 1000, 10);
    assertEquals(1, b.width());
    assertEquals(10, b.count(), "no more ranges than keys");
  }

  @Test void fewRowsAreOneRange() {
    Buckets b = Buckets.range(5, 5_000_000, 3, 100_000);
    assertEquals(1, b.count());
    assertEquals(0, b.ofKey(5_000_000));
  }

  @Test void aSpanWiderThanABigintHashes() {
    Buckets b = Buckets.range(Long.MIN_VALUE, Long.MAX_VALUE, 1_000, 100);
    assertEquals(Buckets.Mode.KEY_HASH, b.mode());
    assertEquals(10, b.count());
  }

  @Test void theLastRangeSaturatesAtBigintsMaximum() {
    Buckets b = Buckets.range(Long.MAX_VALUE - 10, Long.MAX_VALUE, 11, 3);
    int last = b.ofKey(Long.MAX_VALUE);
    assertEquals(b.count() - 1, last);
    assertEquals(Long.MAX_VALUE, b.last(last));
    assertEquals(0, b.ofKey(Long.MAX_VALUE - 10));
  }

  @Test void keyHashBuckets() {
    Buckets b = Buckets.keyHash(1_000, 100);
    assertEquals(new Buckets(Buckets.Mode.KEY_HASH, 10, 0, 0), b);
    assertEquals(3, b.ofHash(13));
    assertEquals(7, b.ofHash(-13), "negative hashes land in range too");
    for (long h : new long[] {Long.MIN_VALUE, Long.MIN_VALUE + 1, -1, Long.MAX_VALUE}) {
      assertTrue(b.ofHash(h) >= 0 && b.ofHash(h) < 10, "hash " + h);
    }
    assertEquals(1, Buckets.keyHash(0, 100).count(), "an empty table is still one chunk");
    assertEquals(1_000_000, Buckets.keyHash(Long.MAX_VALUE / 2, 1).count(), "capped");
  }

  @Test void wideSpansStillCoverEveryKey() {
    // Random positive 63-bit keys: min near 0, max near Long.MAX_VALUE.
    Buckets wide = Buckets.range(0, 9_000_000_000_000_000_000L, 1_000, 100);
    assertEquals(Buckets.Mode.RANGE, wide.mode());
    assertTrue(wide.ofKey(9_000_000_000_000_000_000L) < wide.count(),
        "chunk " + wide.ofKey(9_000_000_000_000_000_000L) + " of " + wide.count());
    Buckets widest = Buckets.range(1, Long.MAX_VALUE - 1, 1_000, 100);
    assertTrue(widest.count() >= 1, "count " + widest.count());
    assertTrue(widest.ofKey(Long.MAX_VALUE - 1) < widest.count());
  }
}
