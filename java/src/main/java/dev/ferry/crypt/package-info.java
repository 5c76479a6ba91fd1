/**
 * Encryption of backup files: {@link dev.ferry.crypt.BackupKey} turns the user's secret (64 hex
 * characters or a passphrase) into one AES-256 key per backup, and
 * {@link dev.ferry.crypt.SealedOutputStream} / {@link dev.ferry.crypt.SealedInputStream} write and
 * read files as AES-256-GCM segments laid out as {@link dev.ferry.crypt.SealedFormat} describes.
 *
 * <p>Segments keep memory flat on files of any size and still detect truncation, reordering and
 * splicing: each segment's index, its last-segment flag and the file's header are authenticated.
 * Nothing here writes the key or the secret anywhere; the manifest keeps only the salt, the
 * iteration count and {@link dev.ferry.crypt.BackupKey#check()}.
 */
package dev.ferry.crypt;
