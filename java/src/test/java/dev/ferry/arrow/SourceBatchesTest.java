package dev.ferry.arrow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.types.ColumnSpec;
import java.sql.ResultSetMetaData;
import java.sql.Types;
import java.util.List;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;

/** {@link SourceBatches} hands out every row of a bulk source once, and never reads past its end. */
class SourceBatchesTest {
  private static final List<ColumnSpec> SPECS = List.of(
      new ColumnSpec("id", Types.BIGINT, "int8", 19, 0, false),
      new ColumnSpec("name", Types.VARCHAR, "varchar", 40, 0, true));

  /** Rows 0 … total-1, filled as a bulk export does; counts its fills and whether it was closed. */
  private static final class Counting implements BatchSource {
    final int total;
    int next;
    int fills;
    int fillsAfterEnd;
    boolean closed;

    Counting(int total) {
      this.total = total;
    }

    @Override public int fill(VectorSchemaRoot root, int maxRows, long maxBytes) {
      fills++;
      if (next >= total) {
        fillsAfterEnd++;
      }
      BigIntVector ids = (BigIntVector) root.getVector(0);
      VarCharVector names = (VarCharVector) root.getVector(1);
      int n = 0;
      for (; n < maxRows && next < total; n++, next++) {
        ids.setSafe(n, next);
        if (next % 10 == 0) {
          names.setNull(n);
        } else {
          names.setSafe(n, ("row " + next).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
      }
      return n;
    }

    @Override public ResultSetMetaData metaData() {
      throw new UnsupportedOperationException();
    }

    @Override public void close() {
      closed = true;
    }
  }

  private static long drain(Counting source) throws Exception {
    Schema schema = SourceBatches.schema(SPECS, DriverCells.TYPED);
    long rows = 0;
    long idSum = 0;
    try (SourceBatches batches = new SourceBatches(source, schema, SPECS)) {
      assertEquals(SPECS, batches.specs());
      for (VectorSchemaRoot root; (root = batches.nextBatch()) != null; ) {
        assertTrue(root.getRowCount() > 0);
        BigIntVector ids = (BigIntVector) root.getVector(0);
        VarCharVector names = (VarCharVector) root.getVector(1);
        for (int i = 0; i < root.getRowCount(); i++) {
          long id = ids.get(i);
          assertEquals(id % 10 == 0 ? null : "row " + id, names.getObject(i) == null ? null : names.getObject(i).toString());
          idSum += id;
        }
        rows += root.getRowCount();
      }
      assertNull(batches.nextBatch(), "the end stays the end");
    }
    assertTrue(source.closed);
    assertEquals((long) source.total * (source.total - 1) / 2, idSum);
    return rows;
  }

  @Test void everyRowOnceInBatchesAndNoReadPastTheEnd() throws Exception {
    Counting three = new Counting(2 * SourceBatches.BATCH_ROWS + 17);
    assertEquals(three.total, drain(three));
    assertEquals(3, three.fills);
    assertEquals(0, three.fillsAfterEnd);

    Counting exact = new Counting(2 * SourceBatches.BATCH_ROWS);
    assertEquals(exact.total, drain(exact));
    assertEquals(1, exact.fillsAfterEnd, "a full last batch needs one empty fill to see the end");

    Counting none = new Counting(0);
    assertEquals(0, drain(none));
    assertEquals(1, none.fills);
  }
}
