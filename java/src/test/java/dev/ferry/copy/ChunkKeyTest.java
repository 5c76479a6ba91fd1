package dev.ferry.copy;

import dev.ferry.types.TypeFamily;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.ferry.catalog.Snapshot;
import dev.ferry.types.LogicalType;

import java.util.List;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.junit.jupiter.api.Test;

class ChunkKeyTest {
  private static final LogicalType BIGINT = new LogicalType(TypeFamily.INTEGER, "BIGINT", null, null, "BIGINT");

  private static Snapshot.Column col(String name, LogicalType t) {
    return new Snapshot.Column(name, 1, t.sqlType(), t, false, null, false);
  }

  private static Snapshot.Table table(@Nullable List<String> pk, Snapshot.Column... columns) {
    return new Snapshot.Table("t", null, List.of(columns),
        pk == null ? null : new Snapshot.Key(null, pk), List.of(), List.of(), List.of());
  }

  private static LogicalType decimal(int p, int s) {
    return new LogicalType(TypeFamily.DECIMAL, "DECIMAL", p, s, "DECIMAL(" + p + ", " + s + ")");
  }

  @Test void anIntegerPrimaryKeyIsChunkable() {
    assertEquals(new ChunkKey("id", TypeFamily.INTEGER), ChunkKey.of(table(List.of("id"), col("id", BIGINT))));
  }

  @Test void theKeyIsFoundIgnoringCaseAndNamedAsTheColumnIs() {
    assertEquals(new ChunkKey("Id", TypeFamily.INTEGER), ChunkKey.of(table(List.of("ID"), col("Id", BIGINT))));
  }

  @Test void decimalsOnlyWithoutAFraction() {
    assertEquals(new ChunkKey("n", TypeFamily.DECIMAL), ChunkKey.of(table(List.of("n"), col("n", decimal(20, 0)))));
    assertNull(ChunkKey.of(table(List.of("n"), col("n", decimal(10, 2)))));
    assertEquals(new ChunkKey("n", TypeFamily.DECIMAL),
        ChunkKey.of(table(List.of("n"), col("n", LogicalType.UNBOUNDED_DECIMAL))),
        "an unbounded decimal has no known scale");
  }

  @Test void textAndDateKeys() {
    LogicalType text = new LogicalType(TypeFamily.CHAR, "VARCHAR", 10, null, "VARCHAR(10)");
    LogicalType date = new LogicalType(TypeFamily.DATE, "DATE", null, null, "DATE");
    assertEquals(new ChunkKey("code", TypeFamily.CHAR), ChunkKey.of(table(List.of("code"), col("code", text))));
    assertEquals(new ChunkKey("day", TypeFamily.DATE), ChunkKey.of(table(List.of("day"), col("day", date))));
  }

  @Test void aKeyOfSeveralColumnsIsSplitByItsFirst() {
    assertEquals(new ChunkKey("order_id", TypeFamily.INTEGER), ChunkKey.of(table(List.of("order_id", "line"),
        col("line", BIGINT), col("order_id", BIGINT))));
    LogicalType ts = new LogicalType(TypeFamily.TIMESTAMP, "TIMESTAMP", 6, null, "TIMESTAMP(6)");
    assertNull(ChunkKey.of(table(List.of("at", "id"), col("at", ts), col("id", BIGINT))),
        "the first column decides");
  }

  @Test void otherKeysAreCopiedInOneChunk() {
    LogicalType ts = new LogicalType(TypeFamily.TIMESTAMP, "TIMESTAMP", 6, null, "TIMESTAMP(6)");
    LogicalType dbl = new LogicalType(TypeFamily.FLOAT, "DOUBLE", null, null, "DOUBLE");
    assertNull(ChunkKey.of(table(null, col("a", BIGINT))), "no primary key");
    assertNull(ChunkKey.of(table(List.of(), col("a", BIGINT))), "empty key");
    assertNull(ChunkKey.of(table(List.of("t"), col("t", ts))), "timestamp");
    assertNull(ChunkKey.of(table(List.of("f"), col("f", dbl))), "float");
    assertNull(ChunkKey.of(table(List.of("gone"), col("a", BIGINT))), "key column not listed");
  }
}
