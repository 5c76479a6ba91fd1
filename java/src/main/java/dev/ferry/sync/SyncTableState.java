package dev.ferry.sync;

/**
 * One table of a sync.
 *
 * @param table the source table (the target table has its name)
 * @param state {@code new} (not copied yet), {@code copying} (its initial copy started),
 *     {@code copied} (its initial copy finished; only changes follow)
 * @param inserts rows inserted on the source and applied, since the job started
 * @param updates rows updated on the source and applied
 * @param deletes rows deleted on the source and applied
 */
public record SyncTableState(String table, String state, long inserts, long updates,
    long deletes) {}
