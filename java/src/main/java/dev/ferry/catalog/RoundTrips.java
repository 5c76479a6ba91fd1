package dev.ferry.catalog;

import static java.util.Objects.requireNonNull;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Counts what one connection asks its database: statements executed and metadata calls that
 * return rows.
 *
 * <p>Inspection promises a fixed number of catalog round trips per database; counting at the
 * JDBC interfaces, rather than where Ferry's own code calls, also catches a driver or a helper
 * that asks more than expected. With {@code -Dferry.debug.catalog=true} (e.g. through
 * {@code FERRY_JVM_OPTS}) each inspection prints the calls on stderr.
 */
public final class RoundTrips {
  private final List<String> calls = new ArrayList<>();

  /** A view of {@code c} that records every call that reaches the database. */
  public Connection wrap(Connection c) {
    requireNonNull(c, "c");
    return proxy(Connection.class, c, (name, result) -> {
      if (result instanceof DatabaseMetaData md) {
        return proxy(DatabaseMetaData.class, md, (n, r) -> {
          if (r instanceof ResultSet) {
            record(n);
          }
          return r;
        });
      }
      if (result instanceof Statement s) {
        return statement(s);
      }
      return result;
    });
  }

  private Object statement(Statement s) {
    After count = (name, result) -> {
      if (name.startsWith("execute")) {
        record(name);
      }
      return result;
    };
    return s instanceof java.sql.PreparedStatement ps
        ? proxy(java.sql.PreparedStatement.class, ps, count) : proxy(Statement.class, s, count);
  }

  private synchronized void record(String call) {
    calls.add(call);
  }

  /** How many calls reached the database so far. */
  public synchronized int count() {
    return calls.size();
  }

  /** The calls in order, e.g. {@code [getTables, getColumns, executeQuery, …]}. */
  public synchronized List<String> calls() {
    return List.copyOf(calls);
  }

  private interface After {
    Object apply(String method, Object result);
  }

  private static <T> T proxy(Class<T> iface, T target, After after) {
    return iface.cast(Proxy.newProxyInstance(RoundTrips.class.getClassLoader(), new Class<?>[] {iface},
        (p, m, args) -> {
          Object result;
          try {
            result = m.invoke(target, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
          return result == null ? null : after.apply(m.getName(), result);
        }));
  }
}
