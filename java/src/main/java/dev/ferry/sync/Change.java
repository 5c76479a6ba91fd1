package dev.ferry.sync;

import java.util.List;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * One row change as the applier sees it.
 *
 * @param kind what happened to the row
 * @param key the row's key values, in key column order
 * @param row the new row in target column order (null for a delete)
 * @param missing per column, whether the log did not carry its value (an unchanged TOASTed
 *     column); null when every value is present
 * @param fillFrom for a row that moved to this key from another (an update of its primary key)
 *     and lacks values: the old key, whose row in the target holds them; null otherwise
 */
record Change(Kind kind, List<Object> key, Object @Nullable [] row, boolean @Nullable [] missing,
    @Nullable List<Object> fillFrom) {
  /** What happened to the row. */
  enum Kind { INSERT, UPDATE, DELETE }

  /** A change of a row that stays under its key. */
  Change(Kind kind, List<Object> key, Object @Nullable [] row, boolean @Nullable [] missing) {
    this(kind, key, row, missing, null);
  }

  /**
   * This change after {@code earlier} to the same row in the same batch (under the same key, or
   * under the key it moved from): the later row wins, with the values it lacks taken from the
   * earlier row; what neither has still comes from where the earlier one would take it.
   */
  Change after(Change earlier) {
    if (kind == Kind.DELETE || missing == null || earlier.row == null) {
      return this;
    }
    Object[] merged = row.clone();
    boolean[] still = null;
    for (int i = 0; i < merged.length; i++) {
      if (missing[i]) {
        if (earlier.missing != null && earlier.missing[i]) {
          if (still == null) {
            still = new boolean[merged.length];
          }
          still[i] = true;
        } else {
          merged[i] = earlier.row[i];
        }
      }
    }
    return new Change(kind, key, merged, still, still == null ? null
        : earlier.fillFrom != null ? earlier.fillFrom : fillFrom);
  }
}
