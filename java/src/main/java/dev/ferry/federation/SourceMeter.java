package dev.ferry.federation;

import dev.ferry.connect.FerryDataSource;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import javax.sql.DataSource;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Counts, for one analyzed statement, the rows each database sent for each SQL statement Calcite
 * ran there, and how many times it ran it.
 *
 * <p>Calcite's generated code asks the database's schema for its {@link DataSource} each time a
 * JDBC subtree is bound ({@link DatabaseSchema#unwrap}); while a meter is active on that thread,
 * the answer is a metered view of Ferry's pool whose statements count the rows their result sets
 * return ({@link CountingResultSet}). Nothing is wrapped for statements run without a meter, so ordinary queries pay one
 * thread-local read per bound subtree. The meter is active on the thread that starts the
 * statement and on the one that streams its rows, since Calcite binds a correlated subtree anew
 * for each outer row, on whichever thread reads them.
 */
final class SourceMeter {
  private static final ThreadLocal<@Nullable SourceMeter> ACTIVE = new ThreadLocal<>();

  /**
   * The reads of one SQL statement in one database.
   *
   * @param database the configured database
   * @param sql the statement as sent
   * @param executions how many times it ran
   * @param rows the rows its result sets returned, over all executions
   */
  record Reads(String database, String sql, long executions, long rows) {}

  private record Key(String database, String sql) {}

  /** Live counters of one {@link Key}. */
  private static final class Counter {
    final AtomicLong executions = new AtomicLong();
    final LongAdder rows = new LongAdder();
  }

  private final Map<Key, Counter> counters = new ConcurrentHashMap<>();
  /** The keys in the order their statements first ran. */
  private final List<Key> order = new ArrayList<>();

  /** Makes this meter count what this thread binds, until the returned handle is closed. */
  Active activate() {
    SourceMeter previous = ACTIVE.get();
    ACTIVE.set(this);
    return () -> {
      if (previous == null) {
        ACTIVE.remove();
      } else {
        ACTIVE.set(previous);
      }
    };
  }

  /** Undoes one {@link #activate}. */
  interface Active extends AutoCloseable {
    @Override void close();
  }

  /**
   * What Calcite's generated code reads {@code source} through: the pool itself, or a metered
   * view of it while a meter is active on this thread.
   */
  static DataSource reading(FerryDataSource source) {
    SourceMeter meter = ACTIVE.get();
    return meter == null ? source : meter.metered(source);
  }

  /** Every statement counted so far, in the order each first ran. */
  List<Reads> reads() {
    List<Key> keys;
    synchronized (order) {
      keys = List.copyOf(order);
    }
    List<Reads> out = new ArrayList<>(keys.size());
    for (Key k : keys) {
      Counter c = counters.get(k);
      out.add(new Reads(k.database(), k.sql(), c.executions.get(), c.rows.sum()));
    }
    return out;
  }

  private Counter counter(String database, String sql) {
    Key key = new Key(database, sql);
    return counters.computeIfAbsent(key, k -> {
      synchronized (order) {
        order.add(k);
      }
      return new Counter();
    });
  }

  private DataSource metered(FerryDataSource source) {
    String database = source.spec().name();
    return proxy(DataSource.class, source, (m, a) -> {
      Object r = m.invoke(source, a);
      return r instanceof Connection c ? connection(database, c) : r;
    });
  }

  private Connection connection(String database, Connection c) {
    return proxy(Connection.class, c, (m, a) -> {
      Object r = m.invoke(c, a);
      if (r instanceof PreparedStatement ps && a != null && a.length > 0 && a[0] instanceof String sql) {
        return statement(database, ps, PreparedStatement.class, sql);
      }
      return r instanceof Statement st && !(r instanceof PreparedStatement)
          ? statement(database, st, Statement.class, null) : r;
    });
  }

  /**
   * A statement whose executions are counted under the SQL they run ({@code prepared}'s, or the
   * text passed to {@code execute}), and whose result sets count their rows.
   */
  private <T extends Statement> T statement(String database, T st, Class<T> type,
      @Nullable String prepared) {
    Counter[] current = {prepared == null ? null : counter(database, prepared)};
    return proxy(type, st, (m, a) -> {
      String name = m.getName();
      if (name.startsWith("execute")) {
        Counter c = a != null && a.length > 0 && a[0] instanceof String sql
            ? counter(database, sql) : current[0];
        if (c != null) {
          c.executions.incrementAndGet();
        }
        current[0] = c;
      }
      Object r = m.invoke(st, a);
      Counter c = current[0];
      return r instanceof ResultSet rs && c != null ? results(rs, c) : r;
    });
  }

  private static ResultSet results(ResultSet rs, Counter counter) {
    return new CountingResultSet(rs, counter.rows);
  }

  /** One call on a wrapped object; {@code m.invoke} failures are unwrapped by {@link #proxy}. */
  private interface Call {
    @Nullable Object apply(Method m, @Nullable Object[] args) throws Exception;
  }

  private static <T> T proxy(Class<T> type, Object target, Call call) {
    return type.cast(Proxy.newProxyInstance(SourceMeter.class.getClassLoader(),
        new Class<?>[] {type}, (p, m, a) -> {
          try {
            switch (m.getName()) {
            case "unwrap":
              return ((Class<?>) a[0]).isInstance(p) ? p : m.invoke(target, a);
            case "isWrapperFor":
              return ((Class<?>) a[0]).isInstance(p) || (Boolean) m.invoke(target, a);
            case "equals":
              return p == a[0];
            case "hashCode":
              return System.identityHashCode(p);
            default:
              return call.apply(m, a);
            }
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        }));
  }
}
