package dev.ferry.sink;

import dev.ferry.arrow.ArrowStreamFileWriter;
import dev.ferry.config.DatabaseSpec;
import dev.ferry.error.FerryFailure;
import dev.ferry.types.TableName;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.calcite.sql.SqlDialect;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * What every {@link TableSink} shares: the target table and columns, value readers, checks and
 * the error every sink raises for a value the target cannot hold.
 */
public final class SinkContext {
  final DatabaseSpec target;
  public final SqlDialect dialect;
  public final TableName table;
  public final List<String> columns;
  public final TargetColumns.Column[] targetColumns;
  final TargetColumns catalog;
  public final SinkValues.Reader[] readers;
  public final TableSink.Options options;
  public final int[] keyIndexes;

  public SinkContext(DatabaseSpec target, SqlDialect dialect, TableName table, List<String> columns,
      TargetColumns catalog, SinkValues.Reader[] readers, TableSink.Options options) {
    this.target = target;
    this.dialect = dialect;
    this.table = table;
    this.catalog = catalog;
    this.readers = readers;
    this.options = options;
    this.targetColumns = new TargetColumns.Column[columns.size()];
    List<String> exact = new ArrayList<>();
    for (int i = 0; i < columns.size(); i++) {
      TargetColumns.Column c = catalog.get(columns.get(i));
      if (c == null) {
        throw FerryFailure.of("SQL_VALIDATION", "table " + table + " of database '" + target.name()
            + "' has no column '" + columns.get(i) + "'; it has " + String.join(", ", catalog.names()))
            .with("table", table.toString()).with("column", columns.get(i));
      }
      targetColumns[i] = c;
      exact.add(c.name());
    }
    this.columns = List.copyOf(exact);
    if (readers.length != columns.size()) {
      throw FerryFailure.of("SQL_VALIDATION", "INSERT into " + table + " names " + columns.size()
          + " columns but the SELECT gives " + readers.length);
    }
    List<Integer> keys = new ArrayList<>();
    for (String k : options.key()) {
      for (int i = 0; i < this.columns.size(); i++) {
        if (this.columns.get(i).equalsIgnoreCase(k)) {
          keys.add(i);
        }
      }
    }
    this.keyIndexes = keys.stream().mapToInt(Integer::intValue).toArray();
  }

  /** The quoted column list, {@code ("a", "b")}. */
  public String columnList() {
    StringBuilder b = new StringBuilder("(");
    for (int i = 0; i < columns.size(); i++) {
      b.append(i == 0 ? "" : ", ").append(dialect.quoteIdentifier(columns.get(i)));
    }
    return b.append(')').toString();
  }

  /** The quoted key columns, {@code "id", "k"}. */
  public String keyList() {
    StringBuilder b = new StringBuilder();
    for (int k : keyIndexes) {
      b.append(b.length() == 0 ? "" : ", ").append(dialect.quoteIdentifier(columns.get(k)));
    }
    return b.toString();
  }

  /** Whether column {@code i} is part of the key. */
  public boolean isKey(int i) {
    for (int k : keyIndexes) {
      if (k == i) {
        return true;
      }
    }
    return false;
  }

  /**
   * Reads the current row, checking each value against its target column, then shows the row
   * to the options' {@code rowRead} hook.
   */
  public void readRow(java.sql.ResultSet rs, Object[] row, long rowNumber) throws SQLException {
    for (int i = 0; i < readers.length; i++) {
      Object v = readers[i].read(rs);
      row[i] = v;
    }
    for (int i = 0; i < readers.length; i++) {
      Object v = row[i];
      if (v != null) {
        String why = catalog.reject(targetColumns[i], v);
        if (why != null) {
          throw rejected(columns.get(i), key(row, rowNumber), v, why);
        }
      }
    }
    ArrowStreamFileWriter.RowHook hook = options.rowRead();
    if (hook != null) {
      hook.row(rs);
    }
  }

  /** How messages name a row: its key values, else its position in this write. */
  public String key(@Nullable Object[] row, long rowNumber) {
    if (row == null || keyIndexes.length == 0) {
      return "row " + rowNumber;
    }
    StringBuilder b = new StringBuilder();
    for (int k : keyIndexes) {
      b.append(b.length() == 0 ? "" : ", ").append(columns.get(k)).append('=')
          .append(SinkValues.shown(row[k]));
    }
    return b.toString();
  }

  /** The failure for a value the target cannot hold. */
  public FerryFailure rejected(String column, String key, @Nullable Object value, String why) {
    return FerryFailure.of("COPY_VALUE_REJECTED", "database '" + target.name() + "' cannot hold the"
            + " value of " + table + "." + column + " at " + key + ": " + SinkValues.shown(value)
            + " (" + why + "); nothing of this chunk was committed")
        .with("database", target.name()).with("table", table.toString()).with("column", column)
        .with("key", key).with("value", SinkValues.shown(value));
  }

  /**
   * A server's rejection of a value (SQL state class 22: data exception) as
   * {@code COPY_VALUE_REJECTED}; other errors pass through.
   */
  public SQLException orRejected(SQLException e, String where) {
    String state = e.getSQLState();
    if (state != null && state.startsWith("22")) {
      String msg = target.scrub(String.valueOf(e.getMessage()));
      String first = msg.strip().replaceAll("\\s*\n\\s*", "; ");
      first = first.length() > 400 ? first.substring(0, 397) + "…" : first;
      throw FerryFailure.of("COPY_VALUE_REJECTED", "database '" + target.name() + "' rejected a"
              + " value for " + table + " " + where + ": " + first.strip()
              + "; nothing of this chunk was committed")
          .with("database", target.name()).with("table", table.toString())
          .with("sqlState", state);
    }
    return e;
  }

  /** Stops with {@code CANCELLED} when the copy was cancelled. */
  public void checkCancelled() {
    if (options.cancelled().getAsBoolean()) {
      throw FerryFailure.of("CANCELLED", "copy into " + table + " cancelled; nothing of this chunk"
          + " was committed");
    }
  }
}
