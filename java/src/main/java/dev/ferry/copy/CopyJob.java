package dev.ferry.copy;

import dev.ferry.config.DatabaseSpec;
import dev.ferry.dialect.Dialect;
import dev.ferry.error.FerryFailure;
import dev.ferry.federation.DatabaseSchema;
import dev.ferry.federation.Federation;
import dev.ferry.sink.TableSink;
import dev.ferry.types.TypeFamily;
import dev.ferry.util.Jdbc;
import dev.ferry.verify.LoadChecksumStore;
import dev.ferry.verify.LoadChecksums;
import dev.ferry.verify.VerifyRequest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Copies one table between two configured databases in key-range chunks, each committed in one
 * target transaction together with its checkpoint, so a copy killed at any moment resumes to an
 * exact result.
 *
 * <p>{@link CopyPlanner} decides what to do; this class does it: creates the table, marks the
 * copy started (emptying the table for a replace), runs the chunks ({@link ChunkWorkers}: each
 * is {@code INSERT INTO target SELECT cols FROM source WHERE key > lo AND key <= hi} run by
 * {@link CrossInsert}), then builds the indexes. Node calls {@link #plan}, {@link #run} (on a
 * bridge thread), and meanwhile {@link #progress} and {@link #cancel} from others.
 */
public final class CopyJob {
  /** Set {@code -Dferry.debug.copy=true} to print each phase's duration on stderr. */
  private static final boolean DEBUG = Boolean.getBoolean("ferry.debug.copy");
  private long lastMark = System.nanoTime();

  private final Federation federation;
  private final CopyRequest request;
  private final DatabaseSchema target;
  private final Dialect targetEngine;
  private final CheckpointPlace checkpoints;
  private final LoadChecksumStore loads;
  private final AtomicBoolean cancelled = new AtomicBoolean();
  private final AtomicBoolean running = new AtomicBoolean();
  private volatile CopyPhase phase = CopyPhase.PLANNED;
  /** The workers of the running copy; null before it starts. */
  private volatile @Nullable ChunkWorkers workers;
  /** Rows a resumed copy had committed before this run. */
  private volatile long committedBefore;
  private volatile long rowsTotal = -1;
  private volatile int chunksTotal = -1;
  private @Nullable TablePlan plan;

  /**
   * A copy of one table as {@code request} asks; a read-only target or a state file that cannot
   * be written is refused here, before anything runs.
   */
  public CopyJob(Federation federation, CopyRequest request) {
    this(federation, request, new LoadChecksumStore());
  }

  /**
   * A copy that, when the request asks for it ({@code hashForVerify}), leaves the checksums of
   * the rows it loaded in {@code loads} for the verification after it.
   */
  public CopyJob(Federation federation, CopyRequest request, LoadChecksumStore loads) {
    this.federation = federation;
    this.request = request;
    this.loads = loads;
    federation.database(request.from());
    this.target = federation.database(request.to());
    this.targetEngine = target.engine();
    this.checkpoints = new CheckpointPlace(request, target);
    DatabaseSpec t = target.dataSource().spec();
    if (t.readOnly()) {
      throw FerryFailure.of("READ_ONLY", "database '" + t.name() + "' is marked readOnly: true;"
              + " refusing to copy " + request.table() + " into it (remove readOnly from its config"
              + " entry to allow writes)")
          .with("database", t.name());
    }
    if (request.stateFile() != null && !request.dryRun()) {
      Path folder = Path.of(request.stateFile()).toAbsolutePath().getParent();
      if (folder == null || !Files.isDirectory(folder) || !Files.isWritable(folder)) {
        throw FerryFailure.of("COPY_STATE", "cannot keep checkpoints in " + request.stateFile()
                + ": its folder " + folder + " does not exist or cannot be written; create it or"
                + " name another --state-file")
            .with("stateFile", request.stateFile());
      }
    }
  }

  /** The plan: target DDL, key chunks, where a resume starts. Writes nothing. */
  public CopyPlan plan() {
    try (Connection c = target.dataSource().openPhysical()) {
      c.setAutoCommit(false);
      try {
        return plan(c).report();
      } finally {
        c.rollback();
      }
    } catch (Exception e) {
      throw FerryFailure.wrap(e, "planning the copy of " + request.table());
    }
  }

  private TablePlan plan(Connection c) throws SQLException {
    TablePlan cached = plan;
    if (cached != null) {
      return cached;
    }
    phase = CopyPhase.PLANNING;
    TablePlan p = new CopyPlanner(federation, request, checkpoints, this::mark).plan(c);
    plan = p;
    Checkpoints.State prior = p.prior();
    rowsTotal = p.rowsTotal() + (p.resumeFrom() != null && prior != null ? prior.rows() : 0);
    chunksTotal = p.ranges().size();
    phase = CopyPhase.PLANNED;
    return p;
  }

  /** Runs the copy; the result's {@code rows} counts this run only. */
  public CopyResult run() {
    if (!running.compareAndSet(false, true)) {
      throw FerryFailure.of("USAGE", "this copy job already ran");
    }
    long start = System.nanoTime();
    try (Connection c = target.dataSource().openPhysical()) {
      c.setAutoCommit(false);
      targetEngine.prepareWriter(c);
      if (!request.dryRun()) {
        lockTarget(c);
      }
      TablePlan p = plan(c);
      if (request.dryRun()) {
        phase = CopyPhase.DONE;
        return new CopyResult(request.table(), p.targetName().toString(), 0, 0, 0, 0, null, 0,
            false, true, p.notes());
      }
      mark("run: connected to the target");
      phase = CopyPhase.PREPARING;
      for (String ddl : p.ddl()) {
        execute(c, ddl, true);
      }
      mark("run: created the table");
      List<String> runNotes = new ArrayList<>();
      Checkpoints store = checkpoints.open(c, p.targetName().namespace(), runNotes);
      long committed = prepare(c, p, store);
      mark("run: checkpoint marked started");
      phase = CopyPhase.COPYING;
      boolean continuing = p.resumeFrom() != null;
      Checkpoints.State prior = p.prior();
      committedBefore = committed;
      String quotedTarget = p.targetName().quoted(target.dialect());
      // A one-chunk replace empties the table in the chunk's own transaction, so a failure
      // leaves the old rows (a chunked one did it in prepare).
      String emptyInChunk = request.mode() == CopyMode.REPLACE && !continuing
          && p.ranges().size() == 1 ? targetEngine.emptyTable(quotedTarget) : null;
      LoadChecksums sums = loadChecksums(p, continuing);
      List<String> key = p.table().primaryKey() == null ? List.of() : p.table().primaryKey().columns();
      ChunkWorkers w = new ChunkWorkers(federation, target, new ChunkWorkers.Setup(
          request.jobName(), request.table(), p.targetName().toString(), p.targetName(),
          p.columns(), CopyPlanner.select(p.items(), p.sourceRef()), p.ranges(), p.condition(),
          p.key(), p.watermarkHi(), prior == null ? null : prior.watermark(),
          request.mode().merges() ? TableSink.Mode.UPSERT : TableSink.Mode.INSERT, key, store,
          emptyInChunk, committed, request.mode() == CopyMode.APPEND, sums), cancelled, this::mark);
      workers = w;
      committed = w.run(workers(p), c);
      if (sums != null) {
        loads.put(sums);
      }
      if (!p.indexes().isEmpty()) {
        phase = CopyPhase.INDEXING;
        for (String ddl : p.indexes()) {
          execute(c, ddl, true);
        }
      }
      phase = CopyPhase.DONE;
      List<String> notes = new ArrayList<>(p.notes());
      notes.addAll(runNotes);
      if (w.relayNote() != null) {
        notes.add(w.relayNote());
      }
      long before = continuing && prior != null ? prior.rows() : 0;
      return new CopyResult(request.table(), p.targetName().toString(), committed - before,
          committed, p.ranges().size(), (System.nanoTime() - start) / 1e9, p.resumeFrom(),
          continuing ? before / request.chunkRows() : 0, !p.ddl().isEmpty(), false,
          List.copyOf(notes));
    } catch (Exception e) {
      phase = cancelled.get() ? CopyPhase.CANCELLED : CopyPhase.FAILED;
      throw FerryFailure.wrap(e, "copying " + request.table() + " from '" + request.from()
          + "' to '" + request.to() + "'");
    }
  }

  /**
   * The checksums to take of the rows this run loads, or null: only when asked, for a whole
   * table loaded from its first chunk into an empty table ({@link LoadChecksums#prepare} says
   * where else). A resumed load takes none, so its verification reads the source again (the
   * chunks of the earlier run were never hashed).
   */
  private @Nullable LoadChecksums loadChecksums(TablePlan p, boolean continuing) {
    VerifyRequest table = new VerifyRequest(request.from(), request.to(), request.table(),
        request.targetName(), request.chunkRows(), request.fromNamespace(), request.toNamespace(),
        request.columns(), request.where(), true);
    loads.forget(table);
    if (!request.hashForVerify() || continuing || p.condition() != null
        || request.mode().merges()) {
      return null;
    }
    try {
      return LoadChecksums.prepare(federation.database(request.from()).dataSource(),
          target.dataSource(), table, p.columns());
    } catch (SQLException | RuntimeException e) {
      // Only an optimization: the verification reads the source instead, and reports what it meets.
      return null;
    }
  }

  /**
   * Takes the target engine's lock on the target table for this run, on {@code c} (released when
   * it closes), so that a second copy into the same table stops at once with
   * {@code COPY_CONFLICT} instead of failing later on the first's rows. Engines without such
   * locks (SQLite, DuckDB and H2 take one writer at a time anyway) are not locked.
   */
  private void lockTarget(Connection c) throws SQLException {
    String ns = target.namespaceOn(c, request.toNamespace());
    String table = (ns == null ? "" : ns + ".") + request.targetName();
    Boolean taken = targetEngine.tryLock(c, "ferry copy " + table.toLowerCase(Locale.ROOT));
    if (Boolean.FALSE.equals(taken)) {
      String db = target.dataSource().spec().name();
      throw FerryFailure.of("COPY_CONFLICT", "another copy into " + table + " of database '" + db
              + "' is running (it holds Ferry's lock on that table); nothing was written. Wait for"
              + " it to finish, or stop it and continue its work with --resume")
          .with("database", db).with("table", table);
    }
  }

  /**
   * Readies the target before the first chunk and returns the rows already committed: marks the
   * copy started (emptying the table for a chunked replace, in that same transaction, so the
   * chunks written side by side never wait on that lock), and clears what a chunk a state file
   * never confirmed may have left.
   */
  private long prepare(Connection c, TablePlan p, Checkpoints store) throws SQLException {
    Checkpoints.State prior = p.prior();
    boolean continuing = p.resumeFrom() != null;
    long committed = continuing && prior != null ? prior.rows() : 0;
    String quotedTarget = p.targetName().quoted(target.dialect());
    if (!continuing && !p.ranges().isEmpty()) {
      if (request.mode() == CopyMode.REPLACE && p.ranges().size() > 1) {
        execute(c, targetEngine.emptyTable(quotedTarget), false);
      }
      Checkpoints.State started = Checkpoints.State.started(prior == null ? null : prior.watermark());
      store.write(c, request.jobName(), p.targetName().toString(), started);
      c.commit();
      store.committed(request.jobName(), p.targetName().toString(), started);
    }
    ChunkKey key = p.key();
    if (prior != null && prior.pending() && request.resume() && key != null
        && !request.mode().merges()) {
      // A chunk whose commit the state file never confirmed: remove what it may have left in
      // its own key range (no later chunk commits before it). A merge needs no clean-up: it
      // merges the same rows again.
      String k = target.dialect().quoteIdentifier(key.column());
      List<String> range = new ArrayList<>();
      if (prior.pendingLo() != null) {
        range.add(k + " > " + nativeLiteral(key.family(), prior.pendingLo()));
      }
      if (prior.pendingHi() != null) {
        range.add(k + " <= " + nativeLiteral(key.family(), prior.pendingHi()));
      }
      execute(c, "DELETE FROM " + quotedTarget
          + (range.isEmpty() ? "" : " WHERE " + String.join(" AND ", range)), true);
    }
    if (request.mode().merges() && (p.table().primaryKey() == null
        || p.table().primaryKey().columns().isEmpty())) {
      throw FerryFailure.of("USAGE", "an " + request.mode().wire() + " copy of " + p.table().name()
          + " needs a primary key to merge rows by; it has none");
    }
    return committed;
  }

  /**
   * How many chunks are written at once: the request's {@code parallel}, but one where the
   * target takes one writer at a time, for a single chunk, or for a merge into an engine whose
   * merges cannot run side by side.
   */
  private int workers(TablePlan p) {
    if (!targetEngine.capabilities().concurrentWriters()
        || (request.mode().merges() && !targetEngine.capabilities().parallelMerge())) {
      return 1;
    }
    return Math.max(1, Math.min(Math.min(request.parallel(), ChunkWorkers.MAX), p.ranges().size()));
  }

  /**
   * Tidies the target after a copy whose tables all completed: checkpoints an older Ferry left
   * beside the copied tables, and where the target has no namespace for Ferry (SQLite) or the
   * user may not create one, the finished tables' checkpoints unless an incremental copy's
   * watermarks are among them; the {@code ferry_checkpoint} table goes when left empty. Best
   * effort: the copy is done, and a table left behind only waits for the next completed copy.
   */
  public static void finish(Federation federation, CopyFinish finish) {
    DatabaseSchema target = federation.database(finish.request().to());
    try (Connection c = target.dataSource().openPhysical()) {
      c.setAutoCommit(false);
      new CheckpointPlace(finish.request(), target).finish(c, finish.targets());
    } catch (SQLException | RuntimeException e) {
      // Closing the connection rolls back whatever was half done.
    }
  }

  /** The copy's counters; safe from any thread. */
  public CopyProgress progress() {
    ChunkWorkers w = workers;
    return new CopyProgress(request.table(), phase, w == null ? committedBefore : w.rows(),
        rowsTotal, w == null ? 0 : w.chunksDone(), chunksTotal);
  }

  /**
   * Stops the copy: the running chunk rolls back, committed chunks stay, {@link #run} fails with
   * {@code CANCELLED}.
   */
  public void cancel() {
    cancelled.set(true);
    ChunkWorkers w = workers;
    if (w != null) {
      w.stop();
    }
  }

  private void mark(String what) {
    if (DEBUG) {
      long now = System.nanoTime();
      System.err.printf(Locale.ROOT, "ferry copy %s: %s %d ms%n", request.table(), what,
          (now - lastMark) / 1_000_000);
      lastMark = now;
    }
  }

  private static void execute(Connection c, String sql, boolean commit) throws SQLException {
    try {
      Jdbc.execute(c, sql, commit);
    } catch (SQLException e) {
      throw new SQLException(e.getMessage() + " (in: " + sql + ")", e.getSQLState(), e.getErrorCode(), e);
    }
  }

  /** A key literal in the target's own SQL (for the state file's clean-up DELETE). */
  private static String nativeLiteral(TypeFamily family, String value) {
    return switch (family) {
      case INTEGER, DECIMAL -> value;
      case DATE -> "DATE '" + value + "'";
      default -> "'" + value.replace("'", "''") + "'";
    };
  }
}
