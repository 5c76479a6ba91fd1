package dev.ferry.wire;

import dev.ferry.federation.Federation;
import dev.ferry.message.Messages;
import dev.ferry.migrate.MigrationPhase;
import dev.ferry.migrate.MigrationPlan;
import dev.ferry.migrate.MigrationRunner;
import dev.ferry.migrate.PhaseResult;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One migration as Node drives it: its plan (made once, when the task opens), then each
 * structure phase by name, with Node's chunked copies between TABLES and CONSTRAINTS.
 */
public final class MigrationTask {
  private final Federation federation;
  private final int jobs;
  private MigrationPlan plan;

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
    String name = new String(phaseUtf8, StandardCharsets.UTF_8);
    MigrationPhase phase = MigrationPhase.valueOf(name.toUpperCase(Locale.ROOT).replace('-', '_'));
    PhaseResult r = new MigrationRunner(federation.database(plan.to()), plan, jobs).run(phase);
    if (phase == MigrationPhase.TYPES && !java.util.Objects.equals(r.checkpointNamespace(),
        plan.checkpointNamespace())) {
      plan = plan.withCheckpoints(r.checkpointNamespace());
    }
    return Messages.write(r);
  }
}
