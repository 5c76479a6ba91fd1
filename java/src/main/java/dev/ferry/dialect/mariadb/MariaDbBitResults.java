package dev.ferry.dialect.mariadb;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * MariaDB result sets whose BIT(64) columns read as unsigned numbers.
 *
 * <p>MariaDB's driver decodes a BIT column's bytes as a signed long, so
 * {@code b'1111…1'} (18446744073709551615) came back from {@code getBigDecimal} as -1. Ferry
 * types BIT(64) DECIMAL(20, 0) ({@link MariaDbColumnTypes}); this proxy reads such a column's
 * bytes as the unsigned number for {@code getBigDecimal}, {@code getObject} and
 * {@code getString}. Only result sets with such a column pay for the proxy.
 */
final class MariaDbBitResults {
  private MariaDbBitResults() {}

  /** {@code rs} itself, or a proxy over it when a column is a BIT wider than a BIGINT holds. */
  static ResultSet wrap(ResultSet rs, Statement owner) {
    boolean[] wide;
    try {
      wide = wideBits(rs.getMetaData());
    } catch (SQLException | RuntimeException e) {
      return rs;
    }
    if (wide == null) {
      return rs;
    }
    return (ResultSet) Proxy.newProxyInstance(MariaDbBitResults.class.getClassLoader(),
        new Class<?>[] {ResultSet.class}, (p, m, a) -> {
          String name = m.getName();
          if (name.equals("getStatement")) {
            return owner;
          }
          if (a != null && a.length == 1 && a[0] instanceof Integer i && i > 0 && i < wide.length
              && wide[i] && (name.equals("getBigDecimal") || name.equals("getObject")
              || name.equals("getString"))) {
            BigDecimal v = unsigned(rs.getBytes(i));
            return v == null || !name.equals("getString") ? v : v.toPlainString();
          }
          try {
            return m.invoke(rs, a);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
  }

  /** Per column (1-based), whether it is a BIT(n) with n > 63; null when none is. */
  private static boolean @Nullable [] wideBits(ResultSetMetaData md) throws SQLException {
    boolean[] out = null;
    int n = md.getColumnCount();
    for (int i = 1; i <= n; i++) {
      if (md.getColumnType(i) == Types.BIT && md.getPrecision(i) > MariaDbColumnTypes.BIGINT_BITS) {
        if (out == null) {
          out = new boolean[n + 1];
        }
        out[i] = true;
      }
    }
    return out;
  }

  /** The big-endian bytes of a BIT value as an unsigned number; null for NULL. */
  static @Nullable BigDecimal unsigned(byte @Nullable [] bits) {
    return bits == null ? null : new BigDecimal(new BigInteger(1, bits));
  }
}
