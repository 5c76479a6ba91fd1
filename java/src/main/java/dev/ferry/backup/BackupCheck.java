package dev.ferry.backup;

/**
 * A backup's files proven intact (present, of their size and SHA-256), as a restore does first.
 *
 * @param database the backup as a database
 * @param path its folder
 * @param files chunk files checked
 * @param bytes their bytes
 * @param seconds time taken
 */
public record BackupCheck(String database, String path, int files, long bytes, double seconds) {}
