package dev.ferry.verify;

import static java.util.Objects.requireNonNull;

import dev.ferry.checksum.CellKind;
import dev.ferry.connect.FerryDataSource;
import dev.ferry.dialect.Dialect;
import dev.ferry.error.FerryFailure;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.LongBinaryOperator;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Proves a copied table exact: row counts and per-chunk checksums on both sides, then the keys
 * of any chunk that differs.
 *
 * <p>Method, chosen per pair: same engine with a {@link ChecksumSql} and identical declared
 * column types → {@code checksum-in-database} (one GROUP BY per side; only chunk sums travel);
 * different engines → {@code checksum-in-jvm} (both sides streamed and hashed by the same
 * {@link RowCanon}, since engines print values differently); a side whose cells carry no
 * declared type (SQLite) → {@code rows} (streamed and hashed the same way). The two sides
 * are read in parallel. A mismatching chunk is narrowed by reading key and row hash of just that
 * chunk from both sides (an indexed key range for integer keys) and diffing them. A keyless
 * table is one chunk: count plus the order-independent sum of row hashes, which proves a match
 * or a difference but cannot name rows.
 */
public final class Verifier {
  /** At most this many differing keys are listed; the rest are counted. */
  static final int MAX_KEYS = 100;

  private final FerryDataSource from;
  private final FerryDataSource to;
  private final VerifyRequest request;
  private final List<String> notes = new ArrayList<>();
  private @Nullable LoadChecksumStore loads;

  public Verifier(FerryDataSource from, FerryDataSource to, VerifyRequest request) {
    this.from = requireNonNull(from, "from");
    this.to = requireNonNull(to, "to");
    this.request = requireNonNull(request, "request");
  }

  /**
   * A verifier that, when the request asks for it ({@code fromLoad}), compares the target with
   * the source checksums {@code loads} holds from the copy that loaded the table.
   */
  public Verifier(FerryDataSource from, FerryDataSource to, VerifyRequest request,
      LoadChecksumStore loads) {
    this(from, to, request);
    this.loads = requireNonNull(loads, "loads");
  }

  /** Both sides of a comparison: the same columns in the same order, typed alike. */
  record Sides(VerifySide source, VerifySide target) {}

  /** Runs the comparison. */
  public VerifyReport run() throws SQLException, InterruptedException {
    long start = System.nanoTime();
    Sides sides = sides();
    VerifySide s = sides.source();
    VerifySide t = sides.target();
    VerifyMethod method = method(s, t);
    LoadChecksums loaded = request.fromLoad() && loads != null ? loads.take(request) : null;
    ChunkChecksums tc = checksums(t, method);
    ExecutorService pool = Executors.newFixedThreadPool(2, r -> {
      Thread th = new Thread(r, "ferry-verify");
      th.setDaemon(true);
      return th;
    });
    try {
      ChunkChecksums.Stats ss = null;
      ChunkChecksums.Stats ts = null;
      Buckets buckets = null;
      ChunkChecksums sc = null;
      SortedSet<Integer> bad = null;
      String unused = loaded == null ? null : loaded.unusable(s);
      if (loaded != null && unused == null) {
        ts = stats(t);
        unused = loaded.uncovered(ts);
      }
      if (loaded != null && unused == null) {
        ss = loaded.stats();
        buckets = loaded.buckets();
        sc = loaded;
        bad = differing(pool, sc, tc, buckets);
        // Only a match is taken from these sums: a difference is found again reading both sides,
        // so it is reported exactly as by a verification that never had them.
        unused = bad.isEmpty() ? null : "the target differs from them";
      }
      if (loaded != null) {
        notes.add(unused == null ? "the source's rows were hashed while they were loaded: only the"
            + " target was read" : "the checksums taken while the rows loaded were not used to"
            + " report (" + unused + "): both sides were read again");
      }
      RecordedChecksum recorded = request.fromLoad() && loaded == null
          && method == VerifyMethod.CHECKSUM_IN_JVM ? RecordedChecksum.of(s, t) : null;
      if (recorded != null) {
        Map<Integer, ChunkChecksums.Chunk> whole = tc.chunks(Buckets.whole());
        if (recorded.matches(whole)) {
          ss = new ChunkChecksums.Stats(recorded.rows(), null, null);
          ts = ss;
          buckets = Buckets.whole();
          bad = new TreeSet<>();
        }
        notes.add(bad != null ? "the target matches the checksum the backup recorded of the"
            + " table: only the target was read" : "the target does not match the checksum the"
            + " backup recorded of the table: both sides were read again");
      }
      if (bad == null || !bad.isEmpty()) {
        List<ChunkChecksums.Stats> stats = both(pool, () -> stats(s), () -> stats(t));
        ss = stats.get(0);
        ts = stats.get(1);
        buckets = buckets(s, ss, ts);
        sc = checksums(s, method);
        bad = differing(pool, sc, tc, buckets);
      }
      KeyDiff diff = new KeyDiff(MAX_KEYS);
      if (!bad.isEmpty() && !s.key().isEmpty()) {
        narrow(pool, sc, tc, buckets, bad, diff);
      } else if (!bad.isEmpty()) {
        notes.add("the table has no primary key: it was compared as one chunk (row count and the"
            + " sum of row hashes), which shows that it differs but cannot name rows");
      }
      return new VerifyReport(s.table().name, t.table().name, ss.rows(), ts.rows(), bad.isEmpty(),
          diff.keys(), diff.listed(), diff.total(), diff.missing(), diff.extra(), diff.changed(),
          buckets.count(), bad.size(), method, s.keyLabels(), names(s), (System.nanoTime() - start) / 1_000_000,
          List.copyOf(notes));
    } finally {
      pool.shutdownNow();
    }
  }

