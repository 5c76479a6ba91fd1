package dev.ferry.backup;

import java.util.List;
import java.util.Map;

/**
 * What a backup wrote.
 *
 * @param database the database backed up
 * @param output the backup folder (absolute)
 * @param tables per table, in the manifest's order
 * @param rows rows in all
 * @param bytes bytes of all chunk files
 * @param files chunk files written
 * @param position where the snapshot stands in the source's log (see the manifest)
 * @param encrypted whether the files are encrypted
 * @param compression {@code zstd} or {@code none}
 * @param seconds wall time
 * @param notes what the user should know
 */
public record BackupResult(String database, String output, List<TableResult> tables, long rows,
    long bytes, int files, Map<String, String> position, boolean encrypted, String compression,
    double seconds, List<String> notes) {

  /**
   * One table's part of a backup.
   *
   * @param table its name
   * @param rows rows written
   * @param files chunk files written
   * @param bytes their size
   * @param seconds time spent reading and writing it
   */
  public record TableResult(String table, long rows, int files, long bytes, double seconds) {}
}
