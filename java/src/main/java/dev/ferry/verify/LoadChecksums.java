package dev.ferry.verify;

import dev.ferry.arrow.ArrowStreamFileWriter;
import dev.ferry.checksum.CellKind;
import dev.ferry.connect.FerryDataSource;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The chunk checksums of one table's source rows, taken while a copy loaded them, so the
 * verification after the load reads only the target.
 *
 * <p>Each loaded row is hashed as {@link JvmChecksums} hashes it read back from the source: the
 * columns, kinds and key of the verification's own source side ({@link Verifier#sides}), one
 * {@link RowCanon} text per cell read from the source's result set, summed into {@link Buckets}
 * fixed before the load from the source's key range. A load chunk's rows are added only once
 * that chunk committed and every row it wrote was hashed, so the sums are of exactly the rows the
 * target received; otherwise (rows that travelled as COPY text or through Calcite, a key outside
 * the planned range) they are spoiled and the verification reads the source as usual. Only
 * per-chunk sums are kept, and only a match is taken from them: when the target differs, the
 * verification runs again reading both sides, so the difference is found, narrowed to keys and
 * reported exactly as without these sums.
 */
public final class LoadChecksums implements ChunkChecksums {
  private final String id;
  private final VerifySide side;
  /** Per compared column, its 1-based position among the loaded columns. */
  private final int[] loaded;
  private final Buckets buckets;
  private final long[] rows;
  private final long[] sums;
  private long total;
  private @Nullable String spoiled;

  private LoadChecksums(String id, VerifySide side, int[] loaded, Buckets buckets) {
    this.id = id;
    this.side = side;
    this.loaded = loaded;
    this.buckets = buckets;
    this.rows = new long[buckets.count()];
    this.sums = new long[buckets.count()];
  }

  /**
   * Checksums to take while {@code loadColumns} (target column names, in the order the load
   * reads them) are loaded from the table {@code request} names; null where the source's rows
   * are better read back: the source hashes them itself ({@code checksumSql}), a column is
   * computed, the rows are filtered, or the target table already holds rows.
   */
  public static @Nullable LoadChecksums prepare(FerryDataSource from, FerryDataSource to,
      VerifyRequest request, List<String> loadColumns) throws SQLException {
    if (from.dialect().checksumSql() != null || request.where() != null) {
      return null;
    }
    Verifier v = new Verifier(from, to, request);
    Verifier.Sides sides = v.sides();
    VerifySide s = sides.source();
    if (s.table().filter != null || v.method(s, sides.target()) == VerifyMethod.CHECKSUM_IN_DATABASE
        || Verifier.stats(sides.target()).rows() != 0) {
      // Sums of the loaded rows stand for the target only when the load began on an empty table.
      return null;
    }
    int[] at = new int[s.columns().size()];
    for (int i = 0; i < at.length; i++) {
      String name = sides.target().columns().get(i).name();
      if (s.columns().get(i).expression() != null) {
        return null;
      }
      for (int j = 0; j < loadColumns.size() && at[i] == 0; j++) {
        if (loadColumns.get(j).equalsIgnoreCase(name)) {
          at[i] = j + 1;
        }
      }
      if (at[i] == 0) {
        return null;
      }
    }
    ChunkChecksums.Stats ss = Verifier.stats(s);
    return new LoadChecksums(key(request), s, at, v.buckets(s, ss, ss));
  }

  /** What a copy and the verification after it both name one table by. */
  static String key(VerifyRequest r) {
    return String.join("\u0000", r.from(), String.valueOf(r.fromNamespace()), r.table(), r.to(),
        String.valueOf(r.toNamespace()), r.targetName(), String.valueOf(r.where()),
        String.valueOf(r.columns() == null ? null : new java.util.TreeMap<>(r.columns())));
  }

  /** {@link #key} of this table. */
  String id() {
    return id;
  }

  /** A hasher for one load chunk's rows; give it to the chunk's sink, then {@link Part#commit}. */
  public Part part() {
    return new Part();
  }

  /** Stops these sums from being used: the verification then reads the source. */
  private synchronized void spoil(String why) {
    if (spoiled == null) {
      spoiled = why;
    }
  }

