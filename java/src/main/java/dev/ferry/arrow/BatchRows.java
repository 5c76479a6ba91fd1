package dev.ferry.arrow;

import static java.util.Objects.requireNonNull;

import dev.ferry.types.ColumnSpec;

import java.sql.SQLException;
import java.util.List;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * The rows of a record batch in memory as a forward-only JDBC result set, so code written for a
 * source's rows (the canonical row hash) reads a batch another reader filled.
 *
 * <p>Made once for a root whose vectors are refilled batch after batch: {@link #load} starts
 * over on the rows the root holds now. Closing it frees nothing: the root is its owner's.
 */
public final class BatchRows extends VectorRows {
  private boolean closed;

  /** The rows of {@code root}, typed as {@code specs}; none until {@link #load}. */
  public BatchRows(VectorSchemaRoot root, List<ColumnSpec> specs) throws SQLException {
    bind(specs, requireNonNull(root, "root"));
  }

  /** Starts before the first of the {@code rows} rows the root holds now. */
  public void load(int rows) {
    rowsBefore += rowCount;
    rowCount = rows;
    row = -1;
  }

  @Override public boolean next() throws SQLException {
    if (closed) {
      throw new SQLException("the result set is closed", "24000");
    }
    if (row < rowCount) {
      row++;
    }
    return row < rowCount;
  }

  @Override public void close() {
    closed = true;
    rowCount = 0;
  }

  @Override public boolean isClosed() {
    return closed;
  }
}
