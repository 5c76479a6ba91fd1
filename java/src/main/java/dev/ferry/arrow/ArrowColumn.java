package dev.ferry.arrow;

import dev.ferry.types.ColumnSpec;
import dev.ferry.types.ColumnTypes;
import dev.ferry.util.JavaTimeReader;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Map;
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
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;

/**
 * One result column: its Arrow field and how to copy a JDBC value into its vector.
 *
 * <p>Types follow the SQL type Calcite planned: BIGINT stays 64-bit, DECIMAL keeps precision and
 * scale (as text above 38 digits), timestamps are microseconds with no zone (the JVM runs in UTC
 * so nothing shifts), anything without an Arrow counterpart is text.
 */
abstract class ArrowColumn {
  final Field field;
  FieldVector vector;

  ArrowColumn(Field field) {
    this.field = field;
  }

  abstract void read(ResultSet rs, int row) throws SQLException;

  /**
   * The column for {@code spec}, read from result column {@code i} (1-based): query results. A
   * CHAR(n) value comes padded with spaces to n characters, as SQL and PostgreSQL give it,
   * whichever engine held it: MariaDB strips the padding on read, SQLite keeps what was written,
   * and Calcite's runtime carries what the source gave.
   */
  static ArrowColumn of(ColumnSpec spec, int i) {
    Map<String, String> meta = Map.of(ArrowChunks.SQL_TYPE, spec.typeName());
    int n = spec.precision();
    if ((spec.jdbcType() == Types.CHAR || spec.jdbcType() == Types.NCHAR) && n > 0
        && n < ColumnTypes.UNBOUNDED_LENGTH) {
      return new ArrowColumn(new Field(spec.label(),
          new FieldType(spec.nullable(), ArrowType.Utf8.INSTANCE, null, meta), null)) {
        @Override void read(ResultSet rs, int row) throws SQLException {
          String v = rs.getString(i);
          if (v == null) {
            ((VarCharVector) vector).setNull(row);
          } else {
            ((VarCharVector) vector).setSafe(row, padded(v, n).getBytes(StandardCharsets.UTF_8));
          }
        }
      };
    }
    return of(spec, i, meta);
  }

  /** {@code v} with spaces added up to {@code n} code points (never cut). */
  static String padded(String v, int n) {
    int have = v.codePointCount(0, v.length());
    return have >= n ? v : v + " ".repeat(n - have);
  }

  /**
   * As {@link #of(ColumnSpec, int, Map)}, read the cheaper way {@code cells} says the driver
   * allows where it gives the same values.
   */
  static ArrowColumn of(ColumnSpec spec, int i, Map<String, String> meta, DriverCells cells) {
    return DriverCellColumns.of(of(spec, i, meta), spec, i, cells);
  }

