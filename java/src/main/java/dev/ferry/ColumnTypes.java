package dev.ferry;

import java.sql.Types;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeSystem;
import org.apache.calcite.sql.type.SqlTypeName;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Maps a column's JDBC metadata to a Calcite type, with each engine's quirks in one place.
 *
 * <p>Defaults follow Calcite's JDBC adapter (JDBC type code, precision, scale; unknown types
 * become ANY). {@link #forProduct} picks the quirks: SQLite declares types as free text and its
 * driver reports DECIMAL as FLOAT and TIMESTAMP as VARCHAR, so its declared names decide.
 */
public class ColumnTypes {
  /** Scale given to a DECIMAL declared without precision (PostgreSQL's bare {@code numeric}). */
  public static final int UNBOUNDED_DECIMAL_SCALE = 18;
  private static final Pattern PREC_SCALE = Pattern.compile("\\(\\s*(\\d+)\\s*(?:,\\s*(\\d+)\\s*)?\\)");

  /** The type system every Ferry type is created in. */
  public RelDataTypeSystem typeSystem() {
    return FerryTypeSystem.INSTANCE;
  }

  /** The mapping for a database product name as its driver reports it. */
  public static ColumnTypes forProduct(String productName) {
    return productName.toLowerCase(Locale.ROOT).contains("sqlite") ? new Sqlite() : new ColumnTypes();
  }

  /**
   * The Calcite type of one column.
   *
   * @param jdbcType {@code DATA_TYPE} from {@code getColumns}
   * @param typeName {@code TYPE_NAME}, as the database spells it
   * @param size {@code COLUMN_SIZE}: length or precision
   * @param digits {@code DECIMAL_DIGITS}: scale, or fractional-second digits
   */
  public RelDataType type(RelDataTypeFactory f, int jdbcType, @Nullable String typeName, int size,
      int digits) {
    String name = typeName == null ? "" : typeName.toUpperCase(Locale.ROOT);
    SqlTypeName t = name.contains("UNSIGNED")
        ? SqlTypeName.getNameForUnsignedJdbcType(jdbcType)
        : SqlTypeName.getNameForJdbcType(jdbcType);
    if (t == null) {
      return f.createSqlType(SqlTypeName.ANY);
    }
    switch (t) {
    case DECIMAL:
      return decimal(f, size, digits);
    case TIMESTAMP:
    case TIME:
      return f.createSqlType(t, Math.max(0, Math.min(digits, 9)));
    case ARRAY:
      return f.createArrayType(f.createTypeWithNullability(f.createSqlType(SqlTypeName.ANY), true), -1);
    default:
      break;
    }
    if (size > 0 && t.allowsPrecNoScale() && !t.allowsScale()) {
      return f.createSqlType(t, size);
    }
    return t.allowsNoPrecNoScale() ? f.createSqlType(t) : f.createSqlType(SqlTypeName.ANY);
  }

  static RelDataType decimal(RelDataTypeFactory f, int precision, int scale) {
    if (precision <= 0 || precision > 38) {
      return f.createSqlType(SqlTypeName.DECIMAL, 38, UNBOUNDED_DECIMAL_SCALE);
    }
    return f.createSqlType(SqlTypeName.DECIMAL, precision, Math.max(0, Math.min(scale, precision)));
  }

  /** SQLite: the declared type name decides, following SQLite's own affinity rules. */
  static final class Sqlite extends ColumnTypes {
    @Override public RelDataType type(RelDataTypeFactory f, int jdbcType, @Nullable String typeName,
        int size, int digits) {
      String n = typeName == null ? "" : typeName.toUpperCase(Locale.ROOT);
      // The driver parses "DECIMAL(12,2)" into COLUMN_SIZE/DECIMAL_DIGITS; older ones leave it
      // in TYPE_NAME.
      Matcher m = PREC_SCALE.matcher(n);
      boolean spelled = m.find();
      int p = spelled ? Integer.parseInt(m.group(1)) : size;
      int s = spelled ? (m.group(2) != null ? Integer.parseInt(m.group(2)) : 0) : digits;
      if (n.contains("INT")) {
        return f.createSqlType(n.startsWith("BIGINT") || n.equals("INTEGER") ? SqlTypeName.BIGINT : SqlTypeName.INTEGER);
      }
      if (n.startsWith("DECIMAL") || n.startsWith("NUMERIC")) {
        return decimal(f, p, s);
      }
      if (n.startsWith("BOOL")) {
        return f.createSqlType(SqlTypeName.BOOLEAN);
      }
      if (n.startsWith("DATETIME") || n.startsWith("TIMESTAMP")) {
        return f.createSqlType(SqlTypeName.TIMESTAMP, 3);
      }
      if (n.equals("DATE")) {
        return f.createSqlType(SqlTypeName.DATE);
      }
      if (n.startsWith("TIME")) {
        return f.createSqlType(SqlTypeName.TIME, 3);
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
}
