package dev.ferry.sync;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A sync run's counters and signals, shared by the engine's thread (which applies), the bridge
 * thread waiting in {@code run} and the ones asking for progress.
 */
final class SyncCounters {
  private final Map<String, SyncState.TableRow> tables = new LinkedHashMap<>();
  private String phase = "starting";
  private long changes;
  private long batches;
  private @Nullable String position;
  private long sourceMillis;
  private double latency;
  private boolean caughtUp;
  private boolean ended;
  private long lastDelivery = System.nanoTime();

  /** Counters that start from the job's table rows as the target holds them. */
  SyncCounters(Map<String, SyncState.TableRow> start) {
    tables.putAll(start);
  }

  /** The stream delivered something (a batch, perhaps of heartbeats only). */
  synchronized void delivered() {
    lastDelivery = System.nanoTime();
    if (phase.equals("starting")) {
      phase = "streaming";
    }
  }

  /** A batch committed. */
  synchronized void applied(ChangeBatch batch, @Nullable String at, long sourceMs) {
    if (batch.changes() > 0) {
      changes += batch.changes();
      batches++;
      sourceMillis = sourceMs;
      latency = sourceMs > 0 ? Math.max(0, System.currentTimeMillis() - sourceMs) / 1000.0 : 0;
      batch.counts().forEach((t, c) -> {
        SyncState.TableRow r = tables.getOrDefault(t, new SyncState.TableRow("copied", 0, 0, 0));
        tables.put(t, new SyncState.TableRow(r.state(), r.inserts() + c.inserts(),
            r.updates() + c.updates(), r.deletes() + c.deletes()));
      });
    }
    if (at != null) {
      position = at;
    }
    notifyAll();
  }

  /** Every change committed before the stream started has been applied. */
  synchronized void caughtUp() {
    caughtUp = true;
    notifyAll();
  }

  /** Applying failed; the stream is to stop. */
  synchronized void failed() {
    phase = "failed";
    notifyAll();
  }

  /** The engine's thread ended. */
  synchronized void engineEnded() {
    ended = true;
    notifyAll();
  }

  /** Sets the phase ({@code stopping}, {@code stopped}). */
  synchronized void phase(String p) {
    if (!phase.equals("failed")) {
      phase = p;
    }
    notifyAll();
  }

  /** Waits up to {@code millis} for anything to change. */
  synchronized void await(long millis) throws InterruptedException {
    wait(millis);
  }

  synchronized boolean isCaughtUp() {
    return caughtUp;
  }

  synchronized boolean hasEnded() {
    return ended;
  }

  synchronized boolean hasFailed() {
    return phase.equals("failed");
  }

  synchronized long changes() {
    return changes;
  }

  synchronized long batches() {
    return batches;
  }

  synchronized @Nullable String position() {
    return position;
  }

  /** Seconds since the stream last delivered anything. */
  synchronized double sinceDelivery() {
    return (System.nanoTime() - lastDelivery) / 1e9;
  }

  /** The tables' counters now. */
  synchronized List<SyncTableState> tables() {
    List<SyncTableState> out = new ArrayList<>();
    tables.forEach((name, r) -> out.add(new SyncTableState(name, r.state(), r.inserts(),
        r.updates(), r.deletes())));
    return out;
  }

  /** The progress message. */
  synchronized SyncProgress progress() {
    return new SyncProgress(phase, changes, batches, position, sourceMillis, latency, caughtUp,
        sinceDelivery(), tables());
  }
}