  /** Resolves both tables and matches their columns and key, as every comparison starts. */
  Sides sides() throws SQLException {
    VerifyTable src = VerifyTable.resolve(from, request.table(), request.fromNamespace());
    VerifyTable tgt = VerifyTable.resolve(to, request.targetName(), request.toNamespace());
    MappedColumns mapped = new MappedColumns(from, request.table(), notes);
    if (request.where() != null) {
      src = src.filtered(mapped.sourceSql(request.where(), "the condition " + request.where()));
    }
    List<VerifyTable.Column> sourceColumns;
    List<VerifyTable.Column> targetColumns;
    if (request.columns() == null) {
      sourceColumns = src.columns;
      targetColumns = matchColumns(src, tgt);
    } else {
      sourceColumns = new ArrayList<>();
      targetColumns = new ArrayList<>();
      mapped.match(src, tgt, request.columns(), sourceColumns, targetColumns);
    }
    List<Integer> key = new ArrayList<>();
    for (String k : src.primaryKey) {
      for (int i = 0; i < sourceColumns.size(); i++) {
        VerifyTable.Column c = sourceColumns.get(i);
        if (c.expression() == null && c.name().equals(k)) {
          key.add(i);
        }
      }
    }
    if (key.size() != src.primaryKey.size()) {
      notes.add("the source key " + String.join(", ", src.primaryKey) + " is not among the"
          + " compared columns, so rows are compared as one chunk");
      key.clear();
    }
    List<String> keyLabels = key.isEmpty() ? List.of() : List.copyOf(src.primaryKey);
    // A side whose engine keeps no declared types (SQLite) reads its cells by the other side's
    // column types: how values compare follows the logical type, not how they were stored
    // (a timestamptz kept as TEXT still compares as a timestamp).
    boolean srcUntyped = !src.engine.capabilities().enforcesTypes();
    boolean tgtUntyped = !tgt.engine.capabilities().enforcesTypes();
    if (tgtUntyped && !srcUntyped) {
      targetColumns = readAs(targetColumns, sourceColumns);
    } else if (srcUntyped && !tgtUntyped) {
      sourceColumns = readAs(sourceColumns, targetColumns);
    }
    return new Sides(new VerifySide(src, sourceColumns, key, keyLabels),
        new VerifySide(tgt, targetColumns, key, keyLabels));
  }

  /** The chunks whose row count or hash sum differs between the two sides. */
  private static SortedSet<Integer> differing(ExecutorService pool, ChunkChecksums sc,
      ChunkChecksums tc, Buckets b) throws SQLException, InterruptedException {
    List<Map<Integer, ChunkChecksums.Chunk>> sums = both(pool, () -> sc.chunks(b), () -> tc.chunks(b));
    SortedSet<Integer> bad = new TreeSet<>();
    for (int i = 0; i < b.count(); i++) {
      if (!java.util.Objects.equals(sums.get(0).get(i), sums.get(1).get(i))) {
        bad.add(i);
      }
    }
    return bad;
  }

