package dev.ferry.dialect.sqlite;

import dev.ferry.arrow.ForwardOnlyResultSet;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.Arrays;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * SQLite's driver result set with each cell fetched from the native library once per row.
 *
 * <p>Every call into the driver is a synchronized JNI call, and a copy asks for most cells
 * twice: once for the target (by declared type: {@code getLong}, {@code getString}) and once for
 * the checksum computed while loading ({@code getObject}, the cell's own storage class). Here a
 * cell's first read takes its storage-class value ({@code getObject}: its type and value, two
 * native calls) and keeps it for the row; every later getter derives its answer from that value
 * where SQLite's own conversion gives exactly the same (an INTEGER's text is its decimal digits,
 * its double the nearest one, its {@code int} its low 32 bits) and otherwise asks the driver,
 * still positioned on the same row (a REAL's text is SQLite's own 15-digit rendering, a TEXT's
 * number its own prefix parse, a TEXT's bytes those it stored). A TPC-H {@code lineitem} row
 * takes 32 native calls instead of 56.
 */
final class SqliteCells extends ForwardOnlyResultSet {
  /** Marks a cell not read yet in this row (null is SQL NULL). */
  private static final Object UNREAD = new Object();

  private final ResultSet rs;
  private final Object[] cells;
  /** Whether the last getter's cell was NULL. */
  private boolean lastNull;

  /** Wraps the driver's own result set {@code rs}. */
  SqliteCells(ResultSet rs) throws SQLException {
    this.rs = rs;
    this.cells = new Object[rs.getMetaData().getColumnCount() + 1];
    Arrays.fill(cells, UNREAD);
  }

  /** The storage-class value of column {@code c} in this row (Integer, Long, Double, String, byte[] or null). */
  private @Nullable Object cell(int c) throws SQLException {
    if (c < 1 || c >= cells.length) {
      return rs.getObject(c); // the driver's own message for a wrong index
    }
    Object v = cells[c];
    if (v == UNREAD) {
      v = rs.getObject(c);
      cells[c] = v;
    }
    lastNull = v == null;
    return v;
  }

  /**
   * A getter the driver converts for: the cell is read here first (the driver's conversion
   * changes a cell's storage class in place), NULL answered here, wasNull following the answer.
   */
  private <T> @Nullable T converted(int c, Conversion<T> driver) throws SQLException {
    if (cell(c) == null) {
      return null;
    }
    T v = driver.get();
    lastNull = v == null;
    return v;
  }

  /** A driver getter. */
  private interface Conversion<T> {
    @Nullable T get() throws SQLException;
  }

  @Override public boolean next() throws SQLException {
    Arrays.fill(cells, UNREAD);
    lastNull = false;
    return rs.next();
  }

  @Override public void close() throws SQLException {
    rs.close();
  }

  @Override public boolean isClosed() throws SQLException {
    return rs.isClosed();
  }

  @Override public boolean wasNull() {
    return lastNull;
  }

  @Override public int findColumn(String label) throws SQLException {
    return rs.findColumn(label);
  }

  @Override public ResultSetMetaData getMetaData() throws SQLException {
    return rs.getMetaData();
  }

  @Override public int getRow() throws SQLException {
    return rs.getRow();
  }

  @Override public @Nullable Statement getStatement() {
    try {
      return rs.getStatement();
    } catch (SQLException e) {
      return null;
    }
  }

  @Override public @Nullable SQLWarning getWarnings() {
    try {
      return rs.getWarnings();
    } catch (SQLException e) {
      return null;
    }
  }

  @Override public boolean isWrapperFor(Class<?> type) {
    try {
      return type.isInstance(this) || rs.isWrapperFor(type);
    } catch (SQLException e) {
      return false;
    }
  }

  @Override public <T> T unwrap(Class<T> type) throws SQLException {
    return type.isInstance(this) ? type.cast(this) : rs.unwrap(type);
  }

  @Override public @Nullable Object getObject(int c) throws SQLException {
    Object v = cell(c);
    return v instanceof byte[] b ? b.clone() : v;
  }

  @Override public <T> @Nullable T getObject(int c, Class<T> type) throws SQLException {
    return converted(c, () -> rs.getObject(c, type));
  }

  @Override public @Nullable String getString(int c) throws SQLException {
    Object v = cell(c);
    return v == null || v instanceof String ? (String) v
        : v instanceof Integer || v instanceof Long ? v.toString()
        : rs.getString(c);
  }

  @Override public long getLong(int c) throws SQLException {
    Object v = cell(c);
    return v == null ? 0 : v instanceof Integer || v instanceof Long ? ((Number) v).longValue()
        : rs.getLong(c);
  }

  @Override public int getInt(int c) throws SQLException {
    Object v = cell(c);
    // sqlite3_column_int keeps an INTEGER's low 32 bits, as the cast does.
    return v == null ? 0 : v instanceof Integer || v instanceof Long ? (int) ((Number) v).longValue()
        : rs.getInt(c);
  }

  @Override public short getShort(int c) throws SQLException {
    return (short) getInt(c);
  }

  @Override public byte getByte(int c) throws SQLException {
    return (byte) getInt(c);
  }

  @Override public boolean getBoolean(int c) throws SQLException {
    return getInt(c) != 0;
  }

  @Override public double getDouble(int c) throws SQLException {
    Object v = cell(c);
    return v == null ? 0 : v instanceof Double d ? d
        : v instanceof Integer || v instanceof Long ? (double) ((Number) v).longValue()
        : rs.getDouble(c);
  }

  @Override public float getFloat(int c) throws SQLException {
    return (float) getDouble(c);
  }

  @Override public byte @Nullable [] getBytes(int c) throws SQLException {
    Object v = cell(c);
    return v == null ? null : v instanceof byte[] b ? b.clone() : rs.getBytes(c);
  }

  @Override public @Nullable BigDecimal getBigDecimal(int c) throws SQLException {
    return converted(c, () -> rs.getBigDecimal(c));
  }

  @Override public @Nullable Date getDate(int c) throws SQLException {
    return converted(c, () -> rs.getDate(c));
  }

  @Override public @Nullable Time getTime(int c) throws SQLException {
    return converted(c, () -> rs.getTime(c));
  }

  @Override public @Nullable Timestamp getTimestamp(int c) throws SQLException {
    return converted(c, () -> rs.getTimestamp(c));
  }
}
