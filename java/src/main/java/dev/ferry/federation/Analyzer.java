package dev.ferry.federation;

import dev.ferry.arrow.ArrowChunks;
import dev.ferry.error.FerryFailure;
import dev.ferry.types.ColumnSpec;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Objects;
import org.apache.arrow.memory.BufferAllocator;

/**
 * Runs a query the way {@link Federation#query} does while measuring it: planning is timed until
 * the statement is ready to run, the plan and its per-database statements are watched
 * ({@link PlanWatch}), and the rows each database sends are counted ({@link SourceMeter}).
 */
final class Analyzer {
  private Analyzer() {}

  /**
   * Plans and starts {@code sql}; its rows are then streamed with {@link AnalyzedQuery#streamTo}
   * and the figures read with {@link AnalyzedQuery#analysis}. A statement that changes data is
   * refused before it runs.
   */
  static AnalyzedQuery start(Federation federation, String sql, int batchRows) {
    try {
      return start(federation.databases().values(), federation::planRows, federation.allocator(),
          sql, batchRows);
    } catch (Exception e) {
      throw federation.hint(FerryFailure.wrap(e, "analyzing the query"), sql);
    }
  }

  /** Plans a statement as the federation does ({@link Federation#planRows}). */
  private interface Planner {
    PlannedRows plan(String sql) throws SQLException;
  }

  private static AnalyzedQuery start(Collection<DatabaseSchema> databases, Planner planner,
      BufferAllocator allocator, String sql, int batchRows) throws SQLException {
    long started = System.nanoTime();
    PlanWatch watch = PlanWatch.start(databases);
    PlannedRows planned;
    try (watch) {
      planned = planner.plan(sql);
    }
    long ready = System.nanoTime();
    if (!watch.isQuery()) {
      planned.close();
      throw FerryFailure.of("USAGE", "only a query (SELECT, WITH, VALUES) can be analyzed:"
          + " analyzing runs the statement, and this one would change data");
    }
    SourceMeter meter = new SourceMeter();
    DirectPlan direct = planned.direct();
    ArrowChunks chunks;
    if (direct != null) {
      chunks = direct.open(allocator, batchRows, ResultLabels.of(sql, direct.columns()));
    } else {
      PreparedStatement ps = Objects.requireNonNull(planned.calcite(), "calcite");
      try (SourceMeter.Active counting = meter.activate()) {
        ResultSet rs = ps.executeQuery();
        chunks = new ArrowChunks(ps, rs, null,
            ResultLabels.of(sql, ColumnSpec.fromMetaData(rs.getMetaData())), allocator, batchRows);
      } catch (SQLException | RuntimeException e) {
        planned.close();
        throw e;
      }
    }
    return new AnalyzedQuery(chunks, meter, watch, direct, started, ready);
  }
}
