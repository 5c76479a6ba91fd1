package dev.ferry.sync;

import dev.ferry.ddl.Ddl;
import dev.ferry.ddl.FerryNamespace;
import dev.ferry.dialect.ChangeCapture;
import dev.ferry.error.FerryFailure;
import dev.ferry.federation.DatabaseSchema;
import dev.ferry.federation.Federation;
import dev.ferry.sink.TargetColumns;
import dev.ferry.types.TableName;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * One {@code ferry sync} run as Node drives it: {@link #prepare} fixes where the stream starts
 * (before Node's initial copies read anything), {@link #copied} records each finished copy, and
 * {@link #run} streams until stopped, caught up or failed.
 */
public final class SyncJob {
  private final SyncRequest request;
  private final DatabaseSchema source;
  private final DatabaseSchema target;
  private final ChangeCapture capture;
  private final String job;
  private @Nullable SyncState state;
  private @Nullable String start;
  private List<TableName> sourceTables = List.of();
  private volatile @Nullable SyncCounters counters;
  private volatile @Nullable ChangeStream stream;
  private volatile boolean stopRequested;

  /** A sync of {@code request} between two of {@code federation}'s databases. */
  public SyncJob(Federation federation, SyncRequest request) {
    this.request = request;
    this.source = federation.database(request.from());
    this.target = federation.database(request.to());
    this.capture = captureOf(source);
    this.job = request.job(source.dataSource().spec().safeUrl(), target.dataSource().spec().safeUrl());
    if (source.dataSource().spec().safeUrl().equals(target.dataSource().spec().safeUrl())
        && java.util.Objects.equals(source.inspectionScope(request.fromNamespace()).namespace(),
            target.inspectionScope(request.toNamespace()).namespace())) {
      throw FerryFailure.of("USAGE", "'" + request.from() + "' and '" + request.to() + "' are the"
          + " same database and schema; a sync into its own source would apply its own changes"
          + " forever. Name another target (or another schema: --to " + request.to() + ".other)");
    }
    if (target.dataSource().spec().readOnly()) {
      throw FerryFailure.of("READ_ONLY", "database '" + request.to() + "' is marked readOnly; a"
          + " sync writes to it").with("database", request.to());
    }
  }

  static ChangeCapture captureOf(DatabaseSchema db) {
    ChangeCapture c = db.engine().changeCapture();
    if (c == null) {
      throw FerryFailure.of("SYNC_SETUP", "database '" + db.dataSource().spec().name() + "' ("
          + db.engine().name() + ") cannot stream its changes to Ferry; ferry sync reads the"
          + " log of PostgreSQL and MariaDB sources").with("database",
          db.dataSource().spec().name());
    }
    return c;
  }

  /** Where the job's bookkeeping lives in {@code target}, creating it when {@code create}. */
  static SyncState stateIn(DatabaseSchema target, Connection c, @Nullable String toNamespace,
      boolean create) throws SQLException {
    String own = target.namespaceOn(c, toNamespace);
    Ddl ddl = target.engine().ddl();
    String ns = own;
    if (create) {
      // No namespaces, or no right to create one: Ferry's table goes beside the user's.
      String ferry = FerryNamespace.ensure(c, ddl, target.dialect(), FerryNamespace.NAME);
      ns = ferry != null ? ferry : own;
    } else if (FerryNamespace.possible(ddl, target.dialect())
        && TargetColumns.read(c, target.engine().valueLimits(),
            new TableName(FerryNamespace.NAME, SyncState.TABLE)).exists()) {
      ns = FerryNamespace.NAME;
    }
    SyncState s = new SyncState(ns, target.dialect(), target.engine());
    if (create) {
      s.ensure(c);
    }
    return s;
  }

  /**
   * Checks the source, fixes the stream's start (creating the slot and publication where the
   * engine needs them) and files the job in the target; nothing is copied or streamed yet.
   */
  public SyncStart prepare() {
    List<String> notes = new ArrayList<>();
    try (Connection sc = source.dataSource().openPhysical();
        Connection tc = target.dataSource().openPhysical()) {
      String sns = source.namespaceOn(sc, request.fromNamespace());
      Map<String, String> known = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      sc.setAutoCommit(true);
      List<TableName> tables = new ArrayList<>();
      for (String t : request.tables()) {
        tables.add(new TableName(sns, SourceTables.exactName(sc, source.engine(), sns, t, known)));
      }
      capture.check(sc, tables);
      tc.setAutoCommit(true);
      SyncState s = stateIn(target, tc, request.toNamespace(), true);
      tc.setAutoCommit(false);
      SyncState.Job row = s.job(tc, job);
      // The tables earlier runs followed (starting the job adds none).
      Map<String, SyncState.TableRow> rows = s.tables(tc, job);
      leftOut(rows.keySet(), tables);
      String at = capture.prepare(sc, job, tables);
      if (row == null) {
        s.startJob(tc, job, request.from(), request.to(), at);
        notes.add("the stream starts at " + at);
      } else {
        notes.add("resuming from " + (row.position() != null ? row.position() : row.start()));
      }
      String tns = target.namespaceOn(tc, request.toNamespace());
      for (TableName t : tables) {
        SyncState.TableRow r = rows.get(t.name());
        if (r == null) {
          s.tableState(tc, job, t.name(), "new");
        } else if (!r.state().equals("new") && !TargetColumns.read(tc,
            target.engine().valueLimits(), new TableName(tns, t.name())).exists()) {
          // Copied once, gone from the target since: copied again, the stream replayed on top.
          s.tableState(tc, job, t.name(), "new");
          notes.add("the target has no table " + t.name() + " any more; it is copied again");
        }
      }
      tc.commit();
      List<SyncTableState> out = new ArrayList<>();
      s.tables(tc, job).forEach((n, r) -> out.add(new SyncTableState(n, r.state(), r.inserts(),
          r.updates(), r.deletes())));
      tc.commit();
      this.state = s;
      this.start = row == null ? at : row.start();
      this.sourceTables = tables;
      return new SyncStart(job, request.from(), request.to(), this.start, row != null, out,
          s.name().toString(), notes);
    } catch (SQLException e) {
      throw FerryFailure.wrap(e, "preparing the sync from '" + request.from() + "'");
    }
  }

  /**
   * Refuses a run that names fewer tables than the job follows: its stream would move the
   * position past their changes without applying them, and a later run naming them again would
   * never see those changes.
   */
  private void leftOut(java.util.Set<String> followed, List<TableName> named) {
    java.util.Set<String> names = new java.util.TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    named.forEach(t -> names.add(t.name()));
    List<String> missing = followed.stream().filter(f -> !names.contains(f)).sorted().toList();
    if (!missing.isEmpty()) {
      boolean one = missing.size() == 1;
      throw FerryFailure.of("USAGE", "the sync from " + request.from() + " to " + request.to()
          + " also follows " + String.join(", ", missing) + " (earlier runs named "
          + (one ? "it" : "them") + "); a run that leaves " + (one ? "it" : "them") + " out would"
          + " pass over " + (one ? "its" : "their") + " changes for good. Name every table it"
          + " follows (--tables adds new ones), or remove the sync with ferry sync --drop --from "
          + request.from() + " --to " + request.to() + " and start again");
    }
  }

  /** Records that the initial copy of {@code table} finished (or, with {@code copying}, began). */
  public void copied(String table, boolean finished) {
    SyncState s = requireState();
    try (Connection tc = target.dataSource().openPhysical()) {
      tc.setAutoCommit(false);
      s.tableState(tc, job, table, finished ? "copied" : "copying");
      tc.commit();
    } catch (SQLException e) {
      throw FerryFailure.wrap(e, "recording the copy of " + table);
    }
  }

  private SyncState requireState() {
    SyncState s = state;
    if (s == null) {
      throw new IllegalStateException("prepare() first");
    }
    return s;
  }

  /**
   * Streams changes into the target until {@link #stop}, until caught up when the request asks,
   * or until a failure (thrown).
   */
  public SyncResult run() {
    SyncState s = requireState();
    long started = System.nanoTime();
    String seed = "ferry-sync-" + job + "-" + Long.toHexString(System.nanoTime());
    Connection tc = null;
    try {
      tc = target.dataSource().openPhysical();
      tc.setAutoCommit(false);
      target.engine().prepareWriter(tc);
      SyncState.Job row = s.job(tc, job);
      Map<String, SyncState.TableRow> rows = s.tables(tc, job);
      tc.commit();
      if (row == null) {
        throw FerryFailure.of("SYNC_NOT_FOUND", "the sync's state is gone from the target");
      }
      Map<String, SyncedTable> tables = new LinkedHashMap<>();
      try (Connection sc = source.dataSource().openPhysical()) {
        for (TableName t : sourceTables) {
          TableName tt = new TableName(target.namespaceOn(tc, request.toNamespace()), t.name());
          TargetColumns cols = TargetColumns.read(tc, target.engine().valueLimits(), tt);
          if (!cols.exists()) {
            throw FerryFailure.of("SYNC_SETUP", "the target has no table " + tt + "; run ferry"
                + " sync with --create to create it from the source").with("table", t.name());
          }
          tables.put(t.name().toLowerCase(Locale.ROOT),
              new SyncedTable(t.name(), tt, cols, target.engine(),
                  SourceTables.primaryKey(sc, t)));
        }
        tc.commit();
      }
      SyncCounters c = new SyncCounters(rows);
      counters = c;
      String engineName = "ferry-sync-" + job;
      ChangeStream st = new ChangeStream(target, tc, capture, s, job, engineName, tables, c);
      stream = st;
      Properties p = new Properties();
      p.putAll(capture.connectorProperties(source.dataSource().spec(), job, sourceTables,
          requireStart()));
      p.setProperty("name", engineName);
      p.setProperty("offset.storage", TargetOffsetStore.class.getName());
      p.setProperty(TargetOffsetStore.SEED_PROPERTY, seed);
      p.setProperty("offset.flush.interval.ms", "0");
      p.setProperty("max.batch.size", Integer.toString(request.batchRows()));
      p.setProperty("max.queue.size", Integer.toString(request.batchRows() * 2));
      p.setProperty("poll.interval.ms", "50");
      p.setProperty("errors.max.retries", "0");
      String prefix = "ferry_" + job;
      p.setProperty("topic.prefix", prefix);
      if (row.offset() != null) {
        TargetOffsetStore.seed(seed, row.partition(), row.offset());
      } else {
        // Nothing applied yet: stream from the position fixed before the initial copy, where
        // the engine does not keep it on the server itself (a binlog position).
        Map<String, Object> first = capture.startOffset(requireStart());
        OffsetText text = new OffsetText(engineName);
        TargetOffsetStore.seed(seed, first.isEmpty() ? null : text.key(Map.of("server", prefix)),
            first.isEmpty() ? null : text.value(first));
      }
      if (stopRequested) {
        return result(c, "stopped", started);
      }
      st.start(p);
      if (request.untilCaughtUp()) {
        try (Connection sc = source.dataSource().openPhysical()) {
          sc.setAutoCommit(true);
          st.caughtUpAt(capture.mark(sc));
        }
      }
      return watch(st, c, started);
    } catch (SQLException e) {
      throw FerryFailure.wrap(e, "starting the sync");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw FerryFailure.of("CANCELLED", "the sync was interrupted");
    } finally {
      TargetOffsetStore.unseed(seed);
      ChangeStream st = stream;
      if (st != null) {
        st.close();
      }
      SyncCounters c = counters;
      if (c != null) {
        c.phase("stopped");
      }
      if (tc != null) {
        try {
          tc.close();
        } catch (SQLException ignored) {
          // Closing after the stream stopped: nothing left to commit.
        }
      }
    }
  }

  private String requireStart() {
    String s = start;
    if (s == null) {
      throw new IllegalStateException("prepare() first");
    }
    return s;
  }

  /** Waits for the stream to end, to catch up, to be stopped or to stall. */
  private SyncResult watch(ChangeStream st, SyncCounters c, long started)
      throws InterruptedException, SQLException {
    while (true) {
      c.await(250);
      RuntimeException f = st.failure();
      if (f != null) {
        throw f;
      }
      if (stopRequested) {
        c.phase("stopping");
        st.close();
        RuntimeException late = st.failure();
        if (late != null) {
          throw late;
        }
        return result(c, "stopped", started);
      }
      if (request.untilCaughtUp() && c.isCaughtUp()) {
        c.phase("stopping");
        st.close();
        return result(c, "caught-up", started);
      }
      if (c.hasEnded()) {
        throw FerryFailure.of("SYNC_STALLED", "the change stream ended by itself; run ferry sync"
            + " again to continue from the applied position");
      }
      if (c.sinceDelivery() > request.stallSeconds()) {
        stalled(st, c);
      }
    }
  }

  private void stalled(ChangeStream st, SyncCounters c) throws SQLException {
    String at = c.position();
    String end;
    try (Connection sc = source.dataSource().openPhysical()) {
      sc.setAutoCommit(true);
      end = capture.position(sc);
    }
    if (at != null && capture.compare(at, end) >= 0) {
      return; // the source has written nothing since: quiet, not stuck
    }
    RuntimeException e = FerryFailure.of("SYNC_STALLED", "the change stream delivered nothing for "
        + request.stallSeconds() + " s while the source moved on (applied up to "
        + (at == null ? "nothing yet" : at) + ", source at " + end + "); it was stopped. Run"
        + " ferry sync again to continue from the applied position (FERRY_SYNC_STALL sets the"
        + " watchdog's seconds)");
    st.fail(e);
    throw e;
  }

  private SyncResult result(SyncCounters c, String reason, long started) {
    return new SyncResult(job, reason, c.changes(), c.batches(), c.position(),
        (System.nanoTime() - started) / 1e9, c.tables());
  }

  /** Asks a running {@link #run} to stop after the batch it applies; safe from any thread. */
  public void stop() {
    stopRequested = true;
    SyncCounters c = counters;
    if (c != null) {
      c.phase("stopping");
    }
  }

  /** The running sync's counters. */
  public SyncProgress progress() {
    SyncCounters c = counters;
    return c == null ? new SyncProgress("starting", 0, 0, null, 0, 0, false, 0, List.of())
        : c.progress();
  }
}
