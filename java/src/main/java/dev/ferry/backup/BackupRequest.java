package dev.ferry.backup;

import dev.ferry.message.Default;
import dev.ferry.message.Min;
import java.util.List;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * What to back up and how.
 *
 * @param database the configured database to back up
 * @param namespace its schema (or MariaDB database), when the entry is not pinned to one
 * @param tables tables to back up, as names or {@code *} patterns (null: every table)
 * @param exclude tables to leave out, as names or {@code *} patterns
 * @param output the backup folder: new, or empty
 * @param jobs tables read side by side, all from one snapshot
 * @param compress {@code zstd} or {@code none}
 * @param secret the key (64 hex digits) or passphrase (16 characters or more) that encrypts the
 *     files; null: not encrypted. Never written anywhere, and hidden from {@link #toString}
 * @param chunkRows rows per chunk file at most
 */
public record BackupRequest(
    String database,
    @Nullable String namespace,
    @Nullable List<String> tables,
    @Nullable List<String> exclude,
    String output,
    @Default("1") @Min(1) int jobs,
    @Default("\"zstd\"") String compress,
    @Nullable String secret,
    @Default("1000000") @Min(1) long chunkRows) {

  /** Without the secret. */
  @Override public String toString() {
    return "BackupRequest[database=" + database + ", output=" + output + ", jobs=" + jobs
        + ", compress=" + compress + ", encrypted=" + (secret != null) + "]";
  }
}
