package dev.ferry.backup;

import dev.ferry.message.Default;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * One table of a restore: its rows loaded from a backup's chunk files into the table the
 * restore's structure phase created.
 *
 * @param from the backup, as a configured (or ad-hoc) database
 * @param to the target database
 * @param toNamespace the target's schema, when its entry is not pinned to one
 * @param table the table's name in the backup
 * @param targetTable its name in the target
 * @param job the checkpoints' job name (the migration plan's)
 * @param checkpointNamespace where the checkpoints are (the migration plan's)
 * @param resume continue after the last committed file
 */
public record RestoreRequest(String from, String to, @Nullable String toNamespace, String table,
    String targetTable, String job, @Nullable String checkpointNamespace,
    @Default("false") boolean resume) {}
