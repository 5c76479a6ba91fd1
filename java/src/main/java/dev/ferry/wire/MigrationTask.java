package dev.ferry.wire;

import dev.ferry.federation.Federation;
import dev.ferry.message.Messages;
import dev.ferry.migrate.MigrationPhase;
import dev.ferry.migrate.MigrationPlan;
import dev.ferry.migrate.MigrationRunner;
import dev.ferry.migrate.PhaseResult;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One migration as Node drives it: its plan (made once, when the task opens), then each
 * structure phase by name, with Node's chunked copies between TABLES and CONSTRAINTS — or, where
 * the plan builds structure while loading, the CONSTRAINTS and FOREIGN_KEYS steps table by table
 * as Node's copies land ({@link #runTable}).
 */
public final class MigrationTask {
  private final Federation federation;
  private final int jobs;
  /** Held while a foreign key is added unchecked (see {@link MigrationRunner#runTable}). */
  private final ReentrantLock additions = new ReentrantLock();
  private volatile MigrationPlan plan;

  MigrationTask(Federation federation, MigrationPlan plan, int jobs) {
    this.federation = federation;
    this.plan = plan;
    this.jobs = jobs;
  }

  /** The plan, as JSON. */
  public byte[] plan() {
    return Messages.write(plan);
  }

  /** Runs the phase named (its wire name, e.g. {@code foreign-keys}); its result as JSON. */
  public synchronized byte[] run(byte[] phaseUtf8) {
    MigrationPhase phase = phase(phaseUtf8);
    PhaseResult r = new MigrationRunner(federation.database(plan.to()), plan, jobs).run(phase);
    if (phase == MigrationPhase.TYPES && !java.util.Objects.equals(r.checkpointNamespace(),
        plan.checkpointNamespace())) {
      plan = plan.withCheckpoints(r.checkpointNamespace());
    }
    return Messages.write(r);
  }

  /**
   * Runs the steps of the phase named that concern one target table (its UTF-8 name); its result
   * as JSON. Calls for different tables may run at once, also while other tables load.
   */
  public byte[] runTable(byte[] phaseUtf8, byte[] tableUtf8) {
    MigrationPhase phase = phase(phaseUtf8);
    if (phase != MigrationPhase.CONSTRAINTS && phase != MigrationPhase.FOREIGN_KEYS) {
      throw dev.ferry.error.FerryFailure.of("USAGE", "only the constraints and foreign-keys phases run table by table, not " + phase.wire());
    }
    MigrationPlan p = plan;
    return Messages.write(new MigrationRunner(federation.database(p.to()), p, jobs)
        .runTable(phase, new String(tableUtf8, StandardCharsets.UTF_8), additions));
  }

  private static MigrationPhase phase(byte[] phaseUtf8) {
    String name = new String(phaseUtf8, StandardCharsets.UTF_8);
    return MigrationPhase.valueOf(name.toUpperCase(Locale.ROOT).replace('-', '_'));
  }
}
