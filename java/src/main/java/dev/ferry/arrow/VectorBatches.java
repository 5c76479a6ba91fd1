package dev.ferry.arrow;

import dev.ferry.types.ColumnSpec;
import java.sql.SQLException;
import java.util.List;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Rows that arrive as Arrow record batches, offered batch by batch as vectors to a reader that
 * can work on whole columns (a hasher) instead of one cell at a time through JDBC getters.
 * Result sets over such rows answer {@code unwrap(VectorBatches.class)}.
 */
public interface VectorBatches {
  /**
   * The next batch that has rows (as many as its row count says), its vectors in the result's
   * column order, or null at the end. The same root may come back with new contents, or
   * another root, from one call to the next.
   */
  @Nullable VectorSchemaRoot nextBatch() throws SQLException;

  /** The result's columns, one per vector of every batch. */
  List<ColumnSpec> specs();
}
