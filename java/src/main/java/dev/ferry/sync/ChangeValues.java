package dev.ferry.sync;

import dev.ferry.dialect.ChangeCapture;
import dev.ferry.sink.TargetColumns;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Turns a value of a Debezium change event into the Java value Ferry's sinks write exactly
 * (Long, BigDecimal, String, byte[], java.time values), for the target column it goes into.
 *
 * <p>The connectors are configured to carry values without loss (decimals as text, times in
 * microseconds, binary as bytes); the semantic type name of each field says how to read it
 * (a {@code io.debezium.time.MicroTimestamp} is microseconds since the epoch, say). The target
 * column then settles what a value that several types could hold becomes: a decimal's text
 * becomes a BigDecimal for a numeric column, an instant a UTC timestamp for a column without a
 * zone, a 0/1 a boolean for a boolean column. Bit strings are {@link ChangeBits}' to place.
 */
final class ChangeValues {
  /** What a connector sends for a value the log did not carry (an unchanged TOASTed column). */
  static final String UNAVAILABLE = "__debezium_unavailable_value";
  private static final byte[] UNAVAILABLE_BYTES = UNAVAILABLE.getBytes(java.nio.charset.StandardCharsets.UTF_8);

  private ChangeValues() {}

  /** Whether {@code v}, as the event holds it, stands for a value the log did not carry. */
  static boolean unavailable(@Nullable Object v) {
    if (v instanceof String s) {
      return UNAVAILABLE.equals(s);
    }
    if (v instanceof ByteBuffer b) {
      return b.remaining() == UNAVAILABLE_BYTES.length && Arrays.equals(bytes(b), UNAVAILABLE_BYTES);
    }
    if (v instanceof byte[] b) {
      return Arrays.equals(b, UNAVAILABLE_BYTES);
    }
    return false;
  }

  /**
   * The event's value as a plain Java value, by the field's semantic type; a bit string as the
   * reading Ferry gives it on its source ({@link ChangeBits}).
   */
  static Object read(Object v, Schema schema) {
    String name = schema.name();
    if (name != null) {
      switch (name) {
        case "io.debezium.time.Date":
          return LocalDate.ofEpochDay(((Number) v).longValue());
        case "io.debezium.time.Time":
          return LocalTime.ofNanoOfDay(((Number) v).longValue() * 1_000_000L);
        case "io.debezium.time.MicroTime":
          return timeOfDay(((Number) v).longValue());
        case "io.debezium.time.NanoTime":
          return LocalTime.ofNanoOfDay(((Number) v).longValue());
        case "io.debezium.time.Timestamp":
          return utc(Math.floorDiv(((Number) v).longValue(), 1_000L),
              Math.floorMod(((Number) v).longValue(), 1_000L) * 1_000_000L);
        case "io.debezium.time.MicroTimestamp":
          return utc(Math.floorDiv(((Number) v).longValue(), 1_000_000L),
              Math.floorMod(((Number) v).longValue(), 1_000_000L) * 1_000L);
        case "io.debezium.time.NanoTimestamp":
          return utc(Math.floorDiv(((Number) v).longValue(), 1_000_000_000L),
              Math.floorMod(((Number) v).longValue(), 1_000_000_000L));
        case "io.debezium.time.ZonedTimestamp":
          return OffsetDateTime.parse((String) v);
        case "org.apache.kafka.connect.data.Date":
          return LocalDate.ofInstant(((java.util.Date) v).toInstant(), ZoneOffset.UTC);
        case "org.apache.kafka.connect.data.Time":
          return LocalTime.ofInstant(((java.util.Date) v).toInstant(), ZoneOffset.UTC);
        case "org.apache.kafka.connect.data.Timestamp":
          return LocalDateTime.ofInstant(((java.util.Date) v).toInstant(), ZoneOffset.UTC);
        case "org.apache.kafka.connect.data.Decimal":
          return v;
        case ChangeBits.DEBEZIUM_BITS:
          return ChangeBits.littleEndian(bytes(v));
        case ChangeCapture.BIT_TEXT:
          return new ChangeBits.Text((String) v);
        case "io.debezium.data.VariableScaleDecimal":
          Struct s = (Struct) v;
          return new BigDecimal(new BigInteger(bytes(s.get("value"))), s.getInt32("scale"));
        default:
          break;
      }
    }
    return switch (schema.type()) {
      case INT8, INT16, INT32, INT64 -> ((Number) v).longValue();
      case FLOAT32, FLOAT64 -> ((Number) v).doubleValue();
      case BOOLEAN, STRING -> v;
      case BYTES -> bytes(v);
      case ARRAY -> arrayText((java.util.List<?>) v);
      default -> String.valueOf(v);
    };
  }

