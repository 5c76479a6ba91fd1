package dev.ferry.sync;

import java.util.List;

/**
 * What {@code ferry sync --drop} removed.
 *
 * @param job the job's name
 * @param removed each object removed, in words (source slot and publication, the target's state)
 */
public record SyncDropped(String job, List<String> removed) {}
