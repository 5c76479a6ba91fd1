package dev.ferry.copy;

/**
 * A running table copy's counters, safe to read from any thread.
 *
 * @param table the source table
 * @param phase where the copy stands
 * @param rows rows written so far (open chunks included), a resume's earlier ones too
 * @param rowsTotal rows expected in all (-1 before planning)
 * @param chunksDone chunks committed by this run
 * @param chunksTotal chunks this run copies (-1 before planning)
 */
public record CopyProgress(String table, CopyPhase phase, long rows, long rowsTotal,
    int chunksDone, int chunksTotal) {}
