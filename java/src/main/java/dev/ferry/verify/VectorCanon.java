package dev.ferry.verify;

import static java.util.Objects.requireNonNull;

import dev.ferry.arrow.BatchRows;
import dev.ferry.checksum.CellKind;
import dev.ferry.types.ColumnSpec;
import dev.ferry.util.AsciiDigits;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.util.MemoryUtil;
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
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The {@link RowCanon} hash of each row of a record batch, written straight from the vectors:
 * the same canonical text {@code RowCanon.text} gives over {@link BatchRows}, without a Java
 * value per cell.
 *
 * <p>A backup read in batches hashed each cell through a result set over the vectors (a
 * String, a BigDecimal, a LocalDateTime per cell) and that was most of its time. Here the
 * common cases are written as the hash's input bytes directly: whole numbers, decimals that fit
 * a long, booleans, ASCII text, binary, dates, times and timestamps of years 0 to 9999; anything
 * else (non-ASCII CHAR, wide decimals, other years, other vectors) takes RowCanon's own text of
 * the cell, so the result is RowCanon's by construction.
 */
public final class VectorCanon {
  private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
  private static final long DAY_MICROS = 86_400_000_000L;
  /** A decimal's 128 bits read as two longs need the low one first. */
  private static final boolean LITTLE_ENDIAN =
      java.nio.ByteOrder.nativeOrder() == java.nio.ByteOrder.LITTLE_ENDIAN;
  // How each column is written, chosen once from its kind and vector.
  private static final int ROW_CANON = 0;
  private static final int WHOLE_8 = 1;
  private static final int WHOLE_4 = 2;
  private static final int WHOLE_2 = 3;
  private static final int WHOLE_1 = 4;
  private static final int DECIMAL = 5;
  private static final int BOOLEAN = 6;
  private static final int REAL = 7;
  private static final int DOUBLE = 8;
  private static final int TEXT = 9;
  private static final int CHAR = 10;
  private static final int BINARY = 11;
  private static final int DATE = 12;
  private static final int TIME = 13;
  private static final int TIMESTAMP = 14;
  /** The kinds written one way from one vector type: the vector's class and the mode. */
  private static final Map<CellKind, Map.Entry<Class<?>, Integer>> SIMPLE = new EnumMap<>(Map.of(
      CellKind.BOOLEAN, Map.entry(BitVector.class, BOOLEAN),
      CellKind.REAL, Map.entry(Float4Vector.class, REAL),
      CellKind.DOUBLE, Map.entry(Float8Vector.class, DOUBLE),
      CellKind.TEXT, Map.entry(VarCharVector.class, TEXT),
      CellKind.OTHER, Map.entry(VarCharVector.class, TEXT),
      CellKind.CHAR, Map.entry(VarCharVector.class, CHAR),
      CellKind.BINARY, Map.entry(VarBinaryVector.class, BINARY),
      CellKind.DATE, Map.entry(DateDayVector.class, DATE),
      CellKind.TIME, Map.entry(TimeMicroVector.class, TIME),
      CellKind.TIMESTAMP, Map.entry(TimeStampMicroVector.class, TIMESTAMP)));

  private final RowCanon canon;
  private final BatchRows view;
  private final CellKind[] kinds;
  private final FieldVector[] vectors;
  private final int[] modes;
  private final int[] starts;
  private final int[] ends;
  /**
   * Per column written here, the memory addresses of its validity, offset and data buffers for
   * the loaded batch: cells are read without a bounds check each, the offsets having been
   * written by the vectors themselves within their buffers.
   */
  private final long[] validity;
  private final long[] offsets;
  private final long[] data;
  private byte[] buf = new byte[512];
  private int len;
  private int row = -1;
  private int rows;

  /**
   * The hasher of {@code root}'s rows, typed as {@code specs}, each column hashed as
   * {@code kinds} says (as for the source's own result set), with {@code canon}'s rules.
   */
  public VectorCanon(VectorSchemaRoot root, List<ColumnSpec> specs, CellKind[] kinds,
      RowCanon canon) throws SQLException {
    this.canon = requireNonNull(canon, "canon");
    this.kinds = kinds.clone();
    this.view = new BatchRows(root, specs);
    vectors = root.getFieldVectors().toArray(new FieldVector[0]);
    int n = vectors.length;
    modes = new int[n];
    for (int i = 0; i < n; i++) {
      // Untyped cells are canonicalized by their Java class: RowCanon's way only.
      modes[i] = canon.untyped() ? ROW_CANON : mode(this.kinds[i], vectors[i]);
    }
    starts = new int[n];
    ends = new int[n];
    validity = new long[n];
    offsets = new long[n];
    data = new long[n];
  }

