package dev.ferry.arrow;

import static java.util.Objects.requireNonNull;

import dev.ferry.types.ColumnSpec;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
 * ({@link ChunkSchema#specsOf}), and each getter answers as a typed JDBC driver would, reading
 * the value straight from the batch's buffers ({@link ArrowCell}). A stream that stops before
 * its end-of-stream marker fails {@link #next} with SQL state 08006 rather than reading as a
 * shorter chunk.
 */
public final class ArrowResultSet extends ForwardOnlyResultSet {
  private final BufferAllocator allocator;
  private final CheckedInputChannel input;
  private final ArrowStreamReader reader;
  private final VectorSchemaRoot root;
  private final List<ColumnSpec> specs;
  private final ArrowCell[] cells;
  private final Map<String, Integer> byLabel = new HashMap<>();
  private final ArrowResultSetMetaData metaData;
  private int row = -1;
  private int rowCount;
  private long rowsBefore;
  private boolean ended;
  private boolean closed;
  private boolean wasNull;

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
      root = reader.getVectorSchemaRoot();
      specs = List.copyOf(ChunkSchema.specsOf(root.getSchema()));
      cells = new ArrowCell[specs.size()];
      List<String> classNames = new ArrayList<>(cells.length);
      for (int i = 0; i < cells.length; i++) {
        cells[i] = ArrowCell.of(specs.get(i), root.getVector(i));
        classNames.add(cells[i].objectClass().getName());
        byLabel.putIfAbsent(specs.get(i).label(), i + 1);
      }
      for (int i = 0; i < cells.length; i++) {
        byLabel.putIfAbsent(specs.get(i).label().toUpperCase(Locale.ROOT), i + 1);
      }
      metaData = new ArrowResultSetMetaData(specs, List.copyOf(classNames));
    } catch (IOException | SQLException | RuntimeException e) {
      close();
      if (e instanceof SQLException s) {
        throw s;
      }
      throw new SQLException("reading the chunk file's schema: " + e.getMessage(), "08006", e);
    }
  }

  /** The columns, as the chunk file's schema keeps them. */
  public List<ColumnSpec> specs() {
    return specs;
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
  public @Nullable VectorSchemaRoot nextBatch() throws SQLException {
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
      } else if (root.getRowCount() > 0) {
        rowCount = root.getRowCount();
        return true;
      }
    }
    return false;
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

  @Override public boolean wasNull() {
    return wasNull;
  }

  @Override public int findColumn(String label) throws SQLException {
    Integer i = byLabel.get(requireNonNull(label, "label"));
    if (i == null) {
      i = byLabel.get(label.toUpperCase(Locale.ROOT));
    }
    if (i == null) {
      throw new SQLException("no column " + label + " in the chunk file", "42S22");
    }
    return i;
  }

  @Override public ResultSetMetaData getMetaData() {
    return metaData;
  }

  /** The current row's number from 1, or 0 when not on a row. */
  @Override public int getRow() {
    return row >= 0 && row < rowCount ? Math.toIntExact(rowsBefore + row + 1) : 0;
  }

  /** The cell of {@code column} on the current row, its null flag remembered for wasNull. */
  private @Nullable ArrowCell cell(int column) throws SQLException {
    if (row < 0 || row >= rowCount) {
      throw new SQLException(closed ? "the result set is closed" : "not on a row", "24000");
    }
    if (column < 1 || column > cells.length) {
      throw new SQLException("no column " + column + ": the result has " + cells.length,
          "07009");
    }
    ArrowCell c = cells[column - 1];
    wasNull = c.isNull(row);
    return wasNull ? null : c;
  }

  @Override public @Nullable Object getObject(int column) throws SQLException {
    ArrowCell c = cell(column);
    return c == null ? null : c.object(row);
  }

  @Override public <T> @Nullable T getObject(int column, Class<T> type) throws SQLException {
    requireNonNull(type, "type");
    ArrowCell c = cell(column);
    return c == null ? null : type.cast(c.as(row, type));
  }

  @Override public @Nullable String getString(int column) throws SQLException {
    ArrowCell c = cell(column);
    return c == null ? null : c.text(row);
  }

  @Override public long getLong(int column) throws SQLException {
    ArrowCell c = cell(column);
    return c == null ? 0 : c.toLong(row);
  }

  @Override public int getInt(int column) throws SQLException {
    ArrowCell c = cell(column);
    return c == null ? 0 : c.toInt(row);
  }

  @Override public short getShort(int column) throws SQLException {
    ArrowCell c = cell(column);
    return c == null ? 0 : c.toShort(row);
  }

  @Override public byte getByte(int column) throws SQLException {
    ArrowCell c = cell(column);
    return c == null ? 0 : c.toByte(row);
  }

  @Override public double getDouble(int column) throws SQLException {
    ArrowCell c = cell(column);
    return c == null ? 0 : c.toDouble(row);
  }

  @Override public float getFloat(int column) throws SQLException {
    ArrowCell c = cell(column);
    return c == null ? 0 : (float) c.toDouble(row);
  }

  @Override public @Nullable BigDecimal getBigDecimal(int column) throws SQLException {
    ArrowCell c = cell(column);
    return c == null ? null : c.toBigDecimal(row);
  }

  @Override public boolean getBoolean(int column) throws SQLException {
    ArrowCell c = cell(column);
    return c != null && c.toBoolean(row);
  }

  @Override public byte @Nullable [] getBytes(int column) throws SQLException {
    ArrowCell c = cell(column);
    return c == null ? null : c.bytes(row);
  }

  @Override public java.sql.@Nullable Date getDate(int column) throws SQLException {
    ArrowCell c = cell(column);
    return c == null ? null : c.sqlDate(row);
  }

  @Override public @Nullable Time getTime(int column) throws SQLException {
    ArrowCell c = cell(column);
    return c == null ? null : c.sqlTime(row);
  }

  @Override public @Nullable Timestamp getTimestamp(int column) throws SQLException {
    ArrowCell c = cell(column);
    return c == null ? null : c.sqlTimestamp(row);
  }
}
