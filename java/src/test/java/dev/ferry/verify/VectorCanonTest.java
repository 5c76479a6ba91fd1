package dev.ferry.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.checksum.CellKind;
import dev.ferry.types.ColumnSpec;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Decimals written from the vector as RowCanon writes their BigDecimal. */
class VectorCanonTest {
  private final BufferAllocator allocator = new RootAllocator();

  @AfterEach void free() {
    allocator.close();
  }

  @Test void decimalsAtEveryScaleReadAsRowCanonReadsThem() throws Exception {
    Random r = new Random(3);
    for (int scale = 0; scale <= 12; scale++) {
      List<BigDecimal> values = new ArrayList<>(List.of(BigDecimal.ZERO.setScale(scale),
          BigDecimal.ONE.movePointLeft(scale), BigDecimal.TEN.setScale(scale), new BigDecimal("-9").setScale(scale),
          new BigDecimal("100").setScale(scale), new BigDecimal("-1").movePointLeft(scale)));
      for (int i = 0; i < 3000; i++) {
        long unscaled = r.nextLong() / (1L << r.nextInt(63));
        values.add(new BigDecimal(BigInteger.valueOf(unscaled), scale));
      }
      try (DecimalVector v = new DecimalVector("d", allocator, 38, scale)) {
        for (int i = 0; i < values.size(); i++) {
          v.setSafe(i, values.get(i).setScale(scale));
        }
        v.setNull(values.size());
        v.setValueCount(values.size() + 1);
        VectorSchemaRoot root = new VectorSchemaRoot(List.of((FieldVector) v));
        root.setRowCount(values.size() + 1);
        VectorCanon canon = new VectorCanon(root,
            List.of(new ColumnSpec("d", Types.DECIMAL, "DECIMAL", 38, scale, true)),
            new CellKind[] {CellKind.DECIMAL}, new RowCanon(false));
        canon.load(values.size() + 1);
        for (BigDecimal want : values) {
          assertTrue(canon.next());
          assertEquals(RowCanon.plain(want), canon.text(0), want.toPlainString());
        }
        assertTrue(canon.next());
        assertNull(canon.text(0));
      }
    }
  }
}
