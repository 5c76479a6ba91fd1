package dev.ferry.types;

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
 * become ANY). Each engine's dialect subclasses it for its quirks: SQLite declares types as free text and its
 * driver reports DECIMAL as FLOAT and TIMESTAMP as VARCHAR, so its declared names decide.
 *
 * <p>{@link #type} is what queries run with; {@link #logicalType} is what schema comparison sees,
 * which also keeps what queries need not know (unbounded lengths, time zones, bit strings).
 */
public class ColumnTypes {
  /** The mapping for engines whose drivers report types as JDBC intends. */
  public static final ColumnTypes DEFAULT = new ColumnTypes();
  /** Scale given to a DECIMAL declared without precision (PostgreSQL's bare {@code numeric}). */
  public static final int UNBOUNDED_DECIMAL_SCALE = 18;
  /**
   * Lengths from here up mean "no limit": PostgreSQL reports TEXT as 2^31-1, H2 a bare VARCHAR as
   * 10^9 and SQLite every TEXT as 2*10^9; no real column is declared that long.
   */
  public static final int UNBOUNDED_LENGTH = 1_000_000_000;
  /** {@code (p)} or {@code (p, s)} in a declared type name. */
  public static final Pattern PREC_SCALE = Pattern.compile("\\(\\s*(\\d+)\\s*(?:,\\s*(\\d+)\\s*)?\\)");

  /** The type system every Ferry type is created in. */
  public RelDataTypeSystem typeSystem() {
    return FerryTypeSystem.INSTANCE;
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
    if (bitString(jdbcType, name, size)) {
      return bits(f, size);
    }
    switch (jdbcType) {
    case Types.LONGVARBINARY:
    case Types.BLOB:
      // Calcite has no name for these and would type them ANY, read back as "[B@…".
      return f.createSqlType(SqlTypeName.VARBINARY);
    case Types.LONGVARCHAR:
    case Types.LONGNVARCHAR:
    case Types.CLOB:
    case Types.NCLOB:
      return f.createSqlType(SqlTypeName.VARCHAR);
    default:
      break;
    }
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
      return f.createSqlType(t, Math.max(0, Math.min(fractionDigits(t, size, digits), 9)));
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

  /**
   * The type a schema comparison sees for one column, with the same arguments as {@link #type}
   * except that {@code digits} is -1 when the driver reported none.
   * CLOB, TEXT and LONGVARCHAR are an unbounded VARCHAR and BLOB, bytea and LONGVARBINARY an
   * unbounded VARBINARY, so the same column declared in two engines compares equal.
   */
  public LogicalType logicalType(RelDataTypeFactory f, int jdbcType, @Nullable String typeName,
      int size, int digits) {
    if (unboundedDecimal(jdbcType, typeName, size)) {
      return LogicalType.UNBOUNDED_DECIMAL;
    }
    String name = typeName == null ? "" : typeName.toUpperCase(Locale.ROOT);
    if (bitString(jdbcType, name, size)) {
      // Calcite has no type for a bit string and the length matters.
      String bits = name.equals("VARBIT") ? "VARBIT" : "BIT";
      return size <= 0 || size >= UNBOUNDED_LENGTH
          ? new LogicalType(TypeFamily.OTHER, bits, null, null, bits)
          : new LogicalType(TypeFamily.OTHER, bits, size, null, bits + "(" + size + ")");
    }
    RelDataType t = catalogType(f, jdbcType, typeName, size, digits);
    // Checked on the reported size too: Calcite caps BINARY at 65536, so PostgreSQL's bytea
    // (BINARY of 2^31-1) would otherwise look bounded.
    boolean unbounded = t.getPrecision() >= UNBOUNDED_LENGTH || size >= UNBOUNDED_LENGTH;
    switch (t.getSqlTypeName()) {
    case CHAR:
    case VARCHAR:
      return LogicalType.of(unbounded ? f.createSqlType(SqlTypeName.VARCHAR) : t, typeName);
    case BINARY:
    case VARBINARY:
      return LogicalType.of(unbounded ? f.createSqlType(SqlTypeName.VARBINARY) : t, typeName);
    default:
      return LogicalType.of(t, typeName);
    }
  }

  /**
   * Whether a column is a bit string: BIT(n) with n > 1 (PostgreSQL's bit(n) and MariaDB's
   * BIT(n), which drivers report as BIT like a boolean) or PostgreSQL's varbit; BIT(1) is a
   * boolean. {@code name} is upper case.
   */
  protected static boolean bitString(int jdbcType, String name, int size) {
    return (jdbcType == Types.BIT && size > 1 && name.startsWith("BIT")) || name.equals("VARBIT");
  }

  /**
   * The type queries read a bit string of {@code size} bits as (0 or less: no limit): by
   * default its text of 0s and 1s ({@code '00101'}: leading zeros are part of the value). An
   * engine whose driver reads it as a number overrides this.
   */
  protected RelDataType bits(RelDataTypeFactory f, int size) {
    return size <= 0 || size >= UNBOUNDED_LENGTH ? f.createSqlType(SqlTypeName.VARCHAR)
        : f.createSqlType(SqlTypeName.VARCHAR, size);
  }

  /**
   * The type another engine stores a column of this engine's logical type {@code t} as, when
   * it has no equivalent there (family OTHER): the type of the value queries read, so the
   * copied values are the ones Ferry shows. A bit string is its text, VARCHAR(n), by default;
   * null: the column's text in the target's unbounded text type.
   */
  public @Nullable LogicalType elsewhere(LogicalType t) {
    if (t.family() != TypeFamily.OTHER || !(t.sqlType().equals("BIT") || t.sqlType().equals("VARBIT"))) {
      return null;
    }
    return t.precision() == null ? new LogicalType(TypeFamily.CHAR, "VARCHAR", null, null, "VARCHAR")
        : new LogicalType(TypeFamily.CHAR, "VARCHAR", t.precision(), null, "VARCHAR(" + t.precision() + ")");
  }

  /** Whether a DECIMAL column has no precision Calcite can hold (PostgreSQL's bare numeric). */
  protected boolean unboundedDecimal(int jdbcType, @Nullable String typeName, int size) {
    return (jdbcType == Types.DECIMAL || jdbcType == Types.NUMERIC) && (size <= 0 || size > 38);
  }

  /** Characters of a TIME without fraction as COLUMN_SIZE counts them ({@code HH:MM:SS}). */
  protected int timeWidth() {
    return 8;
  }

  /**
   * {@link #type}, plus the JDBC types Calcite's JDBC adapter leaves as ANY. {@code digits} is
   * -1 when the driver left DECIMAL_DIGITS NULL, as MariaDB's and HSQLDB's do for every TIME(n)
   * and TIMESTAMP(n); the fraction is then what COLUMN_SIZE has beyond the seconds.
   */
  protected RelDataType catalogType(RelDataTypeFactory f, int jdbcType, @Nullable String typeName,
      int size, int digits) {
    String name = typeName == null ? "" : typeName.strip().toUpperCase(Locale.ROOT);
    if (digits < 0 && jdbcType == Types.TIMESTAMP) {
      return f.createSqlType(SqlTypeName.TIMESTAMP, size > 20 ? fraction(size - 20) : 0);
    }
    if (digits < 0 && jdbcType == Types.TIME) {
      return f.createSqlType(SqlTypeName.TIME, size > timeWidth() + 1 ? fraction(size - timeWidth() - 1) : 0);
    }
    switch (jdbcType) {
    case Types.CLOB:
    case Types.NCLOB:
    case Types.LONGVARCHAR:
    case Types.LONGNVARCHAR:
      return f.createSqlType(SqlTypeName.VARCHAR);
    case Types.BLOB:
    case Types.LONGVARBINARY:
      return f.createSqlType(SqlTypeName.VARBINARY);
    case Types.TIMESTAMP_WITH_TIMEZONE:
      return f.createSqlType(SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE, fraction(digits));
    case Types.TIME_WITH_TIMEZONE:
      return f.createSqlType(SqlTypeName.TIME_WITH_LOCAL_TIME_ZONE, fraction(digits));
    case Types.FLOAT:
      return f.createSqlType(SqlTypeName.DOUBLE);
    default:
      break;
    }
    switch (name) {
    case "TIMESTAMPTZ":
      // pgjdbc reports timestamptz as plain TIMESTAMP and timetz as plain TIME.
      return f.createSqlType(SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE, fraction(digits));
    case "TIMETZ":
      return f.createSqlType(SqlTypeName.TIME_WITH_LOCAL_TIME_ZONE, fraction(digits));
    case "UUID":
      // H2 reports UUID as BINARY(16), PostgreSQL as OTHER; in both it is a UUID, not bytes.
      return f.createSqlType(SqlTypeName.ANY);
    default:
      return type(f, jdbcType, typeName, size, digits);
    }
  }

  private static int fraction(int digits) {
    return Math.max(0, Math.min(digits, 9));
  }

  /**
   * Fractional-second digits: DECIMAL_DIGITS, or, where the driver leaves it empty (MariaDB's
   * DATETIME(6)), what COLUMN_SIZE says beyond "yyyy-MM-dd HH:mm:ss" or "HH:mm:ss".
   */
  static int fractionDigits(SqlTypeName t, int size, int digits) {
    if (digits > 0) {
      return digits;
    }
    int whole = t == SqlTypeName.TIME ? 8 : 19;
    return size > whole + 1 ? size - whole - 1 : 0;
  }

  public static RelDataType decimal(RelDataTypeFactory f, int precision, int scale) {
    if (precision <= 0 || precision > 38) {
      return f.createSqlType(SqlTypeName.DECIMAL, 38, UNBOUNDED_DECIMAL_SCALE);
    }
    return f.createSqlType(SqlTypeName.DECIMAL, precision, Math.max(0, Math.min(scale, precision)));
  }
}
