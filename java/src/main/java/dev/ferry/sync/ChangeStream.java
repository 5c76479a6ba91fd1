package dev.ferry.sync;

import dev.ferry.dialect.ChangeCapture;
import dev.ferry.error.FerryFailure;
import dev.ferry.federation.DatabaseSchema;

import io.debezium.engine.DebeziumEngine;
import io.debezium.engine.RecordChangeEvent;
import io.debezium.engine.format.ChangeEventFormat;
import io.debezium.embedded.Connect;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * One run of Debezium's embedded engine for a sync, and the consumer that applies what it
 * delivers: each batch of events becomes one target transaction holding the rows and the
 * offset they reach ({@link SyncState#applied}); only after that commit are the events marked
 * processed, so the source releases nothing the target does not hold.
 */
final class ChangeStream implements DebeziumEngine.ChangeConsumer<RecordChangeEvent<SourceRecord>> {
  /** Debezium's operations that change a row: create, update, delete, snapshot read. */
  private static final java.util.Set<String> CHANGE_OPS = java.util.Set.of("c", "u", "d", "r");
  private final DatabaseSchema target;
  private final ChangeCapture capture;
  private final SyncState state;
  private final String job;
  private final Map<String, SyncedTable> tables;
  private final OffsetText offsets;
  private final Connection conn;
  private final ChangeApplier applier;
  private final SyncCounters counters;
  private final AtomicReference<@Nullable RuntimeException> failure = new AtomicReference<>();
  /** Records delivered but held for the next batch: a primary-key change's delete without its insert. */
  private final List<RecordChangeEvent<SourceRecord>> carried = new ArrayList<>();
  private volatile @Nullable String mark;
  private volatile @Nullable DebeziumEngine<RecordChangeEvent<SourceRecord>> engine;

  /**
   * A stream applying into {@code target} on {@code conn} (autocommit off, this stream's own)
   * the changes of {@code tables} (by lower-case source table name).
   */
  ChangeStream(DatabaseSchema target, Connection conn, ChangeCapture capture, SyncState state,
      String job, String engineName, Map<String, SyncedTable> tables, SyncCounters counters) {
    this.target = target;
    this.conn = conn;
    this.capture = capture;
    this.state = state;
    this.job = job;
    this.tables = tables;
    this.offsets = new OffsetText(engineName);
    this.applier = new ChangeApplier(target, conn);
    this.counters = counters;
  }

  /** Starts the engine with {@code properties} on a thread of its own. */
  void start(Properties properties) {
    DebeziumEngine<RecordChangeEvent<SourceRecord>> e = DebeziumEngine
        .create(ChangeEventFormat.of(Connect.class))
        .using(properties)
        .notifying(this)
        .using((success, message, error) -> {
          if (!success && failure.get() == null) {
            failure.compareAndSet(null, engineFailure(message, error));
          }
          counters.engineEnded();
        })
        .build();
    engine = e;
    Thread t = new Thread(e, "ferry-sync-" + job);
    t.setDaemon(true);
    t.start();
  }

  private RuntimeException engineFailure(@Nullable String message, @Nullable Throwable error) {
    Throwable root = error;
    while (root != null && root.getCause() != null && !(root instanceof FerryFailure)) {
      root = root.getCause();
    }
    if (root instanceof FerryFailure f) {
      return f;
    }
    String why = target.dataSource().spec().scrub(String.valueOf(
        root != null && root.getMessage() != null ? root.getMessage() : message));
    return FerryFailure.of("SYNC_SETUP", "the change stream stopped: " + why.strip());
  }

  /** Sets the position that, once applied, means the stream has caught up. */
  void caughtUpAt(String position) {
    this.mark = position;
  }

  /** The failure that ended the stream, or null. */
  @Nullable RuntimeException failure() {
    return failure.get();
  }

  /** Fails the stream from outside (the watchdog); the engine is closed by the caller. */
  void fail(RuntimeException e) {
    failure.compareAndSet(null, e);
  }

  /** Stops the engine; waits for it to close (it commits what it marked processed). */
  void close() {
    DebeziumEngine<RecordChangeEvent<SourceRecord>> e = engine;
    if (e != null) {
      try {
        e.close();
      } catch (java.io.IOException | RuntimeException ignored) {
        // Closing a stream that failed: the failure is what is reported.
      }
    }
  }

  @Override public void handleBatch(List<RecordChangeEvent<SourceRecord>> records,
      DebeziumEngine.RecordCommitter<RecordChangeEvent<SourceRecord>> committer)
      throws InterruptedException {
    counters.delivered();
    if (failure.get() != null) {
      return;
    }
    List<RecordChangeEvent<SourceRecord>> all = new ArrayList<>(carried.size() + records.size());
    all.addAll(carried);
    all.addAll(records);
    List<SourceRecord> delivered = new ArrayList<>(all.size());
    for (RecordChangeEvent<SourceRecord> e : all) {
      delivered.add(e.record());
    }
    CommitPoint point = CommitPoint.of(delivered);
    ChangeBatch batch = new ChangeBatch();
    long sourceMillis = 0;
    try {
      Change splitDelete = null;
      for (int i = 0; i <= point.through(); i++) {
        SourceRecord r = delivered.get(i);
        if (!(r.value() instanceof Struct v) || v.schema().field("op") == null
            || v.schema().field("source") == null || v.schema().field("after") == null) {
          continue; // a heartbeat, a logical decoding message, a tombstone
        }
        Struct source = v.getStruct("source");
        SyncedTable t = tables.get(source.getString("table").toLowerCase(Locale.ROOT));
        String op = v.getString("op");
        if (t == null || !CHANGE_OPS.contains(op)) {
          continue;
        }
        Change c = t.change(op, r.key() instanceof Struct k ? k : null, v.getStruct("before"),
            v.getStruct("after"));
        if (CommitPoint.isSplitDelete(r)) {
          splitDelete = c; // the insert under the new key comes next
        } else if (splitDelete != null) {
          batch.addMove(t, splitDelete, c);
          splitDelete = null;
        } else {
          batch.add(t, c);
        }
        Object ts = source.get("ts_ms");
        if (ts instanceof Number n) {
          sourceMillis = n.longValue();
        }
      }
      Map<String, ?> partition = point.partition();
      Map<String, ?> offset = point.offset();
      String position = offset == null ? null : capture.position(offset);
      if (partition != null && offset != null) {
        applier.apply(batch);
        state.applied(conn, job, offsets.key(partition), offsets.value(offset), position,
            sourceMillis, batch.counts());
        conn.commit();
      }
      counters.applied(batch, position, sourceMillis);
      String m = mark;
      if (m != null && position != null && capture.compare(position, m) >= 0) {
        counters.caughtUp();
      }
    } catch (SQLException | RuntimeException ex) {
      rollback();
      failure.compareAndSet(null, ex instanceof RuntimeException re ? re
          : FerryFailure.wrap(ex, "applying changes to database '" + target.dataSource().spec().name() + "'"));
      counters.failed();
      return; // nothing marked processed: the source keeps these changes for the next run
    }
    // A primary-key change's delete at the end waits, unapplied and unmarked, for its insert in
    // the next batch (see CommitPoint).
    for (int i = 0; i <= point.through(); i++) {
      committer.markProcessed(all.get(i));
    }
    carried.clear();
    carried.addAll(all.subList(point.through() + 1, all.size()));
    committer.markBatchFinished();
  }

  private void rollback() {
    try {
      conn.rollback();
    } catch (SQLException ignored) {
      // The connection is gone: the server rolled the transaction back.
    }
  }
}
