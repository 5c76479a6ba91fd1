package dev.ferry.dialect.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ferry.sink.TargetColumns;
import dev.ferry.types.ColumnSpec;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Types;
import java.util.Arrays;
import java.util.HexFormat;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Each Arrow vector written as the send format of exactly its PostgreSQL column type. */
class ArrowBinaryFieldsTest {
  private final BufferAllocator allocator = new RootAllocator();

  @AfterEach void free() {
    allocator.close();
  }

  private static ColumnSpec spec(int jdbcType, String typeName) {
    return new ColumnSpec("c", jdbcType, typeName, 10, 2, true);
  }

  private static TargetColumns.Column target(int jdbcType, String typeName, int size, int digits) {
    return new TargetColumns.Column("c", jdbcType, typeName, size, digits);
  }

  /** The hex of the field {@code v}'s row 0 makes for {@code to}, or null when it goes as text. */
  private static String written(FieldVector v, ColumnSpec spec, TargetColumns.Column to) {
    ArrowBinaryFields f = ArrowBinaryFields.of(v, spec, to);
    if (f == null) {
      return null;
    }
    CopyTextBuffer out = new CopyTextBuffer(8);
    f.write(0, out);
    return HexFormat.of().formatHex(Arrays.copyOf(out.buf, out.len));
  }

  @Test void wholeNumbersTakeTheirOwnOrAWiderColumn() {
    try (BigIntVector big = new BigIntVector("c", allocator);
         IntVector i = new IntVector("c", allocator);
         SmallIntVector s = new SmallIntVector("c", allocator)) {
      big.setSafe(0, -2);
      big.setValueCount(1);
      i.setSafe(0, 258);
      i.setValueCount(1);
      s.setSafe(0, -1);
      s.setValueCount(1);
      assertEquals("00000008fffffffffffffffe", written(big, spec(Types.BIGINT, "int8"), target(Types.BIGINT, "int8", 19, 0)));
      assertEquals("000000080000000000000102", written(i, spec(Types.INTEGER, "int4"), target(Types.BIGINT, "int8", 19, 0)));
      assertEquals("0000000400000102", written(i, spec(Types.INTEGER, "int4"), target(Types.INTEGER, "serial", 10, 0)));
      assertEquals("00000002ffff", written(s, spec(Types.SMALLINT, "int2"), target(Types.SMALLINT, "int2", 5, 0)));
      // Narrower targets and numeric go as text, where PostgreSQL checks the range.
      assertNull(written(big, spec(Types.BIGINT, "int8"), target(Types.INTEGER, "int4", 10, 0)));
      assertNull(written(i, spec(Types.INTEGER, "int4"), target(Types.NUMERIC, "numeric", 12, 0)));
    }
  }

  @Test void datesAndTimesCountFromPostgresEpoch() {
    try (DateDayVector d = new DateDayVector("c", allocator);
         TimeStampMicroVector ts = new TimeStampMicroVector("c", allocator);
         TimeMicroVector t = new TimeMicroVector("c", allocator)) {
      d.setSafe(0, 10_958);
      d.setValueCount(1);
      ts.setSafe(0, 946_684_800_000_001L);
      ts.setValueCount(1);
      t.setSafe(0, 1_000_000L);
      t.setValueCount(1);
      assertEquals("0000000400000001", written(d, spec(Types.DATE, "date"), target(Types.DATE, "date", 13, 0)));
      assertEquals("000000080000000000000001", written(ts, spec(Types.TIMESTAMP, "timestamp"), target(Types.TIMESTAMP, "timestamp", 29, 6)));
      assertEquals("000000080000000000000001", written(ts, spec(Types.TIMESTAMP_WITH_TIMEZONE, "timestamptz"), target(Types.TIMESTAMP, "timestamptz", 35, 6)));
      assertEquals("0000000800000000000f4240", written(t, spec(Types.TIME, "time"), target(Types.TIME, "time", 15, 6)));
      assertNull(written(t, spec(Types.TIME, "time"), target(Types.TIME, "timetz", 21, 6)));
      assertNull(written(d, spec(Types.DATE, "date"), target(Types.TIMESTAMP, "timestamp", 29, 6)));
    }
  }

  @Test void floatsBooleansDecimalsAndBytes() {
    try (Float4Vector f4 = new Float4Vector("c", allocator);
         Float8Vector f8 = new Float8Vector("c", allocator);
         BitVector b = new BitVector("c", allocator);
         DecimalVector dec = new DecimalVector("c", allocator, 12, 2);
         VarBinaryVector bin = new VarBinaryVector("c", allocator)) {
      f4.setSafe(0, -0.0f);
      f4.setValueCount(1);
      f8.setSafe(0, Double.NaN);
      f8.setValueCount(1);
      b.setSafe(0, 1);
      b.setValueCount(1);
      dec.setSafe(0, new BigDecimal("-12345.60"));
      dec.setValueCount(1);
      bin.setSafe(0, new byte[] {0, (byte) 0xFF});
      bin.setValueCount(1);
      assertEquals("0000000480000000", written(f4, spec(Types.REAL, "float4"), target(Types.REAL, "float4", 8, 8)));
      assertNull(written(f4, spec(Types.REAL, "float4"), target(Types.DOUBLE, "float8", 17, 17)));
      assertEquals("000000087ff8000000000000", written(f8, spec(Types.DOUBLE, "float8"), target(Types.DOUBLE, "float8", 17, 17)));
      assertEquals("0000000101", written(b, spec(Types.BOOLEAN, "bool"), target(Types.BIT, "bool", 1, 0)));
      // ndigits 3, weight 1, negative, dscale 2: 1 | 2345 | 6000.
      assertEquals("0000000e00030001400000020001092917 70".replace(" ", ""),
          written(dec, spec(Types.NUMERIC, "numeric"), target(Types.NUMERIC, "numeric", 12, 2)));
      assertNull(written(dec, spec(Types.NUMERIC, "numeric"), target(Types.NUMERIC, "numeric", 12, 1)));
      assertEquals("0000000200ff", written(bin, spec(Types.BINARY, "bytea"), target(Types.BINARY, "bytea", 0, 0)));
    }
  }

  @Test void textGoesAsItsBytesAndIsCheckedAgainstItsLength() {
    try (VarCharVector v = new VarCharVector("c", allocator)) {
      v.setSafe(0, "é\t😀".getBytes(StandardCharsets.UTF_8));
      v.setValueCount(1);
      assertEquals("00000007c3a909f09f9880", written(v, spec(Types.VARCHAR, "varchar"), target(Types.VARCHAR, "varchar", 3, 0)));
      assertEquals("00000007c3a909f09f9880", written(v, spec(Types.VARCHAR, "text"), target(Types.VARCHAR, "text", Integer.MAX_VALUE, 0)));
      assertEquals("00000007c3a909f09f9880", written(v, spec(Types.CHAR, "bpchar"), target(Types.CHAR, "bpchar", 3, 0)));
      ArrowBinaryFields narrow = ArrowBinaryFields.of(v, spec(Types.VARCHAR, "varchar"), target(Types.VARCHAR, "varchar", 2, 0));
      assertNotNull(narrow);
      assertThrows(ArrowCopyFields.Rejected.class, () -> narrow.write(0, new CopyTextBuffer(8)));
      // Types PostgreSQL parses from text (uuid, json, numbers kept as text) go as text.
      assertNull(written(v, spec(Types.OTHER, "uuid"), target(Types.OTHER, "uuid", 2147483647, 0)));
      assertNull(written(v, spec(Types.VARCHAR, "text"), target(Types.OTHER, "jsonb", 2147483647, 0)));
    }
  }
}
