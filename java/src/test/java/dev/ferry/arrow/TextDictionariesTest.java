package dev.ferry.arrow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.types.ColumnSpec;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.dictionary.Dictionary;
import org.apache.arrow.vector.dictionary.DictionaryProvider;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.DictionaryEncoding;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Text columns of few values are written dictionary-encoded and read back as the same text. */
class TextDictionariesTest {
  /**
   * 1,000 rows: a status of three values (one of them empty, some rows NULL) that the first
   * batch of 64 rows shows as few; a code that is few in that batch and all distinct after it;
   * and a name distinct on every row.
   */
  private static final String ROWS = "CREATE TABLE t AS SELECT X AS id,"
      + " CASE WHEN MOD(X, 7) = 0 THEN NULL WHEN MOD(X, 3) = 0 THEN '' WHEN MOD(X, 3) = 1"
      + " THEN 'shipped' ELSE 'ünïcode ✓' END AS status,"
      + " CASE WHEN X <= 64 THEN 'c' || MOD(X, 4) ELSE 'code ' || X END AS code,"
      + " 'name ' || X AS name FROM SYSTEM_RANGE(1, 1000)";

  private final BufferAllocator allocator = new RootAllocator();

  @AfterEach void noLeaks() {
    allocator.close();
  }

  /** The chunk files {@code sql}'s rows make, {@code maxRows} rows per file, batches of 64. */
  private List<byte[]> files(Connection c, String sql, long maxRows,
      ChunkCompression compression) throws Exception {
    return files(c, sql, maxRows, compression, 64);
  }

