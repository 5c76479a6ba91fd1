package dev.ferry.verify;

import dev.ferry.archive.Archive;
import dev.ferry.archive.Manifest;
import dev.ferry.dialect.Dialect;

import java.util.List;
import java.util.Map;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The row count and row-hash sum a backup's manifest recorded for a whole table when the backup
 * was taken, each row hashed as {@link JvmChecksums} hashes it. A restore's verification compares
 * the restored table with it, reading only the target, instead of reading and hashing the
 * backup's files a second time (the restore proved them intact before loading). Only a match is
 * taken from it: a target that differs is compared again reading both sides, so the difference
 * is narrowed to keys and reported exactly as without it.
 *
 * @param rows the rows the backup holds of the table
 * @param sum the sum (mod 2^64) of their row hashes
 */
record RecordedChecksum(long rows, long sum) {

  /**
   * The recorded checksum standing for {@code source}, or null where it cannot: the source is
   * not a backup, the target is another engine than the backup's source (its values may be typed
   * otherwise, so the sums would differ for equal rows), rows are filtered or computed, or the
   * compared columns are not the backup's own, in its order.
   */
  static @Nullable RecordedChecksum of(VerifySide source, VerifySide target) {
    Dialect engine = source.table().engine;
    Archive archive = engine.archive();
    if (archive == null || source.table().filter != null
        || !engine.original().name().equals(target.table().engine.name())) {
      return null;
    }
    Manifest.TableData data = archive.table(source.table().name);
    List<VerifyTable.Column> columns = source.columns();
    if (data == null || data.columns().size() != columns.size()) {
      return null;
    }
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).expression() != null || !columns.get(i).name().equals(data.columns().get(i).label())) {
        return null;
      }
    }
    return new RecordedChecksum(data.rows(), Long.parseLong(data.checksum()));
  }

  /** Whether the target's rows, summed into one chunk ({@link Buckets#whole}), are these. */
  boolean matches(Map<Integer, ChunkChecksums.Chunk> whole) {
    ChunkChecksums.Chunk c = whole.get(0);
    return rows == 0 ? c == null : c != null && c.rows() == rows && c.sum().equals(Long.toString(sum));
  }
}
