package dev.ferry.arrow;

import static java.util.Objects.requireNonNull;

import dev.ferry.types.ColumnSpec;

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
import org.apache.arrow.vector.VectorSchemaRoot;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The rows of an Arrow record batch read through JDBC getters: the cursor and getters that
 * {@link ArrowResultSet} (a chunk file) and {@link BatchRows} (a batch in memory) share.
 *
 * <p>Each getter answers as a typed JDBC driver would, reading the value straight from the
 * batch's buffers ({@link ArrowCell}), so code written against a source's result set (the
 * sinks, {@code RowCanon}) reads the same values from a batch. Subclasses say how batches come
 * ({@link #next}) and set {@link #row} and {@link #rowCount} as they move.
 */
public abstract class VectorRows extends ForwardOnlyResultSet {
  /** The current row of the batch, from 0; -1 before the first. */
  protected int row = -1;
  /** The rows of the current batch. */
  protected int rowCount;
  /** The rows of the batches before the current one. */
  protected long rowsBefore;
  private List<ColumnSpec> specs = List.of();
  private ArrowCell[] cells = new ArrowCell[0];
  private final Map<String, Integer> byLabel = new HashMap<>();
  private @Nullable ResultSetMetaData metaData;
  private boolean wasNull;

  /** Subclasses only; they {@link #bind} the vectors once they have them. */
  protected VectorRows() {}

  /**
   * Reads the columns of {@code root}, typed as {@code specs} (one per vector, in order); the
   * vectors may be refilled later, the cells read whatever they hold then.
   */
  protected final void bind(List<ColumnSpec> specs, VectorSchemaRoot root) throws SQLException {
    this.specs = List.copyOf(requireNonNull(specs, "specs"));
    if (this.specs.size() != root.getFieldVectors().size()) {
      throw new SQLException(this.specs.size() + " column specs for a batch of "
          + root.getFieldVectors().size() + " columns");
    }
    cells = new ArrowCell[this.specs.size()];
    List<String> classNames = new ArrayList<>(cells.length);
    for (int i = 0; i < cells.length; i++) {
      cells[i] = ArrowCell.of(this.specs.get(i), root.getVector(i));
      classNames.add(cells[i].objectClass().getName());
      byLabel.putIfAbsent(this.specs.get(i).label(), i + 1);
    }
    for (int i = 0; i < cells.length; i++) {
      byLabel.putIfAbsent(this.specs.get(i).label().toUpperCase(Locale.ROOT), i + 1);
    }
    metaData = new ArrowResultSetMetaData(this.specs, List.copyOf(classNames));
  }

  /** The columns, as the batch's specs say. */
  public List<ColumnSpec> specs() {
    return specs;
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
      throw new SQLException("no column " + label + " in the batch", "42S22");
    }
    return i;
  }

  @Override public ResultSetMetaData getMetaData() throws SQLException {
    if (metaData == null) {
      throw new SQLException("the rows have no columns yet", "24000");
    }
    return metaData;
  }

  /** The current row's number from 1, or 0 when not on a row. */
  @Override public int getRow() {
    return row >= 0 && row < rowCount ? Math.toIntExact(rowsBefore + row + 1) : 0;
  }

  /** The cell of {@code column} on the current row, its null flag remembered for wasNull. */
  private @Nullable ArrowCell cell(int column) throws SQLException {
    if (row < 0 || row >= rowCount) {
      throw new SQLException(isClosed() ? "the result set is closed" : "not on a row", "24000");
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
