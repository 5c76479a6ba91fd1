package dev.ferry.arrow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ferry.checksum.CellKind;
import dev.ferry.types.ColumnSpec;
import dev.ferry.verify.RowCanon;
import dev.ferry.verify.VectorCanon;

import java.io.ByteArrayOutputStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A batch read through {@link BatchRows} gives {@link RowCanon} the texts and hashes the source
 * result set gave it, for every column type a chunk file holds, and {@link VectorCanon} (the
 * bytes written straight from the vectors) gives the same again: a backup's rows may be hashed
 * from the vectors a batch source filled instead of from the driver.
 */
class BatchRowsTest {
  private static final String[] DDL = {
    "CREATE TABLE t (id BIGINT, i INT, s SMALLINT, name VARCHAR(40), c CHAR(5), amount DECIMAL(12, 2),"
        + " wide DECIMAL(38, 10), r REAL, f DOUBLE, flag BOOLEAN, d DATE, tm TIME(6), ts TIMESTAMP(6),"
        + " b VARBINARY(10), u UUID, tiny TINYINT)",
    "INSERT INTO t VALUES (-9223372036854775808, -2147483648, -32768, '', 'a', -0.01,"
        + " -9999999999999999999999999999.9999999999, CAST(-0.0 AS REAL), CAST('NaN' AS DOUBLE),"
        + " false, DATE '0999-12-31', TIME '00:00:00', TIMESTAMP '0999-12-31 23:59:59.000001',"
        + " X'00', '00000000-0000-0000-0000-000000000001', -128)",
    "INSERT INTO t VALUES (9223372036854775807, 2147483647, 32767, 'é 😀 𝄞', 'ab  ', 9999999999.99,"
        + " 0.0000000001, CAST('Infinity' AS REAL), -0.0, true, DATE '1969-07-20', TIME '23:59:59.999999',"
        + " TIMESTAMP '1969-12-31 23:59:59.999999', X'00ff10', 'ffffffff-ffff-ffff-ffff-ffffffffffff', 127)",
    "INSERT INTO t VALUES (0, 0, 0, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL)",
    "INSERT INTO t VALUES (5, 1, 1, 'x', '', 0, 1, 0.1, 1e308, true, DATE '2024-02-29', TIME '12:34:56.5',"
        + " TIMESTAMP '2024-02-29 12:34:56.123456', X'', '123e4567-e89b-12d3-a456-426614174000', 0)",
    "INSERT INTO t VALUES (6, 2, 2, 'tab\t', 'é  ', 100, 100, 1e-40, 1e-300, false, DATE '10000-01-01', TIME '00:00:00.000001',"
        + " TIMESTAMP '-0044-03-15 12:00:00.5', X'ff', NULL, 1)",
    "INSERT INTO t VALUES (7, 3, 3, 'a\u00a0', 'x\t ', -1234567890.12, 12345678901234567890.1234567891, 3.4e38, -1e-10, true,"
        + " DATE '-0001-12-31', TIME '23:00:00', TIMESTAMP '10000-12-31 23:59:59.999999', X'7f80', NULL, -1)",
    "INSERT INTO t SELECT X + 10, X, 1, 'row ' || X, 'c', X * 1.25, X / 7.0, X / 3.0, X / 7.0, MOD(X, 2) = 0,"
        + " DATEADD(DAY, X, DATE '2000-01-01'), TIME '01:02:03', DATEADD(SECOND, X, TIMESTAMP '1970-01-01 00:00:00'),"
        + " X'0102', RANDOM_UUID(), MOD(X, 100) FROM SYSTEM_RANGE(1, 300)",
  };

  private final BufferAllocator allocator = new RootAllocator();

  @AfterEach void noLeaks() {
    allocator.close();
  }

  /** Reads a result set into a batch with the JDBC path's column readers. */
  private static final class ResultSetBatches implements BatchSource {
    private final ResultSet rs;
    private final ArrowColumn[] columns;
    private final RowCanon canon = new RowCanon(false);
    private final CellKind[] kinds;
    final List<List<String>> texts = new ArrayList<>();
    final List<Long> hashes = new ArrayList<>();

    ResultSetBatches(ResultSet rs, List<ColumnSpec> specs, CellKind[] kinds) {
      this.rs = rs;
      this.kinds = kinds;
      columns = new ArrowColumn[specs.size()];
      for (int i = 0; i < columns.length; i++) {
        columns[i] = ArrowColumn.of(specs.get(i), i + 1);
      }
    }

    @Override public int fill(VectorSchemaRoot root, int maxRows, long maxBytes) throws java.sql.SQLException {
      int n = 0;
      while (n < maxRows && rs.next()) {
        List<String> row = new ArrayList<>();
        for (int i = 0; i < columns.length; i++) {
          columns[i].vector = root.getVector(i);
          columns[i].read(rs, n);
          row.add(canon.text(rs, i + 1, kinds[i]));
        }
        texts.add(row);
        hashes.add(canon.hash(row));
        n++;
      }
      return n;
    }

    @Override public ResultSetMetaData metaData() throws java.sql.SQLException {
      return rs.getMetaData();
    }

    @Override public void close() {}
  }

  @Test void vectorsHashAsTheSourceDid() throws Exception {
    try (Connection c = ChunkFixtures.database("batchrows", DDL);
         Statement st = c.createStatement();
         ResultSet rs = st.executeQuery("SELECT * FROM t ORDER BY id")) {
      List<ColumnSpec> specs = ColumnSpec.fromMetaData(rs.getMetaData());
      CellKind[] kinds = new CellKind[specs.size()];
      for (int i = 0; i < kinds.length; i++) {
        kinds[i] = CellKind.of(rs.getMetaData().getColumnType(i + 1), rs.getMetaData().getColumnTypeName(i + 1));
      }
      ResultSetBatches source = new ResultSetBatches(rs, specs, kinds);
      RowCanon canon = new RowCanon(false);
      List<List<String>> texts = new ArrayList<>();
      List<Long> hashes = new ArrayList<>();
      BatchRows[] view = new BatchRows[1];
      VectorCanon[] fast = new VectorCanon[1];
      List<Long> fastHashes = new ArrayList<>();
      List<List<String>> fastTexts = new ArrayList<>();
      try (ArrowStreamFileWriter w = new ArrowStreamFileWriter(specs, allocator, 16, ChunkCompression.NONE, null)) {
        long rows = w.write(source, new ByteArrayOutputStream(), Long.MAX_VALUE, (root, n) -> {
          if (view[0] == null) {
            view[0] = new BatchRows(root, specs);
          }
          if (fast[0] == null) {
            fast[0] = new VectorCanon(root, specs, kinds, new RowCanon(false));
          }
          fast[0].load(n);
          while (fast[0].next()) {
            fastHashes.add(fast[0].hash());
            List<String> row = new ArrayList<>();
            for (int i = 0; i < kinds.length; i++) {
              row.add(fast[0].text(i));
            }
            fastTexts.add(row);
          }
          view[0].load(n);
          while (view[0].next()) {
            List<String> row = new ArrayList<>();
            for (int i = 0; i < kinds.length; i++) {
              row.add(canon.text(view[0], i + 1, kinds[i]));
            }
            texts.add(row);
            hashes.add(canon.hash(row));
          }
        });
        assertEquals(306, rows);
      }
      assertEquals(source.texts, texts);
      assertArrayEquals(source.hashes.toArray(), hashes.toArray());
      assertEquals(source.texts, fastTexts);
      assertArrayEquals(source.hashes.toArray(), fastHashes.toArray());
    }
  }
}
