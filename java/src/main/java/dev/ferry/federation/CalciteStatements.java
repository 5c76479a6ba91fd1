package dev.ferry.federation;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.calcite.jdbc.CalciteConnection;
import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.schema.SchemaPlus;

/**
 * The Calcite connections a {@link Federation} plans and runs statements on, one statement per
 * connection at a time, so that threads (copy workers, concurrent proofs) never share one.
 *
 * <p>A Calcite connection is not safe to use from several threads at once: Avatica numbers
 * statements with a plain {@code int} counter and Calcite keeps them in a plain
 * {@code HashMap} keyed by that number, which executing and closing read and change; two copy
 * workers planning chunks at the same moment could get the same number and one chunk run the
 * other's plan. So each statement borrows a connection of its own until it is closed. Every
 * connection holds the same database schema objects, so plans, conventions and caches are
 * shared; an extra connection is opened only when every existing one is busy.
 */
final class CalciteStatements implements AutoCloseable {
  /** Opens one more Calcite connection with the databases registered. */
  interface Opener {
    CalciteConnection open() throws SQLException;
  }

  /** One connection and the refresh generation its schemas reflect. */
  private static final class Slot {
    final CalciteConnection connection;
    int generation;

    Slot(CalciteConnection connection, int generation) {
      this.connection = connection;
      this.generation = generation;
    }
  }

  private final Opener opener;
  private final Consumer<SchemaPlus> refresh;
  private final Deque<Slot> idle = new ArrayDeque<>();
  private final List<CalciteConnection> all = new ArrayList<>();
  private int generation;
  private boolean closed;

  /**
   * Statements over {@code first} and the connections {@code opener} opens as needed;
   * {@code refresh} makes one connection's root schema forget what it knows of the databases'
   * tables.
   */
  CalciteStatements(CalciteConnection first, Opener opener, Consumer<SchemaPlus> refresh) {
    this.opener = opener;
    this.refresh = refresh;
    idle.add(new Slot(first, 0));
    all.add(first);
  }

  /**
   * Prepares (plans) {@code sql} on a connection of its own, which goes back when the statement
   * is closed. Calcite keeps a snapshot of each schema's tables, so a statement naming a table
   * created since (by a copy with {@code --create}, or by anyone) fails once, and is prepared
   * again after a refresh.
   */
  PreparedStatement prepare(String sql) throws SQLException {
    Slot slot = borrow();
    try {
      PreparedStatement ps;
      try {
        ps = slot.connection.prepareStatement(sql);
      } catch (SQLException | RuntimeException e) {
        if (DirectPlan.find(e) != null || !notFound(e)) {
          throw e;
        }
        synchronized (this) {
          slot.generation = ++generation;
        }
        try {
          refresh.accept(slot.connection.getRootSchema());
        } catch (RuntimeException unreachable) {
          // A database that cannot list its schemas now: the first answer stands.
          throw e;
        }
        ps = slot.connection.prepareStatement(sql);
      }
      return owned(ps, slot, PreparedStatement.class);
    } catch (SQLException | RuntimeException | Error e) {
      giveBack(slot);
      throw e;
    }
  }

  /** A plain statement on a connection of its own, which goes back when it is closed. */
  Statement create() throws SQLException {
    Slot slot = borrow();
    try {
      return owned(slot.connection.createStatement(), slot, Statement.class);
    } catch (SQLException | RuntimeException | Error e) {
      giveBack(slot);
      throw e;
    }
  }

  /** Closes every connection; statements still open fail from then on. */
  @Override public void close() {
    List<CalciteConnection> toClose;
    synchronized (this) {
      closed = true;
      toClose = new ArrayList<>(all);
      all.clear();
      idle.clear();
    }
    for (CalciteConnection c : toClose) {
      try {
        c.close();
      } catch (SQLException ignored) {
        // The database connections behind them are closed by the engine.
      }
    }
  }

  private Slot borrow() throws SQLException {
    Slot slot;
    int current;
    synchronized (this) {
      if (closed) {
        throw new SQLException("the federation engine is closed", "08003");
      }
      slot = idle.pollFirst();
      current = generation;
    }
    if (slot == null) {
      CalciteConnection c = opener.open();
      synchronized (this) {
        all.add(c);
      }
      return new Slot(c, current);
    }
    if (slot.generation != current) {
      refresh.accept(slot.connection.getRootSchema());
      slot.generation = current;
    }
    return slot;
  }

  private synchronized void giveBack(Slot slot) {
    if (!closed) {
      idle.addFirst(slot);
    }
  }

  /** {@code statement}, giving its connection back when it is closed (once). */
  private <T extends Statement> T owned(T statement, Slot slot, Class<T> type) {
    boolean[] released = {false};
    return type.cast(Proxy.newProxyInstance(CalciteStatements.class.getClassLoader(),
        new Class<?>[] {type}, (p, m, a) -> {
          try {
            return m.invoke(statement, a);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          } finally {
            if (m.getName().equals("close")) {
              synchronized (released) {
                if (!released[0]) {
                  released[0] = true;
                  giveBack(slot);
                }
              }
            }
          }
        }));
  }

  /** Whether Calcite's validator reported a table or schema it does not know. */
  private static boolean notFound(Throwable t) {
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Throwable c = t; c != null && seen.add(c); c = c.getCause()) {
      if (c instanceof CalciteContextException && String.valueOf(c.getMessage()).contains("not found")) {
        return true;
      }
    }
    return false;
  }
}
