package dev.ferry.migrate;

import java.util.List;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * An ordered migration: the tables in load order, the structure steps of each phase, every type
 * mapping that changes meaning (warnings), and what is left out and why.
 *
 * @param sourceEngine the source's dialect name
 * @param targetEngine the target's dialect name
 * @param targetNamespace the target schema/catalog the tables go to; null for engines without
 * @param checkpointNamespace where the load's checkpoints live: Ferry's own {@code ferry}
 *     namespace where the target has namespaces, else null (the target's, removed at the end)
 * @param job the name the load's checkpoints are filed under
 * @param tables the tables to load: parents before the tables referencing them where
 *     {@code loadInOrder}, otherwise the largest first
 * @param loadInOrder whether the tables must load one after another, in that order: the target
 *     takes one writer at a time, or checks foreign keys while rows arrive (an engine that
 *     checks them while loading, or tables the target has already with their foreign keys)
 * @param structureWhileLoading whether a table's keys and indexes may be built as soon as it is
 *     loaded, and its foreign keys as soon as it and the tables they reference have their keys,
 *     while other tables still load (as pg_restore schedules them): the target builds them on
 *     separate connections without waiting on the loads' locks ({@link
 *     dev.ferry.ddl.Ddl#buildsSideBySide}) and the tables load side by side
 * @param steps structure steps, in phase order
 * @param warnings mappings and omissions that change meaning
 * @param skipped objects not migrated, with the reason
 * @param counters per target {@code table.column}, the next value the source's identity,
 *     sequence or AUTO_INCREMENT counter stood at (past the highest id when rows were deleted):
 *     the target's counter is set to it, or past the loaded ids when those are higher
 */
public record MigrationPlan(String from, String to, String sourceEngine, String targetEngine,
    @Nullable String targetNamespace, @Nullable String checkpointNamespace, String job,
    List<PlannedTable> tables, boolean loadInOrder, boolean structureWhileLoading, List<Step> steps, List<Warning> warnings, List<Skipped> skipped,
    java.util.Map<String, Long> counters) {

  /** This plan with its checkpoints in {@code namespace}. */
  public MigrationPlan withCheckpoints(@Nullable String namespace) {
    return new MigrationPlan(from, to, sourceEngine, targetEngine, targetNamespace, namespace, job,
        tables, loadInOrder, structureWhileLoading, steps, warnings, skipped, counters);
  }

  /**
   * One table to load.
   *
   * @param source the source table's name
   * @param target the target table's name
   * @param exists whether the target table exists already (it is loaded, not created)
   * @param partitions the source partitions whose rows it holds (read through it, never copied
   *     on their own)
   */
  public record PlannedTable(String source, String target, boolean exists, List<String> partitions) {}

  /**
   * One structure step.
   *
   * @param object what it makes: {@code orders}, {@code orders.customer_fk}, {@code orders.id}
   * @param description what it does, in words
   * @param sql the statements, run in order; an identity step's value is computed when it runs
   *     (shown as {@code <MAX(id) + 1>})
   * @param table the target table it concerns; null for types and views
   * @param column the identity column an IDENTITIES step sets; null otherwise
   * @param undo run when a statement after the first fails, removing what the first made (a
   *     foreign key added unchecked whose check then failed); empty when there is nothing to undo
   * @param references the target table a FOREIGN_KEYS step's key references (its own table for a
   *     self-reference); null for other steps
   */
  public record Step(MigrationPhase phase, String object, String description, List<String> sql,
      @Nullable String table, @Nullable String column, List<String> undo,
      @Nullable String references) {}

  /**
   * A mapping that changes meaning, or something only partly migrated.
   *
   * @param object the table, column or view concerned
   * @param message what changes, in words
   */
  public record Warning(String object, String message) {}

  /**
   * Something not migrated.
   *
   * @param kind {@code partition}, {@code view}, {@code check}, {@code foreign key}, …
   * @param reason why
   */
  public record Skipped(String object, String kind, String reason) {}
}
