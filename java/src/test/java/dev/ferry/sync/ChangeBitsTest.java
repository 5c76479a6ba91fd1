package dev.ferry.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.checksum.CellKind;
import dev.ferry.dialect.ChangeCapture;
import dev.ferry.dialect.Dialects;
import dev.ferry.error.FerryFailure;
import dev.ferry.sink.TargetColumns;
import dev.ferry.sink.ValueLimits;
import dev.ferry.types.TableName;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.sql.Types;
import java.util.Arrays;
import java.util.List;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.junit.jupiter.api.Test;

/** Bit strings of change events: Debezium's little-endian bytes decoded, and placed as copy places them. */
class ChangeBitsTest {
  private static final BigInteger MAX64 = new BigInteger("18446744073709551615");

  private static Schema bits(int length) {
    return SchemaBuilder.bytes().name("io.debezium.data.Bits").parameter("length", Integer.toString(length))
        .optional().build();
  }

  private static byte[] bytes(int... b) {
    byte[] out = new byte[b.length];
    for (int i = 0; i < b.length; i++) {
      out[i] = (byte) b[i];
    }
    return out;
  }

  private static BigInteger decoded(int... b) {
    return ChangeBits.littleEndian(bytes(b)).value();
  }

  @Test void littleEndianBytesAreTheUnsignedIntegerOfTheBits() {
    assertEquals(BigInteger.valueOf(31), decoded(0x1f), "BIT(5) b'11111'");
    assertEquals(BigInteger.ONE, decoded(0x01, 0x00), "the low byte comes first; padding changes nothing");
    assertEquals(BigInteger.valueOf(256), decoded(0x00, 0x01), "not 1: the second byte holds bits 8 to 15");
    assertEquals(BigInteger.valueOf(0x1234), decoded(0x34, 0x12));
    assertEquals(BigInteger.ZERO, decoded(0, 0, 0, 0, 0, 0, 0, 0));
    assertEquals(BigInteger.ZERO, decoded(), "no bytes at all");
    assertEquals(MAX64, decoded(0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff), "never -1");
    assertEquals(BigInteger.ONE.shiftLeft(63), decoded(0, 0, 0, 0, 0, 0, 0, 0x80), "the top bit of BIT(64)");
    byte[] kept = bytes(0x01, 0x02);
    ChangeBits.littleEndian(kept);
    assertTrue(Arrays.equals(bytes(0x01, 0x02), kept), "the event's bytes are left as they were");
  }

  @Test void theEventsBitsReadAsTheirUnsignedIntegerAndFerrysBitTextAsText() {
    assertEquals(new ChangeBits.Unsigned(BigInteger.valueOf(31)), ChangeValues.read(bytes(0x1f), bits(5)));
    assertEquals(new ChangeBits.Unsigned(BigInteger.valueOf(258)),
        ChangeValues.read(ByteBuffer.wrap(bytes(0x02, 0x01)), bits(12)), "a ByteBuffer as well");
    Schema text = SchemaBuilder.string().name(ChangeCapture.BIT_TEXT).optional().build();
    assertEquals(new ChangeBits.Text("0010"), ChangeValues.read("0010", text), "leading zeros kept");
  }

  private static TargetColumns.Column col(int jdbcType, String typeName, int size) {
    return new TargetColumns.Column("b", jdbcType, typeName, size, 0);
  }

  private static Object place(Object bits, TargetColumns.Column c, CellKind kind) {
    return ChangeBits.forTarget(bits, c, kind, "t");
  }

  @Test void anIntegerGoesWhereCopyWritesMariaDbsBit() {
    ChangeBits.Unsigned n31 = new ChangeBits.Unsigned(BigInteger.valueOf(31));
    ChangeBits.Unsigned max = new ChangeBits.Unsigned(MAX64);
    assertEquals(31L, place(n31, col(Types.BIGINT, "int8", 19), CellKind.INTEGER));
    assertEquals(new BigDecimal(MAX64), place(max, col(Types.NUMERIC, "numeric", 20), CellKind.DECIMAL));
    assertEquals(31L, place(n31, col(Types.BIT, "BIT", 5), CellKind.BIT_INTEGER), "MariaDB BIT(5)");
    assertEquals(new BigDecimal(MAX64), place(max, col(Types.BIT, "BIT", 64), CellKind.BIT_INTEGER));
    assertEquals("31", place(n31, col(Types.VARCHAR, "varchar", 10), CellKind.TEXT), "its decimal text");
    assertEquals(Boolean.TRUE, place(new ChangeBits.Unsigned(BigInteger.ONE), col(Types.BIT, "bool", 1),
        CellKind.BOOLEAN));
    assertEquals(Boolean.FALSE, place(new ChangeBits.Unsigned(BigInteger.ZERO), col(Types.BIT, "bool", 1),
        CellKind.BOOLEAN));
  }

