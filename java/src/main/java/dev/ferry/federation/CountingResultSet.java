package dev.ferry.federation;

import dev.ferry.arrow.ForwardOnlyResultSet;

import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.net.URL;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Date;
import java.sql.NClob;
import java.sql.Ref;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.SQLXML;
import java.sql.Statement;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.Calendar;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A database's result set as Calcite reads it while a query is analyzed, counting the rows its
 * {@code next} returns ({@link SourceMeter}).
 *
 * <p>Written out rather than a {@link java.lang.reflect.Proxy}: Calcite calls a getter per cell,
 * and a proxy's reflective call and boxing per cell made an analyzed run measurably slower than
 * the same query run plainly. Every read forwards to the driver's result set (getters by label
 * through {@link #findColumn}); scrolling and updates, which Calcite never asks of a source's
 * rows, are refused as by any {@link ForwardOnlyResultSet}.
 */
final class CountingResultSet extends ForwardOnlyResultSet {
  private final ResultSet rs;
  private final LongAdder rows;

  CountingResultSet(ResultSet rs, LongAdder rows) {
    this.rs = rs;
    this.rows = rows;
  }

  @Override public boolean next() throws SQLException {
    boolean more = rs.next();
    if (more) {
      rows.increment();
    }
    return more;
  }

  @Override public void close() throws SQLException { rs.close(); }
  @Override public boolean isClosed() throws SQLException { return rs.isClosed(); }
  @Override public boolean wasNull() throws SQLException { return rs.wasNull(); }
  @Override public int findColumn(String label) throws SQLException { return rs.findColumn(label); }
  @Override public ResultSetMetaData getMetaData() throws SQLException { return rs.getMetaData(); }
  @Override public int getRow() throws SQLException { return rs.getRow(); }

  /**
   * The driver's statement, which Calcite closes (with its connection) after the rows; null only
   * when the driver cannot tell any more, its result set being closed already.
   */
  @Override public @Nullable Statement getStatement() {
    try {
      return rs.getStatement();
    } catch (SQLException closed) {
      return null;
    }
  }

  @Override public @Nullable SQLWarning getWarnings() {
    try {
      return rs.getWarnings();
    } catch (SQLException closed) {
      return null;
    }
  }

  @Override public <T> T unwrap(Class<T> type) throws SQLException {
    return type.isInstance(this) ? type.cast(this) : rs.unwrap(type);
  }

  @Override public boolean isWrapperFor(Class<?> type) {
    try {
      return type.isInstance(this) || rs.isWrapperFor(type);
    } catch (SQLException closed) {
      return false;
    }
  }

  @Override public @Nullable String getString(int c) throws SQLException { return rs.getString(c); }
  @Override public boolean getBoolean(int c) throws SQLException { return rs.getBoolean(c); }
  @Override public byte getByte(int c) throws SQLException { return rs.getByte(c); }
  @Override public short getShort(int c) throws SQLException { return rs.getShort(c); }
  @Override public int getInt(int c) throws SQLException { return rs.getInt(c); }
  @Override public long getLong(int c) throws SQLException { return rs.getLong(c); }
  @Override public float getFloat(int c) throws SQLException { return rs.getFloat(c); }
  @Override public double getDouble(int c) throws SQLException { return rs.getDouble(c); }
  @Override public @Nullable BigDecimal getBigDecimal(int c) throws SQLException { return rs.getBigDecimal(c); }
  @Override public byte @Nullable [] getBytes(int c) throws SQLException { return rs.getBytes(c); }
  @Override public @Nullable Date getDate(int c) throws SQLException { return rs.getDate(c); }
  @Override public @Nullable Date getDate(int c, Calendar cal) throws SQLException { return rs.getDate(c, cal); }
  @Override public @Nullable Time getTime(int c) throws SQLException { return rs.getTime(c); }
  @Override public @Nullable Time getTime(int c, Calendar cal) throws SQLException { return rs.getTime(c, cal); }
  @Override public @Nullable Timestamp getTimestamp(int c) throws SQLException { return rs.getTimestamp(c); }
  @Override public @Nullable Timestamp getTimestamp(int c, Calendar cal) throws SQLException { return rs.getTimestamp(c, cal); }
  @Override public @Nullable Object getObject(int c) throws SQLException { return rs.getObject(c); }
  @Override public <T> @Nullable T getObject(int c, Class<T> type) throws SQLException { return rs.getObject(c, type); }
  @Override public @Nullable Object getObject(int c, Map<String, Class<?>> map) throws SQLException { return rs.getObject(c, map); }
  @Override public @Nullable String getNString(int c) throws SQLException { return rs.getNString(c); }
  @Override public @Nullable Array getArray(int c) throws SQLException { return rs.getArray(c); }
  @Override public @Nullable Blob getBlob(int c) throws SQLException { return rs.getBlob(c); }
  @Override public @Nullable Clob getClob(int c) throws SQLException { return rs.getClob(c); }
  @Override public @Nullable NClob getNClob(int c) throws SQLException { return rs.getNClob(c); }
  @Override public @Nullable Ref getRef(int c) throws SQLException { return rs.getRef(c); }
  @Override public @Nullable RowId getRowId(int c) throws SQLException { return rs.getRowId(c); }
  @Override public @Nullable SQLXML getSQLXML(int c) throws SQLException { return rs.getSQLXML(c); }
  @Override public @Nullable URL getURL(int c) throws SQLException { return rs.getURL(c); }
  @Override public @Nullable InputStream getAsciiStream(int c) throws SQLException { return rs.getAsciiStream(c); }
  @Override public @Nullable InputStream getBinaryStream(int c) throws SQLException { return rs.getBinaryStream(c); }
  @Override public @Nullable Reader getCharacterStream(int c) throws SQLException { return rs.getCharacterStream(c); }
  @Override public @Nullable Reader getNCharacterStream(int c) throws SQLException { return rs.getNCharacterStream(c); }
}
