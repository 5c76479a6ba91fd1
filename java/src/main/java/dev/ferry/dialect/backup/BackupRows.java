package dev.ferry.dialect.backup;

import static java.util.Objects.requireNonNull;

import dev.ferry.archive.Archive;
import dev.ferry.archive.Manifest;
import dev.ferry.arrow.ArrowResultSet;
import dev.ferry.arrow.VectorBatches;
import dev.ferry.error.FerryFailure;
import dev.ferry.types.ColumnSpec;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
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
  /** The files read, in order: all, or those whose keys can fall in {@link #ranges}. */
  private final List<Manifest.Chunk> files;
  /** Inclusive key ranges rows must fall in ({@code key BETWEEN lo AND hi OR …}); null: all rows. */
  private final long @Nullable [][] ranges;
  /** The key's column (1-based, in the files) that {@link #ranges} filter on. */
  private final int keyColumn;
  private @Nullable ResultSet current;
  private boolean closed;

  private BackupRows(Archive archive, Manifest.TableData data, int @Nullable [] projection,
      long @Nullable [][] ranges) throws SQLException {
    this.archive = archive;
    this.data = data;
    this.projection = projection;
    this.ranges = ranges;
    // BackupScan passes ranges only on a key column the files hold.
    this.keyColumn = ranges == null ? 0 : BackupScan.column(data.columns(), data.key().get(0)) + 1;
    List<Manifest.Chunk> kept = new ArrayList<>();
    for (Manifest.Chunk c : data.chunks()) {
      if (ranges == null || mayHold(c, ranges)) {
        kept.add(c);
      }
    }
    this.files = kept;
    // The first file is opened at once: its schema is the result's metadata (when no file may
    // hold the keys asked for, it is read for that alone).
    ResultSet first = new ArrowResultSet(archive.open(kept.isEmpty() ? data.chunks().get(0) : kept.get(0)),
        ALLOCATOR);
    this.metaData = projection == null ? first.getMetaData() : projected(first.getMetaData(), projection);
    if (kept.isEmpty()) {
      first.close();
    } else {
      this.current = first;
    }
    this.next = 1;
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
  static ResultSet open(Archive archive, Manifest.TableData data, int @Nullable [] projection,
      long @Nullable [][] ranges) {
    try {
      return (ResultSet) Proxy.newProxyInstance(BackupRows.class.getClassLoader(),
          new Class<?>[] {ResultSet.class}, new BackupRows(archive, data, projection, ranges));
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
        // Batches hold every row of a file: offered only when no key range filters them.
        return args[0] == VectorBatches.class && ranges == null ? new Batches() : proxy;
      case "isWrapperFor":
        return args[0] == VectorBatches.class ? ranges == null : ((Class<?>) args[0]).isInstance(proxy);
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
        if (ranges == null || within(rs.getLong(keyColumn), ranges)) {
          return true;
        }
        continue;
      }
      if (!nextFile()) {
        return false;
      }
    }
  }

  /** Whether {@code key} falls in one of {@code ranges}. */
  private static boolean within(long key, long[][] ranges) {
    for (long[] r : ranges) {
      if (key >= r[0] && key <= r[1]) {
        return true;
      }
    }
    return false;
  }

  /** Whether file {@code c} may hold keys in {@code ranges}, by the key range the manifest records. */
  private static boolean mayHold(Manifest.Chunk c, long[][] ranges) {
    if (c.rows() == 0) {
      return false;
    }
    if (c.keyMin() == null || c.keyMax() == null) {
      return true;
    }
    long min = Long.parseLong(c.keyMin());
    long max = Long.parseLong(c.keyMax());
    for (long[] r : ranges) {
      if (r[0] <= max && r[1] >= min) {
        return true;
      }
    }
    return false;
  }

  /** Closes the current file and opens the next one; false after the last. */
  private boolean nextFile() throws SQLException {
    ResultSet rs = current;
    if (rs != null) {
      rs.close();
      current = null;
    }
    if (closed || next >= files.size()) {
      return false;
    }
    Manifest.Chunk c = files.get(next++);
    current = new ArrowResultSet(archive.open(c), ALLOCATOR);
    return true;
  }

  /**
   * The same rows as record batches, file after file, projected as the result is: for a
   * reader of whole vectors, which then leaves the row-by-row getters alone.
   */
  private final class Batches implements VectorBatches {
    private final List<ColumnSpec> specs;
    private @Nullable VectorSchemaRoot read;
    private @Nullable VectorSchemaRoot shown;

    Batches() throws SQLException {
      ArrowResultSet first = (ArrowResultSet) requireNonNull(current, "current");
      List<ColumnSpec> all = first.specs();
      if (projection == null) {
        specs = all;
      } else {
        List<ColumnSpec> kept = new ArrayList<>();
        for (int c : projection) {
          kept.add(all.get(c - 1));
        }
        specs = List.copyOf(kept);
      }
    }

    @Override public @Nullable VectorSchemaRoot nextBatch() throws SQLException {
      while (true) {
        ArrowResultSet rs = (ArrowResultSet) current;
        VectorSchemaRoot r = rs == null ? null : rs.nextBatch();
        if (r != null) {
          return projected(r);
        }
        if (!nextFile()) {
          return null;
        }
      }
    }

    @Override public List<ColumnSpec> specs() {
      return specs;
    }

    /** {@code r}'s vectors the projection keeps (the vectors themselves, not copies). */
    private VectorSchemaRoot projected(VectorSchemaRoot r) {
      if (projection == null) {
        return r;
      }
      if (read != r || shown == null) {
        List<FieldVector> kept = new ArrayList<>();
        for (int c : projection) {
          kept.add(r.getVector(c - 1));
        }
        // Not closed: the vectors belong to the file's result set, which frees them.
        shown = new VectorSchemaRoot(kept);
        read = r;
      }
      shown.setRowCount(r.getRowCount());
      return shown;
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