  /** Why these sums cannot stand for {@code source}, or null when they can. */
  synchronized @Nullable String unusable(VerifySide source) {
    if (spoiled != null) {
      return spoiled;
    }
    List<String> now = new ArrayList<>();
    source.columns().forEach(c -> now.add(c.name() + " " + c.kind()));
    List<String> then = new ArrayList<>();
    side.columns().forEach(c -> then.add(c.name() + " " + c.kind()));
    return now.equals(then) && source.key().equals(side.key()) ? null
        : "the source's columns changed since the load";
  }

  /** Why the target's keys fall outside these chunks (then they cannot be compared), or null. */
  @Nullable String uncovered(ChunkChecksums.Stats target) {
    if (buckets.mode() != Buckets.Mode.RANGE || target.rows() == 0) {
      return null;
    }
    Long min = target.min();
    Long max = target.max();
    return min != null && max != null && min >= buckets.lo()
        && max <= buckets.last(buckets.count() - 1) ? null
        : "the target holds keys outside the source's range";
  }

  /** The chunks the sums were taken by. */
  Buckets buckets() {
    return buckets;
  }

  /** The rows loaded; no key range (the chunks are already fixed). */
  synchronized ChunkChecksums.Stats stats() {
    return new ChunkChecksums.Stats(total, null, null);
  }

  @Override public synchronized Map<Integer, Chunk> chunks(Buckets asked) {
    if (!asked.equals(buckets)) {
      throw new IllegalStateException("load checksums were taken by " + buckets + ", not " + asked);
    }
    return ChunkChecksums.nonEmpty(rows, sums);
  }

  /** Reads the rows of the given chunks back from the source, as a verification narrows. */
  @Override public void rows(Buckets asked, SortedSet<Integer> chunks, RowSink sink)
      throws SQLException {
    new JvmChecksums(side).rows(asked, chunks, sink);
  }

  /**
   * Hashes the rows of one load chunk on the loading thread ({@link RowCanon} is not shared),
   * adding them to the table's sums only when {@link #commit} confirms them.
   *
   * <p>Cells are read from the source driver's own result set, as the load has it, not through
   * the pool's wrapper a verification reads: for SQLite that wrapper only turns DECIMAL columns'
   * numbers into BigDecimal, which {@link RowCanon} writes as the same text. Were a text to
   * differ anyway, the sums would not match and the verification would read both sides again.
   */
  public final class Part implements ArrowStreamFileWriter.RowHook {
    private final RowCanon canon = new RowCanon(side.untyped());
    private final List<CellKind> kinds = side.kinds();
    private final List<@Nullable String> cells = new ArrayList<>();
    private final List<@Nullable String> keyCells = new ArrayList<>();
    /** Rows and hash sums per chunk, as the table's. */
    private final long[] partRows = new long[rows.length];
    private final long[] partSums = new long[rows.length];
    private long count;
    private @Nullable String outside;

    private Part() {}

    @Override public void row(ResultSet rs) throws SQLException {
      cells.clear();
      for (int i = 0; i < loaded.length; i++) {
        cells.add(canon.text(rs, loaded[i], kinds.get(i)));
      }
      int chunk = 0;
      if (buckets.mode() == Buckets.Mode.RANGE) {
        long k = rs.getLong(loaded[side.key().get(0)]);
        if (k < buckets.lo() || k > buckets.last(buckets.count() - 1)) {
          outside = "a key loaded (" + k + ") lies outside the source's range when the load began";
          return;
        }
        chunk = buckets.ofKey(k);
      } else if (buckets.mode() == Buckets.Mode.KEY_HASH) {
        keyCells.clear();
        side.key().forEach(i -> keyCells.add(cells.get(i)));
        chunk = buckets.ofHash(canon.hash(keyCells));
      }
      partRows[chunk]++;
      partSums[chunk] += canon.hash(cells);
      count++;
    }

    /**
     * Adds this chunk's rows once its transaction committed {@code written} rows; spoils the
     * table's sums when not every one of them was hashed.
     */
    public void commit(long written) {
      synchronized (LoadChecksums.this) {
        if (outside != null) {
          spoil(outside);
        } else if (count != written) {
          spoil(count + " of the " + written + " rows of a load chunk were hashed (the others did"
              + " not travel as values read from the source)");
        }
        if (spoiled != null) {
          return;
        }
        for (int c = 0; c < rows.length; c++) {
          rows[c] += partRows[c];
          sums[c] += partSums[c];
        }
        total += written;
      }
    }
  }
}
