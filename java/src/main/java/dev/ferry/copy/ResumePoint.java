package dev.ferry.copy;

import dev.ferry.types.TableName;

import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Where a {@code --resume} continues, from the checkpoint the target holds: after the last
 * committed chunk's key, from the beginning, or nowhere (the last copy completed).
 *
 * @param after the key to continue after, or null to start from the beginning
 * @param nothingLeft whether the last copy completed, so nothing is copied again
 * @param note what the plan tells the user, or null
 */
record ResumePoint(@Nullable String after, boolean nothingLeft, @Nullable String note) {
  /** Where {@code request} resumes, given the checkpoint {@code prior} and the chunk key. */
  static ResumePoint of(CopyRequest request, Checkpoints.@Nullable State prior, TableName target,
      @Nullable ChunkKey key) {
    if (!request.resume()) {
      return new ResumePoint(null, false, null);
    }
    if (request.mode() == CopyMode.INCREMENTAL) {
      return new ResumePoint(null, false, "incremental copies resume from the last recorded"
          + " watermark; an interrupted run's committed chunks are merged again (upsert), which is"
          + " idempotent");
    }
    if (prior == null) {
      return new ResumePoint(null, false, "no checkpoint for " + target + " under job '"
          + request.jobName() + "'; starting from the beginning");
    }
    if (prior.done() && !prior.pending()) {
      return new ResumePoint(null, true, "the last copy of " + target + " completed; nothing to"
          + " resume");
    }
    if (key != null && prior.chunkHi() != null) {
      return new ResumePoint(prior.chunkHi(), false, "resuming after " + key.column() + " = "
          + prior.chunkHi() + " (" + prior.rows() + " rows already committed)");
    }
    if (key != null) {
      return new ResumePoint(null, false, "no chunk of " + target + " was committed before;"
          + " starting from the beginning");
    }
    return new ResumePoint(null, false, null);
  }
}