  /**
   * The column for {@code spec}, read from result column {@code i}, its field carrying
   * {@code meta} (a chunk file keeps the whole spec there).
   */
  static ArrowColumn of(ColumnSpec spec, int i, Map<String, String> meta) {
    String label = spec.label();
    int type = spec.jdbcType();
    int precision = spec.precision();
    int scale = spec.scale();
    boolean nullable = spec.nullable();
    java.util.function.Function<ArrowType, Field> f =
        t -> new Field(label, new FieldType(nullable, t, null, meta), null);
    switch (type) {
    case Types.BIGINT:
      return new ArrowColumn(f.apply(new ArrowType.Int(64, true))) {
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
      return new ArrowColumn(f.apply(new ArrowType.Int(32, true))) {
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
      return new ArrowColumn(f.apply(new ArrowType.Int(16, true))) {
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
      return new ArrowColumn(f.apply(new ArrowType.Int(8, true))) {
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
      return new ArrowColumn(f.apply(ArrowType.Bool.INSTANCE)) {
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
      return new ArrowColumn(f.apply(new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE))) {
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
      return new ArrowColumn(f.apply(new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE))) {
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
        // Up to 18 digits, plain text goes straight to the unscaled long (DecimalText).
        boolean fromText = precision <= 18;
        return new ArrowColumn(f.apply(new ArrowType.Decimal(precision, scale, 128))) {
          @Override void read(ResultSet rs, int row) throws SQLException {
            DecimalVector d = (DecimalVector) vector;
            if (fromText) {
              String t = rs.getString(i);
              if (t == null) {
                d.setNull(row);
                return;
              }
              long v = DecimalText.unscaled(t, precision, scale);
              if (v != DecimalText.NOT_PLAIN) {
                d.setSafe(row, v);
                return;
              }
            }
            BigDecimal v = rs.getBigDecimal(i);
            if (v == null) {
              d.setNull(row);
            } else {
              // Only engines without a decimal type (SQLite keeps REAL) hand back more digits
              // than the declared scale; those values are rounded to it.
              d.setSafe(row, v.setScale(scale, RoundingMode.HALF_UP));
            }
          }
        };
      }
      return text(f, i, true);
    case Types.DATE:
      return new ArrowColumn(f.apply(new ArrowType.Date(DateUnit.DAY))) {
        private final JavaTimeReader<LocalDate> reader = new JavaTimeReader<>(i, LocalDate.class,
            rs -> {
              java.sql.Date d = rs.getDate(i);
              return d == null ? null : d.toLocalDate();
            });

        @Override void read(ResultSet rs, int row) throws SQLException {
          Object v = reader.read(rs);
          if (v == null) {
            ((DateDayVector) vector).setNull(row);
          } else {
            ((DateDayVector) vector).setSafe(row, (int) ((LocalDate) v).toEpochDay());
          }
        }
      };
    case Types.TIME:
      return new ArrowColumn(f.apply(new ArrowType.Time(TimeUnit.MICROSECOND, 64))) {
        private final JavaTimeReader<LocalTime> reader = new JavaTimeReader<>(i, LocalTime.class,
            rs -> {
              java.sql.Time t = rs.getTime(i);
              return t == null ? null
                  : LocalTime.ofNanoOfDay(Math.floorMod(t.getTime(), 86_400_000L) * 1_000_000L);
            });

        @Override void read(ResultSet rs, int row) throws SQLException {
          Object v = reader.read(rs);
          if (v == null) {
            ((TimeMicroVector) vector).setNull(row);
          } else {
            ((TimeMicroVector) vector).setSafe(row, ((LocalTime) v).toNanoOfDay() / 1000L);
          }
        }
      };
    case Types.TIMESTAMP:
      return new ArrowColumn(f.apply(new ArrowType.Timestamp(TimeUnit.MICROSECOND, null))) {
        private final JavaTimeReader<LocalDateTime> reader = new JavaTimeReader<>(i,
            LocalDateTime.class, rs -> {
              Timestamp t = rs.getTimestamp(i);
              return t == null ? null : t.toLocalDateTime();
            });

        @Override void read(ResultSet rs, int row) throws SQLException {
          Object v = reader.read(rs);
          if (v == null) {
            ((TimeStampMicroVector) vector).setNull(row);
          } else {
            // Read as java.time where the driver can (exact before 1582 and BC), else as the
            // driver meant its java.sql value.
            LocalDateTime t = (LocalDateTime) v;
            long micros = t.toEpochSecond(java.time.ZoneOffset.UTC) * 1_000_000L + t.getNano() / 1000;
            ((TimeStampMicroVector) vector).setSafe(row, micros);
          }
        }
      };
    case Types.BINARY:
    case Types.VARBINARY:
    case Types.LONGVARBINARY:
    case Types.BLOB:
      return new ArrowColumn(f.apply(ArrowType.Binary.INSTANCE)) {
        @Override void read(ResultSet rs, int row) throws SQLException {
          byte[] v = rs.getBytes(i);
          if (v == null) {
            ((VarBinaryVector) vector).setNull(row);
          } else {
            ((VarBinaryVector) vector).setSafe(row, v);
          }
        }
      };
    case Types.CHAR:
    case Types.VARCHAR:
    case Types.LONGVARCHAR:
    case Types.NCHAR:
    case Types.NVARCHAR:
    case Types.LONGNVARCHAR:
    case Types.CLOB:
    case Types.NCLOB:
      // getString, as sinks read these: getObject gives a CLOB's locator, not its text.
      return new ArrowColumn(f.apply(ArrowType.Utf8.INSTANCE)) {
        @Override void read(ResultSet rs, int row) throws SQLException {
          String v = rs.getString(i);
          if (v == null) {
            ((VarCharVector) vector).setNull(row);
          } else {
            ((VarCharVector) vector).setSafe(row, v.getBytes(StandardCharsets.UTF_8));
          }
        }
      };
    case Types.NULL:
      return new ArrowColumn(f.apply(ArrowType.Null.INSTANCE)) {
        @Override void read(ResultSet rs, int row) {
          // A NULL-typed column has no buffers to fill.
        }
      };
    default:
      return text(f, i, false);
    }
  }

  private static ArrowColumn text(java.util.function.Function<ArrowType, Field> f, int i,
      boolean decimal) {
    return new ArrowColumn(f.apply(ArrowType.Utf8.INSTANCE)) {
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
