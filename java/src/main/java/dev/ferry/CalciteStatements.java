package dev.ferry;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Statements on the one Calcite connection an {@link Engine} shares between threads, made safe
 * to use from several at once.
 *
 * <p>Avatica numbers statements with a plain {@code int} counter and Calcite keeps them in a
 * plain {@code HashMap} keyed by that number, which executing and closing a statement read and
 * change. Two copy workers planning chunks at the same moment could get the same number, and
 * one chunk could then run the other's plan. So creating, preparing, executing and closing a
 * statement (every call on it but {@code cancel}, which only raises a flag) happens under one
 * lock; reading a result set does not touch that state and runs freely.
 */
final class CalciteStatements {
  private final Connection calcite;
  private final Object lock = new Object();

  private final Runnable refresh;

  /**
   * Statements on {@code calcite}; {@code refresh} makes Calcite forget what it knows of the
   * databases' tables.
   */
  CalciteStatements(Connection calcite, Runnable refresh) {
    this.calcite = calcite;
    this.refresh = refresh;
  }

  /**
   * Prepares (plans) {@code sql} under the lock; the statement's calls take it too. Calcite
   * keeps a snapshot of each schema's tables, so a statement naming a table created since (by a
   * copy with {@code --create}, or by anyone) fails once, and is prepared again after a refresh.
   */
  PreparedStatement prepare(String sql) throws SQLException {
    synchronized (lock) {
      try {
        return guarded(calcite.prepareStatement(sql), PreparedStatement.class);
      } catch (SQLException | RuntimeException e) {
        if (DirectPlan.find(e) != null || !notFound(e)) {
          throw e;
        }
        try {
          refresh.run();
        } catch (RuntimeException unreachable) {
          // A database that cannot list its schemas now: the first answer stands.
          throw e;
        }
        return guarded(calcite.prepareStatement(sql), PreparedStatement.class);
      }
    }
  }

  /** Whether Calcite's validator reported a table or schema it does not know. */
  private static boolean notFound(Throwable t) {
    java.util.Set<Throwable> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    for (Throwable c = t; c != null && seen.add(c); c = c.getCause()) {
      if (c instanceof org.apache.calcite.runtime.CalciteContextException
          && String.valueOf(c.getMessage()).contains("not found")) {
        return true;
      }
    }
    return false;
  }

  /** A plain statement whose calls take the lock. */
  Statement create() throws SQLException {
    synchronized (lock) {
      return guarded(calcite.createStatement(), Statement.class);
    }
  }

  private <T extends Statement> T guarded(T statement, Class<T> type) {
    return type.cast(Proxy.newProxyInstance(CalciteStatements.class.getClassLoader(),
        new Class<?>[] {type}, (p, m, a) -> {
          try {
            if (m.getName().equals("cancel")) {
              // Only raises a flag; it must not wait for the execution it stops.
              return m.invoke(statement, a);
            }
            synchronized (lock) {
              return m.invoke(statement, a);
            }
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        }));
  }
}
