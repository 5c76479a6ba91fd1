/**
 * Backups and restores: a database read from one consistent snapshot into a backup folder
 * ({@link dev.ferry.backup.BackupJob}), and a backup's files proven intact and loaded into a
 * target ({@link dev.ferry.backup.Backups}), whose structure a migration creates.
 */
package dev.ferry.backup;
