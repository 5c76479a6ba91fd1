package dev.ferry.sync;

import java.util.List;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Where a sync stands, read from the source and the target ({@code ferry sync status}).
 *
 * @param job the job's name
 * @param source the source database
 * @param target the target database
 * @param state {@code started} (nothing applied yet) or {@code streaming}
 * @param start the position the job's stream started from
 * @param applied the source position the applied changes reach, null before the first batch
 * @param sourcePosition the source's current end of log
 * @param bytesBehind how far the applied position is behind the source's end, in the log's
 *     bytes; -1 when the engine cannot tell
 * @param lagSeconds seconds between the last applied change's source commit and now when the
 *     target is behind; 0 when nothing is pending
 * @param appliedAt when the last batch was applied (UTC, ISO), or null
 * @param tables per table, its state and the changes applied since the job started
 * @param notes what the source holds for the job (slot and its retained WAL, say)
 */
public record SyncStatus(String job, String source, String target, String state, String start,
    @Nullable String applied, String sourcePosition, long bytesBehind, double lagSeconds,
    @Nullable String appliedAt, List<SyncTableState> tables, List<String> notes) {}
