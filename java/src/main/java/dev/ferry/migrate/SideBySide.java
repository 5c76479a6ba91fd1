package dev.ferry.migrate;

import dev.ferry.error.FerryFailure;
import dev.ferry.federation.DatabaseSchema;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The steps of one phase after the load (indexes and unique keys, or foreign keys) run for
 * several tables at once, each table's steps in order on one connection, for a target whose
 * {@link dev.ferry.ddl.Ddl#buildsSideBySide} says their locks do not collide.
 *
 * <p>A step with an undo (a foreign key added unchecked, then checked) has its first statement
 * run first, for every such step one after another on the phase's own connection: adding it locks
 * both tables briefly, and done side by side two such additions could deadlock. Only the checks,
 * which lock just their own table, then run side by side.
 */
final class SideBySide {
  private final DatabaseSchema target;
  private final List<MigrationPlan.Step> steps;
  private final int jobs;

  SideBySide(DatabaseSchema target, List<MigrationPlan.Step> steps, int jobs) {
    this.target = target;
    this.steps = steps;
    this.jobs = jobs;
  }

  /** Runs every step; the results in the steps' order. */
  List<PhaseResult.StepResult> run(Connection own) {
    PhaseResult.StepResult[] results = new PhaseResult.StepResult[steps.size()];
    int[] from = new int[steps.size()];
    Map<String, List<Integer>> byTable = new LinkedHashMap<>();
    for (int i = 0; i < steps.size(); i++) {
      MigrationPlan.Step s = steps.get(i);
      if (!s.undo().isEmpty() && s.sql().size() > 1) {
        PhaseResult.StepResult first = MigrationRunner.execute(target, own, s, s.sql().subList(0, 1), 0);
        if (!first.ok()) {
          results[i] = new PhaseResult.StepResult(s.object(), s.description(), false, s.sql(), first.error());
          continue;
        }
        from[i] = 1;
      }
      byTable.computeIfAbsent(String.valueOf(s.table()), t -> new ArrayList<>()).add(i);
    }
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(jobs, Math.max(1, byTable.size())), r -> {
      Thread t = new Thread(r, "ferry-structure");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<?>> running = new ArrayList<>();
      for (List<Integer> group : byTable.values()) {
        running.add(pool.submit(() -> {
          try (Connection c = target.dataSource().getConnection()) {
            c.setAutoCommit(true);
            for (int i : group) {
              MigrationPlan.Step s = steps.get(i);
              results[i] = MigrationRunner.execute(target, c, s, s.sql(), from[i]);
            }
          }
          return null;
        }));
      }
      for (Future<?> f : running) {
        f.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw FerryFailure.of("CANCELLED", "the migration was interrupted while building its structure");
    } catch (ExecutionException e) {
      throw FerryFailure.wrap(e.getCause(), "building the structure in database '"
          + target.dataSource().spec().name() + "'");
    } finally {
      pool.shutdownNow();
    }
    return List.of(results);
  }
}
