/**
 * Backups: one consistent snapshot of a database written as checksummed Arrow chunk files with
 * a manifest ({@link dev.ferry.backup.BackupJob}), and the restore side that loads each table's
 * files into a target ({@link dev.ferry.backup.Backups}).
 */
package dev.ferry.backup;
