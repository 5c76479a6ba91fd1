package dev.ferry.sync;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.dialect.Dialects;
import dev.ferry.error.FerryFailure;
import dev.ferry.sink.TargetColumns;
import dev.ferry.sink.ValueLimits;
import dev.ferry.types.TableName;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** How change events become rows: values, per-key batches, schema changes, stored offsets. */
class SyncApplyTest {
  private static SyncedTable table;
  private static Schema row;
  private static Schema key;

  @BeforeAll static void target() throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:h2:mem:syncapply")) {
      try (Statement st = c.createStatement()) {
        st.execute("CREATE TABLE T (ID BIGINT PRIMARY KEY, AMOUNT DECIMAL(20,6), AT TIMESTAMP(6),"
            + " NOTE VARCHAR(100), FLAG BOOLEAN)");
      }
      TargetColumns cols = TargetColumns.read(c, ValueLimits.CHECKED, new TableName("PUBLIC", "T"));
      table = new SyncedTable("t", new TableName("PUBLIC", "T"), cols, Dialects.forSubprotocol("h2"),
          List.of("id"));
    }
    row = SchemaBuilder.struct().field("id", Schema.INT64_SCHEMA)
        .field("amount", Schema.OPTIONAL_STRING_SCHEMA)
        .field("at", SchemaBuilder.int64().name("io.debezium.time.MicroTimestamp").optional().build())
        .field("note", Schema.OPTIONAL_STRING_SCHEMA)
        .field("flag", Schema.OPTIONAL_INT16_SCHEMA).build();
    key = SchemaBuilder.struct().field("id", Schema.INT64_SCHEMA).build();
  }

  private static Struct after(long id, String amount, String note) {
    return new Struct(row).put("id", id).put("amount", amount).put("at", 1_700_000_000_123_456L)
        .put("note", note).put("flag", (short) 1);
  }

  private static Struct key(long id) {
    return new Struct(key).put("id", id);
  }

  @Test void valuesBecomeWhatTheTargetColumnHolds() {
    Change c = table.change("c", key(1), null, after(1, "12345678901234.000001", "caf\u00e9 \uD83D\uDE00"));
    Object[] r = c.row();
    assertEquals(1L, r[0]);
    assertEquals(new BigDecimal("12345678901234.000001"), r[1]);
    assertEquals(LocalDateTime.of(2023, 11, 14, 22, 13, 20, 123_456_000), r[2]);
    assertEquals("caf\u00e9 \uD83D\uDE00", r[3]);
    assertEquals(Boolean.TRUE, r[4]);
    assertNull(c.missing());
  }

  @Test void semanticTypesAreReadExactly() {
    assertEquals(LocalDate.of(1970, 1, 11),
        ChangeValues.read(10, SchemaBuilder.int32().name("io.debezium.time.Date").build()));
    assertEquals(LocalTime.of(23, 59, 59, 999_999_000), ChangeValues.read(86_399_999_999L,
        SchemaBuilder.int64().name("io.debezium.time.MicroTime").build()));
    assertEquals("-838:59:59.000000", ChangeValues.read(-3_020_399_000_000L,
        SchemaBuilder.int64().name("io.debezium.time.MicroTime").build()));
    assertEquals(LocalDateTime.of(1969, 12, 31, 23, 59, 59, 999_999_000), ChangeValues.read(-1L,
        SchemaBuilder.int64().name("io.debezium.time.MicroTimestamp").build()));
    assertArrayEquals(new byte[] {0, (byte) 0xff},
        (byte[]) ChangeValues.read(ByteBuffer.wrap(new byte[] {0, (byte) 0xff}), Schema.BYTES_SCHEMA));
    assertEquals("{1,NULL,{\"a\\\"b\",\"c\\\\d\"}}", ChangeValues.arrayText(
        java.util.Arrays.asList(1, null, List.of("a\"b", "c\\d"))));
  }

  @Test void aKeysLastChangeInABatchIsWhatIsApplied() {
    ChangeBatch b = new ChangeBatch();
    b.add(table, table.change("c", key(1), null, after(1, "1", "a")));
    b.add(table, table.change("u", key(1), null, after(1, "2", "b")));
    b.add(table, table.change("d", key(2), null, null));
    b.add(table, table.change("c", key(3), null, after(3, "3", "c")));
    b.add(table, table.change("d", key(3), null, null));
    Map<List<Object>, Change> last = b.byTable().get(table);
    assertEquals(3, last.size());
    assertEquals(new BigDecimal("2"), last.get(List.of(1L)).row()[1]);
    assertEquals(Change.Kind.DELETE, last.get(List.of(2L)).kind());
    assertEquals(Change.Kind.DELETE, last.get(List.of(3L)).kind());
    assertEquals(new SyncState.Counts(2, 1, 2), b.counts().get("t"));
    assertEquals(5, b.changes());
  }

  @Test void aValueTheLogLeftOutIsTakenFromTheBatchOrLeftToTheTarget() {
    ChangeBatch b = new ChangeBatch();
    b.add(table, table.change("u", key(7), null, after(7, "5", ChangeValues.UNAVAILABLE)));
    Change partial = b.byTable().get(table).get(List.of(7L));
    assertTrue(partial.missing()[3]);
    b.add(table, table.change("c", key(8), null, after(8, "1", "kept")));
    b.add(table, table.change("u", key(8), null, after(8, "9", ChangeValues.UNAVAILABLE)));
    Change merged = b.byTable().get(table).get(List.of(8L));
    assertNull(merged.missing());
    assertEquals("kept", merged.row()[3]);
    assertEquals(new BigDecimal("9"), merged.row()[1]);
    assertTrue(ChangeValues.unavailable(ByteBuffer.wrap(ChangeValues.UNAVAILABLE.getBytes(StandardCharsets.UTF_8))));
  }

  @Test void aRowMovedToAnotherKeyTakesTheValuesTheLogLeftOutFromItsOldRow() {
    ChangeBatch b = new ChangeBatch();
    // Moved without its TOASTed value: the target's row under the old key holds it.
    b.addMove(table, table.change("d", key(1), null, null),
        table.change("c", key(2), null, after(2, "1", ChangeValues.UNAVAILABLE)));
    Map<List<Object>, Change> last = b.byTable().get(table);
    assertEquals(Change.Kind.DELETE, last.get(List.of(1L)).kind());
    assertEquals(List.of(1L), last.get(List.of(2L)).fillFrom());
    // Moved again in the same batch: still from the row the target has, under key 1.
    b.addMove(table, table.change("d", key(2), null, null),
        table.change("c", key(3), null, after(3, "2", ChangeValues.UNAVAILABLE)));
    assertEquals(List.of(1L), last.get(List.of(3L)).fillFrom());
    assertEquals(Change.Kind.DELETE, last.get(List.of(2L)).kind());
    // A row changed earlier in the batch gives the value itself.
    b.add(table, table.change("c", key(8), null, after(8, "1", "kept")));
    b.addMove(table, table.change("d", key(8), null, null),
        table.change("c", key(9), null, after(9, "4", ChangeValues.UNAVAILABLE)));
    Change moved = last.get(List.of(9L));
    assertNull(moved.missing());
    assertNull(moved.fillFrom());
    assertEquals("kept", moved.row()[3]);
    // A complete row needs nothing from anywhere.
    b.addMove(table, table.change("d", key(20), null, null), table.change("c", key(21), null, after(21, "5", "x")));
    assertNull(last.get(List.of(21L)).fillFrom());
  }

  @Test void aColumnAddedOnTheSourceStopsTheSyncNamingIt() {
    Schema wider = SchemaBuilder.struct().field("id", Schema.INT64_SCHEMA)
        .field("amount", Schema.OPTIONAL_STRING_SCHEMA).field("at", Schema.OPTIONAL_INT64_SCHEMA)
        .field("note", Schema.OPTIONAL_STRING_SCHEMA).field("flag", Schema.OPTIONAL_INT16_SCHEMA)
        .field("channel", Schema.OPTIONAL_STRING_SCHEMA).build();
    Struct s = new Struct(wider).put("id", 1L);
    FerryFailure f = assertThrows(FerryFailure.class, () -> table.change("u", key(1), null, s));
    assertEquals("SYNC_SCHEMA_CHANGED", f.code());
    assertTrue(f.getMessage().contains("the source table t changed: column(s) channel added"), f.getMessage());
  }

  @Test void storedOffsetsAreWhatTheEngineReadsBack() {
    OffsetText text = new OffsetText("ferry-sync-ab12");
    assertEquals("[\"ferry-sync-ab12\",{\"server\":\"ferry_ab12\"}]",
        text.key(Map.of("server", "ferry_ab12")));
    assertEquals("{\"lsn\":42}", text.value(Map.of("lsn", 42L)));
  }
}
