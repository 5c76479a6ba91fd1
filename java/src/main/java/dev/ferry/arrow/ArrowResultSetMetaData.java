package dev.ferry.arrow;

import dev.ferry.types.ColumnSpec;

import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;

/**
 * The metadata of an {@link ArrowResultSet}: its chunk file's column specs as JDBC describes
 * columns, so {@link ColumnSpec#fromMetaData} gives back the specs the backup was written with.
 *
 * <p>A chunk file knows no tables, schemas or catalogs (empty names) and nothing is writable.
 */
final class ArrowResultSetMetaData implements ResultSetMetaData {
  private final List<ColumnSpec> specs;
  private final List<String> classNames;

  ArrowResultSetMetaData(List<ColumnSpec> specs, List<String> classNames) {
    this.specs = specs;
    this.classNames = classNames;
  }

  private ColumnSpec spec(int column) throws SQLException {
    if (column < 1 || column > specs.size()) {
      throw new SQLException("no column " + column + ": the result has " + specs.size(),
          "07009");
    }
    return specs.get(column - 1);
  }

  @Override public int getColumnCount() {
    return specs.size();
  }

  @Override public String getColumnLabel(int column) throws SQLException {
    return spec(column).label();
  }

  @Override public String getColumnName(int column) throws SQLException {
    return spec(column).label();
  }

  @Override public int getColumnType(int column) throws SQLException {
    return spec(column).jdbcType();
  }

  @Override public String getColumnTypeName(int column) throws SQLException {
    return spec(column).typeName();
  }

  @Override public int getPrecision(int column) throws SQLException {
    return spec(column).precision();
  }

  @Override public int getScale(int column) throws SQLException {
    return spec(column).scale();
  }

  @Override public int isNullable(int column) throws SQLException {
    return spec(column).nullable() ? columnNullable : columnNoNulls;
  }

  @Override public String getColumnClassName(int column) throws SQLException {
    spec(column);
    return classNames.get(column - 1);
  }

  @Override public boolean isSigned(int column) throws SQLException {
    switch (spec(column).jdbcType()) {
    case Types.BIGINT: case Types.INTEGER: case Types.SMALLINT: case Types.TINYINT:
    case Types.DECIMAL: case Types.NUMERIC: case Types.REAL: case Types.FLOAT: case Types.DOUBLE:
      return true;
    default:
      return false;
    }
  }

  @Override public int getColumnDisplaySize(int column) throws SQLException {
    return Math.max(0, spec(column).precision());
  }

  @Override public boolean isAutoIncrement(int column) throws SQLException {
    spec(column);
    return false;
  }

  @Override public boolean isCaseSensitive(int column) throws SQLException {
    return !isSigned(column);
  }

  @Override public boolean isSearchable(int column) throws SQLException {
    spec(column);
    return false;
  }

  @Override public boolean isCurrency(int column) throws SQLException {
    spec(column);
    return false;
  }

  @Override public String getSchemaName(int column) throws SQLException {
    spec(column);
    return "";
  }

  @Override public String getTableName(int column) throws SQLException {
    spec(column);
    return "";
  }

  @Override public String getCatalogName(int column) throws SQLException {
    spec(column);
    return "";
  }

  @Override public boolean isReadOnly(int column) throws SQLException {
    spec(column);
    return true;
  }

  @Override public boolean isWritable(int column) throws SQLException {
    spec(column);
    return false;
  }

  @Override public boolean isDefinitelyWritable(int column) throws SQLException {
    spec(column);
    return false;
  }

  @Override public <T> T unwrap(Class<T> type) throws SQLException {
    if (type.isInstance(this)) {
      return type.cast(this);
    }
    throw new SQLException("not a wrapper of " + type.getName());
  }

  @Override public boolean isWrapperFor(Class<?> type) {
    return type.isInstance(this);
  }
}
