package dev.ferry.arrow;

import dev.ferry.types.ColumnSpec;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.ByteOrder;
import java.sql.SQLException;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;

/**
 * The cells of numeric vectors: whole numbers, booleans, floating point and decimals.
 *
 * <p>Whole numbers of every width read as {@code long}; {@code getObject} gives a {@code Long}
 * for BIGINT and an {@code Integer} for the narrower ones, as JDBC maps them.
 */
final class NumberCells {
  private static final boolean LITTLE_ENDIAN = ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN;

  private NumberCells() {}

  /** BIGINT, INTEGER, SMALLINT and TINYINT: signed integers of {@code width} bytes. */
  static final class Whole extends ArrowCell {
    private final int width;

    Whole(ColumnSpec spec, FieldVector vector, int width) {
      super(spec, vector);
      this.width = width;
    }

    @Override Class<?> objectClass() {
      return width == 8 ? Long.class : Integer.class;
    }

    @Override Object object(int row) {
      long v = toLong(row);
      return width == 8 ? (Object) v : (Object) (int) v;
    }

    @Override String text(int row) {
      return Long.toString(toLong(row));
    }

    @Override long toLong(int row) {
      ArrowBuf data = vector.getDataBuffer();
      switch (width) {
      case 8:
        return data.getLong((long) row * 8);
      case 4:
        return data.getInt((long) row * 4);
      case 2:
        return data.getShort((long) row * 2);
      default:
        return data.getByte(row);
      }
    }

    @Override BigDecimal toBigDecimal(int row) {
      return BigDecimal.valueOf(toLong(row));
    }

    @Override boolean toBoolean(int row) {
      return toLong(row) != 0;
    }
  }

  /** BOOLEAN and BIT. */
  static final class Bool extends ArrowCell {
    Bool(ColumnSpec spec, FieldVector vector) {
      super(spec, vector);
    }

    @Override Class<?> objectClass() {
      return Boolean.class;
    }

    @Override Object object(int row) {
      return toBoolean(row);
    }

    @Override boolean toBoolean(int row) {
      return BitVectorHelper.get(vector.getDataBuffer(), row) != 0;
    }

    @Override long toLong(int row) {
      return toBoolean(row) ? 1 : 0;
    }

    @Override BigDecimal toBigDecimal(int row) {
      return toBoolean(row) ? BigDecimal.ONE : BigDecimal.ZERO;
    }
  }

  /** REAL ({@code single}) and FLOAT/DOUBLE. */
  static final class Floating extends ArrowCell {
    private final boolean single;

    Floating(ColumnSpec spec, FieldVector vector, boolean single) {
      super(spec, vector);
      this.single = single;
    }

    @Override Class<?> objectClass() {
      return single ? Float.class : Double.class;
    }

    @Override Object object(int row) {
      return single ? (Object) single(row) : (Object) toDouble(row);
    }

    private float single(int row) {
      return vector.getDataBuffer().getFloat((long) row * 4);
    }

    @Override double toDouble(int row) {
      return single ? single(row) : vector.getDataBuffer().getDouble((long) row * 8);
    }

    @Override String text(int row) {
      return single ? Float.toString(single(row)) : Double.toString(toDouble(row));
    }

    @Override long toLong(int row) {
      return (long) toDouble(row);
    }

    @Override BigDecimal toBigDecimal(int row) throws SQLException {
      try {
        // A float's shortest decimal spelling, not its binary expansion: 0.1f gives 0.1.
        return new BigDecimal(text(row));
      } catch (NumberFormatException e) {
        throw cannot("a decimal", e);
      }
    }

    @Override boolean toBoolean(int row) {
      return toDouble(row) != 0;
    }
  }

  /** DECIMAL and NUMERIC up to 38 digits, at their declared scale. */
  static final class Decimal extends ArrowCell {
    private final DecimalVector decimals;
    private final int scale;

    Decimal(ColumnSpec spec, DecimalVector vector) {
      super(spec, vector);
      this.decimals = vector;
      this.scale = vector.getScale();
    }

    @Override Class<?> objectClass() {
      return BigDecimal.class;
    }

    @Override Object object(int row) {
      return toBigDecimal(row);
    }

    @Override BigDecimal toBigDecimal(int row) {
      if (LITTLE_ENDIAN) {
        // Most values fit 64 bits: build them from the low word without Arrow's byte copies.
        ArrowBuf data = vector.getDataBuffer();
        long low = data.getLong((long) row * 16);
        long high = data.getLong((long) row * 16 + 8);
        if (high == (low >> 63)) {
          return BigDecimal.valueOf(low, scale);
        }
      }
      return decimals.getObject(row);
    }

    @Override String text(int row) {
      return toBigDecimal(row).toPlainString();
    }

    @Override long toLong(int row) throws SQLException {
      try {
        return toBigDecimal(row).setScale(0, RoundingMode.DOWN).longValueExact();
      } catch (ArithmeticException e) {
        throw cannot("a whole number", e);
      }
    }

    @Override double toDouble(int row) {
      return toBigDecimal(row).doubleValue();
    }

    @Override boolean toBoolean(int row) {
      return toBigDecimal(row).signum() != 0;
    }
  }
}
