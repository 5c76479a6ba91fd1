package dev.ferry.arrow;

import java.io.IOException;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Rows that arrive as whole record batches, filled straight into a chunk file's vectors: the
 * way an engine with a bulk binary export (PostgreSQL's binary COPY) hands a table to
 * {@link ArrowStreamFileWriter} without a JDBC value per cell.
 *
 * <p>A source fills exactly the Arrow types the writer's schema has for its column specs, with
 * the values {@link ArrowColumn} would have read from the driver's result set, so a chunk file
 * is the same whichever way it was read.
 */
public interface BatchSource extends AutoCloseable {
  /**
   * Fills {@code root}'s vectors (reset by the caller) from row 0 with the next rows, at most
   * {@code maxRows}, stopping after the row that takes the text and binary data past
   * {@code maxBytes}; returns how many (fewer than {@code maxRows} only at the end of the rows
   * or at the byte limit). Does not set the root's row count.
   */
  int fill(VectorSchemaRoot root, int maxRows, long maxBytes) throws SQLException, IOException;

  /**
   * The columns as the source's driver describes the result (types and type names), from
   * which the caller picks how each cell is hashed exactly as for the driver's own result set.
   */
  ResultSetMetaData metaData() throws SQLException;

  /** Stops reading (when not at the end) and frees what the source holds. */
  @Override void close() throws SQLException;
}