  /** How a cell of {@code kind} held in {@code v} is written; ROW_CANON to leave it to RowCanon. */
  private static int mode(CellKind kind, FieldVector v) {
    switch (kind) {
    case INTEGER:
      return v instanceof BigIntVector ? WHOLE_8 : v instanceof IntVector ? WHOLE_4
          : v instanceof SmallIntVector ? WHOLE_2 : v instanceof TinyIntVector ? WHOLE_1
          : ROW_CANON;
    case DECIMAL:
      return v instanceof DecimalVector && LITTLE_ENDIAN ? DECIMAL : ROW_CANON;
    case BIT_INTEGER:
      // A backup holds MariaDB's BIT(n) as the integer it reads as: BIGINT, or DECIMAL(20, 0).
      return v instanceof BigIntVector ? WHOLE_8
          : v instanceof DecimalVector && LITTLE_ENDIAN ? DECIMAL : ROW_CANON;
    default: {
      Map.Entry<Class<?>, Integer> simple = SIMPLE.get(kind);
      return simple != null && simple.getKey().isInstance(v) ? simple.getValue() : ROW_CANON;
    }
    }
  }

  /** Starts before the first of the {@code rows} rows the root holds now. */
  public void load(int rows) {
    view.load(rows);
    this.rows = rows;
    row = -1;
    for (int i = 0; i < vectors.length; i++) {
      FieldVector v = vectors[i];
      boolean direct = rows > 0 && modes[i] != ROW_CANON;
      boolean variable = modes[i] == TEXT || modes[i] == CHAR || modes[i] == BINARY;
      validity[i] = direct ? v.getValidityBuffer().memoryAddress() : 0;
      offsets[i] = direct && variable ? v.getOffsetBuffer().memoryAddress() : 0;
      data[i] = direct ? v.getDataBuffer().memoryAddress() : 0;
    }
  }

  /** Moves to the next row and hashes it; false after the last. */
  public boolean next() throws SQLException {
    if (!view.next()) {
      row = rows;
      return false;
    }
    row++;
    len = 0;
    for (int i = 0; i < vectors.length; i++) {
      long bits = validity[i];
      if (bits != 0 ? (MemoryUtil.getByte(bits + (row >> 3)) >> (row & 7) & 1) == 0
          : vectors[i].isNull(row)) {
        room(1);
        buf[len++] = 0;
        starts[i] = -1;
        continue;
      }
      room(1);
      buf[len++] = 1;
      starts[i] = len;
      if (!encode(i)) {
        len = starts[i];
        String text = canon.text(view, i + 1, kinds[i]);
        if (text == null) {
          buf[len - 1] = 0;
          starts[i] = -1;
          continue;
        }
        bytes(text.getBytes(StandardCharsets.UTF_8));
      }
      ends[i] = len;
      room(1);
      buf[len++] = (byte) 0xFF;
    }
    return true;
  }

  /** The current row's hash: {@link RowCanon#hash} of its canonical texts. */
  public long hash() {
    return canon.hashEncoded(buf, len);
  }

  /** The canonical text of {@code column} (from 0) on the current row; null for NULL. */
  public @Nullable String text(int column) {
    int s = starts[column];
    return s < 0 ? null : new String(buf, s, ends[column] - s, StandardCharsets.UTF_8);
  }

