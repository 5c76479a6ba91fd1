package dev.ferry.dialect.sqlite;

import dev.ferry.types.Decimals;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.Statement;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * SQLite result sets with exact decimals.
 *
 * <p>SQLite keeps DECIMAL columns as REAL, and its driver's {@code getBigDecimal} expands the
 * binary double (71.36 becomes 71.3599999…), which Calcite then truncates to the declared scale
 * (71.35). Reading the double at 15 significant digits ({@link Decimals#fromDouble}) gives back the value
 * that was written. Only SQLite pays for this proxy.
 */
final class SqliteResults {
  private SqliteResults() {}

  /**
   * Which columns are declared DECIMAL or NUMERIC, read once per result set: asking the driver
   * per cell cost a native call and a regular expression each time (a third of a SQLite scan).
   */
  private static final class DecimalColumns {
    private final ResultSet rs;
    private boolean @Nullable [] decimal;

    DecimalColumns(ResultSet rs) {
      this.rs = rs;
    }

    boolean test(int column) throws java.sql.SQLException {
      boolean[] d = decimal;
      if (d == null) {
        java.sql.ResultSetMetaData md = rs.getMetaData();
        d = new boolean[md.getColumnCount() + 1];
        for (int i = 1; i < d.length; i++) {
          String t = String.valueOf(md.getColumnTypeName(i)).toUpperCase(java.util.Locale.ROOT);
          d[i] = t.startsWith("DECIMAL") || t.startsWith("NUMERIC");
        }
        decimal = d;
      }
      return column > 0 && column < d.length && d[column];
    }
  }

  /**
   * A timestamp's or time's text as written ({@code 2024-01-02 03:04:05.1}: any number of
   * fraction digits, which the driver's own parse reads as milliseconds, so {@code .1} became
   * {@code .001}); null when it is not such text, for the driver to handle.
   */
  private static java.time.temporal.@Nullable TemporalAccessor temporal(String s, boolean time) {
    String t = s.strip().replace(' ', 'T');
    try {
      if (time) {
        return java.time.LocalTime.parse(t);
      }
      return t.length() == 10 ? java.time.LocalDate.parse(t).atStartOfDay()
          : java.time.LocalDateTime.parse(t);
    } catch (java.time.format.DateTimeParseException e) {
      return null;
    }
  }

  /** Wraps a SQLite result set; {@code owner} is what {@code getStatement()} reports. */
  static ResultSet wrap(ResultSet rs, Statement owner) {
    DecimalColumns decimals = new DecimalColumns(rs);
    return (ResultSet) Proxy.newProxyInstance(SqliteResults.class.getClassLoader(),
        new Class<?>[] {ResultSet.class}, (p, m, a) -> {
          String name = m.getName();
          if (name.equals("getStatement")) {
            return owner;
          }
          boolean decimalGet = name.equals("getBigDecimal")
              || (name.equals("getObject") && a[0] instanceof Integer i && decimals.test(i));
          if (decimalGet && a != null && a.length == 1) {
            Object raw = a[0] instanceof Integer i ? rs.getObject(i) : rs.getObject((String) a[0]);
            if (raw instanceof Double || raw instanceof Float) {
              return Decimals.fromDouble(((Number) raw).doubleValue());
            }
            if (raw instanceof Long || raw instanceof Integer) {
              return BigDecimal.valueOf(((Number) raw).longValue());
            }
          }
          boolean javaTime = name.equals("getObject") && a != null && a.length == 2
              && (a[1] == java.time.LocalDateTime.class || a[1] == java.time.LocalTime.class);
          if ((name.equals("getTimestamp") || name.equals("getTime") || javaTime) && a != null
              && a[0] instanceof Integer i && rs.getObject(i) instanceof String s) {
            java.time.temporal.TemporalAccessor t = temporal(s,
                name.equals("getTime") || (javaTime && a[1] == java.time.LocalTime.class));
            if (javaTime && t != null) {
              return t;
            }
            if (t instanceof java.time.LocalDateTime x) {
              return java.sql.Timestamp.valueOf(x);
            }
            if (t instanceof java.time.LocalTime x) {
              return new java.sql.Time(x.toNanoOfDay() / 1_000_000L);
            }
          }
          try {
            return m.invoke(rs, a);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
  }
}
