package dev.ferry.dialect.postgres;

import dev.ferry.types.ColumnSpec;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Locale;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BaseVariableWidthVector;
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
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Decoders of PostgreSQL's binary send formats into the Arrow vectors of a chunk file, one per
 * (PostgreSQL type, Arrow type) pair whose JDBC read {@link dev.ferry.arrow.ArrowStreamFileWriter}
 * would store the very same value.
 *
 * <p>Each decoder writes what the JDBC path writes from pgjdbc's value, with the same vector
 * calls, so a chunk file's bytes do not depend on the path: timestamps and dates move from
 * PostgreSQL's 2000-01-01 epoch to 1970's; {@code 24:00:00} is the last microsecond of the day
 * (pgjdbc reads it as {@code LocalTime.MAX}); NaN is Java's one NaN (pgjdbc parses it from
 * text); text is the UTF-8 bytes as sent. Values the JDBC path cannot store exactly either
 * (infinite dates and timestamps, numeric NaN) fail with the column named.
 */
final class BinaryFields {
  /** Microseconds from 1970-01-01 to 2000-01-01. */
  private static final long EPOCH_MICROS = 946_684_800_000_000L;
  /** Days from 1970-01-01 to 2000-01-01. */
  private static final int EPOCH_DAYS = 10_957;
  private static final long DAY_MICROS = 86_400_000_000L;

  private BinaryFields() {}

  /** Reads one column's values into its vector, row by row. */
  abstract static class Field {
    final String label;
    final String type;

    Field(String label, String type) {
      this.label = label;
      this.type = type;
    }

    /**
     * Stores the value in {@code b[at..at+len)} at {@code row}; returns the bytes it added to a
     * variable-width vector (0 for the others).
     */
    abstract int read(byte[] b, int at, int len, int row) throws SQLException;

    /** Stores SQL NULL at {@code row}. */
    abstract void setNull(int row);

    /** The failure of a value this column cannot store. */
    final SQLException cannot(String what) {
      return new SQLException("column " + label + " (" + type + ") holds " + what
          + ", which a backup cannot store", "22008");
    }

    final void length(int len, int want) throws SQLException {
      if (len != want) {
        throw new SQLException("column " + label + " (" + type + ") came with " + len
            + " bytes in the binary COPY, not " + want, "08P01");
      }
    }
  }

  private abstract static class Fixed extends Field {
    private final BaseFixedWidthVector v;

    Fixed(String label, String type, FieldVector v) {
      super(label, type);
      this.v = (BaseFixedWidthVector) v;
    }

    @Override final void setNull(int row) {
      v.setNull(row);
    }
  }

  private abstract static class Variable extends Field {
    private final BaseVariableWidthVector v;

    Variable(String label, String type, FieldVector v) {
      super(label, type);
      this.v = (BaseVariableWidthVector) v;
    }

    @Override final void setNull(int row) {
      v.setNull(row);
    }
  }

  /** Makes a column's decoder once its vector exists. */
  @FunctionalInterface
  interface Maker {
    /** The decoder writing into {@code vector}, of the Arrow type the maker was chosen for. */
    Field on(FieldVector vector);
  }

