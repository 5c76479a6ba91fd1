package dev.ferry.arrow;

import static java.util.Objects.requireNonNull;

import dev.ferry.types.ColumnSpec;

import java.io.IOException;
import java.io.OutputStream;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;
import org.apache.arrow.vector.ipc.message.IpcOption;
import org.apache.arrow.vector.types.pojo.Schema;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Writes the rows of a JDBC result set as chunk files: each call one Arrow IPC stream of at
 * most {@code maxRows} rows, optionally zstd-compressed.
 *
 * <p>A backup splits a table into several files by calling {@link #write} again on the same
 * result set; the vectors are made once and reused for every batch of every file. Values are
 * read by the same per-type readers as query results ({@link ArrowColumn}), and each field's
 * metadata keeps its whole {@link ColumnSpec} ({@link ChunkSchema}), so a restore types the
 * columns exactly as the backup read them. A batch ends early once its text and binary values
 * pass {@value #BATCH_BYTES} bytes, so wide rows neither overflow Arrow's 2 GB buffers nor hold
 * a whole chunk in memory. Text columns whose first batch shows few distinct values are written
 * dictionary-encoded ({@link TextDictionaries}; chunk format 2), which {@link ArrowResultSet}
 * reads back as plain text.
 */
public final class ArrowStreamFileWriter implements AutoCloseable {
  /** Bytes of text and binary data after which a record batch is written out early. */
  public static final int BATCH_BYTES = 64 << 20;

  /** Sees each row while the result set is on it, after its values were read. */
  @FunctionalInterface
  public interface RowHook {
    /** Called once per written row, with {@code rs} on that row; must not move it. */
    void row(ResultSet rs) throws SQLException;
  }

  /** Sees each record batch a {@link BatchSource} filled, before it is written. */
  @FunctionalInterface
  public interface BatchHook {
    /** Called once per batch with its {@code rows} rows in {@code root}; must not change it. */
    void batch(VectorSchemaRoot root, int rows) throws SQLException;
  }

  /** Fills the vectors with one batch of at most {@code limit} rows; returns how many. */
  @FunctionalInterface
  private interface Filler {
    int fill(int limit) throws SQLException, IOException;
  }

  private final List<ColumnSpec> specs;
  private final VectorSchemaRoot root;
  private final ArrowColumn[] columns;
  private final BaseVariableWidthVector[] variableWidth;
  private final int batchRows;
  private final long batchBytes;
  private final ChunkCompression compression;
  private final @Nullable RowHook hook;
  private final BufferAllocator allocator;
  /** The text columns written dictionary-encoded, chosen at the first batch; null before it. */
  private @Nullable TextDictionaries dictionaries;

  /**
   * A writer of rows typed as {@code specs}, in batches of {@code batchRows} rows, its vectors
   * allocated from {@code allocator}; {@code hook}, when given, sees every row written.
   */
  public ArrowStreamFileWriter(List<ColumnSpec> specs, BufferAllocator allocator, int batchRows,
      ChunkCompression compression, @Nullable RowHook hook) {
    this(specs, allocator, batchRows, BATCH_BYTES, compression, hook, DriverCells.TYPED);
  }

  /**
   * As {@link #ArrowStreamFileWriter(List, BufferAllocator, int, ChunkCompression, RowHook)},
   * reading result sets the cheaper way {@code cells} says their driver allows.
   */
  public ArrowStreamFileWriter(List<ColumnSpec> specs, BufferAllocator allocator, int batchRows,
      ChunkCompression compression, @Nullable RowHook hook, DriverCells cells) {
    this(specs, allocator, batchRows, BATCH_BYTES, compression, hook, cells);
  }

  /** As the public constructor, ending batches at {@code batchBytes} instead (tests). */
  ArrowStreamFileWriter(List<ColumnSpec> specs, BufferAllocator allocator, int batchRows,
      long batchBytes, ChunkCompression compression, @Nullable RowHook hook, DriverCells cells) {
    this.batchBytes = batchBytes;
    this.specs = List.copyOf(requireNonNull(specs, "specs"));
    this.allocator = requireNonNull(allocator, "allocator");
    this.compression = requireNonNull(compression, "compression");
    if (batchRows < 1) {
      throw new IllegalArgumentException("batchRows must be at least 1, not " + batchRows);
    }
    this.batchRows = batchRows;
    this.hook = hook;
    columns = ChunkSchema.columns(this.specs, requireNonNull(cells, "cells"));
    root = VectorSchemaRoot.create(ChunkSchema.of(columns), allocator);
    for (int i = 0; i < columns.length; i++) {
      columns[i].vector = root.getVector(i);
    }
    variableWidth = variableWidth(root);
    root.allocateNew();
  }

  /** The schema every stream of this writer has, column specs in its metadata. */
  public Schema schema() {
    return root.getSchema();
  }

  /** The columns this writer writes. */
  public List<ColumnSpec> specs() {
    return specs;
  }

  /**
   * Writes the next rows of {@code rs}, at most {@code maxRows}, to {@code out} as one complete
   * Arrow IPC stream, and returns how many were written; fewer than {@code maxRows} means
   * {@code rs} is exhausted (do not call again then: some drivers refuse {@code next()} after
   * the end). When no row is left the stream is still complete: its schema and no batch, which
   * reads as an empty result, so an empty table's single chunk keeps its columns.
   *
   * <p>{@code rs} is not moved past the last row written, so the next call continues with the
   * row after it. {@code out} is flushed but not closed. When this throws, the stream written
   * so far lacks its end-of-stream marker and {@link ArrowResultSet} refuses it as truncated.
   */
  public long write(ResultSet rs, OutputStream out, long maxRows) throws SQLException, IOException {
    return write(rs, out, maxRows, null);
  }

  /**
   * As {@link #write(ResultSet, OutputStream, long)}; {@code hook}, when given, sees each batch
   * once its rows are read, before it is written.
   */
  public long write(ResultSet rs, OutputStream out, long maxRows, @Nullable BatchHook hook)
      throws SQLException, IOException {
    requireNonNull(rs, "rs");
    return write(out, maxRows, limit -> {
      int count = fill(rs, limit);
      if (hook != null && count > 0) {
        hook.batch(root, count);
      }
      return count;
    });
  }

  /**
   * As {@link #write(ResultSet, OutputStream, long)}, the rows filled batch by batch by
   * {@code source} instead (same stream, same batch sizes); {@code hook}, when given, sees each
   * batch before it is written. Fewer than {@code maxRows} means {@code source} is exhausted.
   */
  public long write(BatchSource source, OutputStream out, long maxRows, @Nullable BatchHook hook)
      throws SQLException, IOException {
    requireNonNull(source, "source");
    return write(out, maxRows, limit -> {
      resetVectors();
      int count = source.fill(root, limit, batchBytes);
      root.setRowCount(count);
      if (hook != null && count > 0) {
        hook.batch(root, count);
      }
      return count;
    });
  }

  private long write(OutputStream out, long maxRows, Filler filler)
      throws SQLException, IOException {
    requireNonNull(out, "out");
    if (maxRows < 1) {
      throw new IllegalArgumentException("maxRows must be at least 1, not " + maxRows);
    }
    long rows = 0;
    OutputChannel channel = new OutputChannel(out);
    ArrowStreamWriter writer = null;
    boolean complete = false;
    try {
      boolean more = true;
      while (more && rows < maxRows) {
        int limit = (int) Math.min(batchRows, maxRows - rows);
        int count = filler.fill(limit);
        if (count > 0) {
          writer = writer == null ? open(channel, count) : writer;
          requireNonNull(dictionaries, "dictionaries").encode(count);
          writer.writeBatch();
        }
        rows += count;
        more = count == limit || full();
      }
      writer = writer == null ? open(channel, 0) : writer;
      writer.end();
      complete = true;
    } finally {
      if (!complete) {
        channel.abandon();
      }
      if (writer != null) {
        writer.close();
      }
    }
    return rows;
  }

  /**
   * Starts a stream on {@code channel}; the writer's first batch ({@code rows} rows, in the
   * vectors now) decides which text columns every stream of this writer encodes.
   */
  private ArrowStreamWriter open(OutputChannel channel, int rows) throws IOException {
    if (dictionaries == null) {
      dictionaries = TextDictionaries.plan(root, rows, batchRows, allocator);
    }
    ArrowStreamWriter writer = new ArrowStreamWriter(dictionaries.root(), dictionaries.provider(),
        channel, IpcOption.DEFAULT, ChunkCompression.FACTORY, compression.codecType(),
        compression.level());
    writer.start();
    return writer;
  }

  /**
   * Reads up to {@code limit} rows into the vectors, fewer when the batch's data grows past
   * {@code batchBytes} or {@code rs} ends; returns the row count, set on the root.
   */
  private int fill(ResultSet rs, int limit) throws SQLException {
    resetVectors();
    int count = 0;
    while (count < limit && !full() && rs.next()) {
      for (ArrowColumn c : columns) {
        c.read(rs, count);
      }
      if (hook != null) {
        hook.row(rs);
      }
      count++;
    }
    root.setRowCount(count);
    return count;
  }

  private void resetVectors() {
    reset(root);
  }

  /** Empties {@code root}'s vectors for the next batch, keeping each buffer's capacity (unlike allocateNew). */
  static void reset(VectorSchemaRoot root) {
    for (FieldVector v : root.getFieldVectors()) {
      v.reset();
    }
  }

  /** Whether the text and binary values read into the current batch reach the byte limit. */
  private boolean full() {
    return full(variableWidth, batchBytes);
  }

  /** The text and binary vectors of {@code root}, whose bytes {@link #full} adds up. */
  static BaseVariableWidthVector[] variableWidth(VectorSchemaRoot root) {
    List<BaseVariableWidthVector> wide = new ArrayList<>();
    for (FieldVector v : root.getFieldVectors()) {
      if (v instanceof BaseVariableWidthVector w) {
        wide.add(w);
      }
    }
    return wide.toArray(new BaseVariableWidthVector[0]);
  }

  /** Whether the values set in {@code wide} (a batch's text and binary vectors) reach {@code limit} bytes. */
  static boolean full(BaseVariableWidthVector[] wide, long limit) {
    long bytes = 0;
    for (BaseVariableWidthVector v : wide) {
      int last = v.getLastSet();
      if (last >= 0) {
        bytes += v.getStartOffset(last + 1);
      }
    }
    return bytes >= limit;
  }

  /** Frees the vectors. */
  @Override public void close() {
    if (dictionaries != null) {
      dictionaries.close();
    }
    root.close();
  }
}
