package dev.ferry;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.TimeMicroVector;
import org.apache.arrow.vector.TimeStampMicroVector;
import org.apache.arrow.vector.TinyIntVector;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A query's result leaving the JVM as one Arrow IPC stream cut into byte chunks.
 *
 * <p>The first chunk carries the schema, every chunk carries one record batch, the last one also
 * the end-of-stream marker; Node concatenates them and reads one stream. One byte array per
 * batch crosses the bridge, never a call per cell. Column types follow the JDBC type Calcite
 * reports: BIGINT stays 64-bit, DECIMAL keeps precision and scale (as text above 38 digits),
 * timestamps are microseconds with no zone (the JVM runs in UTC so nothing shifts).
 */
public final class ArrowChunks implements AutoCloseable {
  /** Field metadata key holding the SQL type name Calcite reported. */
  public static final String SQL_TYPE = "ferry.sqlType";
  private static final int FIRST_BATCH_ROWS = 2048;

  private final Statement statement;
  private final ResultSet resultSet;
  private final VectorSchemaRoot root;
  private final Column[] columns;
  private final int batchRows;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 20);
  private final ArrowStreamWriter writer;
  private boolean started;
  private boolean done;
  private long rows;

  ArrowChunks(Statement statement, ResultSet resultSet, BufferAllocator allocator, int batchRows)
      throws SQLException {
    this.statement = statement;
    this.resultSet = resultSet;
    this.batchRows = batchRows;
    ResultSetMetaData md = resultSet.getMetaData();
    int n = md.getColumnCount();
    List<Field> fields = new ArrayList<>(n);
    columns = new Column[n];
    for (int i = 0; i < n; i++) {
      columns[i] = Column.of(md, i + 1);
      fields.add(columns[i].field);
    }
    root = VectorSchemaRoot.create(new Schema(fields), allocator);
    for (int i = 0; i < n; i++) {
      columns[i].vector = root.getVector(i);
    }
    writer = new ArrowStreamWriter(root, null, Channels.newChannel(out));
  }

  /** Rows sent so far. */
  public long rowCount() {
    return rows;
  }

  /**
   * Reads up to one batch of rows and returns the IPC bytes for it, or null once the stream has
   * been fully handed over.
   */
  public synchronized byte @Nullable [] next() {
    if (done) {
      return null;
    }
    try {
      if (!started) {
        writer.start();
        started = true;
      }
      root.allocateNew();
      int count = 0;
      boolean more = true;
      // A small first batch gets the first result to Node quickly; later batches are full size.
      int limit = rows == 0 ? Math.min(batchRows, FIRST_BATCH_ROWS) : batchRows;
      while (count < limit && (more = resultSet.next())) {
        for (Column c : columns) {
          c.read(resultSet, count);
        }
        count++;
      }
      root.setRowCount(count);
      if (count > 0 || rows == 0) {
        writer.writeBatch();
      }
      rows += count;
      if (!more) {
        writer.end();
        done = true;
        close();
      }
      byte[] bytes = out.toByteArray();
      out.reset();
      return bytes;
    } catch (SQLException | IOException | RuntimeException e) {
      done = true;
      close();
      throw FerryFailure.wrap(e, "reading query results");
    }
  }

  @Override public synchronized void close() {
    try {
      resultSet.close();
    } catch (SQLException ignored) {
      // The statement close below releases the same resources.
    }
    try {
      statement.close();
    } catch (SQLException ignored) {
      // Nothing else holds this statement.
    }
    root.close();
  }

  /** One result column: its Arrow field and how to copy a JDBC value into its vector. */
  private abstract static class Column {
    final Field field;
    FieldVector vector;

    Column(Field field) {
      this.field = field;
    }

    abstract void read(ResultSet rs, int row) throws SQLException;

    static Column of(ResultSetMetaData md, int i) throws SQLException {
      String label = md.getColumnLabel(i);
      int type = md.getColumnType(i);
      String typeName = String.valueOf(md.getColumnTypeName(i));
      int precision = md.getPrecision(i);
      int scale = md.getScale(i);
      boolean nullable = md.isNullable(i) != ResultSetMetaData.columnNoNulls;
      Map<String, String> meta = Map.of(SQL_TYPE, typeName);
      java.util.function.Function<ArrowType, Field> f =
          t -> new Field(label, new FieldType(nullable, t, null, meta), null);
      switch (type) {
      case Types.BIGINT:
        return new Column(f.apply(new ArrowType.Int(64, true))) {
          @Override void read(ResultSet rs, int row) throws SQLException {
            long v = rs.getLong(i);
            if (rs.wasNull()) {
              ((BigIntVector) vector).setNull(row);
            } else {
              ((BigIntVector) vector).setSafe(row, v);
            }
          }
        };
      case Types.INTEGER:
        return new Column(f.apply(new ArrowType.Int(32, true))) {
          @Override void read(ResultSet rs, int row) throws SQLException {
            int v = rs.getInt(i);
            if (rs.wasNull()) {
              ((IntVector) vector).setNull(row);
            } else {
              ((IntVector) vector).setSafe(row, v);
            }
          }
        };
      case Types.SMALLINT:
        return new Column(f.apply(new ArrowType.Int(16, true))) {
          @Override void read(ResultSet rs, int row) throws SQLException {
            short v = rs.getShort(i);
            if (rs.wasNull()) {
              ((SmallIntVector) vector).setNull(row);
            } else {
              ((SmallIntVector) vector).setSafe(row, v);
            }
          }
        };
      case Types.TINYINT:
        return new Column(f.apply(new ArrowType.Int(8, true))) {
          @Override void read(ResultSet rs, int row) throws SQLException {
            byte v = rs.getByte(i);
            if (rs.wasNull()) {
              ((TinyIntVector) vector).setNull(row);
            } else {
              ((TinyIntVector) vector).setSafe(row, v);
            }
          }
        };
      case Types.BOOLEAN:
      case Types.BIT:
        return new Column(f.apply(ArrowType.Bool.INSTANCE)) {
          @Override void read(ResultSet rs, int row) throws SQLException {
            boolean v = rs.getBoolean(i);
            if (rs.wasNull()) {
              ((BitVector) vector).setNull(row);
            } else {
              ((BitVector) vector).setSafe(row, v ? 1 : 0);
            }
          }
        };
      case Types.REAL:
        return new Column(f.apply(new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE))) {
          @Override void read(ResultSet rs, int row) throws SQLException {
            float v = rs.getFloat(i);
            if (rs.wasNull()) {
              ((Float4Vector) vector).setNull(row);
            } else {
              ((Float4Vector) vector).setSafe(row, v);
            }
          }
        };
      case Types.FLOAT:
      case Types.DOUBLE:
        return new Column(f.apply(new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE))) {
          @Override void read(ResultSet rs, int row) throws SQLException {
            double v = rs.getDouble(i);
            if (rs.wasNull()) {
              ((Float8Vector) vector).setNull(row);
            } else {
              ((Float8Vector) vector).setSafe(row, v);
            }
          }
        };
      case Types.DECIMAL:
      case Types.NUMERIC:
        if (precision >= 1 && precision <= 38 && scale >= 0 && scale <= precision) {
          return new Column(f.apply(new ArrowType.Decimal(precision, scale, 128))) {
            @Override void read(ResultSet rs, int row) throws SQLException {
              BigDecimal v = rs.getBigDecimal(i);
              if (v == null) {
                ((DecimalVector) vector).setNull(row);
              } else {
                // Only engines without a decimal type (SQLite keeps REAL) hand back more digits
                // than the declared scale; those values are rounded to it.
                ((DecimalVector) vector).setSafe(row, v.setScale(scale, RoundingMode.HALF_UP));
              }
            }
          };
        }
        return text(f, i, true);
      case Types.DATE:
        return new Column(f.apply(new ArrowType.Date(DateUnit.DAY))) {
          @Override void read(ResultSet rs, int row) throws SQLException {
            java.sql.Date v = rs.getDate(i);
            if (v == null) {
              ((DateDayVector) vector).setNull(row);
            } else {
              ((DateDayVector) vector).setSafe(row, (int) v.toLocalDate().toEpochDay());
            }
          }
        };
      case Types.TIME:
        return new Column(f.apply(new ArrowType.Time(TimeUnit.MICROSECOND, 64))) {
          @Override void read(ResultSet rs, int row) throws SQLException {
            java.sql.Time v = rs.getTime(i);
            if (v == null) {
              ((TimeMicroVector) vector).setNull(row);
            } else {
              long ms = Math.floorMod(v.getTime(), 86_400_000L);
              ((TimeMicroVector) vector).setSafe(row, ms * 1000L);
            }
          }
        };
      case Types.TIMESTAMP:
        return new Column(f.apply(new ArrowType.Timestamp(TimeUnit.MICROSECOND, null))) {
          @Override void read(ResultSet rs, int row) throws SQLException {
            Timestamp v = rs.getTimestamp(i);
            if (v == null) {
              ((TimeStampMicroVector) vector).setNull(row);
            } else {
              // Read as the driver meant it (java.sql types use the Julian calendar before
              // 1582), so year-1000 values keep their calendar date.
              java.time.LocalDateTime t = v.toLocalDateTime();
              long micros = t.toEpochSecond(java.time.ZoneOffset.UTC) * 1_000_000L + t.getNano() / 1000;
              ((TimeStampMicroVector) vector).setSafe(row, micros);
            }
          }
        };
      case Types.BINARY:
      case Types.VARBINARY:
      case Types.LONGVARBINARY:
      case Types.BLOB:
        return new Column(f.apply(ArrowType.Binary.INSTANCE)) {
          @Override void read(ResultSet rs, int row) throws SQLException {
            byte[] v = rs.getBytes(i);
            if (v == null) {
              ((VarBinaryVector) vector).setNull(row);
            } else {
              ((VarBinaryVector) vector).setSafe(row, v);
            }
          }
        };
      case Types.NULL:
        return new Column(f.apply(ArrowType.Null.INSTANCE)) {
          @Override void read(ResultSet rs, int row) {
            // A NULL-typed column has no buffers to fill.
          }
        };
      default:
        return text(f, i, false);
      }
    }

    private static Column text(java.util.function.Function<ArrowType, Field> f, int i,
        boolean decimal) {
      return new Column(f.apply(ArrowType.Utf8.INSTANCE)) {
        @Override void read(ResultSet rs, int row) throws SQLException {
          String v;
          if (decimal) {
            BigDecimal d = rs.getBigDecimal(i);
            v = d == null ? null : d.toPlainString();
          } else {
            Object o = rs.getObject(i);
            v = o == null ? null : o instanceof String s ? s : String.valueOf(o);
          }
          if (v == null) {
            ((VarCharVector) vector).setNull(row);
          } else {
            ((VarCharVector) vector).setSafe(row, v.getBytes(StandardCharsets.UTF_8));
          }
        }
      };
    }
  }
}