  /**
   * How {@code pgType} values are decoded into the vector of Arrow type {@code t} made for
   * {@code spec}; null when the pair is not one whose JDBC read stores exactly what the decoder
   * would.
   */
  static @Nullable Maker of(String pgType, ColumnSpec spec, ArrowType t) {
    String label = spec.label();
    boolean decimalSpec = spec.jdbcType() == Types.DECIMAL || spec.jdbcType() == Types.NUMERIC;
    switch (pgType.toLowerCase(Locale.ROOT)) {
    // pgjdbc names a column with a sequence default serial and so on; the type is the same.
    case "int2": case "smallserial":
      return whole(label, pgType, t, 2);
    case "int4": case "serial":
      return whole(label, pgType, t, 4);
    case "int8": case "bigserial":
      return whole(label, pgType, t, 8);
    case "float4":
      return t instanceof ArrowType.FloatingPoint p && p.getPrecision() == FloatingPointPrecision.SINGLE
          ? v -> new Fixed(label, pgType, v) {
            @Override int read(byte[] b, int at, int len, int row) throws SQLException {
              length(len, 4);
              float f = Float.intBitsToFloat(i32(b, at));
              ((Float4Vector) v).setSafe(row, Float.isNaN(f) ? Float.NaN : f);
              return 0;
            }
          } : null;
    case "float8":
      return t instanceof ArrowType.FloatingPoint p && p.getPrecision() == FloatingPointPrecision.DOUBLE
          ? v -> new Fixed(label, pgType, v) {
            @Override int read(byte[] b, int at, int len, int row) throws SQLException {
              length(len, 8);
              double d = Double.longBitsToDouble(i64(b, at));
              ((Float8Vector) v).setSafe(row, Double.isNaN(d) ? Double.NaN : d);
              return 0;
            }
          } : null;
    case "bool":
      return t instanceof ArrowType.Bool ? v -> new Fixed(label, pgType, v) {
        @Override int read(byte[] b, int at, int len, int row) throws SQLException {
          length(len, 1);
          ((BitVector) v).setSafe(row, b[at] != 0 ? 1 : 0);
          return 0;
        }
      } : null;
    case "numeric":
      if (t instanceof ArrowType.Decimal d && d.getBitWidth() == 128) {
        return v -> decimal(label, pgType, (DecimalVector) v);
      }
      return t instanceof ArrowType.Utf8 && decimalSpec ? v -> new Variable(label, pgType, v) {
        @Override int read(byte[] b, int at, int len, int row) throws SQLException {
          String bad = BinaryNumeric.notANumber(b, at);
          if (bad != null) {
            throw cannot(bad);
          }
          // As the JDBC path stores it: BigDecimal's plain text, here at the display scale.
          byte[] text = BinaryNumeric.exact(b, at).toPlainString().getBytes(StandardCharsets.UTF_8);
          ((VarCharVector) v).setSafe(row, text);
          return text.length;
        }
      } : null;
    case "date":
      return t instanceof ArrowType.Date d && d.getUnit() == DateUnit.DAY
          ? v -> new Fixed(label, pgType, v) {
            @Override int read(byte[] b, int at, int len, int row) throws SQLException {
              length(len, 4);
              int days = i32(b, at);
              if (days == Integer.MAX_VALUE || days == Integer.MIN_VALUE) {
                throw cannot(days > 0 ? "infinity" : "-infinity");
              }
              ((DateDayVector) v).setSafe(row, days + EPOCH_DAYS);
              return 0;
            }
          } : null;
    case "time":
      return t instanceof ArrowType.Time tm && tm.getUnit() == TimeUnit.MICROSECOND
          && tm.getBitWidth() == 64 ? v -> new Fixed(label, pgType, v) {
            @Override int read(byte[] b, int at, int len, int row) throws SQLException {
              length(len, 8);
              long micros = i64(b, at);
              ((TimeMicroVector) v).setSafe(row, micros >= DAY_MICROS ? DAY_MICROS - 1 : micros);
              return 0;
            }
          } : null;
    case "timestamp":
      return t instanceof ArrowType.Timestamp ts && ts.getUnit() == TimeUnit.MICROSECOND
          && ts.getTimezone() == null ? v -> new Fixed(label, pgType, v) {
            @Override int read(byte[] b, int at, int len, int row) throws SQLException {
              length(len, 8);
              long micros = i64(b, at);
              if (micros == Long.MAX_VALUE || micros == Long.MIN_VALUE) {
                throw cannot(micros > 0 ? "infinity" : "-infinity");
              }
              ((TimeStampMicroVector) v).setSafe(row, micros + EPOCH_MICROS);
              return 0;
            }
          } : null;
    case "text": case "varchar": case "bpchar": case "name":
      return t instanceof ArrowType.Utf8 && !decimalSpec ? v -> bytes(label, pgType, v) : null;
    case "bytea":
      return t instanceof ArrowType.Binary ? v -> bytes(label, pgType, v) : null;
    default:
      return null;
    }
  }

  /** Whole numbers of {@code width} bytes into a signed integer vector at least as wide. */
  private static @Nullable Maker whole(String label, String pgType, ArrowType t, int width) {
    if (!(t instanceof ArrowType.Int i) || !i.getIsSigned() || i.getBitWidth() < 8 * width) {
      return null;
    }
    switch (i.getBitWidth()) {
    case 64:
      return v -> new Fixed(label, pgType, v) {
        @Override int read(byte[] b, int at, int len, int row) throws SQLException {
          length(len, width);
          ((BigIntVector) v).setSafe(row, width == 8 ? i64(b, at) : width == 4 ? i32(b, at) : i16(b, at));
          return 0;
        }
      };
    case 32:
      return v -> new Fixed(label, pgType, v) {
        @Override int read(byte[] b, int at, int len, int row) throws SQLException {
          length(len, width);
          ((IntVector) v).setSafe(row, width == 4 ? i32(b, at) : i16(b, at));
          return 0;
        }
      };
    case 16:
      return v -> new Fixed(label, pgType, v) {
        @Override int read(byte[] b, int at, int len, int row) throws SQLException {
          length(len, 2);
          ((SmallIntVector) v).setSafe(row, (short) i16(b, at));
          return 0;
        }
      };
    default:
      return null;
    }
  }

  /** Numerics at the column's scale: a long when it fits, else through BigDecimal. */
  private static Field decimal(String label, String pgType, DecimalVector f) {
    int scale = f.getScale();
    int precision = f.getPrecision();
    return new Fixed(label, pgType, f) {
      @Override int read(byte[] b, int at, int len, int row) throws SQLException {
        String bad = BinaryNumeric.notANumber(b, at);
        if (bad != null) {
          throw cannot(bad);
        }
        long v = BinaryNumeric.unscaled(b, at, scale, precision);
        if (v != Long.MIN_VALUE) {
          f.setSafe(row, v);
        } else {
          f.setSafe(row, BinaryNumeric.atScale(b, at, scale));
        }
        return 0;
      }
    };
  }

  /** Text (UTF-8, as sent) and binary values, their bytes copied as they are. */
  private static Field bytes(String label, String pgType, FieldVector v) {
    BaseVariableWidthVector f = (BaseVariableWidthVector) v;
    return new Variable(label, pgType, f) {
      @Override int read(byte[] b, int at, int len, int row) {
        f.setSafe(row, b, at, len);
        return len;
      }
    };
  }

  static int i16(byte[] b, int at) {
    return (short) (((b[at] & 0xFF) << 8) | (b[at + 1] & 0xFF));
  }

  static int i32(byte[] b, int at) {
    return ((b[at] & 0xFF) << 24) | ((b[at + 1] & 0xFF) << 16) | ((b[at + 2] & 0xFF) << 8)
        | (b[at + 3] & 0xFF);
  }

  static long i64(byte[] b, int at) {
    return ((long) i32(b, at) << 32) | (i32(b, at + 4) & 0xFFFFFFFFL);
  }
}
