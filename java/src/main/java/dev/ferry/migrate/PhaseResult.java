package dev.ferry.migrate;

import java.util.List;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * What one structure phase did.
 *
 * @param steps each step's outcome, in the order run
 * @param checkpointNamespace after TYPES: where checkpoints go (null when Ferry's namespace could
 *     not be created and the target's own is used)
 */
public record PhaseResult(MigrationPhase phase, List<StepResult> steps,
    @Nullable String checkpointNamespace) {

  /**
   * One step's outcome.
   *
   * @param sql the statements as run (identity values filled in)
   * @param error why it failed, with the failing statement; null when it succeeded
   */
  public record StepResult(String object, String description, boolean ok, List<String> sql,
      @Nullable String error) {}
}
