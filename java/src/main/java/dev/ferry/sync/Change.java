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
 */
record Change(Kind kind, List<Object> key, Object @Nullable [] row, boolean @Nullable [] missing) {
  /** What happened to the row. */
  enum Kind { INSERT, UPDATE, DELETE }

  /**
   * This change after {@code earlier} to the same key in the same batch: the later row wins,
   * with the values it lacks taken from the earlier row.
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
    return new Change(kind, key, merged, still);
  }
}
