package dev.ferry;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * SQLite result sets with exact decimals.
 *
 * <p>SQLite keeps DECIMAL columns as REAL, and its driver's {@code getBigDecimal} expands the
 * binary double (71.36 becomes 71.3599999…), which Calcite then truncates to the declared scale
 * (71.35). Reading the double at 15 significant digits ({@link #asDecimal}) gives back the value
 * that was written. Only SQLite pays for this proxy.
 */
final class SqliteResults {
  private SqliteResults() {}

  /**
   * A double read back as the decimal it most likely stored: 15 significant digits, the most a
   * double holds for certain (SQLite's own shell prints the same), so a SUM of 71.36s computed
   * in floating point comes back as its decimal total instead of 0.0000000001 below it.
   */
  static BigDecimal asDecimal(double d) {
    // The shortest text that reads back as d, when it has at most 15 significant digits, is
    // what rounding d's exact binary value to 15 digits gives (d lies within half a unit in the
    // last place of it, far inside the 15-digit rounding interval), without BigInteger math.
    String shortest = Double.toString(d);
    if (shortest.indexOf('E') < 0 && significantDigits(shortest) <= 15) {
      BigDecimal v = new BigDecimal(shortest).stripTrailingZeros();
      return v.scale() < 0 ? v.setScale(0) : v;
    }
    BigDecimal v = new BigDecimal(d).round(new java.math.MathContext(15));
    v = v.stripTrailingZeros();
    return v.scale() < 0 ? v.setScale(0) : v;
  }

  /** Digits of a plain decimal string, without leading zeros. */
  private static int significantDigits(String s) {
    int count = 0;
    boolean leading = true;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9') {
        if (c != '0' || !leading) {
          leading = false;
          count++;
        }
      }
    }
    return count;
  }

  private static boolean isDecimal(ResultSet rs, int column) throws java.sql.SQLException {
    String t = String.valueOf(rs.getMetaData().getColumnTypeName(column)).toUpperCase(java.util.Locale.ROOT);
    return t.startsWith("DECIMAL") || t.startsWith("NUMERIC");
  }

  /** Wraps a SQLite result set; {@code owner} is what {@code getStatement()} reports. */
  static ResultSet wrap(ResultSet rs, Statement owner) {
    return (ResultSet) Proxy.newProxyInstance(SqliteResults.class.getClassLoader(),
        new Class<?>[] {ResultSet.class}, (p, m, a) -> {
          String name = m.getName();
          if (name.equals("getStatement")) {
            return owner;
          }
          boolean decimalGet = name.equals("getBigDecimal")
              || (name.equals("getObject") && a[0] instanceof Integer i && isDecimal(rs, i));
          if (decimalGet && a != null && a.length == 1) {
            Object raw = a[0] instanceof Integer i ? rs.getObject(i) : rs.getObject((String) a[0]);
            if (raw instanceof Double || raw instanceof Float) {
              return asDecimal(((Number) raw).doubleValue());
            }
            if (raw instanceof Long || raw instanceof Integer) {
              return BigDecimal.valueOf(((Number) raw).longValue());
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
