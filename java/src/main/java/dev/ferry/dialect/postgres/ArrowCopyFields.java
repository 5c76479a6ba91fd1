package dev.ferry.dialect.postgres;

import dev.ferry.sink.TargetColumns;
import dev.ferry.types.ColumnSpec;
import dev.ferry.types.ColumnTypes;

import java.math.BigDecimal;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.sql.Types;
import java.util.Locale;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.NullVector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.TimeMicroVector;
import org.apache.arrow.vector.TimeStampMicroVector;
import org.apache.arrow.vector.TinyIntVector;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VarCharVector;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * One chunk-file column printed as COPY text straight from its Arrow vector, and the rule for
 * which PostgreSQL columns take that text unchanged.
 *
 * <p>A field reads the current batch's buffers by row; the caller writes {@code \N} for nulls
 * and the separators. {@link #of} answers null for a pairing PostgreSQL could change silently
 * (a NUMERIC rounded to a smaller scale, a timestamp read in the session's zone, text of a
 * zoned timestamp cut to a date), which the typed sink then checks value by value.
 */
abstract class ArrowCopyFields extends CopyField {
  private ArrowCopyFields(FieldVector vector) {
    super(vector);
  }

  /** A value PostgreSQL would keep changed, found while printing it. */
  static final class Rejected extends RuntimeException {
    private static final long serialVersionUID = 1L;
    /** The value as text, for the message. */
    final String value;

    Rejected(String value, String why) {
      super(why, null, false, false);
      this.value = value;
    }
  }

  /**
   * The field printing {@code vector} (column {@code spec} of the file) for target column
   * {@code target}, or null when PostgreSQL could keep one of its values changed.
   */
  static @Nullable ArrowCopyFields of(FieldVector vector, ColumnSpec spec, TargetColumns.Column target) {
    int to = target.jdbcType();
    String toName = target.typeName().toLowerCase(Locale.ROOT);
    if (vector instanceof NullVector) {
      return new ArrowCopyFields(vector) {
        @Override void write(int row, CopyTextBuffer out) {
          out.nul();
        }
      };
    } else if (vector instanceof BigIntVector || vector instanceof IntVector
        || vector instanceof SmallIntVector || vector instanceof TinyIntVector) {
      // Too large for the target's integer: PostgreSQL refuses it, naming the line.
      return integer(to) || numeric(to) ? new Whole(vector) : null;
    } else if (vector instanceof BitVector bits) {
      return to == Types.BIT || to == Types.BOOLEAN ? new ArrowCopyFields(bits) {
        @Override void write(int row, CopyTextBuffer out) {
          out.put((byte) (bits.get(row) != 0 ? 't' : 'f'));
        }
      } : null;
    } else if (vector instanceof Float4Vector f4) {
      return to == Types.REAL || to == Types.FLOAT || to == Types.DOUBLE
          ? new ArrowCopyFields(f4) {
            @Override void write(int row, CopyTextBuffer out) {
              // The shortest text that reads back as this float: NaN, Infinity, -0.0 included.
              out.ascii(Float.toString(f4.get(row)));
            }
          } : null;
    } else if (vector instanceof Float8Vector f8) {
      return to == Types.FLOAT || to == Types.DOUBLE ? new ArrowCopyFields(f8) {
        @Override void write(int row, CopyTextBuffer out) {
          out.ascii(Double.toString(f8.get(row)));
        }
      } : null;
    } else if (vector instanceof DecimalVector d) {
      return numeric(to) && (unbounded(target) || target.digits() >= d.getScale())
          ? new Decimal(d) : null;
    } else if (vector instanceof DateDayVector days) {
      return to == Types.DATE ? new ArrowCopyFields(days) {
        @Override void write(int row, CopyTextBuffer out) {
          CopyTextDates.date(out, days.get(row));
        }
      } : null;
    } else if (vector instanceof TimeMicroVector t) {
      return to == Types.TIME && toName.equals("time") ? new ArrowCopyFields(t) {
        @Override void write(int row, CopyTextBuffer out) {
          CopyTextDates.time(out, t.get(row));
        }
      } : null;
    } else if (vector instanceof TimeStampMicroVector ts) {
      // A backup keeps a timestamptz as its UTC wall clock: it goes back with its offset.
      boolean utc = toName.equals("timestamptz");
      return to == Types.TIMESTAMP && (utc || toName.equals("timestamp")) ? new ArrowCopyFields(ts) {
        @Override void write(int row, CopyTextBuffer out) {
          CopyTextDates.timestamp(out, ts.get(row), utc);
        }
      } : null;
    } else if (vector instanceof VarBinaryVector bin) {
      return binary(to) ? new ArrowCopyFields(bin) {
        @Override void write(int row, CopyTextBuffer out) {
          long start = bin.getStartOffset(row);
          out.bytea(bin.getDataBuffer(), start, (int) (bin.getEndOffset(row) - start));
        }
      } : null;
    } else if (vector instanceof VarCharVector text) {
      return textTakes(spec, target, to, toName) ? new Text(text, limit(target)) : null;
    }
    return null;
  }

  /** Whether a target column takes the text a Utf8 vector holds for {@code spec} unchanged. */
  static boolean textTakes(ColumnSpec spec, TargetColumns.Column target, int to,
      String toName) {
    int from = spec.jdbcType();
    if (character(from)) {
      return character(to);
    }
    if (numeric(from)) {
      // Numbers past Arrow's 38 digits keep their own scale: only an unbounded NUMERIC keeps it.
      return numeric(to) && unbounded(target);
    }
    if (from == Types.TIMESTAMP_WITH_TIMEZONE || spec.typeName().toUpperCase(Locale.ROOT).contains("ZONE")) {
      return toName.equals("timestamptz");
    }
    // Text of a type Arrow has none for (arrays, json, uuid, intervals…), which PostgreSQL
    // parses into the column's own type.
    return switch (to) {
      case Types.OTHER, Types.ARRAY, Types.STRUCT, Types.SQLXML, Types.DISTINCT,
          Types.JAVA_OBJECT -> true;
      default -> character(to);
    };
  }

  /** The most characters a text column holds, or -1 when its length is not declared. */
  static int limit(TargetColumns.Column target) {
    int size = target.size();
    return character(target.jdbcType()) && size > 0 && size < ColumnTypes.UNBOUNDED_LENGTH ? size : -1;
  }

  static boolean unbounded(TargetColumns.Column target) {
    return target.size() <= 0 || target.size() >= 1000;
  }

  static boolean integer(int t) {
    return t == Types.BIGINT || t == Types.INTEGER || t == Types.SMALLINT || t == Types.TINYINT;
  }

  static boolean numeric(int t) {
    return t == Types.NUMERIC || t == Types.DECIMAL;
  }

  static boolean binary(int t) {
    return t == Types.BINARY || t == Types.VARBINARY || t == Types.LONGVARBINARY || t == Types.BLOB;
  }

  static boolean character(int t) {
    return switch (t) {
      case Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.NCHAR, Types.NVARCHAR,
          Types.LONGNVARCHAR, Types.CLOB, Types.NCLOB -> true;
      default -> false;
    };
  }

  /** Integers of any width, by hand-written digits. */
  private static final class Whole extends ArrowCopyFields {
    private final int width;

    Whole(FieldVector vector) {
      super(vector);
      this.width = vector instanceof BigIntVector ? 8 : vector instanceof IntVector ? 4
          : vector instanceof SmallIntVector ? 2 : 1;
    }

    @Override void write(int row, CopyTextBuffer out) {
      ArrowBuf data = vector.getDataBuffer();
      long at = (long) row * width;
      long v = switch (width) {
        case 8 -> data.getLong(at);
        case 4 -> data.getInt(at);
        case 2 -> data.getShort(at);
        default -> data.getByte(at);
      };
      out.ensure(20);
      out.digits(v);
    }
  }

  /** DECIMAL up to 38 digits at its scale; the 64-bit ones without a BigDecimal. */
  static final class Decimal extends ArrowCopyFields {
    private static final boolean LITTLE_ENDIAN = ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN;
    private final DecimalVector decimals;
    private final int scale;

    Decimal(DecimalVector vector) {
      super(vector);
      this.decimals = vector;
      this.scale = vector.getScale();
    }

    @Override void write(int row, CopyTextBuffer out) {
      long small = unscaled(decimals, row);
      if (small != Long.MIN_VALUE) {
        out.decimal(small, scale);
        return;
      }
      BigDecimal d = decimals.getObject(row);
      out.ascii(new BigDecimal(d.unscaledValue(), scale).toPlainString());
    }

    /**
     * Row {@code row}'s unscaled value when it fits a long (read straight from the buffer),
     * else {@link Long#MIN_VALUE}: the caller then takes the BigDecimal.
     */
    static long unscaled(DecimalVector d, int row) {
      if (LITTLE_ENDIAN) {
        ArrowBuf data = d.getDataBuffer();
        long low = data.getLong((long) row * 16);
        long high = data.getLong((long) row * 16 + 8);
        if (high == (low >> 63)) {
          return low;
        }
      }
      return Long.MIN_VALUE;
    }
  }

  /** UTF-8 bytes copied from the vector with COPY's escapes, checked against a declared length. */
  private static final class Text extends ArrowCopyFields {
    private final BaseVariableWidthVector text;
    private final int limit;

    Text(VarCharVector vector, int limit) {
      super(vector);
      this.text = vector;
      this.limit = limit;
    }

    @Override void write(int row, CopyTextBuffer out) {
      long start = text.getStartOffset(row);
      out.escaped(text.getDataBuffer(), start, checkedLength(text, row, limit));
    }
  }

  /**
   * The bytes of row {@code row} of {@code v}, once text longer than the column's
   * {@code limit} characters (none when negative) is refused: PostgreSQL would cut trailing
   * spaces to fit rather than fail, as it fails for any other excess.
   */
  static int checkedLength(BaseVariableWidthVector v, int row, int limit) {
    long start = v.getStartOffset(row);
    int n = (int) (v.getEndOffset(row) - start);
    if (limit < 0 || n <= limit) {
      return n;
    }
    ArrowBuf data = v.getDataBuffer();
    byte[] b = new byte[n];
    data.getBytes(start, b, 0, n);
    int chars = 0;
    for (byte x : b) {
      if ((x & 0xc0) != 0x80) {
        chars++;
      }
    }
    if (chars > limit) {
      throw new Rejected(new String(b, StandardCharsets.UTF_8), chars
          + " characters, longer than the column's " + limit);
    }
    return n;
  }
}
