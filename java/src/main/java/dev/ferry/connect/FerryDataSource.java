package dev.ferry.connect;

import dev.ferry.config.DatabaseSpec;
import dev.ferry.dialect.Connector;
import dev.ferry.dialect.Dialect;
import dev.ferry.dialect.Dialects;

import static java.util.Objects.requireNonNull;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A small pool over one database that Ferry owns from open to close.
 *
 * <p>Calcite's JDBC adapter borrows a connection per query and never sets a fetch size, so every
 * connection handed out is a proxy that sets one on each statement, and each new connection is
 * prepared by the engine's dialect (pgjdbc, say, only streams with autocommit off). A connection
 * goes back into the pool in the autocommit mode its dialect prepared, whatever its borrower set:
 * a reader handed one left in autocommit by DDL would have pgjdbc hold its whole result in the
 * heap (verifying a restored 6M-row table took 5 GB). JVM shutdown hooks never run inside Node,
 * so {@link #closeAll()} closing every physical connection is what makes embedded databases (H2,
 * Derby, SQLite) flush to disk.
 */
public final class FerryDataSource implements DataSource {
  private final DatabaseSpec spec;
  private final Dialect dialect;
  private final Connector connector;
  private final Deque<Connection> idle = new ArrayDeque<>();
  /** Every open physical connection, with the autocommit mode its dialect prepared it in. */
  private final Map<Connection, Boolean> all = new HashMap<>();
  private boolean closed;

  /** Creates a pool for {@code spec}; nothing connects until the first borrow. */
  public FerryDataSource(DatabaseSpec spec) {
    this.spec = requireNonNull(spec, "spec");
    this.dialect = Dialects.of(spec);
    this.connector = dialect.connector(spec);
  }

  /** The database this pool serves. */
  public DatabaseSpec spec() {
    return spec;
  }

  /** The dialect of its engine. */
  public Dialect dialect() {
    return dialect;
  }

  @Override public Connection getConnection() throws SQLException {
    Connection physical;
    synchronized (this) {
      if (closed) {
        throw new SQLException("Ferry has closed database '" + spec.name() + "'", "08003");
      }
      physical = idle.pollFirst();
    }
    if (physical == null) {
      physical = openPhysical();
    }
    return wrap(physical);
  }

  /** Opens a new physical connection, outside the pool, named after the database on failure. */
  public Connection openPhysical() throws SQLException {
    Connection c;
    try {
      c = connector.open(spec, driverProperties());
    } catch (SQLException e) {
      throw spec.connectionFailure(e);
    }
    boolean autoCommit;
    try {
      if (spec.readOnly()) {
        c.setReadOnly(true);
      }
      dialect.prepare(c, spec);
      autoCommit = c.getAutoCommit();
    } catch (SQLException | RuntimeException e) {
      c.close();
      throw e;
    }
    synchronized (this) {
      if (closed) {
        c.close();
        throw new SQLException("Ferry has closed database '" + spec.name() + "'", "08003");
      }
      all.keySet().removeIf(FerryDataSource::isClosedQuietly);
      all.put(c, autoCommit);
    }
    return c;
  }

  private Properties driverProperties() {
    return driverProperties(spec, dialect);
  }

  /** Driver properties for {@code spec}: credentials, then what its dialect adds. */
  public static Properties driverProperties(DatabaseSpec spec, Dialect dialect) {
    Properties p = new Properties();
    if (spec.user() != null) {
      p.setProperty("user", spec.user());
    }
    if (spec.password() != null) {
      p.setProperty("password", spec.password());
    }
    dialect.driverProperties(spec, p);
    return p;
  }

  private Connection wrap(Connection physical) {
    ConnectionHandler handler = new ConnectionHandler(physical);
    return (Connection) Proxy.newProxyInstance(
        FerryDataSource.class.getClassLoader(), new Class<?>[] {Connection.class}, handler);
  }

  private void giveBack(Connection physical, boolean failed) {
    boolean keep;
    try {
      if (!physical.getAutoCommit()) {
        if (failed) {
          physical.rollback();
        } else {
          physical.commit();
        }
      }
      keep = !failed && !physical.isClosed();
      if (keep) {
        resetAutoCommit(physical);
      }
    } catch (SQLException e) {
      keep = false;
    }
    synchronized (this) {
      if (keep && !closed) {
        idle.addFirst(physical);
        return;
      }
      all.remove(physical);
    }
    closeQuietly(physical);
  }

  /** Puts {@code physical} back in the autocommit mode its dialect prepared it in. */
  private void resetAutoCommit(Connection physical) throws SQLException {
    Boolean prepared;
    synchronized (this) {
      prepared = all.get(physical);
    }
    if (prepared != null && physical.getAutoCommit() != prepared) {
      physical.setAutoCommit(prepared);
    }
  }

