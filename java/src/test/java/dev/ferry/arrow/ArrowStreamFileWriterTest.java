package dev.ferry.arrow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.types.ColumnSpec;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.channels.Channels;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.compression.CompressionCodec;
import org.apache.arrow.vector.compression.CompressionUtil;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;
import org.apache.arrow.vector.ipc.message.IpcOption;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A table split into chunk files: every row once, compressed, and never silently cut. */
class ArrowStreamFileWriterTest {
  private static final String NUMBERS = "CREATE TABLE n AS SELECT X AS id, 'row ' || X AS name,"
      + " CAST(X * 1.5 AS DECIMAL(12, 2)) AS amount FROM SYSTEM_RANGE(1, 1000)";

  private final BufferAllocator allocator = new RootAllocator();

  @AfterEach void noLeaks() {
    allocator.close();
  }

  /** The ids of every row of every chunk, in order. */
  private List<Long> ids(List<byte[]> chunks) throws SQLException {
    List<Long> out = new ArrayList<>();
    for (byte[] chunk : chunks) {
      try (ArrowResultSet rs = new ArrowResultSet(new ByteArrayInputStream(chunk), allocator)) {
        assertEquals(List.of("ID", "NAME", "AMOUNT"),
            rs.specs().stream().map(ColumnSpec::label).limit(3).toList());
        while (rs.next()) {
          out.add(rs.getLong(1));
          assertEquals("row " + rs.getLong(1), rs.getString("name"));
        }
      }
    }
    return out;
  }

  /** Reads every row of {@code chunk}. */
  private void drain(byte[] chunk) throws SQLException {
    try (ArrowResultSet rs = new ArrowResultSet(new ByteArrayInputStream(chunk), allocator)) {
      while (rs.next()) {
        rs.getObject(1);
      }
    }
  }

