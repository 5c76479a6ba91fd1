package dev.ferry.sync;

import java.util.List;

/**
 * A sync ready to copy and stream: where its stream starts and what each table still needs.
 *
 * @param job the job's name (its slot and publication are {@code ferry_<job>} on PostgreSQL)
 * @param source the source database
 * @param target the target database
 * @param start the position the stream starts from (the source engine's own text)
 * @param resumed whether the job had run before (its stored position wins over {@code start})
 * @param tables the job's tables; those not {@code copied} need their initial copy first
 * @param stateTable where the job's position and counters are kept in the target
 * @param notes what was created or found on the source, in words
 */
public record SyncStart(String job, String source, String target, String start, boolean resumed,
    List<SyncTableState> tables, String stateTable, List<String> notes) {}
