package dev.ferry.backup;

/**
 * A running backup's counters, safe to read from any thread.
 *
 * @param phase {@code planning}, {@code reading}, {@code done}, {@code failed} or {@code cancelled}
 * @param tablesDone tables finished
 * @param tablesTotal tables to back up (-1 before planning)
 * @param rows rows written so far
 * @param bytes bytes written so far
 * @param current the tables being read now
 */
public record BackupProgress(String phase, int tablesDone, int tablesTotal, long rows, long bytes,
    java.util.List<String> current) {}
