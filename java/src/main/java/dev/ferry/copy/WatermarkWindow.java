package dev.ferry.copy;

import dev.ferry.catalog.Snapshot;
import dev.ferry.error.FerryFailure;
import dev.ferry.federation.Federation;
import dev.ferry.federation.SourceRows;
import dev.ferry.sink.SinkValues;
import dev.ferry.types.TypeFamily;

import java.sql.SQLException;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The rows an incremental copy takes: those past the last watermark value synced, up to the
 * newest one now ({@code hi}, which the copy records when it completes).
 *
 * <p>Literals carry the precision Calcite types the column with (MariaDB's DATETIME(6) is
 * TIMESTAMP(0) to it): a literal of another precision makes Calcite cast the column, which
 * MariaDB rejects. The lower bound is rounded down and the upper one up, so rows at a boundary
 * may be read twice, which the merge makes harmless, and none is skipped.
 *
 * @param condition the window (and {@code --where}) as a Calcite SQL condition, or null
 * @param hi the newest watermark value in the window, or null when it holds no row
 * @param note what the plan tells the user
 */
record WatermarkWindow(@Nullable String condition, @Nullable String hi, String note) {
  /** The window of {@code table} at {@code sourceRef} after the watermark {@code last}. */
  static WatermarkWindow of(Federation federation, String sourceRef, Snapshot.Table table,
      CopyRequest request, @Nullable String last) throws SQLException {
    Snapshot.Column wc = CopyPlanner.column(table, request.watermark());
    if (wc == null) {
      throw FerryFailure.of("USAGE", "watermark column '" + request.watermark() + "' is not a"
          + " column of " + table.name());
    }
    TypeFamily family = wc.type().family();
    String q = ChunkPlanner.q(wc.name());
    int precision = family == TypeFamily.TIMESTAMP ? queryPrecision(federation, sourceRef, wc.name()) : 6;
    String lower = last == null ? null : q + " > " + literal(family, last, precision, false);
    String hi = max(federation, sourceRef, wc.name(), ChunkPlanner.and(request.where(), lower));
    String condition = ChunkPlanner.and(request.where(), lower,
        hi == null ? null : q + " <= " + literal(family, hi, precision, true));
    String note = last == null ? "incremental: no watermark recorded yet; copying every row"
        + (hi == null ? "" : " up to " + wc.name() + " = " + hi)
        : "incremental: copying rows with " + wc.name() + " > " + last
            + (hi == null ? " (none found)" : " up to " + hi);
    return new WatermarkWindow(condition, hi, note);
  }

  private static String literal(TypeFamily family, String value, int precision, boolean ceiling) {
    return family == TypeFamily.TIMESTAMP ? ChunkPlanner.timestampLiteral(value, precision, ceiling)
        : ChunkPlanner.literal(family, value);
  }

  private static @Nullable String max(Federation federation, String sourceRef, String column,
      @Nullable String condition) throws SQLException {
    String sql = "SELECT MAX(" + ChunkPlanner.q(column) + ") FROM " + sourceRef
        + (condition == null ? "" : " WHERE " + condition);
    try (SourceRows r = federation.openRows(sql)) {
      Object v = r.resultSet().next() ? r.readers()[0].read(r.resultSet()) : null;
      return v == null ? null : SinkValues.text(v);
    }
  }

  /** The precision Calcite gives {@code column} in queries. */
  private static int queryPrecision(Federation federation, String sourceRef, String column)
      throws SQLException {
    try (SourceRows r = federation.openRows("SELECT " + ChunkPlanner.q(column) + " FROM "
        + sourceRef + " WHERE 1 = 0")) {
      return r.columns().get(0).precision();
    }
  }
}
