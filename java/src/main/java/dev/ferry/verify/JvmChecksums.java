package dev.ferry.verify;

import static java.util.Objects.requireNonNull;

import dev.ferry.arrow.BatchSource;
import dev.ferry.arrow.SourceBatches;
import dev.ferry.arrow.VectorBatches;
import dev.ferry.checksum.CellKind;
import dev.ferry.dialect.BatchReader;
import dev.ferry.types.ColumnSpec;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import org.apache.arrow.vector.BaseIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.UInt8Vector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Chunk checksums computed in the JVM from a streamed read: each row's canonical cells are hashed
 * by {@link RowCanon} as they arrive (rows that come as Arrow batches, a backup's, straight from
 * the vectors by {@link VectorCanon}) and only per-chunk sums are kept.
 *
 * <p>Used for pairs of different engines, whose own value texts differ, and for SQLite, which
 * has no hash function. Rows cross from the database to the JVM (with the driver's fetch size)
 * but never to Node, and memory stays at one row plus one counter pair per chunk.
 */
final class JvmChecksums implements ChunkChecksums {
  /**
   * Whether tables an engine exports in bulk are read that way ({@code
   * -Dferry.verify.bulkRead=false} reads every table through the driver's result set).
   */
  private static final boolean BULK = !"false".equals(System.getProperty("ferry.verify.bulkRead"));

  private final VerifySide side;

  JvmChecksums(VerifySide side) {
    this.side = side;
  }

  @Override public Map<Integer, Chunk> chunks(Buckets buckets) throws SQLException {
    long[] rows = new long[buckets.count()];
    long[] sums = new long[buckets.count()];
    scan(buckets, null, (chunk, key, hash) -> {
      rows[chunk]++;
      sums[chunk] += hash;
    });
    return ChunkChecksums.nonEmpty(rows, sums);
  }

  @Override public void rows(Buckets buckets, SortedSet<Integer> chunks, RowSink sink)
      throws SQLException {
    scan(buckets, chunks, (chunk, key, hash) -> {
      if (chunks.contains(chunk)) {
        sink.row(side.keyText(key), Long.toString(hash));
      }
    });
  }

  private interface Visitor {
    void row(int chunk, List<@Nullable String> key, long hash);
  }

  /** Streams the table (only the given range chunks when keys are ranges) through {@code v}. */
  private void scan(Buckets b, @Nullable SortedSet<Integer> only, Visitor v) throws SQLException {
    String q = "SELECT " + String.join(", ", side.quotedColumns()) + " FROM " + side.table().rows();
    if (only != null && b.mode() == Buckets.Mode.RANGE) {
      q += " WHERE " + b.rangeFilter(side.quotedKey().get(0), only);
    }
    RowCanon canon = new RowCanon(side.untyped());
    boolean wantKey = only != null || b.mode() == Buckets.Mode.KEY_HASH;
    try (Connection c = side.table().dataSource.getConnection()) {
      try (SourceBatches bulk = bulk(c, q)) {
        if (bulk != null) {
          batches(bulk, b, canon, wantKey, v);
          return;
        }
      }
      rows(c, q, b, canon, wantKey, v);
    } catch (SQLException e) {
      throw Verifier.failed(e, side, "reading rows to hash", q);
    }
  }

  /**
   * The rows of {@code q} as its engine exports them in bulk (PostgreSQL's binary COPY) into
   * record batches, hashed from the vectors: no driver value per cell; null where the engine
   * has no such export or declines one of the columns (nothing was read then).
   */
  private @Nullable SourceBatches bulk(Connection c, String q) throws SQLException {
    List<ColumnSpec> specs = side.specs();
    BatchReader reader = side.table().engine.batchReader();
    if (!BULK || side.untyped() || specs == null || reader == null) {
      return null;
    }
    Schema schema = SourceBatches.schema(specs, side.table().engine.driverCells());
    BatchSource source = reader.open(c, q, specs, schema);
    return source == null ? null : new SourceBatches(source, schema, specs);
  }

  /** The walk over the rows of {@code q} read through the driver's result set. */
  private void rows(Connection c, String q, Buckets b, RowCanon canon, boolean wantKey, Visitor v)
      throws SQLException {
    List<CellKind> kinds = side.kinds();
    List<Integer> key = side.key();
    int n = kinds.size();
    try (Statement st = c.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
         ResultSet rs = st.executeQuery(q)) {
      if (rs.isWrapperFor(VectorBatches.class)) {
        batches(rs.unwrap(VectorBatches.class), b, canon, wantKey, v);
        return;
      }
      List<@Nullable String> cells = new ArrayList<>(n);
      List<@Nullable String> keyCells = new ArrayList<>(key.size());
      while (rs.next()) {
        cells.clear();
        for (int i = 0; i < n; i++) {
          cells.add(canon.text(rs, i + 1, kinds.get(i)));
        }
        keyCells.clear();
        if (wantKey) {
          key.forEach(i -> keyCells.add(cells.get(i)));
        }
        int chunk = chunkOf(b, canon, keyCells, () -> rs.getLong(key.get(0) + 1));
        v.row(chunk, keyCells, canon.hash(cells));
      }
    }
  }

  /**
   * The same walk over rows that arrive as record batches (a backup's), hashed from the vectors
   * by {@link VectorCanon} to the same hashes: read cell by cell through JDBC getters, a
   * backup's rows cost its verification more than the hashing did.
   */
  private void batches(VectorBatches batches, Buckets b, RowCanon canon, boolean wantKey,
      Visitor v) throws SQLException {
    List<Integer> key = side.key();
    CellKind[] kinds = side.kinds().toArray(new CellKind[0]);
    List<@Nullable String> keyCells = new ArrayList<>(key.size());
    VectorCanon hasher = null;
    VectorSchemaRoot hashed = null;
    for (VectorSchemaRoot root; (root = batches.nextBatch()) != null; ) {
      if (hasher == null || root != hashed) {
        hasher = new VectorCanon(root, batches.specs(), kinds, canon);
        hashed = root;
      }
      hasher.load(root.getRowCount());
      // The key's values as longs straight from its vector, unless they may not fit one.
      FieldVector first = key.isEmpty() ? null : root.getVector(key.get(0));
      BaseIntVector ints = first instanceof BaseIntVector i && !(first instanceof UInt8Vector) ? i : null;
      for (int row = 0; hasher.next(); row++) {
        keyCells.clear();
        if (wantKey) {
          for (int i : key) {
            keyCells.add(hasher.text(i));
          }
        }
        int at = row;
        VectorCanon h = hasher;
        int chunk = chunkOf(b, canon, keyCells, () -> ints != null ? ints.getValueAsLong(at)
            : Long.parseLong(requireNonNull(h.text(key.get(0)), "key")));
        v.row(chunk, keyCells, hasher.hash());
      }
    }
  }

  /** The first key column's value of the current row. */
  private interface KeyValue {
    long get() throws SQLException;
  }

  /**
   * The chunk a row falls in: by its key's value ({@code rangeKey}, asked only for range
   * chunks), by the hash of its key's cells, or the one chunk of a table without a key.
   */
  private static int chunkOf(Buckets b, RowCanon canon, List<@Nullable String> keyCells,
      KeyValue rangeKey) throws SQLException {
    switch (b.mode()) {
    case RANGE:
      return b.ofKey(rangeKey.get());
    case KEY_HASH:
      return b.ofHash(canon.hash(keyCells));
    default:
      return 0;
    }
  }
}
