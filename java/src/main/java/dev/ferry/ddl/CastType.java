package dev.ferry.ddl;

import java.util.Locale;
import java.util.Map;
import org.apache.calcite.sql.SqlBasicTypeNameSpec;
import org.apache.calcite.sql.SqlCollectionTypeNameSpec;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlTypeNameSpec;
import org.apache.calcite.sql.type.SqlTypeName;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The type a CAST converts to, neutral between engines: a family with its length or precision
 * and scale, which each target spells its own way ({@link SqlSpelling#castType}).
 *
 * @param name the type, one of those {@link #of} accepts
 * @param precision the length or precision written; null when none was
 * @param scale the scale written; null when none was
 */
public record CastType(SqlTypeName name, @Nullable Integer precision, @Nullable Integer scale) {
  /** Type names engines print that Calcite reads as user-defined types. */
  private static final Map<String, SqlTypeName> NAMES = Map.ofEntries(
      Map.entry("text", SqlTypeName.VARCHAR), Map.entry("varchar", SqlTypeName.VARCHAR),
      Map.entry("string", SqlTypeName.VARCHAR), Map.entry("bpchar", SqlTypeName.CHAR),
      Map.entry("int", SqlTypeName.INTEGER), Map.entry("int4", SqlTypeName.INTEGER),
      Map.entry("int8", SqlTypeName.BIGINT), Map.entry("int2", SqlTypeName.SMALLINT),
      Map.entry("signed", SqlTypeName.BIGINT), Map.entry("numeric", SqlTypeName.DECIMAL),
      Map.entry("float8", SqlTypeName.DOUBLE), Map.entry("float4", SqlTypeName.REAL),
      Map.entry("bool", SqlTypeName.BOOLEAN), Map.entry("datetime", SqlTypeName.TIMESTAMP));

  /** The types a translated CAST may convert to. */
  private static final java.util.Set<SqlTypeName> SUPPORTED = java.util.EnumSet.of(SqlTypeName.CHAR,
      SqlTypeName.VARCHAR, SqlTypeName.TINYINT, SqlTypeName.SMALLINT, SqlTypeName.INTEGER,
      SqlTypeName.BIGINT, SqlTypeName.DECIMAL, SqlTypeName.REAL, SqlTypeName.FLOAT,
      SqlTypeName.DOUBLE, SqlTypeName.BOOLEAN, SqlTypeName.DATE, SqlTypeName.TIME,
      SqlTypeName.TIMESTAMP);

  /** The neutral type of {@code spec}, or {@link Untranslatable} naming a type it cannot carry. */
  public static CastType of(SqlDataTypeSpec spec) {
    CastType t = tryOf(spec);
    if (t == null) {
      throw new Untranslatable("a cast to type " + spec);
    }
    return t;
  }

  /** The neutral type of {@code spec}, or null when translations do not carry it. */
  public static @Nullable CastType tryOf(SqlDataTypeSpec spec) {
    SqlTypeNameSpec t = spec.getTypeNameSpec();
    if (t instanceof SqlBasicTypeNameSpec b) {
      SqlTypeName n = SqlTypeName.get(b.getTypeName().getSimple().toUpperCase(Locale.ROOT));
      if (n != null && SUPPORTED.contains(n)) {
        return new CastType(n, b.getPrecision() < 0 ? null : b.getPrecision(),
            b.getScale() < 0 ? null : b.getScale());
      }
    } else if (!(t instanceof SqlCollectionTypeNameSpec) && t.getTypeName().isSimple()) {
      SqlTypeName n = NAMES.get(t.getTypeName().getSimple().toLowerCase(Locale.ROOT));
      if (n != null) {
        return new CastType(n, null, null);
      }
    }
    return null;
  }

  /** Whether this is a character type. */
  public boolean isText() {
    return name == SqlTypeName.CHAR || name == SqlTypeName.VARCHAR;
  }

  /** Whether this is an exact or approximate number type. */
  public boolean isNumber() {
    return SqlTypeName.NUMERIC_TYPES.contains(name);
  }

  /** {@code base} followed by {@code (precision[, scale])} where they were written. */
  public String spell(String base) {
    return precision == null ? base
        : base + "(" + precision + (scale == null ? "" : ", " + scale) + ")";
  }
}
