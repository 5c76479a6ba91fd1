package dev.ferry.arrow;

import dev.ferry.types.ColumnSpec;
import dev.ferry.types.TemporalText;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.FieldVector;

/**
 * The cells of variable-width vectors (text and binary) and of the NULL type.
 *
 * <p>Text is everything {@link ArrowColumn} has no Arrow type for (intervals, UUIDs, JSON,
 * timestamps with a zone, decimals over 38 digits) as its source driver spelled it, so the
 * typed getters parse it: a zoned timestamp as {@code 2024-01-02 03:04:05.5+02:00} (or with a
 * {@code T}, a {@code Z}, or no offset for UTC), a decimal as its plain digits.
 */
final class TextCells {
  /** Text up to this many bytes is decoded through one reused array; longer text gets its own. */
  private static final int SCRATCH_BYTES = 1 << 20;

  private TextCells() {}

  /** The length in bytes of {@code row} of a variable-width vector. */
  private static int length(FieldVector vector, int row) {
    ArrowBuf offsets = vector.getOffsetBuffer();
    return offsets.getInt((long) row * 4 + 4) - offsets.getInt((long) row * 4);
  }

  /** Copies the bytes of {@code row} into the start of {@code into}, which is big enough. */
  private static byte[] copy(FieldVector vector, int row, byte[] into) {
    int start = vector.getOffsetBuffer().getInt((long) row * 4);
    vector.getDataBuffer().getBytes(start, into, 0, length(vector, row));
    return into;
  }

  /** Character data; {@code decimal} when it holds a DECIMAL too wide for Arrow's. */
  static final class Text extends ArrowCell {
    private final boolean decimal;
    private byte[] scratch = new byte[256];

    Text(ColumnSpec spec, FieldVector vector, boolean decimal) {
      super(spec, vector);
      this.decimal = decimal;
    }

    @Override Class<?> objectClass() {
      return decimal ? BigDecimal.class : String.class;
    }

    @Override Object object(int row) throws SQLException {
      return decimal ? toBigDecimal(row) : text(row);
    }

    @Override String text(int row) {
      int len = length(vector, row);
      if (len == 0) {
        return "";
      }
      byte[] b = len <= scratch.length ? scratch
          : len <= SCRATCH_BYTES ? (scratch = new byte[Math.max(len, scratch.length * 2)])
          : new byte[len];
      return new String(copy(vector, row, b), 0, len, StandardCharsets.UTF_8);
    }

    @Override byte[] bytes(int row) {
      return copy(vector, row, new byte[length(vector, row)]);
    }

    @Override BigDecimal toBigDecimal(int row) throws SQLException {
      try {
        return new BigDecimal(text(row).trim());
      } catch (NumberFormatException e) {
        throw cannot("a decimal", e);
      }
    }

    @Override long toLong(int row) throws SQLException {
      String s = text(row).trim();
      try {
        return Long.parseLong(s);
      } catch (NumberFormatException e) {
        try {
          return new BigDecimal(s).setScale(0, RoundingMode.DOWN).longValueExact();
        } catch (NumberFormatException | ArithmeticException e2) {
          throw cannot("a whole number", e2);
        }
      }
    }

    @Override double toDouble(int row) throws SQLException {
      try {
        return Double.parseDouble(text(row).trim());
      } catch (NumberFormatException e) {
        throw cannot("a double", e);
      }
    }

    @Override boolean toBoolean(int row) throws SQLException {
      switch (text(row).trim().toLowerCase(Locale.ROOT)) {
      case "true": case "t": case "1": case "yes": case "y": case "on":
        return true;
      case "false": case "f": case "0": case "no": case "n": case "off":
        return false;
      default:
        throw cannot("a boolean");
      }
    }

    @Override LocalDate localDate(int row) throws SQLException {
      String s = text(row).trim();
      LocalDateTime t = s.length() == 10 ? TemporalText.parseTimestamp(s) : null;
      try {
        return t != null ? t.toLocalDate() : LocalDate.parse(s);
      } catch (DateTimeException e) {
        throw cannot("a date", e);
      }
    }

    @Override LocalTime localTime(int row) throws SQLException {
      String s = text(row).trim();
      LocalTime t = TemporalText.parseTime(s);
      try {
        return t != null ? t : LocalTime.parse(s);
      } catch (DateTimeException e) {
        throw cannot("a time", e);
      }
    }

    @Override LocalDateTime localDateTime(int row) throws SQLException {
      String s = text(row).trim();
      LocalDateTime t = TemporalText.parseTimestamp(s);
      if (t != null) {
        return t;
      }
      try {
        int at = offsetAt(s);
        return at < 0 ? LocalDateTime.parse(s.replace(' ', 'T'))
            : zoned(s, at).withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
      } catch (DateTimeException e) {
        throw cannot("a timestamp", e);
      }
    }

    @Override OffsetDateTime offsetDateTime(int row) throws SQLException {
      String s = text(row).trim();
      try {
        int at = offsetAt(s);
        return at < 0 ? local(s).atOffset(ZoneOffset.UTC) : zoned(s, at);
      } catch (DateTimeException e) {
        throw cannot("a timestamp with time zone", e);
      }
    }

    /** Where the zone offset ({@code Z}, {@code +02}, {@code -05:30}) starts, or -1. */
    private static int offsetAt(String s) {
      int n = s.length();
      if (n > 0 && (s.charAt(n - 1) == 'Z' || s.charAt(n - 1) == 'z')) {
        return n - 1;
      }
      // The date's own '-' are at 4 and 7 (or later for wider years), before the time.
      int time = Math.max(s.indexOf(' '), s.indexOf('T'));
      for (int i = n - 1; time > 0 && i > time; i--) {
        char c = s.charAt(i);
        if (c == '+' || c == '-') {
          return i;
        }
      }
      return -1;
    }

    private static OffsetDateTime zoned(String s, int at) {
      String offset = s.substring(at);
      ZoneOffset zone = offset.equalsIgnoreCase("Z") ? ZoneOffset.UTC : ZoneOffset.of(offset);
      return local(s.substring(0, at).trim()).atOffset(zone);
    }

    private static LocalDateTime local(String s) {
      LocalDateTime t = TemporalText.parseTimestamp(s);
      return t != null ? t : LocalDateTime.parse(s.replace(' ', 'T'));
    }
  }

  /** Binary data; as text, lower-case hex digits. */
  static final class Binary extends ArrowCell {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    Binary(ColumnSpec spec, FieldVector vector) {
      super(spec, vector);
    }

    @Override Class<?> objectClass() {
      return byte[].class;
    }

    @Override Object object(int row) {
      return bytes(row);
    }

    @Override byte[] bytes(int row) {
      return copy(vector, row, new byte[length(vector, row)]);
    }

    @Override String text(int row) {
      byte[] b = bytes(row);
      char[] out = new char[b.length * 2];
      for (int i = 0; i < b.length; i++) {
        out[2 * i] = HEX[(b[i] >> 4) & 0xf];
        out[2 * i + 1] = HEX[b[i] & 0xf];
      }
      return new String(out);
    }
  }

  /** The NULL type: every value is null, so no getter reaches a conversion. */
  static final class Nothing extends ArrowCell {
    Nothing(ColumnSpec spec, FieldVector vector) {
      super(spec, vector);
    }

    @Override Class<?> objectClass() {
      return Object.class;
    }

    @Override Object object(int row) throws SQLException {
      throw cannot("a value");
    }
  }
}
