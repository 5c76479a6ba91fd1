package dev.ferry.copy;

import java.util.List;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * What a finished table copy reports.
 *
 * @param table the source table
 * @param targetTable the target table
 * @param rows rows this run copied
 * @param totalRows rows copied in all, a resumed copy's earlier ones included
 * @param chunks chunks this run planned
 * @param seconds how long it ran
 * @param resumedFrom the key a resumed copy continued after, or null
 * @param skippedChunks chunks a resumed copy found already committed
 * @param created whether this run created the target table
 * @param dryRun whether nothing was written (a plan only)
 * @param notes what happened worth knowing (fast paths taken, fallbacks)
 */
public record CopyResult(String table, String targetTable, long rows, long totalRows, int chunks,
    double seconds, @Nullable String resumedFrom, long skippedChunks, boolean created,
    boolean dryRun, List<String> notes) {}
