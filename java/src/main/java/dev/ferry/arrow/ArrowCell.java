package dev.ferry.arrow;

import dev.ferry.types.ColumnSpec;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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

/**
 * One column of the batch an {@link ArrowResultSet} is on, read the way each JDBC getter asks.
 *
 * <p>One subclass per vector type {@link ArrowColumn} writes; a getter it cannot answer fails
 * with the column named. Callers check {@link #isNull} first: the conversions assume a value.
 * Values are read from the vectors' buffers directly, so a cell allocates only the object it
 * returns. Dates, times and timestamps carry no zone: {@code java.sql} values are built as the
 * writer's fallback getters read them (dates and timestamps by their fields, times as UTC
 * milliseconds of the day), which in Ferry's UTC JVM is the wall-clock value itself.
 */
abstract class ArrowCell {
  final ColumnSpec spec;
  final FieldVector vector;

  ArrowCell(ColumnSpec spec, FieldVector vector) {
    this.spec = spec;
    this.vector = vector;
  }

  /** The reader of {@code vector}, written for {@code spec}. */
  static ArrowCell of(ColumnSpec spec, FieldVector vector) throws SQLException {
    if (vector instanceof BigIntVector) {
      return new NumberCells.Whole(spec, vector, 8);
    } else if (vector instanceof IntVector) {
      return new NumberCells.Whole(spec, vector, 4);
    } else if (vector instanceof SmallIntVector) {
      return new NumberCells.Whole(spec, vector, 2);
    } else if (vector instanceof TinyIntVector) {
      return new NumberCells.Whole(spec, vector, 1);
    } else if (vector instanceof BitVector) {
      return new NumberCells.Bool(spec, vector);
    } else if (vector instanceof Float8Vector) {
      return new NumberCells.Floating(spec, vector, false);
    } else if (vector instanceof Float4Vector) {
      return new NumberCells.Floating(spec, vector, true);
    } else if (vector instanceof DecimalVector d) {
      return new NumberCells.Decimal(spec, d);
    } else if (vector instanceof DateDayVector) {
      return new TemporalCells.Day(spec, vector);
    } else if (vector instanceof TimeMicroVector) {
      return new TemporalCells.TimeOfDay(spec, vector);
    } else if (vector instanceof TimeStampMicroVector) {
      return new TemporalCells.Stamp(spec, vector);
    } else if (vector instanceof VarCharVector) {
      boolean decimal = spec.jdbcType() == Types.DECIMAL || spec.jdbcType() == Types.NUMERIC;
      return new TextCells.Text(spec, vector, decimal);
    } else if (vector instanceof VarBinaryVector) {
      return new TextCells.Binary(spec, vector);
    } else if (vector instanceof NullVector) {
      return new TextCells.Nothing(spec, vector);
    }
    throw new SQLException("column " + spec.label() + " is " + vector.getField().getType()
        + " in Arrow, which Ferry chunk files do not use");
  }

  /** Whether the value in {@code row} is SQL NULL. */
  final boolean isNull(int row) {
    return vector.isNull(row);
  }

  /** The class {@link #object} returns, for the metadata. */
  abstract Class<?> objectClass();

  /** The value as {@code getObject(int)} returns it: the JDBC type's usual Java class. */
  abstract Object object(int row) throws SQLException;

  /** The value as text, as {@code getString} returns it. */
  String text(int row) throws SQLException {
    return String.valueOf(object(row));
  }

  long toLong(int row) throws SQLException {
    throw cannot("a whole number");
  }

  double toDouble(int row) throws SQLException {
    return toLong(row);
  }

  BigDecimal toBigDecimal(int row) throws SQLException {
    throw cannot("a decimal");
  }

  boolean toBoolean(int row) throws SQLException {
    throw cannot("a boolean");
  }

  byte[] bytes(int row) throws SQLException {
    throw cannot("bytes");
  }

  LocalDate localDate(int row) throws SQLException {
    throw cannot("a date");
  }

  LocalTime localTime(int row) throws SQLException {
    throw cannot("a time");
  }

  LocalDateTime localDateTime(int row) throws SQLException {
    throw cannot("a timestamp");
  }

  /** The value as an instant: a timestamp without zone is taken as UTC. */
  OffsetDateTime offsetDateTime(int row) throws SQLException {
    return localDateTime(row).atOffset(ZoneOffset.UTC);
  }

  java.sql.Date sqlDate(int row) throws SQLException {
    return java.sql.Date.valueOf(localDate(row));
  }

  Time sqlTime(int row) throws SQLException {
    return new Time(localTime(row).toNanoOfDay() / 1_000_000L);
  }

  Timestamp sqlTimestamp(int row) throws SQLException {
    return Timestamp.valueOf(localDateTime(row));
  }

  final int toInt(int row) throws SQLException {
    long v = toLong(row);
    if ((int) v != v) {
      throw outOfRange(v, "an int");
    }
    return (int) v;
  }

  final short toShort(int row) throws SQLException {
    long v = toLong(row);
    if ((short) v != v) {
      throw outOfRange(v, "a short");
    }
    return (short) v;
  }

  final byte toByte(int row) throws SQLException {
    long v = toLong(row);
    if ((byte) v != v) {
      throw outOfRange(v, "a byte");
    }
    return (byte) v;
  }

  /** The value as {@code getObject(int, type)} returns it. */
  final Object as(int row, Class<?> type) throws SQLException {
    if (type == LocalDateTime.class) {
      return localDateTime(row);
    } else if (type == LocalDate.class) {
      return localDate(row);
    } else if (type == LocalTime.class) {
      return localTime(row);
    } else if (type == OffsetDateTime.class) {
      return offsetDateTime(row);
    } else if (type == String.class) {
      return text(row);
    } else if (type == Long.class) {
      return toLong(row);
    } else if (type == Integer.class) {
      return toInt(row);
    } else if (type == Short.class) {
      return toShort(row);
    } else if (type == Byte.class) {
      return toByte(row);
    } else if (type == BigDecimal.class) {
      return toBigDecimal(row);
    } else if (type == Double.class) {
      return toDouble(row);
    } else if (type == Float.class) {
      return (float) toDouble(row);
    } else if (type == Boolean.class) {
      return toBoolean(row);
    } else if (type == byte[].class) {
      return bytes(row);
    } else if (type == java.sql.Date.class) {
      return sqlDate(row);
    } else if (type == Time.class) {
      return sqlTime(row);
    } else if (type == Timestamp.class) {
      return sqlTimestamp(row);
    } else if (type == Object.class) {
      return object(row);
    }
    throw cannot(type.getName());
  }

  /** The failure of a getter this column's type cannot answer. */
  final SQLException cannot(String what) {
    return new SQLException("column " + spec.label() + " (" + spec.typeName()
        + ") cannot be read as " + what, "22018");
  }

  /** The failure of a value that does not parse or convert, with its cause. */
  final SQLException cannot(String what, Throwable cause) {
    return new SQLException("column " + spec.label() + " (" + spec.typeName()
        + ") cannot be read as " + what + ": " + cause.getMessage(), "22018", cause);
  }

  private SQLException outOfRange(long v, String what) {
    return new SQLException("column " + spec.label() + " holds " + v + ", out of range for "
        + what, "22003");
  }
}
