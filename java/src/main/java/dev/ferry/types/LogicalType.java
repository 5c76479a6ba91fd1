package dev.ferry.types;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.type.SqlTypeName;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A column type as Calcite's type system normalizes it, in the shape schema snapshots store.
 *
 * <p>Comparing schemas across engines needs one spelling per type: PostgreSQL's {@code int4},
 * H2's {@code INTEGER} and MariaDB's {@code INT} are all Calcite's INTEGER, and PostgreSQL's
 * TEXT and H2's CLOB are both an unbounded VARCHAR. {@link ColumnTypes#logicalType} decides the
 * Calcite type (with each engine's quirks); this record only names it. Mirrors
 * {@code LogicalType} in {@code src/schema/model.ts}.
 *
 * @param family the comparison family
 * @param sqlType Calcite's SqlTypeName, or the upper-cased native name for family {@code other}
 * @param precision length (null: unbounded), DECIMAL digits or fractional-second digits
 * @param scale DECIMAL scale, otherwise null
 * @param display the human form, e.g. {@code DECIMAL(12, 2)}
 */
public record LogicalType(TypeFamily family, String sqlType, @Nullable Integer precision,
    @Nullable Integer scale, String display) {

  /**
   * A DECIMAL declared without precision (PostgreSQL's bare {@code numeric}) or with more digits
   * than Calcite's 38: precision unknown, so no narrowing to it is ever reported.
   */
  public static final LogicalType UNBOUNDED_DECIMAL =
      new LogicalType(TypeFamily.DECIMAL, "DECIMAL", null, null, "DECIMAL");

  /** Names a Calcite type; {@code nativeType} is kept for types Calcite has no name for. */
  public static LogicalType of(RelDataType type, @Nullable String nativeType) {
    requireNonNull(type, "type");
    SqlTypeName t = type.getSqlTypeName();
    String n = t.getName();
    int p = type.getPrecision();
    switch (t) {
    case TINYINT:
    case SMALLINT:
    case INTEGER:
    case BIGINT:
      return new LogicalType(TypeFamily.INTEGER, n, null, null, n);
    case UTINYINT:
    case USMALLINT:
    case UINTEGER:
    case UBIGINT:
      return new LogicalType(TypeFamily.INTEGER, n, null, null, n.substring(1) + " UNSIGNED");
    case DECIMAL:
      return new LogicalType(TypeFamily.DECIMAL, n, p, type.getScale(),
          "DECIMAL(" + p + ", " + type.getScale() + ")");
    case REAL:
      return new LogicalType(TypeFamily.FLOAT, "REAL", null, null, "REAL");
    case FLOAT:
    case DOUBLE:
      // Calcite's FLOAT is double precision, as in JDBC.
      return new LogicalType(TypeFamily.FLOAT, "DOUBLE", null, null, "DOUBLE");
    case BOOLEAN:
      return new LogicalType(TypeFamily.BOOLEAN, n, null, null, n);
    case CHAR:
    case VARCHAR:
      return sized(TypeFamily.CHAR, n, p);
    case BINARY:
    case VARBINARY:
      return sized(TypeFamily.BINARY, n, p);
    case DATE:
      return new LogicalType(TypeFamily.DATE, n, null, null, n);
    case TIME:
      return new LogicalType(TypeFamily.TIME, n, p, null, "TIME(" + p + ")");
    case TIME_WITH_LOCAL_TIME_ZONE:
    case TIME_TZ:
      return new LogicalType(TypeFamily.TIME, SqlTypeName.TIME_WITH_LOCAL_TIME_ZONE.getName(), p, null,
          "TIME(" + p + ") WITH LOCAL TIME ZONE");
    case TIMESTAMP:
      return new LogicalType(TypeFamily.TIMESTAMP, n, p, null, "TIMESTAMP(" + p + ")");
    case TIMESTAMP_WITH_LOCAL_TIME_ZONE:
    case TIMESTAMP_TZ:
      return new LogicalType(TypeFamily.TIMESTAMPTZ, SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE.getName(),
          p, null, "TIMESTAMP(" + p + ") WITH LOCAL TIME ZONE");
    default:
      break;
    }
    String name = nativeType == null || nativeType.isBlank() ? n
        : nativeType.strip().toUpperCase(Locale.ROOT);
    if (SqlTypeName.INTERVAL_TYPES.contains(t) || name.startsWith("INTERVAL")) {
      return new LogicalType(TypeFamily.INTERVAL, "INTERVAL", null, null, name);
    }
    return new LogicalType(TypeFamily.OTHER, name, null, null, name);
  }

  private static LogicalType sized(TypeFamily family, String name, int precision) {
    return precision < 0
        ? new LogicalType(family, name, null, null, name)
        : new LogicalType(family, name, precision, null, name + "(" + precision + ")");
  }

  /** Reads one {@code type} object of a snapshot, as Node or an older Ferry wrote it. */
  public static LogicalType fromJson(JsonNode node) {
    String sqlType = node.path("sqlType").asText("ANY");
    return new LogicalType(TypeFamily.of(node.path("family").asText("other")), sqlType, intOrNull(node, "precision"),
        intOrNull(node, "scale"), node.path("display").asText(sqlType));
  }

  private static @Nullable Integer intOrNull(JsonNode node, String key) {
    JsonNode v = node.get(key);
    return v == null || !v.isNumber() ? null : v.asInt();
  }

  /**
   * The Calcite type this stands for, for validating queries against a snapshot; types Calcite
   * cannot name (family {@code other}, {@code interval}) become ANY, which validates leniently.
   */
  public RelDataType toRelDataType(RelDataTypeFactory f, boolean nullable) {
    SqlTypeName t = family == TypeFamily.OTHER || family == TypeFamily.INTERVAL ? null
        : SqlTypeName.get(sqlType);
    RelDataType type;
    if (t == null) {
      type = f.createSqlType(SqlTypeName.ANY);
    } else if (t == SqlTypeName.DECIMAL) {
      type = precision == null
          ? f.createSqlType(t, f.getTypeSystem().getMaxPrecision(t), ColumnTypes.UNBOUNDED_DECIMAL_SCALE)
          : f.createSqlType(t, precision, scale == null ? 0 : scale);
    } else if (precision != null && t.allowsPrecNoScale()) {
      type = f.createSqlType(t, precision);
    } else {
      type = f.createSqlType(t);
    }
    return f.createTypeWithNullability(type, nullable);
  }
}
