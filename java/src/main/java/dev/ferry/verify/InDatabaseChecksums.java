package dev.ferry.verify;

import dev.ferry.checksum.CellKind;
import dev.ferry.checksum.ChecksumSql;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;

/**
 * Chunk checksums computed by the database: one GROUP BY query per side returns a row per chunk.
 *
 * <p>Only used when both sides are the same engine and every compared column has the same
 * declared type, since each engine writes a value's text its own way.
 */
final class InDatabaseChecksums implements ChunkChecksums {
  private final VerifySide side;
  private final ChecksumSql sql;

  InDatabaseChecksums(VerifySide side, ChecksumSql sql) {
    this.side = side;
    this.sql = sql;
  }

  @Override public Map<Integer, Chunk> chunks(Buckets buckets) throws SQLException {
    String q = "SELECT b, COUNT(*), " + sql.sum("h") + " FROM (SELECT " + bucket(buckets) + " AS b, "
        + sql.rowHash(side.quotedColumns(), side.kinds()) + " AS h FROM "
        + side.table().rows() + ") x GROUP BY b";
    Map<Integer, Chunk> out = new HashMap<>();
    try (Connection c = side.table().dataSource.getConnection();
         Statement st = c.createStatement();
         ResultSet rs = st.executeQuery(q)) {
      while (rs.next()) {
        java.math.BigDecimal sum = rs.getBigDecimal(3);
        out.put(rs.getInt(1), new Chunk(rs.getLong(2), sum == null ? "0" : sum.toPlainString()));
      }
    } catch (SQLException e) {
      throw Verifier.failed(e, side, "computing chunk checksums", q);
    }
    return out;
  }

  @Override public void rows(Buckets buckets, SortedSet<Integer> chunks, RowSink sink)
      throws SQLException {
    List<String> keys = side.quotedKey();
    String q = "SELECT " + String.join(", ", keys) + ", "
        + sql.rowHash(side.quotedColumns(), side.kinds()) + " FROM " + side.table().rows()
        + " WHERE " + filter(buckets, chunks);
    RowCanon canon = new RowCanon(false);
    List<CellKind> kinds = side.keyKinds();
    try (Connection c = side.table().dataSource.getConnection();
         Statement st = c.createStatement();
         ResultSet rs = st.executeQuery(q)) {
      List<String> cells = new ArrayList<>(keys.size());
      while (rs.next()) {
        cells.clear();
        for (int i = 0; i < keys.size(); i++) {
          cells.add(canon.text(rs, i + 1, kinds.get(i)));
        }
        sink.row(side.keyText(cells), rs.getString(keys.size() + 1));
      }
    } catch (SQLException e) {
      throw Verifier.failed(e, side, "reading the keys of differing chunks", q);
    }
  }

  private String bucket(Buckets b) {
    switch (b.mode()) {
    case RANGE:
      return sql.rangeBucket(side.quotedKey().get(0), b.lo(), b.width());
    case KEY_HASH:
      return sql.keyHashBucket(side.quotedKey(), side.keyKinds(), b.count());
    default:
      return "0";
    }
  }

  private String filter(Buckets b, SortedSet<Integer> chunks) {
    if (b.mode() == Buckets.Mode.RANGE) {
      return b.rangeFilter(side.quotedKey().get(0), chunks);
    }
    if (b.mode() == Buckets.Mode.KEY_HASH) {
      List<String> in = new ArrayList<>();
      chunks.forEach(n -> in.add(Integer.toString(n)));
      return bucket(b) + " IN (" + String.join(", ", in) + ")";
    }
    return "1 = 1";
  }
}
