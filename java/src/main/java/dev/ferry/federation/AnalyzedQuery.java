package dev.ferry.federation;

import dev.ferry.arrow.ArrowChunks;
import dev.ferry.planner.BindJoin;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A query started by {@link Analyzer}: its result, streamed like any other, and the figures of
 * its run ({@link #analysis}) once the stream ends.
 */
public final class AnalyzedQuery {
  private final ArrowChunks chunks;
  private final SourceMeter meter;
  private final String plan;
  private final List<PlanWatch.Source> sources;
  private final List<String> sqls;
  private final @Nullable DirectPlan direct;
  private final long started;
  private final long ready;
  private volatile long finished;

  AnalyzedQuery(ArrowChunks chunks, SourceMeter meter, PlanWatch watch,
      @Nullable DirectPlan direct, long started, long ready) {
    this.chunks = chunks;
    this.meter = meter;
    this.plan = watch.plan();
    this.sources = watch.sources();
    this.sqls = watch.sqls();
    this.direct = direct;
    this.started = started;
    this.ready = ready;
  }

  /** The result, for the federation to track and release. */
  public ArrowChunks chunks() {
    return chunks;
  }

  /**
   * Streams the result as {@link ArrowChunks#streamTo} does, counting the rows each database
   * sends meanwhile (Calcite reads some sources only now, on this thread); returns the rows.
   */
  public long streamTo(byte[] socketPath) {
    try (SourceMeter.Active counting = meter.activate()) {
      return chunks.streamTo(socketPath);
    } finally {
      finished = System.nanoTime();
    }
  }

  /** The figures of the run: complete once {@link #streamTo} returned. */
  public Analysis analysis() {
    long end = finished == 0 ? System.nanoTime() : finished;
    return new Analysis(plan, direct != null, millis(ready - started), millis(end - ready),
        chunks.rowCount(), direct != null ? directRead(direct) : reads());
  }

  private List<Analysis.SourceRead> directRead(DirectPlan d) {
    Long estimate = sources.isEmpty() ? null : sources.get(0).estimatedRows();
    return List.of(new Analysis.SourceRead(d.database().dataSource().spec().name(), d.sql(),
        estimate, 1, chunks.rowCount()));
  }

  /**
   * The planned statements in plan order, each with what was counted for it (one entry for a
   * statement planned twice, which cannot be told apart when run), then any statement run that
   * the plan did not list. A bind join's statement is listed as each of the statements it sent
   * with their keys, or as planned (with its placeholders) when it sent none.
   */
  private List<Analysis.SourceRead> reads() {
    List<SourceMeter.Reads> counted = new ArrayList<>(meter.reads());
    List<Analysis.SourceRead> out = new ArrayList<>();
    Set<List<Object>> seen = new HashSet<>();
    for (int i = 0; i < sqls.size(); i++) {
      String sql = sqls.get(i);
      PlanWatch.Source s = i < sources.size() ? sources.get(i) : new PlanWatch.Source(null, null);
      if (!seen.add(Arrays.asList(s.database(), sql))) {
        continue;
      }
      boolean template = BindJoin.isTemplate(sql);
      List<Analysis.SourceRead> sent = new ArrayList<>();
      long executions = 0;
      long rows = 0;
      for (Iterator<SourceMeter.Reads> it = counted.iterator(); it.hasNext();) {
        SourceMeter.Reads r = it.next();
        if (s.database() != null && !s.database().equals(r.database())) {
          continue;
        }
        if (r.sql().equals(sql)) {
          executions += r.executions();
          rows += r.rows();
          it.remove();
        } else if (template && BindJoin.fills(sql, r.sql())) {
          sent.add(new Analysis.SourceRead(r.database(), r.sql(), s.estimatedRows(),
              r.executions(), r.rows()));
          it.remove();
        }
      }
      if (sent.isEmpty()) {
        out.add(new Analysis.SourceRead(s.database(), sql, s.estimatedRows(), executions, rows));
      }
      out.addAll(sent);
    }
    for (SourceMeter.Reads r : counted) {
      out.add(new Analysis.SourceRead(r.database(), r.sql(), null, r.executions(), r.rows()));
    }
    return List.copyOf(out);
  }

  private static double millis(long nanos) {
    return Math.round(nanos / 100_000.0) / 10.0;
  }
}
