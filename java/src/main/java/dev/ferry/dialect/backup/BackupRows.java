package dev.ferry.dialect.backup;

import dev.ferry.archive.Archive;
import dev.ferry.archive.Manifest;
import dev.ferry.arrow.ArrowResultSet;
import dev.ferry.error.FerryFailure;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A table's rows across its chunk files as one forward-only {@link ResultSet}, optionally
 * projected to some of its columns: each file is opened (decrypted, decoded) when the one
 * before it ends, so one record batch is in memory at a time.
 *
 * <p>A proxy over the current file's {@link ArrowResultSet}: column numbers of every getter are
 * mapped through the projection; {@code next} moves to the next file at the end of one.
 */
final class BackupRows implements InvocationHandler {
  /** The Arrow memory every backup read allocates from. */
  static final BufferAllocator ALLOCATOR = new RootAllocator();

  private final Archive archive;
  private final Manifest.TableData data;
  private final int @Nullable [] projection;
  private final ResultSetMetaData metaData;
  private int next;
  private @Nullable ResultSet current;
  private boolean closed;

  private BackupRows(Archive archive, Manifest.TableData data, int @Nullable [] projection)
      throws SQLException {
    this.archive = archive;
    this.data = data;
    this.projection = projection;
    // The first file is opened at once: its schema is the result's metadata.
    ResultSet first = new ArrowResultSet(archive.open(data.chunks().get(0)), ALLOCATOR);
    this.current = first;
    this.next = 1;
    this.metaData = projection == null ? first.getMetaData() : projected(first.getMetaData(), projection);
  }

  /** {@code md} with only the columns {@code projection} numbers, in that order. */
  private static ResultSetMetaData projected(ResultSetMetaData md, int[] projection) {
    return (ResultSetMetaData) Proxy.newProxyInstance(BackupRows.class.getClassLoader(),
        new Class<?>[] {ResultSetMetaData.class}, (proxy, m, args) -> {
          if (m.getName().equals("getColumnCount")) {
            return projection.length;
          }
          Object[] mapped = args == null ? null : args.clone();
          if (mapped != null && mapped.length == 1 && mapped[0] instanceof Integer i) {
            mapped[0] = projection[i - 1];
          }
          try {
            return m.invoke(md, mapped);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
  }

  /**
   * The rows of {@code data}; {@code projection} lists 1-based column numbers to keep (null:
   * all, in order).
   */
  static ResultSet open(Archive archive, Manifest.TableData data, int @Nullable [] projection) {
    try {
      return (ResultSet) Proxy.newProxyInstance(BackupRows.class.getClassLoader(),
          new Class<?>[] {ResultSet.class}, new BackupRows(archive, data, projection));
    } catch (SQLException e) {
      throw FerryFailure.wrap(e, "reading " + data.name() + " from the backup in " + archive.dir());
    }
  }

  @Override public @Nullable Object invoke(Object proxy, Method m, @Nullable Object[] args)
      throws Throwable {
    switch (m.getName()) {
      case "next":
        return advance();
      case "close":
        close();
        return null;
      case "isClosed":
        return closed;
      case "getMetaData":
        return metaData;
      case "unwrap":
        return proxy;
      case "isWrapperFor":
        return ((Class<?>) args[0]).isInstance(proxy);
      case "getStatement":
        return null;
      case "setFetchSize":
      case "setFetchDirection":
        return null;
      case "getFetchSize":
        return 0;
      case "findColumn":
        return find((String) args[0]);
      case "hashCode":
        return System.identityHashCode(proxy);
      case "equals":
        return proxy == args[0];
      case "toString":
        return "rows of " + data.name() + " in the backup " + archive.dir();
      default:
        break;
    }
    ResultSet rs = current;
    if (rs == null) {
      throw new SQLException("no current row: call next() first");
    }
    if (args != null && args.length > 0 && m.getName().startsWith("get")) {
      Object[] mapped = args.clone();
      if (mapped[0] instanceof Integer i) {
        mapped[0] = projection == null ? i : projection[i - 1];
      } else if (mapped[0] instanceof String label) {
        int i = find(label);
        mapped[0] = projection == null ? i : projection[i - 1];
        Class<?>[] types = m.getParameterTypes().clone();
        types[0] = int.class;
        m = ResultSet.class.getMethod(m.getName(), types);
      }
      args = mapped;
    }
    try {
      return m.invoke(rs, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  private int find(String label) throws SQLException {
    for (int i = 1; i <= metaData.getColumnCount(); i++) {
      if (metaData.getColumnLabel(i).equals(label)) {
        return i;
      }
    }
    for (int i = 1; i <= metaData.getColumnCount(); i++) {
      if (metaData.getColumnLabel(i).equalsIgnoreCase(label)) {
        return i;
      }
    }
    throw new SQLException("no column " + label + " in " + data.name());
  }

  private boolean advance() throws SQLException {
    while (true) {
      ResultSet rs = current;
      if (rs != null && rs.next()) {
        return true;
      }
      if (rs != null) {
        rs.close();
        current = null;
      }
      if (closed || next >= data.chunks().size()) {
        return false;
      }
      Manifest.Chunk c = data.chunks().get(next++);
      current = new ArrowResultSet(archive.open(c), ALLOCATOR);
    }
  }

  private void close() throws SQLException {
    closed = true;
    ResultSet rs = current;
    current = null;
    if (rs != null) {
      rs.close();
    }
  }
}