  @Test void aBitStringsTextGoesIntoBitStringAndTextColumns() {
    ChangeBits.Text t = new ChangeBits.Text("0000101");
    assertEquals("0000101", place(t, col(Types.BIT, "bit", 7), CellKind.TEXT), "PostgreSQL bit(7)");
    assertEquals("0000101", place(t, col(Types.OTHER, "varbit", 10), CellKind.OTHER), "varbit(10)");
    assertEquals("0000101", place(t, col(Types.VARCHAR, "VARCHAR", 7), CellKind.TEXT), "MariaDB VARCHAR(7)");
    assertEquals("", place(new ChangeBits.Text(""), col(Types.OTHER, "varbit", 10), CellKind.OTHER));
  }

  @Test void aColumnThatWouldHoldAnotherValueIsRefusedWithTableAndColumnNamed() {
    ChangeBits.Unsigned max = new ChangeBits.Unsigned(MAX64);
    ChangeBits.Unsigned n31 = new ChangeBits.Unsigned(BigInteger.valueOf(31));
    List<Runnable> refused = List.of(
        () -> place(max, col(Types.BIGINT, "int8", 19), CellKind.INTEGER),
        () -> place(n31, col(Types.BIT, "bool", 1), CellKind.BOOLEAN),
        () -> place(n31, col(Types.BIT, "BIT", 4), CellKind.BIT_INTEGER),
        () -> place(n31, col(Types.BIT, "bit", 5), CellKind.TEXT),
        () -> place(n31, col(Types.DOUBLE, "float8", 17), CellKind.DOUBLE),
        () -> place(new ChangeBits.Text("101"), col(Types.BIGINT, "int8", 19), CellKind.INTEGER),
        () -> place(new ChangeBits.Text("101"), col(Types.BIT, "BIT", 3), CellKind.BIT_INTEGER),
        () -> place(new ChangeBits.Text("1"), col(Types.BIT, "bool", 1), CellKind.BOOLEAN));
    for (Runnable r : refused) {
      FerryFailure f = assertThrows(FerryFailure.class, r::run);
      assertEquals("COPY_VALUE_REJECTED", f.code());
      assertTrue(f.getMessage().contains("cannot apply t.b exactly"), f.getMessage());
    }
  }

  @Test void aChangeCarriesTheValuesCopyWrites() throws Exception {
    TargetColumns cols;
    try (Connection c = DriverManager.getConnection("jdbc:h2:mem:changebits")) {
      try (Statement st = c.createStatement()) {
        st.execute("CREATE TABLE T (ID INT PRIMARY KEY, B1 BOOLEAN, B5 BIGINT, B64 NUMERIC(20, 0), V VARCHAR(10))");
      }
      cols = TargetColumns.read(c, ValueLimits.CHECKED, new TableName("PUBLIC", "T"));
    }
    SyncedTable table = new SyncedTable("t", new TableName("PUBLIC", "T"), cols, Dialects.forSubprotocol("h2"),
        List.of("id"));
    Schema row = SchemaBuilder.struct().field("id", Schema.INT32_SCHEMA).field("b1", Schema.OPTIONAL_BOOLEAN_SCHEMA)
        .field("b5", bits(5)).field("b64", bits(64))
        .field("v", SchemaBuilder.string().name(ChangeCapture.BIT_TEXT).optional().build()).build();
    Struct after = new Struct(row).put("id", 3).put("b1", true).put("b5", bytes(0x1f))
        .put("b64", bytes(0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff)).put("v", "0010");
    Object[] r = table.change("c", null, null, after).row();
    assertEquals(Arrays.asList(3L, true, 31L, new BigDecimal(MAX64), "0010"), Arrays.asList(r));
    Struct nulls = new Struct(row).put("id", 4);
    assertEquals(Arrays.asList(4L, null, null, null, null), Arrays.asList(table.change("u", null, null, nulls).row()));
  }
}