  /** {@code columns}, each read as the column at its position in {@code typed} is. */
  private static List<VerifyTable.Column> readAs(List<VerifyTable.Column> columns,
      List<VerifyTable.Column> typed) {
    List<VerifyTable.Column> out = new ArrayList<>();
    for (int i = 0; i < columns.size(); i++) {
      out.add(columns.get(i).readAs(typed.get(i).kind()));
    }
    return out;
  }

  /** The target's columns in the source's order; every source column must exist in the target. */
  private List<VerifyTable.Column> matchColumns(VerifyTable src, VerifyTable tgt) {
    List<VerifyTable.Column> out = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    for (VerifyTable.Column c : src.columns) {
      VerifyTable.Column m = tgt.column(c.name());
      if (m == null) {
        missing.add(c.name());
      } else {
        out.add(m);
      }
    }
    if (!missing.isEmpty()) {
      throw FerryFailure.of("SQL_VALIDATION", "verify: target table '" + tgt.name + "' of database '"
              + tgt.database() + "' has no column " + String.join(", ", missing) + " of source table '"
              + src.name + "'; it cannot be an exact copy")
          .with("table", src.name).with("columns", missing);
    }
    for (VerifyTable.Column c : tgt.columns) {
      if (src.column(c.name()) == null) {
        notes.add("target column " + c.name() + " is not in the source and was not compared");
      }
    }
    return out;
  }

  /** How the two sides are compared; says why in the notes. */
  VerifyMethod method(VerifySide s, VerifySide t) {
    for (VerifySide side : List.of(s, t)) {
      if (side.untyped()) {
        notes.add(side.table().database() + " (" + side.table().engine.name() + ") keeps no"
            + " declared types and has no hash function: rows are streamed and hashed in the JVM");
        return VerifyMethod.ROWS;
      }
    }
    Dialect engine = s.table().engine;
    if (engine != t.table().engine) {
      notes.add("different engines write values differently: rows are hashed in the JVM"
          + " from one canonical text");
      return VerifyMethod.CHECKSUM_IN_JVM;
    }
    if (engine.checksumSql() == null) {
      notes.add("no in-database hash known for " + engine.name() + ": rows are hashed in the JVM");
      return VerifyMethod.CHECKSUM_IN_JVM;
    }
    for (int i = 0; i < s.columns().size(); i++) {
      VerifyTable.Column a = s.columns().get(i);
      VerifyTable.Column b = t.columns().get(i);
      if (!a.declared().equals(b.declared())) {
        notes.add("column " + a.name() + " is " + a.declared() + " in the source but "
            + b.declared() + " in the target: rows are hashed in the JVM from one canonical text");
        return VerifyMethod.CHECKSUM_IN_JVM;
      }
    }
    return VerifyMethod.CHECKSUM_IN_DATABASE;
  }

  private static ChunkChecksums checksums(VerifySide side, VerifyMethod method) {
    return method == VerifyMethod.CHECKSUM_IN_DATABASE
        ? new InDatabaseChecksums(side, requireNonNull(side.table().engine.checksumSql()))
        : new JvmChecksums(side);
  }

  /** Row count and, for a single integer key, its lowest and highest value. */
  static ChunkChecksums.Stats stats(VerifySide side) throws SQLException {
    boolean range = side.key().size() == 1 && side.keyKinds().get(0) == CellKind.INTEGER;
    String k = range ? side.quotedKey().get(0) : null;
    String q = "SELECT COUNT(*)" + (range ? ", MIN(" + k + "), MAX(" + k + ")" : "") + " FROM "
        + side.table().rows();
    try (Connection c = side.table().dataSource.getConnection();
         Statement st = c.createStatement();
         ResultSet rs = st.executeQuery(q)) {
      rs.next();
      long rows = rs.getLong(1);
      return range ? new ChunkChecksums.Stats(rows, exactLong(rs, 2), exactLong(rs, 3))
          : new ChunkChecksums.Stats(rows, null, null);
    } catch (SQLException e) {
      throw failed(e, side, "counting rows", q);
    }
  }

