package dev.ferry.dialect.postgres;

import dev.ferry.types.TableName;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Decides whether a PostgreSQL → PostgreSQL chunk can travel as COPY text, byte for byte:
 * {@code COPY (select) TO STDOUT} on the source straight into {@code COPY … FROM STDIN} on the
 * target, with no value decoded in the JVM (what {@code psql \copy | psql \copy} does).
 *
 * <p>That is exact only when the target column has the source column's own type, so that the
 * target parses back precisely the value the source printed and can hold every value the
 * source can: same built-in type name, same length, precision, scale and fraction digits (a
 * VARCHAR may be longer). Both sessions print and parse in UTF-8, ISO dates, UTC and with
 * exact floats, as pgjdbc sets them up. Anything else (another type, a narrower column, a
 * user-defined type, an interval, whose text depends on a server setting) takes the typed
 * path, which checks each value and names the one a target rejects.
 */
final class CopyRelay {
  private CopyRelay() {}

  /** Built-in types whose COPY text reads back as the same value. */
  private static final Set<String> RELAYABLE = Set.of("int2", "int4", "int8", "float4", "float8",
      "numeric", "bool", "varchar", "bpchar", "text", "date", "time", "timetz", "timestamp",
      "timestamptz", "bytea", "uuid", "json", "jsonb", "inet", "cidr", "macaddr", "oid", "xml");

  /**
   * Whether rows described by {@code source} can be relayed into {@code columns} of
   * {@code table} on PostgreSQL connection {@code target}: every column pairs as described
   * above. Describes the target columns (one round trip), runs nothing.
   */
  static boolean possible(ResultSetMetaData source, Connection target, TableName table,
      List<String> columns, org.apache.calcite.sql.SqlDialect targetDialect) throws SQLException {
    StringBuilder probe = new StringBuilder("SELECT ");
    for (int i = 0; i < columns.size(); i++) {
      probe.append(i == 0 ? "" : ", ").append(targetDialect.quoteIdentifier(columns.get(i)));
    }
    probe.append(" FROM ").append(table.quoted(targetDialect)).append(" WHERE false");
    try (PreparedStatement t = target.prepareStatement(probe.toString())) {
      ResultSetMetaData tm = t.getMetaData();
      if (tm == null || source.getColumnCount() != columns.size()
          || tm.getColumnCount() != columns.size()) {
        return false;
      }
      for (int i = 1; i <= columns.size(); i++) {
        if (!pairs(source, tm, i)) {
          return false;
        }
      }
      return true;
    }
  }

  private static boolean pairs(ResultSetMetaData sm, ResultSetMetaData tm, int i)
      throws SQLException {
    String type = sm.getColumnTypeName(i).toLowerCase(Locale.ROOT);
    if (!RELAYABLE.contains(type) || !type.equals(tm.getColumnTypeName(i).toLowerCase(Locale.ROOT))) {
      return false;
    }
    int sp = sm.getPrecision(i);
    int tp = tm.getPrecision(i);
    if (type.equals("varchar")) {
      // 0 or Integer.MAX_VALUE: no declared length.
      boolean unbounded = tp == 0 || tp == Integer.MAX_VALUE;
      return unbounded || (sp != 0 && sp != Integer.MAX_VALUE && sp <= tp);
    }
    return sp == tp && sm.getScale(i) == tm.getScale(i);
  }
}
