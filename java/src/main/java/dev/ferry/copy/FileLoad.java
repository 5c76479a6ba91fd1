package dev.ferry.copy;

import static java.util.Objects.requireNonNull;

import dev.ferry.arrow.ArrowResultSet;
import dev.ferry.catalog.Scope;
import dev.ferry.dialect.ArrowLoader;
import dev.ferry.error.FerryFailure;
import dev.ferry.federation.DatabaseSchema;
import dev.ferry.federation.Federation;
import dev.ferry.sink.SinkContext;
import dev.ferry.sink.SinkValues;
import dev.ferry.sink.TableSink;
import dev.ferry.types.ColumnSpec;
import dev.ferry.types.TableName;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Loads one table from rows that come in numbered files (a backup's chunk files) rather than
 * from a database: each file in one target transaction with its checkpoint, in order, so a load
 * killed at any moment resumes after its last committed file and ends exact.
 *
 * <p>The rows go through the target's own sink, as a copy's do, or, where the target offers
 * an {@link ArrowLoader} that vouches for every column, from the Arrow vectors straight into
 * its bulk load; the checkpoint is the copy's {@code ferry_checkpoint} row, counting files
 * instead of key ranges.
 */
public final class FileLoad {
  /** Where the rows come from: chunk files in order, each opened as an Arrow result set. */
  public interface Files {
    /** The columns every file holds, in order. */
    List<ColumnSpec> columns();

    /** How many files there are. */
    int count();

    /** Rows in file {@code i} (0-based). */
    long rows(int i);

    /** Opens file {@code i}. */
    ArrowResultSet open(int i) throws SQLException;
  }

  /**
   * What to load where.
   *
   * @param to the target database
   * @param toNamespace its schema, when the entry is not pinned to one
   * @param table the target table (it exists: the restore created it)
   * @param source the name progress and messages show
   * @param job the checkpoints' job name
   * @param checkpointNamespace where the checkpoint table is (null: the table's namespace)
   * @param resume continue after the last committed file
   */
  public record Request(String to, @Nullable String toNamespace, String table, String source,
      String job, @Nullable String checkpointNamespace, boolean resume) {}

  private final Federation federation;
  private final Request request;
  private final Files files;
  /** Rows in all files, as their manifest records them. */
  private final long rowsTotal;
  private final AtomicBoolean cancelled = new AtomicBoolean();
  private final AtomicLong rows = new AtomicLong();
  private final AtomicInteger done = new AtomicInteger();
  private volatile CopyPhase phase = CopyPhase.PLANNED;

  /** A load of {@code files} as {@code request} asks. */
  public FileLoad(Federation federation, Request request, Files files) {
    this.federation = requireNonNull(federation, "federation");
    this.request = requireNonNull(request, "request");
    this.files = requireNonNull(files, "files");
    long total = 0;
    for (int i = 0; i < files.count(); i++) {
      total += files.rows(i);
    }
    this.rowsTotal = total;
  }

  /** Loads every file not loaded yet; the result counts this run's rows. */
  public CopyResult run() {
    long start = System.nanoTime();
    DatabaseSchema target = federation.database(request.to());
    Scope scope = target.inspectionScope(request.toNamespace());
    TableName table = new TableName(scope.namespace(), request.table());
    String tableKey = table.toString();
    List<String> names = files.columns().stream().map(ColumnSpec::label).toList();
    try (Connection c = target.dataSource().openPhysical()) {
      c.setAutoCommit(false);
      target.engine().prepareWriter(c);
      InTargetCheckpoints store = new InTargetCheckpoints(c, request.checkpointNamespace() != null
          ? request.checkpointNamespace() : scope.namespace(), target.dialect(), target.engine());
      try {
        store.ensure();
      } catch (SQLException first) {
        // Two loads creating the table at once: one loses PostgreSQL's race on the catalog, and
        // the table exists by the time it asks again.
        c.rollback();
        store.ensure();
      }
      Checkpoints.State prior = request.resume() ? store.read(request.job(), tableKey) : null;
      int from = prior == null || prior.chunkHi() == null ? 0 : Integer.parseInt(prior.chunkHi());
      long before = prior == null ? 0 : prior.rows();
      rows.set(before);
      done.set(from);
      phase = CopyPhase.COPYING;
      SinkValues.Reader[] readers = target.engine().sinkReaders(null, files.columns());
      ArrowLoader loader = target.engine().arrowLoader();
      for (int i = from; i < files.count(); i++) {
        if (cancelled.get()) {
          throw FerryFailure.of("CANCELLED", "the restore of " + request.source() + " was"
              + " cancelled after " + i + " of " + files.count() + " files; --resume continues");
        }
        long base = rows.get();
        TableSink.Options options = new TableSink.Options(TableSink.Mode.INSERT, List.of(),
            n -> rows.set(base + n), cancelled::get);
        SinkContext ctx = CrossInsert.sinkContext(target, c, table, names, readers, options);
        long n;
        try (ArrowResultSet rs = files.open(i)) {
          n = loader != null && loader.accepts(ctx, rs) ? loader.load(ctx, c, rs) : write(ctx, c, rs);
          store.write(c, request.job(), tableKey, new Checkpoints.State(Integer.toString(i + 1),
              base + n, null, i + 1 == files.count(), null, null, false));
          c.commit();
        } catch (SQLException | RuntimeException e) {
          c.rollback();
          throw e;
        }
        rows.set(base + n);
        done.set(i + 1);
      }
      phase = CopyPhase.DONE;
      List<String> notes = new ArrayList<>();
      return new CopyResult(request.source(), table.toString(), rows.get() - before, rows.get(),
          files.count() - from, (System.nanoTime() - start) / 1e9,
          from > 0 ? "file " + from : null, from, false, false, notes);
    } catch (Exception e) {
      phase = cancelled.get() ? CopyPhase.CANCELLED : CopyPhase.FAILED;
      throw FerryFailure.wrap(e, "restoring " + request.source() + " into database '"
          + request.to() + "'");
    }
  }

  /** Writes {@code rs} through the target's typed sink. */
  private long write(SinkContext ctx, Connection c, ArrowResultSet rs) throws SQLException {
    try (TableSink sink = federation.database(request.to()).engine().openSink(ctx, c)) {
      long n = sink.write(rs, Long.MAX_VALUE);
      sink.finish();
      return n;
    }
  }

  /** The load's counters; safe from any thread. */
  public CopyProgress progress() {
    return new CopyProgress(request.source(), phase, rows.get(), rowsTotal, done.get(), files.count());
  }

  /** Stops the load: the running file rolls back, committed files stay. */
  public void cancel() {
    cancelled.set(true);
  }
}
