package dev.ferry.arrow;

import dev.ferry.error.FerryFailure;
import dev.ferry.types.ColumnSpec;
import dev.ferry.util.Jdbc;

import java.io.IOException;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A query's open result, written out as one Arrow IPC stream.
 *
 * <p>The stream goes over a Unix domain socket that Node listens on: java-bridge copies a
 * returned byte array at ~140 MB/s on Node's main thread, a socket moves the same bytes at
 * memory speed while Node keeps running. Batches are {@code batchRows} rows, the first one small
 * so the first result reaches Node quickly.
 */
public final class ArrowChunks implements AutoCloseable {
  /** Field metadata key holding the SQL type name Calcite planned. */
  public static final String SQL_TYPE = "ferry.sqlType";
  private static final int FIRST_BATCH_ROWS = 2048;

  private final Statement statement;
  private final ResultSet resultSet;
  private final @Nullable Connection connection;
  private final VectorSchemaRoot root;
  private final ArrowColumn[] columns;
  private final int batchRows;
  private final boolean direct;
  private final java.util.concurrent.atomic.AtomicBoolean streaming =
      new java.util.concurrent.atomic.AtomicBoolean();
  private final java.util.concurrent.atomic.AtomicBoolean closed =
      new java.util.concurrent.atomic.AtomicBoolean();
  private volatile long rows;

  /**
   * Wraps an executed statement's result; {@code connection}, when given, is closed with it (a
   * query read straight from its database owns its connection).
   */
  public ArrowChunks(Statement statement, ResultSet resultSet, @Nullable Connection connection,
      List<ColumnSpec> specs, BufferAllocator allocator, int batchRows) {
    this.statement = statement;
    this.resultSet = resultSet;
    this.connection = connection;
    this.direct = connection != null;
    this.batchRows = batchRows;
    columns = new ArrowColumn[specs.size()];
    List<Field> fields = new ArrayList<>(specs.size());
    for (int i = 0; i < columns.length; i++) {
      columns[i] = ArrowColumn.of(specs.get(i), i + 1);
      fields.add(columns[i].field);
    }
    root = VectorSchemaRoot.create(new Schema(fields), allocator);
    for (int i = 0; i < columns.length; i++) {
      columns[i].vector = root.getVector(i);
    }
  }

  /** Whether the rows are read straight from the one database the query was pushed into. */
  public boolean isDirect() {
    return direct;
  }

  /** Rows written so far. */
  public long rowCount() {
    return rows;
  }

  /**
   * Connects to Node's Unix domain socket at {@code socketPath} (UTF-8) and writes the whole
   * result to it as an Arrow IPC stream; returns the number of rows. Always closes the result.
   */
  public long streamTo(byte[] socketPath) {
    if (!streaming.compareAndSet(false, true)) {
      throw FerryFailure.of("JVM_ERROR", "this result is already being read");
    }
    try (SocketChannel channel =
             SocketChannel.open(UnixDomainSocketAddress.of(new String(socketPath, java.nio.charset.StandardCharsets.UTF_8)));
         ArrowStreamWriter writer = new ArrowStreamWriter(root, null, channel)) {
      writer.start();
      boolean more = true;
      while (more) {
        root.allocateNew();
        int limit = rows == 0 ? Math.min(batchRows, FIRST_BATCH_ROWS) : batchRows;
        int count = 0;
        while (count < limit && (more = resultSet.next())) {
          for (ArrowColumn c : columns) {
            c.read(resultSet, count);
          }
          count++;
        }
        root.setRowCount(count);
        if (count > 0 || rows == 0) {
          writer.writeBatch();
        }
        rows += count;
      }
      writer.end();
      return rows;
    } catch (SQLException | IOException | RuntimeException e) {
      throw FerryFailure.wrap(e, "reading query results");
    } finally {
      release();
      root.close();
    }
  }

  /**
   * Closes the result. While another thread streams it, only the database side is closed (the
   * stream then fails and frees its Arrow buffers itself); freeing them here could pull memory
   * from under the writer.
   */
  @Override public void close() {
    release();
    if (!streaming.get() && streaming.compareAndSet(false, true)) {
      root.close();
    }
  }

  private void release() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    Jdbc.closeQuietly(resultSet, statement, connection);
  }
}