  private static @Nullable Long exactLong(ResultSet rs, int i) throws SQLException {
    Object o = rs.getObject(i);
    if (o == null) {
      return null;
    }
    try {
      return new BigDecimal(o.toString()).longValueExact();
    } catch (ArithmeticException | NumberFormatException beyondBigint) {
      return null;
    }
  }

  /** The chunks both sides are summed by, from both sides' row counts and key ranges. */
  Buckets buckets(VerifySide s, ChunkChecksums.Stats ss, ChunkChecksums.Stats ts) {
    if (s.key().isEmpty()) {
      return Buckets.whole();
    }
    long rows = Math.max(ss.rows(), ts.rows());
    boolean integer = s.key().size() == 1 && s.keyKinds().get(0) == CellKind.INTEGER;
    if (!integer) {
      return Buckets.keyHash(rows, request.chunkRows());
    }
    Long min = either(ss.min(), ts.min(), Math::min);
    Long max = either(ss.max(), ts.max(), Math::max);
    if ((ss.rows() > 0 && ss.min() == null) || (ts.rows() > 0 && ts.min() == null)) {
      notes.add("key values beyond BIGINT: chunks are spread by key hash");
      return Buckets.keyHash(rows, request.chunkRows());
    }
    return min == null || max == null ? Buckets.whole() : Buckets.range(min, max, rows, request.chunkRows());
  }

  /**
   * {@code a} and {@code b} combined by {@code op} ({@code Math::min}, {@code Math::max}), or the
   * one that is not null. Every branch is a Long: a conditional mixing Long and long would
   * unbox the null side.
   */
  private static @Nullable Long either(@Nullable Long a, @Nullable Long b, LongBinaryOperator op) {
    return a == null ? b : b == null ? a : Long.valueOf(op.applyAsLong(a, b));
  }

  /**
   * Reads key and row hash of the differing chunks from both sides and diffs them: one range
   * chunk at a time (memory bounded by a chunk), or all hash chunks in one pass.
   */
  private static void narrow(ExecutorService pool, ChunkChecksums sc, ChunkChecksums tc,
      Buckets buckets, SortedSet<Integer> bad, KeyDiff diff) throws SQLException, InterruptedException {
    List<SortedSet<Integer>> batches = new ArrayList<>();
    if (buckets.mode() == Buckets.Mode.RANGE) {
      bad.forEach(b -> batches.add(new TreeSet<>(List.of(b))));
    } else {
      batches.add(bad);
    }
    for (SortedSet<Integer> batch : batches) {
      List<Map<String, String>> rows = both(pool, () -> collect(sc, buckets, batch),
          () -> collect(tc, buckets, batch));
      diff.add(rows.get(0), rows.get(1));
    }
  }

  private static Map<String, String> collect(ChunkChecksums side, Buckets b, SortedSet<Integer> chunks)
      throws SQLException {
    Map<String, String> out = new LinkedHashMap<>();
    side.rows(b, chunks, out::put);
    return out;
  }

  private static List<String> names(VerifySide s) {
    List<String> out = new ArrayList<>();
    s.columns().forEach(c -> out.add(c.name()));
    return out;
  }

  /** Runs both sides at once and waits for both; the first failure is rethrown. */
  private static <T> List<T> both(ExecutorService pool, Callable<T> a, Callable<T> b)
      throws SQLException, InterruptedException {
    Future<T> fa = pool.submit(a);
    Future<T> fb = pool.submit(b);
    try {
      return List.of(fa.get(), fb.get());
    } catch (ExecutionException e) {
      fa.cancel(true);
      fb.cancel(true);
      Throwable cause = e.getCause();
      if (cause instanceof SQLException se) {
        throw se;
      }
      if (cause instanceof RuntimeException re) {
        throw re;
      }
      throw new IllegalStateException(cause);
    }
  }

  /** A database error while verifying, naming the side's table and the statement. */
  static FerryFailure failed(SQLException e, VerifySide side, String doing, String sql) {
    VerifyTable t = side.table();
    return FerryFailure.wrap(e, "verify: " + doing + " of " + t.qualified() + " in database '"
            + t.database() + "'")
        .with("database", t.database()).with("table", t.name).with("sql", sql);
  }
}
