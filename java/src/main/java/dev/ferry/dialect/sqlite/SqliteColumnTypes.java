package dev.ferry.dialect.sqlite;

import dev.ferry.types.ColumnTypes;

import java.sql.Types;
import java.util.Locale;
import java.util.regex.Matcher;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.type.SqlTypeName;
import org.checkerframework.checker.nullness.qual.Nullable;

/** SQLite: the declared type name decides, following SQLite's own affinity rules. */
final class SqliteColumnTypes extends ColumnTypes {
  @Override protected boolean unboundedDecimal(int jdbcType, @Nullable String typeName, int size) {
    String n = typeName == null ? "" : typeName.toUpperCase(Locale.ROOT);
    return (n.startsWith("DECIMAL") || n.startsWith("NUMERIC")) && !ColumnTypes.PREC_SCALE.matcher(n).find();
  }

  /** The driver's JDBC codes are guesses (DECIMAL as FLOAT), so only the declared name counts. */
  @Override protected RelDataType catalogType(RelDataTypeFactory f, int jdbcType,
      @Nullable String typeName, int size, int digits) {
    return type(f, jdbcType, typeName, size, digits);
  }

  @Override public RelDataType type(RelDataTypeFactory f, int jdbcType, @Nullable String typeName,
      int size, int digits) {
    String n = typeName == null ? "" : typeName.toUpperCase(Locale.ROOT);
    // The driver parses "DECIMAL(12,2)" into COLUMN_SIZE/DECIMAL_DIGITS; older ones leave it
    // in TYPE_NAME.
    Matcher m = ColumnTypes.PREC_SCALE.matcher(n);
    boolean spelled = m.find();
    boolean decimal = n.startsWith("DECIMAL") || n.startsWith("NUMERIC");
    // The driver reports a DECIMAL(p, s)'s COLUMN_SIZE as p + s.
    int p = spelled ? Integer.parseInt(m.group(1)) : decimal && digits > 0 ? size - digits : size;
    int s = spelled ? (m.group(2) != null ? Integer.parseInt(m.group(2)) : 0) : digits;
    if (n.contains("INT")) {
      return f.createSqlType(n.startsWith("BIGINT") || n.equals("INTEGER") ? SqlTypeName.BIGINT : SqlTypeName.INTEGER);
    }
    if (decimal) {
      return ColumnTypes.decimal(f, p, s);
    }
    if (n.startsWith("BOOL")) {
      return f.createSqlType(SqlTypeName.BOOLEAN);
    }
    if (n.startsWith("DATETIME") || n.startsWith("TIMESTAMP")) {
      // Milliseconds unless the declaration says otherwise (Ferry writes TIMESTAMP(6)).
      return f.createSqlType(SqlTypeName.TIMESTAMP, spelled ? Math.min(p, 9) : 3);
    }
    if (n.equals("DATE")) {
      return f.createSqlType(SqlTypeName.DATE);
    }
    if (n.startsWith("TIME")) {
      return f.createSqlType(SqlTypeName.TIME, 3);
    }
    if (p > 0 && p < ColumnTypes.UNBOUNDED_LENGTH && (n.startsWith("CHAR") || n.startsWith("NCHAR"))
        && !n.contains("VAR")) {
      // CHAR(n): its values come out padded to n, as from any other engine.
      return f.createSqlType(SqlTypeName.CHAR, p);
    }
    if (n.contains("CHAR") || n.contains("CLOB") || n.contains("TEXT")) {
      return p > 0 && p < Integer.MAX_VALUE ? f.createSqlType(SqlTypeName.VARCHAR, p) : f.createSqlType(SqlTypeName.VARCHAR);
    }
    if (n.contains("BLOB") || n.contains("BINARY")) {
      return f.createSqlType(SqlTypeName.VARBINARY);
    }
    if (n.contains("REAL") || n.contains("FLOA") || n.contains("DOUB")) {
      return f.createSqlType(SqlTypeName.DOUBLE);
    }
    return super.type(f, jdbcType == Types.NULL ? Types.VARCHAR : jdbcType, typeName, size, digits);
  }
}
