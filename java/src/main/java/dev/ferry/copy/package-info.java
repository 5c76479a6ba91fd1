/**
 * Table copies: planning ({@link dev.ferry.copy.CopyPlanner}: key, chunks, resume point,
 * watermark window), running ({@link dev.ferry.copy.CopyJob}, {@link dev.ferry.copy.ChunkWorkers}
 * committing key ranges in order), checkpoints in the target ({@link dev.ferry.copy.CheckpointPlace}:
 * Ferry's own namespace, else beside the table) or a state file, and
 * {@link dev.ferry.copy.CrossInsert}, the sink behind {@code INSERT … SELECT} across databases
 * (with {@link dev.ferry.copy.TextRelay} for rows that travel as COPY text).
 */
package dev.ferry.copy;
