package dev.ferry.types;

import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * What Ferry needs to know of one result column to give it an Arrow type.
 *
 * <p>Comes from Calcite's result set metadata, or, when a query is read straight from the one
 * database it was pushed into, from Calcite's planned row type, so both paths type a column the
 * same way whatever the driver itself reports.
 */
public record ColumnSpec(String label, int jdbcType, String typeName, int precision, int scale,
    boolean nullable) {

  /** The columns of a result set as its metadata describes them. */
  public static List<ColumnSpec> fromMetaData(ResultSetMetaData md) throws SQLException {
    List<ColumnSpec> out = new ArrayList<>();
    for (int i = 1; i <= md.getColumnCount(); i++) {
      String typeName = String.valueOf(md.getColumnTypeName(i));
      out.add(new ColumnSpec(md.getColumnLabel(i), md.getColumnType(i), typeName,
          digits(typeName, md.getPrecision(i)), md.getScale(i),
          md.isNullable(i) != ResultSetMetaData.columnNoNulls));
    }
    return out;
  }

  /**
   * {@code precision}, or 20 for Calcite's BIGINT UNSIGNED, which it gives BIGINT's 19 digits
   * although its largest value, 18446744073709551615, has 20.
   */
  private static int digits(String typeName, int precision) {
    return typeName.equals(SqlTypeName.UBIGINT.getName()) ? Math.max(precision, 20) : precision;
  }

  /** The columns of a planned row type, labelled with the query's own names. */
  public static List<ColumnSpec> fromRowType(RelDataType rowType, List<String> labels) {
    List<ColumnSpec> out = new ArrayList<>();
    List<RelDataTypeField> fields = rowType.getFieldList();
    for (int i = 0; i < fields.size(); i++) {
      RelDataType t = fields.get(i).getType();
      String typeName = t.getSqlTypeName().getName();
      out.add(new ColumnSpec(labels.get(i), t.getSqlTypeName().getJdbcOrdinal(), typeName,
          digits(typeName, t.getPrecision()), Math.max(0, t.getScale()), t.isNullable()));
    }
    return out;
  }
}
