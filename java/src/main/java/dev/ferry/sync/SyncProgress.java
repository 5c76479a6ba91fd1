package dev.ferry.sync;

import java.util.List;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A running sync's counters, safe to read from any thread.
 *
 * @param phase {@code starting} (the connector is connecting), {@code streaming},
 *     {@code stopping}, {@code stopped} or {@code failed}
 * @param changes changes applied by this run
 * @param batches target transactions committed by this run
 * @param position the source position the applied changes reach (the engine's own text)
 * @param sourceMillis when the last applied change was committed on the source (epoch ms; 0
 *     before the first)
 * @param latencySeconds how long after its source commit the last applied change became
 *     visible in the target
 * @param caughtUp whether every change committed on the source before the stream started has
 *     been applied
 * @param secondsSinceDelivery how long since the stream last delivered anything (a change or a
 *     heartbeat)
 * @param tables per table, the changes applied since the job started
 */
public record SyncProgress(String phase, long changes, long batches, @Nullable String position,
    long sourceMillis, double latencySeconds, boolean caughtUp, double secondsSinceDelivery,
    List<SyncTableState> tables) {}
