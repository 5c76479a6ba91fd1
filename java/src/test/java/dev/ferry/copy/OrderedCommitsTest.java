package dev.ferry.copy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.error.FerryFailure;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Chunks written side by side commit in key order; the first failure stops the rest. */
@Timeout(10)
class OrderedCommitsTest {
  @Test void theFirstChunkNeedNotWait() throws Exception {
    OrderedCommits c = new OrderedCommits(3);
    c.awaitTurn(3, () -> false);
    c.committed(3);
    c.awaitTurn(4, () -> false);
    assertFalse(c.failed());
    assertNull(c.failure());
  }

  @Test void chunksCommitInIndexOrderWhateverOrderTheyFinishIn() throws Exception {
    OrderedCommits c = new OrderedCommits(0);
    List<Integer> order = Collections.synchronizedList(new ArrayList<>());
    ExecutorService pool = Executors.newFixedThreadPool(5);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int i = 4; i >= 0; i--) {
        int index = i;
        done.add(pool.submit(() -> {
          c.awaitTurn(index, () -> false);
          order.add(index);
          c.committed(index);
          return null;
        }));
        Thread.sleep(5); // later chunks really are waiting first
      }
      for (Future<?> f : done) {
        f.get(5, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(List.of(0, 1, 2, 3, 4), order);
  }

  @Test void aFailureStopsTheChunksWaitingForTheirTurn() throws Exception {
    OrderedCommits c = new OrderedCommits(0);
    CountDownLatch started = new CountDownLatch(1);
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      Future<?> waiting = pool.submit(() -> {
        started.countDown();
        c.awaitTurn(2, () -> false);
        return null;
      });
      started.await();
      RuntimeException first = new IllegalStateException("chunk 1 broke");
      c.fail(first);
      c.fail(new IllegalStateException("later"));
      Exception e = assertThrows(Exception.class, () -> waiting.get(5, TimeUnit.SECONDS));
      FerryFailure f = (FerryFailure) e.getCause();
      assertEquals("SQL_EXECUTION", f.code());
      assertTrue(f.getMessage().startsWith("chunk 3 was not committed"), f.getMessage());
      assertTrue(c.failed());
      assertSame(first, c.failure(), "only the first failure is kept");
    } finally {
      pool.shutdownNow();
    }
  }

  @Test void theChunkWhoseTurnItIsMayStillCommitAfterALaterOneFailed() throws Exception {
    OrderedCommits c = new OrderedCommits(0);
    c.fail(new IllegalStateException("chunk 2 broke"));
    c.awaitTurn(0, () -> false); // the committed chunks stay a prefix
    FerryFailure f = assertThrows(FerryFailure.class, () -> c.awaitTurn(1, () -> false));
    assertEquals("SQL_EXECUTION", f.code());
  }

  @Test void cancellingStopsAWaitingChunk() throws Exception {
    OrderedCommits c = new OrderedCommits(0);
    AtomicBoolean cancelled = new AtomicBoolean();
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      Future<?> waiting = pool.submit(() -> {
        c.awaitTurn(1, cancelled::get);
        return null;
      });
      Thread.sleep(50);
      assertFalse(waiting.isDone());
      cancelled.set(true);
      Exception e = assertThrows(Exception.class, () -> waiting.get(5, TimeUnit.SECONDS));
      assertEquals("CANCELLED", ((FerryFailure) e.getCause()).code());
    } finally {
      pool.shutdownNow();
    }
  }
}
