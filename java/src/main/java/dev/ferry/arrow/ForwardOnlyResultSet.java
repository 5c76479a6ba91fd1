package dev.ferry.arrow;

import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URL;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Date;
import java.sql.NClob;
import java.sql.Ref;
import java.sql.ResultSet;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLWarning;
import java.sql.SQLXML;
import java.sql.Statement;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.Calendar;
import java.util.Map;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A forward-only, read-only JDBC result set without a statement, for subclasses to fill in:
 * {@code next}, {@code close}, {@code isClosed}, {@code wasNull}, {@code findColumn},
 * {@code getMetaData}, {@code getRow} and the getters by column index.
 *
 * <p>Every getter by label finds the column and calls the getter by index; everything a
 * forward-only read-only cursor cannot do (scrolling, updates, streams, LOB locators, calendar
 * variants) throws {@link SQLFeatureNotSupportedException} naming the method. Kept apart from
 * the subclasses so their files hold only what they do. Methods in alphabetical order.
 */
public abstract class ForwardOnlyResultSet implements ResultSet {
  /** Subclasses only. */
  protected ForwardOnlyResultSet() {}

  /** The failure of a method this result set does not offer. */
  protected static SQLFeatureNotSupportedException unsupported(String method) {
    return new SQLFeatureNotSupportedException("ResultSet." + method
        + " is not supported by a forward-only, read-only result set");
  }

