package dev.ferry.copy;

import dev.ferry.error.FerryFailure;
import dev.ferry.federation.DatabaseSchema;
import dev.ferry.federation.Federation;
import dev.ferry.sink.TableSink;
import dev.ferry.types.TableName;
import dev.ferry.verify.LoadChecksums;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Consumer;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Loads the chunks of one table copy with several workers at once, each on a target connection
 * of its own, and commits them in key order ({@link OrderedCommits}), each together with its
 * checkpoint: the committed chunks are always a prefix of the table, so a resume continues
 * after the last one exactly.
 *
 * <p>{@link CopyJob} builds one per run; {@link #rows}, {@link #chunksDone} and {@link #stop}
 * may be called from other threads while {@link #run} works.
 */
final class ChunkWorkers {
  /** The most chunks of one table written at once. */
  static final int MAX = 16;

  /**
   * What the workers copy.
   *
   * @param job what checkpoints are filed under
   * @param table the source table's name, for messages
   * @param checkpointName the target table's name in the checkpoints
   * @param select {@code SELECT cols FROM source}, to which each chunk adds its key range
   * @param ranges the key ranges, in key order
   * @param condition a condition every chunk also applies, or null
   * @param key the key of the ranges, or null for one chunk of everything
   * @param watermarkHi the watermark the last chunk records, or null
   * @param lastWatermark the watermark the other chunks record
   * @param beforeFirst a statement to run in the first chunk's transaction before its rows
   * @param committedBefore rows a resumed copy had already committed
   * @param appending whether rows are added to what the target holds (an append or a resumed
   *     replace), so a key already there means the target held it before
   * @param sums the checksums the loaded rows are added to, or null
   */
  record Setup(String job, String table, String checkpointName, TableName targetName,
      List<String> columns, String select, List<ChunkPlanner.Range> ranges,
      @Nullable String condition, @Nullable ChunkKey key,
      @Nullable String watermarkHi, @Nullable String lastWatermark, TableSink.Mode mode,
      List<String> keyColumns, Checkpoints checkpoints, @Nullable String beforeFirst,
      long committedBefore, boolean appending, @Nullable LoadChecksums sums) {}

  private final Federation federation;
  private final DatabaseSchema target;
  private final Setup s;
  private final AtomicBoolean cancelled;
  private final Consumer<String> mark;
  private final OrderedCommits gate = new OrderedCommits(0);
  private final AtomicInteger next = new AtomicInteger();
  private final AtomicLong committedRows;
  /** Rows written by each worker's open chunk, not yet committed. */
  private final AtomicLongArray inflight = new AtomicLongArray(MAX);
  /** How to stop the read each worker runs, for {@link #stop}. */
  private final AtomicReferenceArray<Runnable> reads = new AtomicReferenceArray<>(MAX);
  private final AtomicInteger chunksDone = new AtomicInteger();
  /** What the copy's notes say when a chunk travelled as COPY text, or null. */
  private final AtomicReference<@Nullable String> relayNote = new AtomicReference<>();

  /**
   * Workers for {@code setup}; {@code cancelled} is the copy's cancel flag, {@code mark} its
   * debug timer.
   */
  ChunkWorkers(Federation federation, DatabaseSchema target, Setup setup, AtomicBoolean cancelled,
      Consumer<String> mark) {
    this.federation = federation;
    this.target = target;
    this.s = setup;
    this.cancelled = cancelled;
    this.mark = mark;
    this.committedRows = new AtomicLong(setup.committedBefore());
  }

  /**
   * Copies every chunk with {@code workers} workers, the first on {@code own}; returns the
   * rows committed in all (a resume's earlier ones included). The first failure is thrown once
   * every worker stopped; a cancel throws {@code CANCELLED}.
   */
  long run(int workers, Connection own) throws InterruptedException {
    List<Thread> threads = new ArrayList<>();
    for (int w = 1; w < workers; w++) {
      int slot = w;
      Thread t = new Thread(() -> work(slot, null), "ferry-copy-" + s.table() + "-" + w);
      t.setDaemon(true);
      t.start();
      threads.add(t);
    }
    work(0, own);
    for (Thread t : threads) {
      t.join();
    }
    RuntimeException failure = gate.failure();
    if (failure != null) {
      throw failure;
    }
    if (cancelled.get() && chunksDone.get() < s.ranges().size()) {
      throw cancelledFailure();
    }
    return committedRows.get();
  }

  /** Rows committed so far plus those in open chunks; safe from any thread. */
  long rows() {
    long rows = committedRows.get();
    for (int i = 0; i < MAX; i++) {
      rows += inflight.get(i);
    }
    return rows;
  }

  /** Rows committed so far, a resume's earlier ones included. */
  long committed() {
    return committedRows.get();
  }

  /** Chunks committed by this run. */
  int chunksDone() {
    return chunksDone.get();
  }

  /** The note of the relay some chunk travelled by ({@link CrossInsert}), or null. */
  @Nullable String relayNote() {
    return relayNote.get();
  }

  /** Stops the reads the workers are running; call after setting the cancel flag. */
  void stop() {
    for (int i = 0; i < MAX; i++) {
      Runnable stop = reads.get(i);
      if (stop != null) {
        stop.run();
      }
    }
  }

  /** The driver's error in {@code e}'s causes saying a key already exists, or null. */
  private @Nullable SQLException duplicateKey(Throwable e) {
    java.util.Set<Throwable> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    for (Throwable t = e; t != null && seen.add(t); t = t.getCause()) {
      if (t instanceof SQLException q && target.engine().isDuplicateKey(q)) {
        return q;
      }
    }
    return null;
  }

  /** An append that met rows already there: what happened, and the modes that handle it. */
  private FerryFailure keyExists(SQLException e) {
    String db = target.dataSource().spec().name();
    String driver = String.valueOf(e.getMessage()).strip().replaceAll("\\s*\n\\s*", "; ");
    driver = driver.length() > 300 ? driver.substring(0, 297) + "…" : driver;
    return FerryFailure.of("COPY_KEY_EXISTS", "database '" + db + "' already holds rows with"
            + " keys being copied into " + s.targetName() + " (" + driver + "); nothing of this"
            + " chunk was committed. To overwrite the target copy with --mode replace (empties the"
            + " table first) or --mode upsert (updates rows by key); to finish an interrupted copy,"
            + " add --resume")
        .with("database", db).with("table", s.targetName().toString())
        .with("sqlState", e.getSQLState());
  }

  private FerryFailure cancelledFailure() {
    return FerryFailure.of("CANCELLED", "copy of " + s.table() + " cancelled after "
        + chunksDone.get() + " chunks; committed chunks stay (resume with --resume)");
  }

  private boolean stopping() {
    return cancelled.get() || gate.failed();
  }

  /**
   * Copies chunks until none is left or one fails, on {@code own} or on a target connection of
   * its own; any failure is recorded in the gate, never thrown.
   */
  private void work(int slot, @Nullable Connection own) {
    Connection tc = own;
    try {
      if (tc == null) {
        tc = target.dataSource().openPhysical();
        tc.setAutoCommit(false);
        target.engine().prepareWriter(tc);
      }
      while (true) {
        int i = next.getAndIncrement();
        if (i >= s.ranges().size() || gate.failed()) {
          break;
        }
        if (cancelled.get()) {
          throw cancelledFailure();
        }
        chunk(slot, i, tc);
      }
    } catch (Throwable e) {
      // Errors too (out of memory, say): a worker that died unnoticed would leave the later
      // chunks waiting for their turn forever.
      gate.fail(cancelled.get() && !(e instanceof FerryFailure f && f.code().equals("CANCELLED"))
          ? cancelledFailure()
          : e instanceof RuntimeException r ? r : FerryFailure.wrap(e, "copying " + s.table()
              + (committedRows.get() > 0 ? " (the " + committedRows.get() + " rows of the chunks"
                  + " committed before the failure stay; --resume continues after them)" : "")));
    } finally {
      inflight.set(slot, 0);
      if (own == null && tc != null) {
        try {
          tc.rollback();
        } catch (SQLException ignored) {
          // A broken connection; the server rolled back what it held.
        }
        try {
          tc.close();
        } catch (SQLException ignored) {
          // Already gone.
        }
      }
    }
  }

  private void chunk(int slot, int i, Connection tc) throws SQLException {
    ChunkPlanner.Range r = s.ranges().get(i);
    boolean last = i == s.ranges().size() - 1;
    ChunkKey key = s.key();
    String cond = ChunkPlanner.and(s.condition(), key == null ? null
        : ChunkPlanner.rangeCondition(key.column(), key.family(), r));
    String sql = cond == null ? s.select() : s.select() + " WHERE " + cond;
    String hi = r.hi();
    String wm = last && s.watermarkHi() != null ? s.watermarkHi() : s.lastWatermark();
    long[] total = new long[1];
    CrossInsert.Hooks hooks = new CrossInsert.Hooks() {
      @Override public void beforeWrite(Connection c) throws SQLException {
        String first = s.beforeFirst();
        if (i == 0 && first != null) {
          try (Statement st = c.createStatement()) {
            st.execute(first);
          } catch (SQLException e) {
            throw new SQLException(e.getMessage() + " (in: " + first + ")", e.getSQLState(),
                e.getErrorCode(), e);
          }
        }
      }

      @Override public void relayed(String note) {
        relayNote.set(note);
      }

      @Override public void beforeCommit(Connection c, long n) throws SQLException {
        try {
          gate.awaitTurn(i, cancelled::get);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw FerryFailure.of("CANCELLED", "copy of " + s.table() + " interrupted");
        }
        total[0] = committedRows.get() + n;
        s.checkpoints().write(c, s.job(), s.checkpointName(), new Checkpoints.State(
            last ? null : hi, total[0], wm, last, null, null, false));
      }
    };
    LoadChecksums sums = s.sums();
    LoadChecksums.Part hashed = sums == null ? null : sums.part();
    TableSink.Options options = new TableSink.Options(s.mode(), s.keyColumns(),
        n -> inflight.set(slot, n), this::stopping, hashed);
    long written;
    try {
      written = CrossInsert.copy(federation, sql, target, tc, s.targetName(), s.columns(), options, hooks,
          stop -> reads.set(slot, stop));
    } catch (SQLException | RuntimeException e) {
      if (gate.failed() && !cancelled.get()) {
        // Stopped because another chunk failed; that failure is the one reported.
        throw FerryFailure.of("SQL_EXECUTION", "chunk " + (i + 1) + " stopped: another failed");
      }
      SQLException duplicate = duplicateKey(e);
      if (duplicate != null && s.appending()) {
        throw keyExists(duplicate);
      }
      throw e;
    }
    if (hashed != null) {
      hashed.commit(written);
    }
    committedRows.set(total[0]);
    inflight.set(slot, 0);
    s.checkpoints().committed(s.job(), s.checkpointName(), new Checkpoints.State(
        last ? null : hi, total[0], wm, last, null, null, false));
    chunksDone.incrementAndGet();
    gate.committed(i);
    mark.accept("chunk " + (i + 1) + " (worker " + slot + ")");
  }
}