  /**
   * An array as PostgreSQL's array text ({@code {1,2,NULL}}, strings quoted), which a PostgreSQL
   * array column takes and which migrate and copy write into other engines' text columns.
   */
  static String arrayText(java.util.List<?> items) {
    StringBuilder b = new StringBuilder("{");
    for (int i = 0; i < items.size(); i++) {
      Object e = items.get(i);
      b.append(i == 0 ? "" : ",");
      if (e == null) {
        b.append("NULL");
      } else if (e instanceof java.util.List<?> inner) {
        b.append(arrayText(inner));
      } else if (e instanceof Number || e instanceof Boolean) {
        b.append(e instanceof Boolean t ? (t ? "t" : "f") : e.toString());
      } else {
        b.append('"').append(e.toString().replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
      }
    }
    return b.append('}').toString();
  }

  /**
   * A time in microseconds: a time of day when it is one, else (MariaDB's TIME is a duration up
   * to ±838 hours) its text, which a target holding such durations takes and any other refuses
   * with the value named.
   */
  private static Object timeOfDay(long micros) {
    if (micros >= 0 && micros < 86_400_000_000L) {
      return LocalTime.ofNanoOfDay(micros * 1_000L);
    }
    long abs = Math.abs(micros);
    return String.format("%s%02d:%02d:%02d.%06d", micros < 0 ? "-" : "", abs / 3_600_000_000L,
        abs / 60_000_000L % 60, abs / 1_000_000L % 60, abs % 1_000_000L);
  }

  private static LocalDateTime utc(long seconds, long nanos) {
    return LocalDateTime.ofEpochSecond(seconds, (int) nanos, ZoneOffset.UTC);
  }

  private static byte[] bytes(Object v) {
    if (v instanceof byte[] b) {
      return b;
    }
    ByteBuffer b = ((ByteBuffer) v).duplicate();
    byte[] out = new byte[b.remaining()];
    b.get(out);
    return out;
  }

  /** {@code v} as the target column takes it. */
  static Object forTarget(Object v, TargetColumns.Column target) {
    switch (target.jdbcType()) {
      case Types.DECIMAL, Types.NUMERIC -> {
        if (v instanceof String s) {
          return new BigDecimal(s.strip());
        }
        if (v instanceof Long l) {
          return BigDecimal.valueOf(l);
        }
        if (v instanceof Boolean b) {
          return b ? BigDecimal.ONE : BigDecimal.ZERO;
        }
      }
      case Types.BIGINT, Types.INTEGER, Types.SMALLINT, Types.TINYINT -> {
        if (v instanceof Boolean b) {
          return b ? 1L : 0L;
        }
        if (v instanceof String s) {
          return new BigDecimal(s.strip()).longValueExact();
        }
        if (v instanceof BigDecimal d) {
          return d.longValueExact();
        }
      }
      case Types.BOOLEAN, Types.BIT -> {
        if (v instanceof Long l && target.size() <= 1) {
          return l != 0;
        }
      }
      case Types.DOUBLE, Types.FLOAT, Types.REAL -> {
        if (v instanceof String s) {
          return Double.parseDouble(s);
        }
        if (v instanceof BigDecimal d) {
          return d.doubleValue();
        }
      }
      case Types.TIMESTAMP -> {
        if (v instanceof OffsetDateTime t) {
          return t.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
        }
      }
      case Types.TIMESTAMP_WITH_TIMEZONE -> {
        if (v instanceof LocalDateTime t) {
          return t.atOffset(ZoneOffset.UTC);
        }
      }
      case Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.NCHAR, Types.NVARCHAR, Types.CLOB,
          Types.OTHER -> {
        if (v instanceof OffsetDateTime t) {
          return t.toString();
        }
        if (v instanceof Instant || v instanceof Long || v instanceof Double
            || v instanceof BigDecimal || v instanceof Boolean) {
          return v.toString();
        }
      }
      default -> { }
    }
    return v;
  }
}
