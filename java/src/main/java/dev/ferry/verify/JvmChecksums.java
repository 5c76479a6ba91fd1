package dev.ferry.verify;

import dev.ferry.checksum.CellKind;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Chunk checksums computed in the JVM from a streamed read: each row's canonical cells are hashed
 * by {@link RowCanon} as they arrive and only per-chunk sums are kept.
 *
 * <p>Used for pairs of different engines, whose own value texts differ, and for SQLite, which
 * has no hash function. Rows cross from the database to the JVM (with the driver's fetch size)
 * but never to Node, and memory stays at one row plus one counter pair per chunk.
 */
final class JvmChecksums implements ChunkChecksums {
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
    List<CellKind> kinds = side.kinds();
    List<Integer> key = side.key();
    int n = kinds.size();
    boolean wantKey = only != null || b.mode() == Buckets.Mode.KEY_HASH;
    try (Connection c = side.table().dataSource.getConnection();
         Statement st = c.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
         ResultSet rs = st.executeQuery(q)) {
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
        int chunk;
        switch (b.mode()) {
        case RANGE:
          chunk = b.ofKey(rs.getLong(key.get(0) + 1));
          break;
        case KEY_HASH:
          chunk = b.ofHash(canon.hash(keyCells));
          break;
        default:
          chunk = 0;
        }
        v.row(chunk, keyCells, canon.hash(cells));
      }
    } catch (SQLException e) {
      throw Verifier.failed(e, side, "reading rows to hash", q);
    }
  }
}