  /** Writes {@code sql}'s rows as chunks of {@code maxRows} until a chunk comes out short. */
  private List<byte[]> split(Connection c, String sql, long maxRows, List<Long> written,
      ArrowStreamFileWriter.RowHook hook) throws Exception {
    List<byte[]> chunks = new ArrayList<>();
    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql);
         ArrowStreamFileWriter w = new ArrowStreamFileWriter(
             ColumnSpec.fromMetaData(rs.getMetaData()), allocator, 64, ChunkCompression.ZSTD,
             hook)) {
      long n;
      do {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        n = w.write(rs, out, maxRows);
        written.add(n);
        chunks.add(out.toByteArray());
      } while (n == maxRows);
    }
    return chunks;
  }

  @Test void splittingByMaxRowsGivesEveryRowExactlyOnce() throws Exception {
    try (Connection c = ChunkFixtures.database("split", NUMBERS)) {
      long[] seen = {0, 0, Long.MAX_VALUE, Long.MIN_VALUE};
      List<Long> written = new ArrayList<>();
      List<byte[]> chunks = split(c, "SELECT * FROM n ORDER BY id", 300, written, rs -> {
        long id = rs.getLong(1);
        seen[0]++;
        seen[1] += id;
        seen[2] = Math.min(seen[2], id);
        seen[3] = Math.max(seen[3], id);
      });
      assertEquals(List.of(300L, 300L, 300L, 100L), written);
      List<Long> expected = new ArrayList<>();
      for (long i = 1; i <= 1000; i++) {
        expected.add(i);
      }
      assertEquals(expected, ids(chunks));
      assertEquals(Arrays.toString(new long[] {1000, 500_500, 1, 1000}), Arrays.toString(seen),
          "the hook saw each row once, on that row");
    }
  }

  @Test void aTableOfExactlyMaxRowsEndsWithAnEmptyButCompleteChunk() throws Exception {
    try (Connection c = ChunkFixtures.database("exactly", NUMBERS)) {
      List<Long> written = new ArrayList<>();
      List<byte[]> chunks = split(c, "SELECT * FROM n WHERE id <= 600 ORDER BY id", 300,
          written, null);
      assertEquals(List.of(300L, 300L, 0L), written);
      assertEquals(600, ids(chunks).size());
      try (ArrowResultSet rs = new ArrowResultSet(new ByteArrayInputStream(chunks.get(2)),
          allocator)) {
        assertEquals(3, rs.getMetaData().getColumnCount(), "an empty chunk keeps its columns");
        assertFalse(rs.next());
      }
    }
  }

  @Test void wideRowsEndABatchEarly() throws Exception {
    try (Connection c = ChunkFixtures.database("wide", NUMBERS);
         Statement st = c.createStatement();
         ResultSet rs = st.executeQuery("SELECT n.*, REPEAT('x', 100) AS pad FROM n");
         ArrowStreamFileWriter w = new ArrowStreamFileWriter(
             ColumnSpec.fromMetaData(rs.getMetaData()), allocator, 500, 1000,
             ChunkCompression.ZSTD, null, DriverCells.TYPED)) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      assertEquals(1000, w.write(rs, out, 1000));
      List<Integer> batches = new ArrayList<>();
      try (ArrowStreamReader r = new ArrowStreamReader(
          new ByteArrayInputStream(out.toByteArray()), allocator, ChunkCompression.FACTORY)) {
        while (r.loadNextBatch()) {
          batches.add(r.getVectorSchemaRoot().getRowCount());
        }
      }
      assertEquals(1000, batches.stream().mapToInt(Integer::intValue).sum());
      assertTrue(batches.size() > 50 && batches.stream().allMatch(n -> n < 20), batches.toString());
      assertEquals(1000, ids(List.of(out.toByteArray())).size());
    }
  }

  @Test void zstdIsSmallerForRepetitiveData() throws Exception {
    try (Connection c = ChunkFixtures.database("zstd", NUMBERS)) {
      String sql = "SELECT n.*, REPEAT('abc', 20) || id AS pad FROM n";
      byte[] plain = ChunkFixtures.chunk(c, sql, allocator, ChunkCompression.NONE);
      byte[] zstd = ChunkFixtures.chunk(c, sql, allocator, ChunkCompression.ZSTD);
      assertTrue(zstd.length * 4 < plain.length, zstd.length + " vs " + plain.length);
      assertEquals(ids(List.of(plain)), ids(List.of(zstd)));
    }
  }

  @Test void aStreamCutAnywhereFailsClearly() throws Exception {
    try (Connection c = ChunkFixtures.database("cut", NUMBERS)) {
      for (ChunkCompression compression : ChunkCompression.values()) {
        byte[] chunk = ChunkFixtures.chunk(c, "SELECT * FROM n WHERE id <= 100", allocator,
            compression);
        assertEquals(100, ids(List.of(chunk)).size(), "two batches");
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
          for (int len = 0; len < chunk.length; len++) {
            byte[] cut = Arrays.copyOf(chunk, len);
            SQLException e = assertThrows(SQLException.class, () -> ids(List.of(cut)),
                compression + " cut at " + len + " of " + chunk.length);
            assertEquals("08006", e.getSQLState(), e.getMessage());
          }
        });
      }
    }
  }

  @Test void aStreamCutBetweenBatchesNamesTheTruncation() throws Exception {
    try (Connection c = ChunkFixtures.database("boundary", NUMBERS)) {
      byte[] chunk = ChunkFixtures.chunk(c, "SELECT * FROM n", allocator, ChunkCompression.ZSTD);
      byte[] noMarker = Arrays.copyOf(chunk, chunk.length - 8);
      SQLException e = assertThrows(SQLException.class, () -> ids(List.of(noMarker)));
      assertTrue(e.getMessage().contains("after 1000 rows without its end-of-stream marker"),
          e.getMessage());
    }
  }

  @Test void aFailedWriteLeavesAStreamThatReadsAsTruncated() throws Exception {
    try (Connection c = ChunkFixtures.database("failed", NUMBERS)) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT * FROM n");
           ArrowStreamFileWriter w = new ArrowStreamFileWriter(
               ColumnSpec.fromMetaData(rs.getMetaData()), allocator, 64, ChunkCompression.ZSTD,
               row -> {
                 if (row.getLong(1) == 150) {
                   throw new SQLException("disk full");
                 }
               })) {
        assertThrows(SQLException.class, () -> w.write(rs, out, 1000));
      }
      assertTrue(out.size() > 0, "the first two batches were written");
      SQLException e = assertThrows(SQLException.class, () -> ids(List.of(out.toByteArray())));
      assertTrue(e.getMessage().contains("truncated"), e.getMessage());
    }
  }

  @Test void lz4AndForeignStreamsAreRefused() throws Exception {
    ColumnSpec spec = new ColumnSpec("ID", Types.BIGINT, "BIGINT", 19, 0, false);
    Field id = new Field("ID", new FieldType(false, new ArrowType.Int(64, true), null,
        ChunkSchema.fieldMetadata(spec)), null);
    byte[] lz4 = foreign(new Schema(List.of(id), ChunkSchema.schemaMetadata()),
        CompressionUtil.CodecType.LZ4_FRAME);
    SQLException e = assertThrows(SQLException.class, () -> drain(lz4));
    assertTrue(e.getMessage().contains("LZ4_FRAME"), e.getMessage());
    byte[] bare = foreign(new Schema(List.of(Field.notNullable("ID", new ArrowType.Int(64, true)))),
        CompressionUtil.CodecType.NO_COMPRESSION);
    e = assertThrows(SQLException.class, () -> drain(bare));
    assertTrue(e.getMessage().contains("not a Ferry chunk file"), e.getMessage());
    assertEquals(List.of(spec), ChunkSchema.specsOf(new Schema(List.of(id),
        ChunkSchema.schemaMetadata())));
  }

  /**
   * Codecs that store buffers as they are but label the batches {@code codec}: the reader must
   * refuse LZ4 by its label, before decoding (commons-compress's LZ4 needs a newer commons-lang3
   * than Calcite's, so a real LZ4 stream cannot even be written here).
   */
  private record LabelledAs(CompressionUtil.CodecType codec) implements CompressionCodec.Factory {
    @Override public CompressionCodec createCodec(CompressionUtil.CodecType type) {
      return new CompressionCodec() {
        @Override public ArrowBuf compress(BufferAllocator a, ArrowBuf buf) {
          return buf;
        }

        @Override public ArrowBuf decompress(BufferAllocator a, ArrowBuf buf) {
          return buf;
        }

        @Override public CompressionUtil.CodecType getCodecType() {
          return codec;
        }
      };
    }

    @Override public CompressionCodec createCodec(CompressionUtil.CodecType type, int level) {
      return createCodec(type);
    }
  }

  /** One batch of ids 1-3 written by Arrow's own writer, labelled {@code codec}. */
  private byte[] foreign(Schema schema, CompressionUtil.CodecType codec) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (VectorSchemaRoot root = VectorSchemaRoot.create(schema, allocator);
         ArrowStreamWriter w = new ArrowStreamWriter(root, null, Channels.newChannel(out),
             IpcOption.DEFAULT, new LabelledAs(codec), codec, Optional.empty())) {
      BigIntVector v = (BigIntVector) root.getVector(0);
      v.allocateNew(3);
      for (int i = 0; i < 3; i++) {
        v.set(i, i + 1);
      }
      root.setRowCount(3);
      w.start();
      w.writeBatch();
      w.end();
    }
    return out.toByteArray();
  }
}