  /** Writes the cell's canonical UTF-8 text, or returns false to leave it to RowCanon. */
  private boolean encode(int i) {
    long at = data[i];
    switch (modes[i]) {
    case WHOLE_8:
      whole(MemoryUtil.getLong(at + (long) row * 8));
      return true;
    case WHOLE_4:
      whole(MemoryUtil.getInt(at + (long) row * 4));
      return true;
    case WHOLE_2:
      whole(MemoryUtil.getShort(at + (long) row * 2));
      return true;
    case WHOLE_1:
      whole(MemoryUtil.getByte(at + row));
      return true;
    case DECIMAL:
      return decimal(MemoryUtil.getLong(at + (long) row * 16),
          MemoryUtil.getLong(at + (long) row * 16 + 8), ((DecimalVector) vectors[i]).getScale());
    case BOOLEAN:
      room(1);
      buf[len++] = (byte) ((MemoryUtil.getByte(at + (row >> 3)) >> (row & 7) & 1) != 0 ? '1' : '0');
      return true;
    case REAL:
      ascii(Float.toString(Float.intBitsToFloat(MemoryUtil.getInt(at + (long) row * 4))));
      return true;
    case DOUBLE:
      ascii(Double.toString(Double.longBitsToDouble(MemoryUtil.getLong(at + (long) row * 8))));
      return true;
    case TEXT:
      return asciiBytes(i, false);
    case CHAR:
      return asciiBytes(i, true);
    case BINARY:
      hex(i);
      return true;
    case DATE:
      return date(MemoryUtil.getInt(at + (long) row * 4));
    case TIME:
      time(MemoryUtil.getLong(at + (long) row * 8));
      return true;
    case TIMESTAMP: {
      long micros = MemoryUtil.getLong(at + (long) row * 8);
      long day = Math.floorDiv(micros, DAY_MICROS);
      int mark = len;
      if (day < Integer.MIN_VALUE || day > Integer.MAX_VALUE || !date(day)) {
        len = mark;
        return false;
      }
      room(1);
      buf[len++] = ' ';
      time(Math.floorMod(micros, DAY_MICROS));
      return true;
    }
    default:
      return false;
    }
  }

  /** A decimal that fits a long, plain, without trailing zeros (RowCanon.plain). */
  private boolean decimal(long low, long high, int scale) {
    if (high != (low >> 63) || low == Long.MIN_VALUE) {
      return false;
    }
    if (low == 0) {
      room(1);
      buf[len++] = '0';
      return true;
    }
    while (scale > 0 && low % 10 == 0) {
      low /= 10;
      scale--;
    }
    if (low < 0) {
      room(1);
      buf[len++] = '-';
      low = -low;
    }
    int width = CanonDigits.plainWidth(low, scale);
    room(width);
    len += width;
    CanonDigits.plain(buf, low, scale, len);
    return true;
  }

  private void whole(long v) {
    if (v == Long.MIN_VALUE) {
      ascii(Long.toString(v));
      return;
    }
    if (v < 0) {
      room(1);
      buf[len++] = '-';
      v = -v;
    }
    int n = AsciiDigits.width(v);
    room(n);
    len += n;
    AsciiDigits.whole(buf, v, len);
  }

  /** {@code yyyy-MM-dd} for years 0 to 9999; false (nothing written) for other years. */
  private boolean date(long epochDay) {
    room(CanonDigits.DATE_WIDTH);
    int end = CanonDigits.date(buf, len, epochDay);
    if (end < 0) {
      return false;
    }
    len = end;
    return true;
  }

  /** {@code HH:mm:ss.ffffff} of microseconds of the day. */
  private void time(long micros) {
    room(CanonDigits.TIME_WIDTH);
    len = CanonDigits.time(buf, len, micros);
  }

  /** Copies an ASCII value (stripped of trailing whitespace for CHAR); false if not ASCII. */
  private boolean asciiBytes(int column, boolean strip) {
    long at = offsets[column] + (long) row * 4;
    int start = MemoryUtil.getInt(at);
    int n = MemoryUtil.getInt(at + 4) - start;
    room(n);
    MemoryUtil.copyFromMemory(data[column] + start, buf, len, n);
    int high = 0;
    for (int k = len; k < len + n; k++) {
      high |= buf[k];
    }
    if (high < 0) {
      return false;
    }
    if (strip) {
      while (n > 0 && Character.isWhitespace((char) buf[len + n - 1])) {
        n--;
      }
    }
    len += n;
    return true;
  }

  private void hex(int column) {
    long at = offsets[column] + (long) row * 4;
    int start = MemoryUtil.getInt(at);
    int n = MemoryUtil.getInt(at + 4) - start;
    room(2 * n);
    long from = data[column] + start;
    for (int k = 0; k < n; k++) {
      int b = MemoryUtil.getByte(from + k);
      buf[len++] = HEX[(b >> 4) & 0xF];
      buf[len++] = HEX[b & 0xF];
    }
  }

  private void ascii(String s) {
    room(s.length());
    for (int k = 0; k < s.length(); k++) {
      buf[len++] = (byte) s.charAt(k);
    }
  }

  private void bytes(byte[] b) {
    room(b.length);
    System.arraycopy(b, 0, buf, len, b.length);
    len += b.length;
  }

  private void room(int n) {
    if (len + n > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + n));
    }
  }
}
