package dev.ferry.backup;

import dev.ferry.archive.Manifest;
import dev.ferry.arrow.ArrowStreamFileWriter;
import dev.ferry.arrow.BatchSource;
import dev.ferry.arrow.ChunkCompression;
import dev.ferry.checksum.CellKind;
import dev.ferry.crypt.BackupKey;
import dev.ferry.dialect.BatchReader;
import dev.ferry.dialect.Dialect;
import dev.ferry.error.FerryFailure;
import dev.ferry.types.ColumnSpec;
import dev.ferry.verify.RowCanon;
import dev.ferry.verify.VectorCanon;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Writes one table of a backup: its SELECT read on a snapshot reader, cut into chunk files of
 * at most {@code chunkRows} rows, each row hashed as {@code ferry verify} hashes it in the JVM
 * (so the manifest's checksums can be compared with any engine's copy of the rows).
 *
 * <p>The rows come from the engine's own batch reader when it has one that takes the table
 * ({@link Dialect#batchReader}: PostgreSQL's binary COPY), else from a JDBC result set; both
 * give the same files and checksums.
 */
final class TableWriter {
  /**
   * Rows per Arrow record batch. A batch is filled, hashed, dictionary-encoded and compressed
   * in turn, so each pass finds it in the processor's cache only while it is small: 8,192 rows
   * of TPC-H's lineitem (about 1.3 MB) cost about a tenth less CPU to back up than 16,384, for
   * files about 1% larger.
   */
  private static final int BATCH_ROWS = 8_192;
  /**
   * Whether JDBC rows are hashed from the result set, row by row, even for a typed engine
   * ({@code -Dferry.backup.rowHash=true}; tests compare the two).
   */
  private static final boolean ROW_HASH = Boolean.getBoolean("ferry.backup.rowHash");

  /** How the table is read and where its files go. */
  record Setup(Dialect engine, String table, String sql, List<ColumnSpec> columns,
      List<String> key, Map<String, Long> identityNext, Path folder, String relativeFolder,
      boolean zstd, @Nullable BackupKey seal, long chunkRows, int fetchSize) {}

  /** The files one reader wrote of a table (all of it, or one part), their rows and checksum. */
  record Part(List<Manifest.Chunk> chunks, long rows, long checksum) {}

  private final Setup s;
  private final BufferAllocator allocator;
  private final LongConsumer rowsWritten;
  private final BooleanSupplier cancelled;

  TableWriter(Setup setup, BufferAllocator allocator, LongConsumer rowsWritten,
      BooleanSupplier cancelled) {
    this.s = setup;
    this.allocator = allocator;
    this.rowsWritten = rowsWritten;
    this.cancelled = cancelled;
  }

  /**
   * Reads the table on {@code reader} (only the rows {@code condition} keeps, when given: one
   * part of it) and writes its files, named after {@code prefix}.
   */
  Part write(Connection reader, @Nullable String condition, String prefix)
      throws SQLException, IOException {
    String sql = condition == null ? s.sql() : s.sql() + " WHERE " + condition;
    Hasher hasher = new Hasher();
    // A typed engine's rows hash alike from its result set and from the vectors read from it
    // (the vectors are cheaper: no second read and parse of each cell); SQLite's untyped cells
    // are hashed by their Java class, which only the result set has.
    boolean byRow = ROW_HASH || !s.engine().capabilities().enforcesTypes();
    try (ArrowStreamFileWriter writer = new ArrowStreamFileWriter(s.columns(), allocator,
        BATCH_ROWS, s.zstd() ? ChunkCompression.ZSTD : ChunkCompression.NONE,
        byRow ? hasher : null, s.engine().driverCells())) {
      BatchReader fast = s.engine().batchReader();
      try (BatchSource source = fast == null ? null
          : fast.open(reader, sql, s.columns(), writer.schema())) {
        if (source != null) {
          hasher.describe(source.metaData());
          return chunks(prefix, hasher, (out, max) -> writer.write(source, out, max, hasher::batch));
        }
      }
      try (PreparedStatement st = reader.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY,
          ResultSet.CONCUR_READ_ONLY)) {
        st.setFetchSize(s.fetchSize());
        try (ResultSet raw = st.executeQuery()) {
          ResultSet rs = s.engine().wrapResults(raw, st);
          hasher.describe(rs.getMetaData());
          return chunks(prefix, hasher, (out, max) -> writer.write(rs, out, max,
              byRow ? null : hasher::batch));
        }
      }
    } catch (SQLException e) {
      throw new SQLException("reading " + s.table() + ": " + e.getMessage(), e.getSQLState(),
          e.getErrorCode(), e);
    }
  }

  /** Writes one chunk file of at most {@code maxRows} rows to {@code out}; returns its rows. */
  @FunctionalInterface
  private interface ChunkFill {
    long write(ChunkOutput out, long maxRows) throws SQLException, IOException;
  }

  /** Writes chunk files named after {@code prefix} until {@code fill} runs out of rows. */
  private Part chunks(String prefix, Hasher hasher, ChunkFill fill)
      throws SQLException, IOException {
    List<Manifest.Chunk> chunks = new ArrayList<>();
    long total = 0;
    long sum = 0;
    for (int i = 1; ; i++) {
      String name = String.format(Locale.ROOT, "%s%06d.arrow", prefix, i);
      Path file = s.folder().resolve(name);
      hasher.startChunk();
      long rows;
      ChunkOutput out = ChunkOutput.create(file, s.seal());
      try (out) {
        rows = fill.write(out, s.chunkRows());
      }
      if (rows == 0 && i > 1) {
        Files.delete(file);
        break;
      }
      chunks.add(new Manifest.Chunk(s.relativeFolder() + "/" + name, rows, out.bytes(),
          out.sha256(), Long.toString(hasher.chunkSum), hasher.min(), hasher.max()));
      total += rows;
      sum += hasher.chunkSum;
      if (rows < s.chunkRows()) {
        break;
      }
    }
    return new Part(List.copyOf(chunks), total, sum);
  }

  /** The manifest's entry for the table {@code s} describes, from its parts in order. */
  static Manifest.TableData entry(Setup s, List<Part> parts) {
    List<Manifest.Chunk> chunks = new ArrayList<>();
    long rows = 0;
    long sum = 0;
    for (Part p : parts) {
      chunks.addAll(p.chunks());
      rows += p.rows();
      sum += p.checksum();
    }
    return new Manifest.TableData(s.table(), s.columns(), s.key(), rows, Long.toString(sum),
        s.identityNext(), List.copyOf(chunks));
  }

  /**
   * Hashes each row as it is written and tracks the key's first column's range: a JDBC row as
   * the result set has it, a batch's rows from its vectors ({@link VectorCanon}, RowCanon's
   * texts), each cell read with the kind the source's metadata gives it, so both paths hash
   * alike.
   */
  private final class Hasher implements ArrowStreamFileWriter.RowHook {
    private final RowCanon canon = new RowCanon(!s.engine().capabilities().enforcesTypes());
    private CellKind[] kinds = new CellKind[0];
    private final List<@Nullable String> cells = new ArrayList<>();
    private int keyColumn = -1;
    private @Nullable VectorCanon vectors;
    private long chunkSum;
    private @Nullable BigInteger min;
    private @Nullable BigInteger max;
    /** {@link #min} and {@link #max} as longs, clamped to the long range, while they are set. */
    private long minLong;
    private long maxLong;
    private long sinceCheck;

    /** Takes each column's kind from the source's description of the rows. */
    void describe(ResultSetMetaData md) throws SQLException {
      int n = md.getColumnCount();
      kinds = new CellKind[n];
      for (int i = 0; i < n; i++) {
        kinds[i] = s.engine().cellKind(md.getColumnType(i + 1), String.valueOf(md.getColumnTypeName(i + 1)),
            md.getPrecision(i + 1));
      }
      int k = -1;
      if (!s.key().isEmpty()) {
        for (int i = 0; i < n; i++) {
          if (s.columns().get(i).label().equalsIgnoreCase(s.key().get(0)) && kinds[i] == CellKind.INTEGER) {
            k = i;
          }
        }
      }
      keyColumn = k;
    }

    void startChunk() {
      chunkSum = 0;
      min = null;
      max = null;
    }

    /** Hashes the rows of a batch a {@link BatchSource} filled, straight from its vectors. */
    void batch(VectorSchemaRoot root, int rows) throws SQLException {
      VectorCanon v = vectors;
      if (v == null) {
        v = vectors = new VectorCanon(root, s.columns(), kinds, canon);
      }
      v.load(rows);
      while (v.next()) {
        chunkSum += v.hash();
        if (keyColumn >= 0) {
          key(v.text(keyColumn));
        }
        counted();
      }
    }

    @Override public void row(ResultSet rs) throws SQLException {
      cells.clear();
      for (int i = 0; i < kinds.length; i++) {
        cells.add(canon.text(rs, i + 1, kinds[i]));
      }
      chunkSum += canon.hash(cells);
      if (keyColumn >= 0) {
        key(cells.get(keyColumn));
      }
      counted();
    }

    private void key(@Nullable String text) {
      if (text != null && text.length() < 19) {
        // Most keys fit a long: compared as one, a BigInteger made only for a new extreme.
        long v = Long.parseLong(text);
        if (min == null || v < minLong) {
          min = BigInteger.valueOf(v);
          minLong = v;
        }
        if (max == null || v > maxLong) {
          max = BigInteger.valueOf(v);
          maxLong = v;
        }
      } else if (text != null) {
        BigInteger v = new BigInteger(text);
        if (min == null || v.compareTo(min) < 0) {
          min = v;
          minLong = clamp(v);
        }
        if (max == null || v.compareTo(max) > 0) {
          max = v;
          maxLong = clamp(v);
        }
      }
    }

    private static long clamp(BigInteger v) {
      return v.bitLength() < 64 ? v.longValue() : v.signum() > 0 ? Long.MAX_VALUE : Long.MIN_VALUE;
    }

    private void counted() {
      if (++sinceCheck == 4096) {
        rowsWritten.accept(sinceCheck);
        sinceCheck = 0;
        if (cancelled.getAsBoolean()) {
          throw FerryFailure.of("CANCELLED", "the backup was cancelled while reading " + s.table()
              + "; the files written so far were removed");
        }
      }
    }

    @Nullable String min() {
      flush();
      return min == null ? null : min.toString();
    }

    @Nullable String max() {
      return max == null ? null : max.toString();
    }

    private void flush() {
      rowsWritten.accept(sinceCheck);
      sinceCheck = 0;
    }
  }
}
