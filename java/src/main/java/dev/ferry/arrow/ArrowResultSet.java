package dev.ferry.arrow;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.sql.SQLException;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A chunk file read back as a forward-only, read-only JDBC result set, so a restore feeds it to
 * the same sinks a copy feeds a source database's rows to.
 *
 * <p>Reads the Arrow IPC stream {@link ArrowStreamFileWriter} wrote (zstd or uncompressed), one
 * record batch in memory at a time; the columns are the specs in its schema
 * ({@link ChunkSchema#specsOf}), read through the getters of {@link VectorRows}. A stream that
 * stops before its end-of-stream marker fails {@link #next} with SQL state 08006 rather than
 * reading as a shorter chunk.
 */
public final class ArrowResultSet extends VectorRows implements VectorBatches {
  private final BufferAllocator allocator;
  private final CheckedInputChannel input;
  private final ArrowStreamReader reader;
  private final VectorSchemaRoot root;
  private final @Nullable DecodedBatch decoded;
  private boolean ended;
  private boolean closed;

  /**
   * Opens the stream {@code in} and reads its schema; rows are read from it as {@link #next}
   * asks. The result set owns {@code in} and closes it; its buffers come from a child of
   * {@code allocator}.
   *
   * @throws SQLException when {@code in} holds no chunk file's schema
   */
  public ArrowResultSet(InputStream in, BufferAllocator allocator) throws SQLException {
    requireNonNull(in, "in");
    requireNonNull(allocator, "allocator");
    this.input = new CheckedInputChannel(in);
    this.allocator = allocator.newChildAllocator("ArrowResultSet", 0, Long.MAX_VALUE);
    this.reader = new ArrowStreamReader(input, this.allocator, ChunkCompression.FACTORY);
    try {
      decoded = DecodedBatch.of(reader.getVectorSchemaRoot(), reader, this.allocator);
      root = decoded.root();
      bind(ChunkSchema.specsOf(root.getSchema()), root);
    } catch (IOException | SQLException | RuntimeException e) {
      close();
      if (e instanceof SQLException s) {
        throw s;
      }
      throw new SQLException("reading the chunk file's schema: " + e.getMessage(), "08006", e);
    }
  }

  @Override public boolean next() throws SQLException {
    if (++row < rowCount) {
      return true;
    }
    return advance();
  }

  /**
   * Reads the next batch that has rows and returns its vectors, or null at the end of the
   * stream; rows of the current batch not yet visited are skipped, and {@link #next} goes on
   * after the returned batch.
   *
   * <p>For loaders that write whole batches from the vectors ({@code ArrowLoader}): the root
   * is the same object for every batch, its buffers replaced as each is read.
   */
  @Override public @Nullable VectorSchemaRoot nextBatch() throws SQLException {
    if (!advance()) {
      return null;
    }
    row = rowCount - 1;
    return root;
  }

  /** The vectors every batch is read into, before the first batch too (their types are set). */
  public VectorSchemaRoot batch() {
    return root;
  }

  /**
   * Rows in the batches before the current one: its row {@code i} (0-based) is row
   * {@code rowsBefore() + i + 1} of the file.
   */
  public long rowsBefore() {
    return rowsBefore;
  }

  /** Moves to the first row of the next batch that has rows; false at the end of the stream. */
  private boolean advance() throws SQLException {
    if (closed) {
      throw new SQLException("the result set is closed", "24000");
    }
    rowsBefore += rowCount;
    rowCount = 0;
    row = 0;
    while (!ended) {
      boolean loaded;
      try {
        loaded = reader.loadNextBatch();
      } catch (IOException | RuntimeException e) {
        ended = true;
        throw new SQLException("reading the chunk file after " + rowsBefore + " rows: "
            + e.getMessage(), "08006", e);
      }
      if (!loaded) {
        ended = true;
        if (!input.endedAtMarker()) {
          throw new SQLException("the chunk file ends after " + rowsBefore + " rows without its"
              + " end-of-stream marker: it is truncated", "08006");
        }
      } else {
        int rows = decode();
        if (rows > 0) {
          rowCount = rows;
          return true;
        }
      }
    }
    return false;
  }

  /** Turns the batch just read into plain vectors; a bad dictionary index is a broken file. */
  private int decode() throws SQLException {
    try {
      return requireNonNull(decoded, "decoded").decode();
    } catch (RuntimeException e) {
      ended = true;
      throw new SQLException("reading the chunk file after " + rowsBefore + " rows: "
          + e.getMessage(), "08006", e);
    }
  }

  /** Frees the current batch and closes the stream. */
  @Override public void close() throws SQLException {
    if (closed) {
      return;
    }
    closed = true;
    ended = true;
    rowCount = 0;
    try {
      if (decoded != null) {
        decoded.close();
      }
      reader.close();
    } catch (IOException | RuntimeException e) {
      throw new SQLException("closing the chunk file: " + e.getMessage(), e);
    } finally {
      allocator.close();
    }
  }

  @Override public boolean isClosed() {
    return closed;
  }
}
