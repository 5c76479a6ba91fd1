package dev.ferry.arrow;

import static java.util.Objects.requireNonNull;

import dev.ferry.types.ColumnSpec;

import java.io.IOException;
import java.sql.SQLException;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The rows of a {@link BatchSource} as {@link VectorBatches}: one record batch of the chunk
 * schema, refilled for each call, for readers that hash the rows from the vectors (verification
 * of a table an engine exports in bulk) instead of writing chunk files.
 */
public final class SourceBatches implements VectorBatches, AutoCloseable {
  /** Rows per batch. */
  static final int BATCH_ROWS = 8192;
  private static final BufferAllocator ROOT = new RootAllocator();

  private final BatchSource source;
  private final List<ColumnSpec> specs;
  private final BufferAllocator allocator;
  private final VectorSchemaRoot root;
  private final BaseVariableWidthVector[] variableWidth;
  private boolean done;

  /**
   * The schema a chunk file of {@code specs} has (the vectors {@link ArrowStreamFileWriter}
   * fills), which a {@link BatchSource} is opened for.
   */
  public static Schema schema(List<ColumnSpec> specs, DriverCells cells) {
    return ChunkSchema.of(ChunkSchema.columns(specs, cells));
  }

  /** Reads {@code source}, opened for {@code schema} (see {@link #schema}), whose columns are {@code specs}. */
  public SourceBatches(BatchSource source, Schema schema, List<ColumnSpec> specs) {
    this.source = requireNonNull(source, "source");
    this.specs = List.copyOf(specs);
    this.allocator = ROOT.newChildAllocator("source-batches", 0, Long.MAX_VALUE);
    this.root = VectorSchemaRoot.create(schema, allocator);
    this.variableWidth = ArrowStreamFileWriter.variableWidth(root);
    root.allocateNew();
  }

  @Override public @Nullable VectorSchemaRoot nextBatch() throws SQLException {
    if (done) {
      return null;
    }
    ArrowStreamFileWriter.reset(root);
    int count;
    try {
      count = source.fill(root, BATCH_ROWS, ArrowStreamFileWriter.BATCH_BYTES);
    } catch (IOException e) {
      throw new SQLException("reading a bulk export: " + e.getMessage(), "08006", e);
    }
    root.setRowCount(count);
    // Fewer rows than asked: the end, unless the fill stopped at the byte limit.
    done = count < BATCH_ROWS && !ArrowStreamFileWriter.full(variableWidth, ArrowStreamFileWriter.BATCH_BYTES);
    return count == 0 ? null : root;
  }

  @Override public List<ColumnSpec> specs() {
    return specs;
  }

  /** Stops the source (when not at its end) and frees the vectors. */
  @Override public void close() throws SQLException {
    try {
      source.close();
    } finally {
      root.close();
      allocator.close();
    }
  }
}