  @Override public boolean absolute(int rows) throws SQLException { throw unsupported("absolute"); }
  @Override public void afterLast() throws SQLException { throw unsupported("afterLast"); }
  @Override public void beforeFirst() throws SQLException { throw unsupported("beforeFirst"); }
  @Override public void cancelRowUpdates()
      throws SQLException { throw unsupported("cancelRowUpdates"); }
  @Override public void clearWarnings() {
    // No warnings are ever raised.
  }
  @Override public void deleteRow() throws SQLException { throw unsupported("deleteRow"); }
  @Override public boolean first() throws SQLException { throw unsupported("first"); }
  @Override public Array getArray(String label)
      throws SQLException { return getArray(findColumn(label)); }
  @Override public Array getArray(int c) throws SQLException { throw unsupported("getArray"); }
  @Override public InputStream getAsciiStream(String label)
      throws SQLException { return getAsciiStream(findColumn(label)); }
  @Override public InputStream getAsciiStream(int c)
      throws SQLException { throw unsupported("getAsciiStream"); }
  @Override public BigDecimal getBigDecimal(String label, int scale)
      throws SQLException { return getBigDecimal(findColumn(label), scale); }
  @Override public BigDecimal getBigDecimal(String label)
      throws SQLException { return getBigDecimal(findColumn(label)); }
  /** {@inheritDoc} Rounded half up to {@code scale}. */
  @Deprecated
  @Override public @Nullable BigDecimal getBigDecimal(int c, int scale) throws SQLException {
    BigDecimal v = getBigDecimal(c);
    return v == null ? null : v.setScale(scale, RoundingMode.HALF_UP);
  }
  @Override public InputStream getBinaryStream(String label)
      throws SQLException { return getBinaryStream(findColumn(label)); }
  @Override public InputStream getBinaryStream(int c)
      throws SQLException { throw unsupported("getBinaryStream"); }
  @Override public Blob getBlob(String label)
      throws SQLException { return getBlob(findColumn(label)); }
  @Override public Blob getBlob(int c) throws SQLException { throw unsupported("getBlob"); }
  @Override public boolean getBoolean(String label)
      throws SQLException { return getBoolean(findColumn(label)); }
  @Override public byte getByte(String label)
      throws SQLException { return getByte(findColumn(label)); }
  @Override public byte[] getBytes(String label)
      throws SQLException { return getBytes(findColumn(label)); }
  @Override public Reader getCharacterStream(String label)
      throws SQLException { return getCharacterStream(findColumn(label)); }
  @Override public Reader getCharacterStream(int c)
      throws SQLException { throw unsupported("getCharacterStream"); }
  @Override public Clob getClob(String label)
      throws SQLException { return getClob(findColumn(label)); }
  @Override public Clob getClob(int c) throws SQLException { throw unsupported("getClob"); }
  @Override public int getConcurrency() {
    return CONCUR_READ_ONLY;
  }
  @Override public String getCursorName()
      throws SQLException { throw unsupported("getCursorName"); }
  @Override public Date getDate(String label, Calendar cal)
      throws SQLException { return getDate(findColumn(label), cal); }
  @Override public Date getDate(String label)
      throws SQLException { return getDate(findColumn(label)); }
  @Override public Date getDate(int c, Calendar cal)
      throws SQLException { throw unsupported("getDate"); }
  @Override public double getDouble(String label)
      throws SQLException { return getDouble(findColumn(label)); }
  @Override public int getFetchDirection() {
    return FETCH_FORWARD;
  }
  @Override public int getFetchSize() {
    return 0;
  }
  @Override public float getFloat(String label)
      throws SQLException { return getFloat(findColumn(label)); }
  @Override public int getHoldability() {
    return HOLD_CURSORS_OVER_COMMIT;
  }
  @Override public int getInt(String label)
      throws SQLException { return getInt(findColumn(label)); }
  @Override public long getLong(String label)
      throws SQLException { return getLong(findColumn(label)); }
  @Override public Reader getNCharacterStream(String label)
      throws SQLException { return getNCharacterStream(findColumn(label)); }
  @Override public Reader getNCharacterStream(int c)
      throws SQLException { throw unsupported("getNCharacterStream"); }
  @Override public NClob getNClob(String label)
      throws SQLException { return getNClob(findColumn(label)); }
  @Override public NClob getNClob(int c) throws SQLException { throw unsupported("getNClob"); }
  @Override public String getNString(String label)
      throws SQLException { return getNString(findColumn(label)); }
  @Override public @Nullable String getNString(int c) throws SQLException {
    return getString(c);
  }
  @Override public <T> T getObject(String label, Class<T> type)
      throws SQLException { return getObject(findColumn(label), type); }
  @Override public Object getObject(String label, Map<String, Class<?>> map)
      throws SQLException { return getObject(findColumn(label), map); }
  @Override public Object getObject(String label)
      throws SQLException { return getObject(findColumn(label)); }
  @Override public Object getObject(int c, Map<String, Class<?>> map)
      throws SQLException { throw unsupported("getObject"); }
  @Override public Ref getRef(String label)
      throws SQLException { return getRef(findColumn(label)); }
  @Override public Ref getRef(int c) throws SQLException { throw unsupported("getRef"); }
  @Override public RowId getRowId(String label)
      throws SQLException { return getRowId(findColumn(label)); }
  @Override public RowId getRowId(int c) throws SQLException { throw unsupported("getRowId"); }
  @Override public SQLXML getSQLXML(String label)
      throws SQLException { return getSQLXML(findColumn(label)); }
  @Override public SQLXML getSQLXML(int c) throws SQLException { throw unsupported("getSQLXML"); }
  @Override public short getShort(String label)
      throws SQLException { return getShort(findColumn(label)); }
  /** No statement made this result set: null, as JDBC says for one made otherwise. */
  @Override public @Nullable Statement getStatement() {
    return null;
  }
  @Override public String getString(String label)
      throws SQLException { return getString(findColumn(label)); }
  @Override public Time getTime(String label, Calendar cal)
      throws SQLException { return getTime(findColumn(label), cal); }
  @Override public Time getTime(String label)
      throws SQLException { return getTime(findColumn(label)); }
  @Override public Time getTime(int c, Calendar cal)
      throws SQLException { throw unsupported("getTime"); }
  @Override public Timestamp getTimestamp(String label, Calendar cal)
      throws SQLException { return getTimestamp(findColumn(label), cal); }
  @Override public Timestamp getTimestamp(String label)
      throws SQLException { return getTimestamp(findColumn(label)); }
  @Override public Timestamp getTimestamp(int c, Calendar cal)
      throws SQLException { throw unsupported("getTimestamp"); }
  @Override public int getType() {
    return TYPE_FORWARD_ONLY;
  }
  @Override public URL getURL(String label)
      throws SQLException { return getURL(findColumn(label)); }
  @Override public URL getURL(int c) throws SQLException { throw unsupported("getURL"); }
  @Override public InputStream getUnicodeStream(String label)
      throws SQLException { return getUnicodeStream(findColumn(label)); }
  @Override public InputStream getUnicodeStream(int c)
      throws SQLException { throw unsupported("getUnicodeStream"); }
  @Override public @Nullable SQLWarning getWarnings() {
    return null;
  }
  @Override public void insertRow() throws SQLException { throw unsupported("insertRow"); }
  @Override public boolean isAfterLast() throws SQLException { throw unsupported("isAfterLast"); }
  @Override public boolean isBeforeFirst()
      throws SQLException { throw unsupported("isBeforeFirst"); }
  @Override public boolean isFirst() throws SQLException { throw unsupported("isFirst"); }
  @Override public boolean isLast() throws SQLException { throw unsupported("isLast"); }
  @Override public boolean isWrapperFor(Class<?> type) {
    return type.isInstance(this);
  }
  @Override public boolean last() throws SQLException { throw unsupported("last"); }
  @Override public void moveToCurrentRow()
      throws SQLException { throw unsupported("moveToCurrentRow"); }
  @Override public void moveToInsertRow()
      throws SQLException { throw unsupported("moveToInsertRow"); }
  @Override public boolean previous() throws SQLException { throw unsupported("previous"); }
  @Override public void refreshRow() throws SQLException { throw unsupported("refreshRow"); }
  @Override public boolean relative(int rows) throws SQLException { throw unsupported("relative"); }
  @Override public boolean rowDeleted() throws SQLException { throw unsupported("rowDeleted"); }
  @Override public boolean rowInserted() throws SQLException { throw unsupported("rowInserted"); }
  @Override public boolean rowUpdated() throws SQLException { throw unsupported("rowUpdated"); }
  @Override public void setFetchDirection(int direction) throws SQLException {
    if (direction != FETCH_FORWARD) {
      throw unsupported("setFetchDirection(" + direction + ")");
    }
  }
  /** Ignored: rows come one record batch at a time, whatever the hint. */
  @Override public void setFetchSize(int rows) {
    // A hint only.
  }
  @Override public <T> T unwrap(Class<T> type) throws SQLException {
    if (type.isInstance(this)) {
      return type.cast(this);
    }
    throw new SQLException("not a wrapper of " + type.getName());
  }
  @Override public void updateArray(String label, Array x)
      throws SQLException { updateArray(findColumn(label), x); }
  @Override public void updateArray(int c, Array x)
      throws SQLException { throw unsupported("updateArray"); }
  @Override public void updateAsciiStream(String label, InputStream x, int length)
      throws SQLException { updateAsciiStream(findColumn(label), x, length); }
  @Override public void updateAsciiStream(String label, InputStream x, long length)
      throws SQLException { updateAsciiStream(findColumn(label), x, length); }
  @Override public void updateAsciiStream(String label, InputStream x)
      throws SQLException { updateAsciiStream(findColumn(label), x); }
  @Override public void updateAsciiStream(int c, InputStream x, int length)
      throws SQLException { throw unsupported("updateAsciiStream"); }
  @Override public void updateAsciiStream(int c, InputStream x, long length)
      throws SQLException { throw unsupported("updateAsciiStream"); }
  @Override public void updateAsciiStream(int c, InputStream x)
      throws SQLException { throw unsupported("updateAsciiStream"); }
  @Override public void updateBigDecimal(String label, BigDecimal x)
      throws SQLException { updateBigDecimal(findColumn(label), x); }
  @Override public void updateBigDecimal(int c, BigDecimal x)
      throws SQLException { throw unsupported("updateBigDecimal"); }
  @Override public void updateBinaryStream(String label, InputStream x, int length)
      throws SQLException { updateBinaryStream(findColumn(label), x, length); }
  @Override public void updateBinaryStream(String label, InputStream x, long length)
      throws SQLException { updateBinaryStream(findColumn(label), x, length); }
  @Override public void updateBinaryStream(String label, InputStream x)
      throws SQLException { updateBinaryStream(findColumn(label), x); }
  @Override public void updateBinaryStream(int c, InputStream x, int length)
      throws SQLException { throw unsupported("updateBinaryStream"); }
  @Override public void updateBinaryStream(int c, InputStream x, long length)
      throws SQLException { throw unsupported("updateBinaryStream"); }
  @Override public void updateBinaryStream(int c, InputStream x)
      throws SQLException { throw unsupported("updateBinaryStream"); }
  @Override public void updateBlob(String label, InputStream x, long length)
      throws SQLException { updateBlob(findColumn(label), x, length); }
  @Override public void updateBlob(String label, InputStream x)
      throws SQLException { updateBlob(findColumn(label), x); }
  @Override public void updateBlob(String label, Blob x)
      throws SQLException { updateBlob(findColumn(label), x); }
  @Override public void updateBlob(int c, InputStream x, long length)
      throws SQLException { throw unsupported("updateBlob"); }
  @Override public void updateBlob(int c, InputStream x)
      throws SQLException { throw unsupported("updateBlob"); }
  @Override public void updateBlob(int c, Blob x)
      throws SQLException { throw unsupported("updateBlob"); }
  @Override public void updateBoolean(String label, boolean x)
      throws SQLException { updateBoolean(findColumn(label), x); }
  @Override public void updateBoolean(int c, boolean x)
      throws SQLException { throw unsupported("updateBoolean"); }
  @Override public void updateByte(String label, byte x)
      throws SQLException { updateByte(findColumn(label), x); }
  @Override public void updateByte(int c, byte x)
      throws SQLException { throw unsupported("updateByte"); }
  @Override public void updateBytes(String label, byte[] x)
      throws SQLException { updateBytes(findColumn(label), x); }
  @Override public void updateBytes(int c, byte[] x)
      throws SQLException { throw unsupported("updateBytes"); }
  @Override public void updateCharacterStream(String label, Reader x, int length)
      throws SQLException { updateCharacterStream(findColumn(label), x, length); }
  @Override public void updateCharacterStream(String label, Reader x, long length)
      throws SQLException { updateCharacterStream(findColumn(label), x, length); }
  @Override public void updateCharacterStream(String label, Reader x)
      throws SQLException { updateCharacterStream(findColumn(label), x); }
  @Override public void updateCharacterStream(int c, Reader x, int length)
      throws SQLException { throw unsupported("updateCharacterStream"); }
  @Override public void updateCharacterStream(int c, Reader x, long length)
      throws SQLException { throw unsupported("updateCharacterStream"); }
  @Override public void updateCharacterStream(int c, Reader x)
      throws SQLException { throw unsupported("updateCharacterStream"); }
  @Override public void updateClob(String label, Reader x, long length)
      throws SQLException { updateClob(findColumn(label), x, length); }
  @Override public void updateClob(String label, Reader x)
      throws SQLException { updateClob(findColumn(label), x); }
  @Override public void updateClob(String label, Clob x)
      throws SQLException { updateClob(findColumn(label), x); }
  @Override public void updateClob(int c, Reader x, long length)
      throws SQLException { throw unsupported("updateClob"); }
  @Override public void updateClob(int c, Reader x)
      throws SQLException { throw unsupported("updateClob"); }
  @Override public void updateClob(int c, Clob x)
      throws SQLException { throw unsupported("updateClob"); }
  @Override public void updateDate(String label, Date x)
      throws SQLException { updateDate(findColumn(label), x); }
  @Override public void updateDate(int c, Date x)
      throws SQLException { throw unsupported("updateDate"); }
  @Override public void updateDouble(String label, double x)
      throws SQLException { updateDouble(findColumn(label), x); }
  @Override public void updateDouble(int c, double x)
      throws SQLException { throw unsupported("updateDouble"); }
  @Override public void updateFloat(String label, float x)
      throws SQLException { updateFloat(findColumn(label), x); }
  @Override public void updateFloat(int c, float x)
      throws SQLException { throw unsupported("updateFloat"); }
  @Override public void updateInt(String label, int x)
      throws SQLException { updateInt(findColumn(label), x); }
  @Override public void updateInt(int c, int x)
      throws SQLException { throw unsupported("updateInt"); }
  @Override public void updateLong(String label, long x)
      throws SQLException { updateLong(findColumn(label), x); }
  @Override public void updateLong(int c, long x)
      throws SQLException { throw unsupported("updateLong"); }
  @Override public void updateNCharacterStream(String label, Reader x, long length)
      throws SQLException { updateNCharacterStream(findColumn(label), x, length); }
  @Override public void updateNCharacterStream(String label, Reader x)
      throws SQLException { updateNCharacterStream(findColumn(label), x); }
  @Override public void updateNCharacterStream(int c, Reader x, long length)
      throws SQLException { throw unsupported("updateNCharacterStream"); }
  @Override public void updateNCharacterStream(int c, Reader x)
      throws SQLException { throw unsupported("updateNCharacterStream"); }
  @Override public void updateNClob(String label, Reader x, long length)
      throws SQLException { updateNClob(findColumn(label), x, length); }
  @Override public void updateNClob(String label, Reader x)
      throws SQLException { updateNClob(findColumn(label), x); }
  @Override public void updateNClob(String label, NClob x)
      throws SQLException { updateNClob(findColumn(label), x); }
  @Override public void updateNClob(int c, Reader x, long length)
      throws SQLException { throw unsupported("updateNClob"); }
  @Override public void updateNClob(int c, Reader x)
      throws SQLException { throw unsupported("updateNClob"); }
  @Override public void updateNClob(int c, NClob x)
      throws SQLException { throw unsupported("updateNClob"); }
  @Override public void updateNString(String label, String x)
      throws SQLException { updateNString(findColumn(label), x); }
  @Override public void updateNString(int c, String x)
      throws SQLException { throw unsupported("updateNString"); }
  @Override public void updateNull(String label)
      throws SQLException { updateNull(findColumn(label)); }
  @Override public void updateNull(int c) throws SQLException { throw unsupported("updateNull"); }
  @Override public void updateObject(String label, Object x, int scaleOrLength)
      throws SQLException { updateObject(findColumn(label), x, scaleOrLength); }
  @Override public void updateObject(String label, Object x)
      throws SQLException { updateObject(findColumn(label), x); }
  @Override public void updateObject(int c, Object x, int scaleOrLength)
      throws SQLException { throw unsupported("updateObject"); }
  @Override public void updateObject(int c, Object x)
      throws SQLException { throw unsupported("updateObject"); }
  @Override public void updateRef(String label, Ref x)
      throws SQLException { updateRef(findColumn(label), x); }
  @Override public void updateRef(int c, Ref x)
      throws SQLException { throw unsupported("updateRef"); }
  @Override public void updateRow() throws SQLException { throw unsupported("updateRow"); }
  @Override public void updateRowId(String label, RowId x)
      throws SQLException { updateRowId(findColumn(label), x); }
  @Override public void updateRowId(int c, RowId x)
      throws SQLException { throw unsupported("updateRowId"); }
  @Override public void updateSQLXML(String label, SQLXML x)
      throws SQLException { updateSQLXML(findColumn(label), x); }
  @Override public void updateSQLXML(int c, SQLXML x)
      throws SQLException { throw unsupported("updateSQLXML"); }
  @Override public void updateShort(String label, short x)
      throws SQLException { updateShort(findColumn(label), x); }
  @Override public void updateShort(int c, short x)
      throws SQLException { throw unsupported("updateShort"); }
  @Override public void updateString(String label, String x)
      throws SQLException { updateString(findColumn(label), x); }
  @Override public void updateString(int c, String x)
      throws SQLException { throw unsupported("updateString"); }
  @Override public void updateTime(String label, Time x)
      throws SQLException { updateTime(findColumn(label), x); }
  @Override public void updateTime(int c, Time x)
      throws SQLException { throw unsupported("updateTime"); }
  @Override public void updateTimestamp(String label, Timestamp x)
      throws SQLException { updateTimestamp(findColumn(label), x); }
  @Override public void updateTimestamp(int c, Timestamp x)
      throws SQLException { throw unsupported("updateTimestamp"); }
}