  /**
   * Cuts every physical connection at once, borrowed or idle, without waiting for the statements
   * running on them (a statement waiting on a lock holds the driver's own lock, so a close
   * would wait with it): on a daemon thread of its own, each has its running statement cancelled
   * by the server ({@link Dialect#cancelRunning}) and is then aborted ({@link Connection#abort},
   * which closes its socket; the server rolls back what it held). Returns those threads, for
   * the caller to wait on as long as it can; {@link #closeAll} still follows.
   */
  public List<Thread> abortAll() {
    List<Connection> toAbort;
    synchronized (this) {
      toAbort = new ArrayList<>(all.keySet());
    }
    List<Thread> threads = new ArrayList<>();
    for (Connection c : toAbort) {
      Thread t = new Thread(() -> {
        try {
          dialect.cancelRunning(c);
        } catch (SQLException | RuntimeException ignored) {
          // Nothing running, or the server is gone: the abort below still cuts the connection.
        }
        try {
          c.abort(Runnable::run);
        } catch (SQLException | RuntimeException | AbstractMethodError unsupported) {
          // Embedded drivers have no socket to cut; closeAll closes them as usual.
        }
      }, "ferry-abort-" + spec.name());
      t.setDaemon(true);
      t.start();
      threads.add(t);
    }
    return threads;
  }

  /** Closes every physical connection, borrowed or idle; later borrows fail. */
  public void closeAll() {
    Set<Connection> toClose;
    synchronized (this) {
      closed = true;
      toClose = new HashSet<>(all.keySet());
      all.clear();
      idle.clear();
    }
    for (Connection c : toClose) {
      try {
        if (!c.isClosed() && !c.getAutoCommit()) {
          c.rollback();
        }
      } catch (SQLException ignored) {
        // Closing anyway; the rollback only spares the server an aborted-session warning.
      }
      closeQuietly(c);
    }
    connector.close();
  }

  private static boolean isClosedQuietly(Connection c) {
    try {
      return c.isClosed();
    } catch (SQLException e) {
      return true;
    }
  }

  private static void closeQuietly(Connection c) {
    try {
      c.close();
    } catch (SQLException ignored) {
      // Nothing more can be done with a connection that fails to close.
    }
  }

  /**
   * Makes {@code borrowed} (a connection of this kind of pool) leave the pool when it is
   * closed, instead of going back for reuse: for a connection whose protocol state a caller
   * cannot vouch for, such as one whose COPY was abandoned through the driver's own API.
   */
  public static void discard(Connection borrowed) {
    if (Proxy.isProxyClass(borrowed.getClass())
        && Proxy.getInvocationHandler(borrowed) instanceof ConnectionHandler h) {
      h.failed = true;
    }
  }

  /** Sends borrowed connections back to the pool on close and sets fetch sizes on statements. */
  private final class ConnectionHandler implements InvocationHandler {
    private final Connection physical;
    private boolean released;
    private boolean failed;

    ConnectionHandler(Connection physical) {
      this.physical = physical;
    }

    @Override public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
      String name = method.getName();
      switch (name) {
      case "close":
        if (!released) {
          released = true;
          giveBack(physical, failed);
        }
        return null;
      case "isClosed":
        return released || physical.isClosed();
      case "unwrap":
        return ((Class<?>) args[0]).isInstance(proxy) ? proxy : physical.unwrap((Class<?>) args[0]);
      case "isWrapperFor":
        return ((Class<?>) args[0]).isInstance(proxy) || physical.isWrapperFor((Class<?>) args[0]);
      case "equals":
        return proxy == args[0];
      case "hashCode":
        return System.identityHashCode(proxy);
      default:
        break;
      }
      if (released) {
        throw new SQLException("connection already returned to Ferry's pool", "08003");
      }
      try {
        Object result = method.invoke(physical, args);
        if (result instanceof Statement s && spec.fetchSize() > 0) {
          s.setFetchSize(spec.fetchSize());
          return watch(s, (Connection) proxy);
        }
        return result;
      } catch (InvocationTargetException e) {
        failed = true;
        throw e.getCause();
      }
    }

    /**
     * Marks the connection failed when any statement call throws, so close rolls back.
     *
     * <p>Result sets are not wrapped (a proxy per cell read would cost more than the read), so
     * Calcite's enumerator closes the physical connection after a streamed query; that is safe
     * and {@link #openPhysical()} forgets closed connections.
     */
    private Statement watch(Statement s, Connection owner) {
      Class<?>[] ifaces = s instanceof java.sql.CallableStatement
          ? new Class<?>[] {java.sql.CallableStatement.class}
          : s instanceof java.sql.PreparedStatement
              ? new Class<?>[] {java.sql.PreparedStatement.class}
              : new Class<?>[] {Statement.class};
      return (Statement) Proxy.newProxyInstance(FerryDataSource.class.getClassLoader(), ifaces,
          (p, m, a) -> {
            if (m.getName().equals("getConnection")) {
              return owner;
            }
            try {
              Object r = m.invoke(s, a);
              return r instanceof java.sql.ResultSet rs ? dialect.wrapResults(rs, (Statement) p) : r;
            } catch (InvocationTargetException e) {
              failed = true;
              throw e.getCause();
            }
          });
    }
  }

  @Override public Connection getConnection(String username, String password) throws SQLException {
    throw new SQLFeatureNotSupportedException("credentials come from Ferry's config");
  }

  @Override public PrintWriter getLogWriter() {
    return null;
  }

  @Override public void setLogWriter(PrintWriter out) {}

  @Override public void setLoginTimeout(int seconds) {}

  @Override public int getLoginTimeout() {
    return 0;
  }

  @Override public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    throw new SQLFeatureNotSupportedException();
  }

  @Override public <T> T unwrap(Class<T> iface) throws SQLException {
    if (iface.isInstance(this)) {
      return iface.cast(this);
    }
    throw new SQLException("not a wrapper for " + iface);
  }

  @Override public boolean isWrapperFor(Class<?> iface) {
    return iface.isInstance(this);
  }
}
