package dev.ferry.copy;

import dev.ferry.error.FerryFailure;

import java.util.function.BooleanSupplier;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Lets chunks that are written at the same time commit one after another, in key order.
 *
 * <p>A table's chunks are loaded by several workers at once, each in its own target
 * transaction, but chunk {@code i} commits only after chunk {@code i - 1} did. The committed
 * chunks are then always a prefix of the table, so one checkpoint (the upper key of the last
 * committed chunk) still says exactly what a resume must skip. The first failure stops every
 * worker: those waiting for their turn give up and roll back.
 */
final class OrderedCommits {
  private int next;
  private @Nullable RuntimeException failure;

  /** Starts with chunk {@code first} next to commit. */
  OrderedCommits(int first) {
    this.next = first;
  }

  /**
   * Waits until chunk {@code index} may commit. Throws the recorded failure when another chunk
   * failed, or {@code CANCELLED} when {@code cancelled} turns true meanwhile.
   */
  synchronized void awaitTurn(int index, BooleanSupplier cancelled) throws InterruptedException {
    while (next != index) {
      if (failure != null) {
        throw FerryFailure.of("SQL_EXECUTION", "chunk " + (index + 1) + " was not committed: an"
            + " earlier chunk failed");
      }
      if (cancelled.getAsBoolean()) {
        throw FerryFailure.of("CANCELLED", "copy cancelled");
      }
      wait(100);
    }
  }

  /** Chunk {@code index} committed; the next one may. */
  synchronized void committed(int index) {
    next = index + 1;
    notifyAll();
  }

  /** Records the first failure and wakes the waiting workers; later ones are ignored. */
  synchronized void fail(RuntimeException e) {
    if (failure == null) {
      failure = e;
    }
    notifyAll();
  }

  /** Whether a chunk failed. */
  synchronized boolean failed() {
    return failure != null;
  }

  /** The first failure, or null. */
  synchronized @Nullable RuntimeException failure() {
    return failure;
  }
}
