package dev.ferry.sync;

import java.util.List;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * How a sync run ended (a failure is an error instead).
 *
 * @param job the job's name
 * @param reason {@code caught-up} (with {@code --until-caught-up}) or {@code stopped}
 * @param changes changes applied by this run
 * @param batches target transactions committed by this run
 * @param position the source position the applied changes reach
 * @param seconds how long the stream ran
 * @param tables per table, the changes applied since the job started
 */
public record SyncResult(String job, String reason, long changes, long batches,
    @Nullable String position, double seconds, List<SyncTableState> tables) {}
