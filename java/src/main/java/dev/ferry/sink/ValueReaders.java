package dev.ferry.sink;

import dev.ferry.types.ColumnSpec;

/**
 * How cells of one driver's result sets are read into the values sinks take
 * ({@link SinkValues}): as JDBC types them ({@link #TYPED}), or by a dialect whose driver stores
 * values differently from what it declares (SQLite's text dates, REAL decimals).
 */
@FunctionalInterface
public interface ValueReaders {
  /** Reads cells as their JDBC type says: every driver that types its cells, and Calcite. */
  ValueReaders TYPED = SinkValues::typed;

  /** The reader for column {@code index} (1-based), typed as {@code spec}. */
  SinkValues.Reader reader(ColumnSpec spec, int index);
}