  /** As above, in batches of {@code batchRows}. */
  private List<byte[]> files(Connection c, String sql, long maxRows,
      ChunkCompression compression, int batchRows) throws Exception {
    List<byte[]> out = new ArrayList<>();
    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql);
         ArrowStreamFileWriter w = new ArrowStreamFileWriter(
             ColumnSpec.fromMetaData(rs.getMetaData()), allocator, batchRows, compression, null)) {
      long n;
      do {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        n = w.write(rs, file, maxRows);
        out.add(file.toByteArray());
      } while (n == maxRows);
    }
    return out;
  }

  /** Every row of every file as text cells, read as a restore reads them. */
  private List<List<String>> read(List<byte[]> files) throws SQLException {
    List<List<String>> rows = new ArrayList<>();
    for (byte[] f : files) {
      try (ArrowResultSet rs = new ArrowResultSet(new ByteArrayInputStream(f), allocator)) {
        addText(rs, rows);
      }
    }
    return rows;
  }

  /** The rows as the database gives them. */
  private static List<List<String>> expected(Connection c, String sql) throws SQLException {
    List<List<String>> rows = new ArrayList<>();
    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      addText(rs, rows);
    }
    return rows;
  }

  /** Adds the rest of {@code rs}'s rows to {@code rows}, each as its cells' text. */
  private static void addText(ResultSet rs, List<List<String>> rows) throws SQLException {
    int n = rs.getMetaData().getColumnCount();
    while (rs.next()) {
      List<String> row = new ArrayList<>();
      for (int i = 1; i <= n; i++) {
        row.add(rs.getString(i));
      }
      rows.add(row);
    }
  }

  /** Which fields of {@code file} are dictionary-encoded, and its chunk format. */
  private Map<String, Object> layout(byte[] file) throws Exception {
    Map<String, Object> out = new HashMap<>();
    try (ArrowStreamReader r = new ArrowStreamReader(new ByteArrayInputStream(file), allocator,
        ChunkCompression.FACTORY)) {
      Schema schema = r.getVectorSchemaRoot().getSchema();
      out.put("format", schema.getCustomMetadata().get(ChunkSchema.FORMAT));
      List<String> encoded = new ArrayList<>();
      for (Field f : schema.getFields()) {
        if (f.getDictionary() != null) {
          encoded.add(f.getName());
        }
      }
      out.put("encoded", encoded);
    }
    return out;
  }

  @Test void fewValuedTextIsEncodedAndReadsBackExactly() throws Exception {
    String sql = "SELECT * FROM t ORDER BY id";
    try (Connection c = ChunkFixtures.database("dict", ROWS)) {
      for (ChunkCompression compression : ChunkCompression.values()) {
        List<byte[]> files = files(c, sql, 300, compression);
        assertEquals(4, files.size());
        for (byte[] f : files) {
          Map<String, Object> layout = layout(f);
          assertEquals(List.of("STATUS", "CODE"), layout.get("encoded"), compression.name());
          assertEquals(ChunkSchema.DICTIONARY_FORMAT_VERSION, layout.get("format"));
        }
        List<List<String>> got = read(files);
        assertEquals(expected(c, sql), got);
        assertNull(got.get(6).get(1));
        assertEquals("", got.get(2).get(1));
        assertEquals("ünïcode ✓", got.get(1).get(1));
        assertEquals("code 1000", got.get(999).get(2));
      }
    }
  }

  @Test void encodingMakesFewValuedTextSmaller() throws Exception {
    String sql = "SELECT id, status FROM t ORDER BY id";
    try (Connection c = ChunkFixtures.database("smaller", ROWS)) {
      byte[] encoded = files(c, sql, Long.MAX_VALUE, ChunkCompression.NONE, 1000).get(0);
      assertEquals(List.of("STATUS"), layout(encoded).get("encoded"));
      // Stored plain, the rows need at least their ids, one offset per row and the text.
      long plainAtLeast = 0;
      for (List<String> row : expected(c, sql)) {
        plainAtLeast += 8 + 4 + (row.get(1) == null ? 0
            : row.get(1).getBytes(StandardCharsets.UTF_8).length);
      }
      assertTrue(encoded.length < plainAtLeast * 0.8, encoded.length + " vs " + plainAtLeast);
    }
  }

  @Test void aFileWithoutFewValuedTextStaysInTheFirstFormat() throws Exception {
    try (Connection c = ChunkFixtures.database("plain", ROWS)) {
      byte[] many = files(c, "SELECT id, name FROM t", Long.MAX_VALUE, ChunkCompression.ZSTD)
          .get(0);
      byte[] few = files(c, "SELECT id, status FROM t WHERE id < 40", Long.MAX_VALUE,
          ChunkCompression.ZSTD).get(0);
      byte[] empty = files(c, "SELECT id, status FROM t WHERE id < 0", Long.MAX_VALUE,
          ChunkCompression.ZSTD).get(0);
      for (byte[] f : List.of(many, few, empty)) {
        assertEquals(List.of(), layout(f).get("encoded"));
        assertEquals(ChunkSchema.FORMAT_VERSION, layout(f).get("format"));
      }
      assertEquals(39, read(List.of(few)).size());
      assertEquals(0, read(List.of(empty)).size());
    }
  }

  @Test void anIndexOutsideItsDictionaryIsABrokenFile() throws Exception {
    ArrowType.Int index = new ArrowType.Int(16, true);
    DictionaryEncoding encoding = new DictionaryEncoding(0, false, index);
    Map<String, String> meta = ChunkSchema.fieldMetadata(
        new ColumnSpec("s", java.sql.Types.VARCHAR, "VARCHAR", 10, 0, true));
    Map<String, String> schemaMeta = new HashMap<>(ChunkSchema.schemaMetadata());
    schemaMeta.put(ChunkSchema.FORMAT, ChunkSchema.DICTIONARY_FORMAT_VERSION);
    ByteArrayOutputStream file = new ByteArrayOutputStream();
    try (VarCharVector words = new VarCharVector(new Field("s",
             FieldType.notNullable(new ArrowType.Utf8()), null), allocator);
         SmallIntVector indices = (SmallIntVector) new Field("s",
             new FieldType(true, index, encoding, meta), null).createVector(allocator)) {
      words.setSafe(0, "a".getBytes(StandardCharsets.UTF_8));
      words.setValueCount(1);
      indices.setSafe(0, 0);
      indices.setSafe(1, 5);
      indices.setValueCount(2);
      DictionaryProvider.MapDictionaryProvider provider =
          new DictionaryProvider.MapDictionaryProvider();
      provider.put(new Dictionary(words, encoding));
      VectorSchemaRoot root = new VectorSchemaRoot(
          new Schema(List.of(indices.getField()), schemaMeta), List.of(indices), 2);
      try (ArrowStreamWriter w = new ArrowStreamWriter(root, provider, file)) {
        w.start();
        w.writeBatch();
        w.end();
      }
    }
    try (ArrowResultSet rs = new ArrowResultSet(new ByteArrayInputStream(file.toByteArray()),
        allocator)) {
      SQLException e = assertThrows(SQLException.class, rs::next);
      assertEquals("08006", e.getSQLState());
      assertTrue(e.getMessage().contains("entry 5 of a dictionary of 1"), e.getMessage());
    }
  }

  @Test void theBatchesOfARestoreLoaderAreDecodedToo() throws Exception {
    try (Connection c = ChunkFixtures.database("batches", ROWS)) {
      byte[] f = files(c, "SELECT status FROM t ORDER BY id", Long.MAX_VALUE,
          ChunkCompression.ZSTD).get(0);
      List<String> seen = new ArrayList<>();
      try (ArrowResultSet rs = new ArrowResultSet(new ByteArrayInputStream(f), allocator)) {
        for (VectorSchemaRoot b = rs.nextBatch(); b != null; b = rs.nextBatch()) {
          VarCharVector v = (VarCharVector) b.getVector(0);
          assertNull(v.getField().getDictionary());
          for (int i = 0; i < b.getRowCount(); i++) {
            seen.add(v.isNull(i) ? null : new String(v.get(i), StandardCharsets.UTF_8));
          }
        }
      }
      List<String> want = new ArrayList<>();
      expected(c, "SELECT status FROM t ORDER BY id").forEach(r -> want.add(r.get(0)));
      assertEquals(want, seen);
    }
  }
}
