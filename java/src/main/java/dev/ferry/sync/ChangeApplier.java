package dev.ferry.sync;

import dev.ferry.federation.DatabaseSchema;
import dev.ferry.sink.SinkContext;
import dev.ferry.sink.SinkValues;
import dev.ferry.sink.TableSink;
import dev.ferry.sink.ValueBinder;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.calcite.sql.SqlDialect;

/**
 * Applies a {@link ChangeBatch} on one target connection, inside the caller's transaction: per
 * table, the deleted keys in one batch of {@code DELETE}s, the new and updated rows through the
 * target's upsert sink (PostgreSQL: {@code COPY} into a stage, then one merge), and rows whose
 * log left some values out (unchanged TOASTed columns) as {@code UPDATE}s of the values present
 * (of the key too, first of all, for such a row that moved to another key).
 * Applying a change twice leaves the same rows, so a batch replayed after a crash does no harm.
 */
final class ChangeApplier {
  private final DatabaseSchema target;
  private final Connection conn;

  ChangeApplier(DatabaseSchema target, Connection conn) {
    this.target = target;
    this.conn = conn;
  }

  /** Applies every table's changes; the caller commits. */
  void apply(ChangeBatch batch) throws SQLException {
    for (Map.Entry<SyncedTable, Map<List<Object>, Change>> e : batch.byTable().entrySet()) {
      SyncedTable t = e.getKey();
      List<Change> deletes = new ArrayList<>();
      List<Object[]> rows = new ArrayList<>();
      List<Change> partial = new ArrayList<>();
      List<Change> moves = new ArrayList<>();
      for (Change c : e.getValue().values()) {
        if (c.kind() == Change.Kind.DELETE) {
          deletes.add(c);
        } else if (c.missing() == null) {
          rows.add(c.row());
        } else if (c.fillFrom() != null) {
          moves.add(c);
        } else {
          partial.add(c);
        }
      }
      // A row that moved to a new key and lacks values is moved in place, before anything of
      // the batch deletes or reuses its old key: the values the log left out never leave it.
      for (Change c : moves) {
        update(t, c);
      }
      delete(t, deletes);
      upsert(t, rows);
      for (Change c : partial) {
        update(t, c);
      }
    }
  }

  private String where(SyncedTable t, SqlDialect q) {
    StringBuilder b = new StringBuilder(" WHERE ");
    for (int i = 0; i < t.key.length; i++) {
      b.append(i == 0 ? "" : " AND ").append(q.quoteIdentifier(t.columns[t.key[i]].name()))
          .append(" = ?");
    }
    return b.toString();
  }

  private void delete(SyncedTable t, List<Change> deletes) throws SQLException {
    if (deletes.isEmpty()) {
      return;
    }
    SqlDialect q = target.dialect();
    ValueBinder binder = target.engine().binder();
    try (PreparedStatement ps = conn.prepareStatement("DELETE FROM " + t.target.quoted(q)
        + where(t, q))) {
      int n = 0;
      for (Change c : deletes) {
        for (int i = 0; i < t.key.length; i++) {
          binder.bind(ps, i + 1, c.key().get(i), t.columns[t.key[i]].jdbcType());
        }
        ps.addBatch();
        if (++n % 1000 == 0) {
          ps.executeBatch();
        }
      }
      ps.executeBatch();
    }
  }

  private void upsert(SyncedTable t, List<Object[]> rows) throws SQLException {
    if (rows.isEmpty()) {
      return;
    }
    Iterator<Object[]> it = rows.iterator();
    Object[][] current = new Object[1][];
    ResultSet rs = (ResultSet) Proxy.newProxyInstance(ChangeApplier.class.getClassLoader(),
        new Class<?>[] {ResultSet.class}, (proxy, method, args) -> switch (method.getName()) {
          case "next" -> {
            if (!it.hasNext()) {
              yield false;
            }
            current[0] = it.next();
            yield true;
          }
          case "close" -> null;
          case "isClosed" -> false;
          case "hashCode" -> System.identityHashCode(proxy);
          case "equals" -> proxy == args[0];
          case "toString" -> "changes of " + t.target;
          default -> throw new SQLException("ResultSet." + method.getName()
              + " is not offered by a batch of changes");
        });
    SinkValues.Reader[] readers = new SinkValues.Reader[t.columns.length];
    for (int i = 0; i < readers.length; i++) {
      int col = i;
      readers[i] = r -> current[0][col];
    }
    SinkContext ctx = new SinkContext(target.dataSource().spec(), target.dialect(), t.target,
        t.columnNames(), t.catalog(), readers, new TableSink.Options(TableSink.Mode.UPSERT,
            t.keyNames(), n -> { }, () -> false));
    try (TableSink sink = target.engine().openSink(ctx, conn)) {
      sink.write(rs, Long.MAX_VALUE);
      sink.finish();
    }
  }

  /**
   * Sets the values {@code c} carries on its row: the one under its key, or for a moved row
   * ({@link Change#fillFrom}) the one under its old key, whose key it sets too.
   */
  private void update(SyncedTable t, Change c) throws SQLException {
    SqlDialect q = target.dialect();
    ValueBinder binder = target.engine().binder();
    StringBuilder set = new StringBuilder();
    List<Integer> present = new ArrayList<>();
    boolean[] missing = c.missing();
    Object[] row = c.row();
    List<Object> where = c.fillFrom() != null ? c.fillFrom() : c.key();
    for (int i = 0; i < t.columns.length; i++) {
      if (!missing[i] && (c.fillFrom() != null || !isKey(t, i))) {
        set.append(set.length() == 0 ? "" : ", ").append(q.quoteIdentifier(t.columns[i].name()))
            .append(" = ?");
        present.add(i);
      }
    }
    if (present.isEmpty()) {
      return;
    }
    try (PreparedStatement ps = conn.prepareStatement("UPDATE " + t.target.quoted(q) + " SET "
        + set + where(t, q))) {
      int p = 1;
      for (int i : present) {
        binder.bind(ps, p++, row[i], t.columns[i].jdbcType());
      }
      for (int i = 0; i < t.key.length; i++) {
        binder.bind(ps, p++, where.get(i), t.columns[t.key[i]].jdbcType());
      }
      ps.executeUpdate();
    }
  }

  private static boolean isKey(SyncedTable t, int column) {
    for (int k : t.key) {
      if (k == column) {
        return true;
      }
    }
    return false;
  }
}
