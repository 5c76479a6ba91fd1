package dev.ferry.sink;

import dev.ferry.types.ColumnTypes;
import dev.ferry.types.TableName;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The columns of a target table as its driver describes them, and what each can hold.
 *
 * <p>Values are checked before they are sent, so a value the target cannot hold is reported with
 * its table, column and key instead of as a line number inside a bulk load; the check is also
 * what catches a DECIMAL the target would silently round. What an engine enforces is its
 * dialect's {@link ValueLimits}: SQLite declares lengths it never enforces, so nothing is
 * checked there.
 */
public final class TargetColumns {
  /** One column: its exact name, JDBC type and declared size. */
  public record Column(String name, int jdbcType, String typeName, int size, int digits) {}

  private final Map<String, Column> byName = new LinkedHashMap<>();
  private final ValueLimits limits;

  private TargetColumns(ValueLimits limits) {
    this.limits = limits;
  }

  /**
   * Reads the columns of {@code table} on {@code c}, whose values are checked against
   * {@code limits}; empty when the table does not exist.
   */
  public static TargetColumns read(Connection c, ValueLimits limits, TableName table)
      throws SQLException {
    TargetColumns out = new TargetColumns(limits);
    DatabaseMetaData md = c.getMetaData();
    boolean catalogs = !md.supportsSchemasInTableDefinitions() && md.supportsCatalogsInTableDefinitions();
    String ns = table.namespace();
    try (ResultSet rs = md.getColumns(catalogs ? ns : null, catalogs ? null : ns,
        escape(md, table.name()), null)) {
      while (rs.next()) {
        if (!table.name().equals(rs.getString("TABLE_NAME"))) {
          continue;
        }
        String name = rs.getString("COLUMN_NAME");
        int digits = rs.getInt("DECIMAL_DIGITS");
        if (rs.wasNull()) {
          digits = -1;
        }
        out.byName.putIfAbsent(name, new Column(name, rs.getInt("DATA_TYPE"),
            String.valueOf(rs.getString("TYPE_NAME")), rs.getInt("COLUMN_SIZE"), digits));
      }
    }
    return out;
  }

  private static String escape(DatabaseMetaData md, String name) throws SQLException {
    String esc = md.getSearchStringEscape();
    return esc == null || esc.isEmpty() ? name
        : name.replace(esc, esc + esc).replace("_", esc + "_").replace("%", esc + "%");
  }

  /** Whether the table exists (has columns). */
  public boolean exists() {
    return !byName.isEmpty();
  }

  /** Column names in table order. */
  public List<String> names() {
    return new ArrayList<>(byName.keySet());
  }

  /** The column named {@code name}: exactly, else ignoring case; null when absent. */
  public @Nullable Column get(String name) {
    Column c = byName.get(name);
    if (c != null) {
      return c;
    }
    for (Column x : byName.values()) {
      if (x.name().equalsIgnoreCase(name)) {
        return x;
      }
    }
    return null;
  }

  /**
   * Why {@code column} cannot hold {@code v}, or null when it can (or the engine does not say).
   */
  @Nullable String reject(Column column, Object v) {
    if (!limits.enforced()) {
      return null;
    }
    if (limits.finiteFloats() && floating(column) && !finite(v)) {
      return "not a finite number: " + column.typeName() + " holds no Infinity or NaN";
    }
    if (v instanceof SourceText t) {
      try {
        v = numeric(column) ? new BigDecimal(t.text()) : t.text();
      } catch (NumberFormatException e) {
        // NaN and the like: the server decides.
        return null;
      }
      if (!(v instanceof BigDecimal)) {
        return null;
      }
    }
    int size = column.size();
    switch (column.jdbcType()) {
    case Types.CHAR:
    case Types.VARCHAR:
    case Types.NCHAR:
    case Types.NVARCHAR:
      if (v instanceof String s && size > 0 && size < ColumnTypes.UNBOUNDED_LENGTH) {
        int len = limits.utf16Lengths() ? s.length() : s.codePointCount(0, s.length());
        if (len > size) {
          return len + " characters, longer than " + column.typeName() + "(" + size + ")";
        }
      }
      return null;
    case Types.BINARY:
    case Types.VARBINARY:
      if (v instanceof byte[] b && size > 0 && size < ColumnTypes.UNBOUNDED_LENGTH
          && b.length > size) {
        return b.length + " bytes, longer than " + column.typeName() + "(" + size + ")";
      }
      return null;
    case Types.DECIMAL:
    case Types.NUMERIC:
      BigDecimal d = v instanceof BigDecimal x ? x : v instanceof Long l ? BigDecimal.valueOf(l) : null;
      if (d == null || size <= 0 || size > 1000) {
        return null;
      }
      int scale = Math.max(0, column.digits());
      BigDecimal stripped = d.stripTrailingZeros();
      if (stripped.scale() > scale) {
        return "more than " + scale + " decimal places for DECIMAL(" + size + "," + scale + ")";
      }
      int intDigits = stripped.precision() - stripped.scale();
      if (intDigits > size - scale) {
        return "out of range for DECIMAL(" + size + "," + scale + ")";
      }
      return null;
    case Types.DATE:
    case Types.TIMESTAMP:
    case Types.TIMESTAMP_WITH_TIMEZONE:
      int year = v instanceof java.time.LocalDate x ? x.getYear()
          : v instanceof java.time.LocalDateTime x ? x.getYear()
          : v instanceof java.time.OffsetDateTime x ? x.getYear() : limits.minYear();
      if (year < limits.minYear() || year > limits.maxYear()) {
        return "year " + year + " is outside what " + column.typeName() + " holds ("
            + limits.minYear() + " to " + limits.maxYear() + ")" + (year == 999_999_999 || year == -999_999_999
                ? "; the source holds infinity" : "");
      }
      return null;
    case Types.TINYINT:
      return range(column, v, Byte.MIN_VALUE, Byte.MAX_VALUE);
    case Types.SMALLINT:
      return range(column, v, Short.MIN_VALUE, Short.MAX_VALUE);
    case Types.INTEGER:
      return range(column, v, Integer.MIN_VALUE, Integer.MAX_VALUE);
    default:
      return null;
    }
  }

  private static boolean floating(Column c) {
    return switch (c.jdbcType()) {
      case Types.FLOAT, Types.REAL, Types.DOUBLE -> true;
      default -> false;
    };
  }

  /** Whether {@code v} is a finite number, or no number at all (a float's text included). */
  private static boolean finite(Object v) {
    if (v instanceof Double d) {
      return Double.isFinite(d);
    }
    if (v instanceof Float f) {
      return Float.isFinite(f);
    }
    if (v instanceof SourceText t) {
      String s = t.text().strip().toLowerCase(Locale.ROOT);
      return !(s.equals("nan") || s.endsWith("infinity") || s.endsWith("inf"));
    }
    return true;
  }

  private static boolean numeric(Column c) {
    return switch (c.jdbcType()) {
      case Types.DECIMAL, Types.NUMERIC, Types.TINYINT, Types.SMALLINT, Types.INTEGER -> true;
      default -> false;
    };
  }

  private static @Nullable String range(Column column, Object v, long min, long max) {
    if (column.typeName().toUpperCase(Locale.ROOT).contains("UNSIGNED")) {
      return null;
    }
    Long l = v instanceof Long x ? x : v instanceof BigDecimal b && b.signum() != 0
        && b.stripTrailingZeros().scale() <= 0 && b.precision() - b.scale() < 19 ? b.longValue() : null;
    if (l != null && (l < min || l > max)) {
      return "out of range for " + column.typeName();
    }
    return null;
  }
}
