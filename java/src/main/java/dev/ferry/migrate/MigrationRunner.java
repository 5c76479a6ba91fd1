package dev.ferry.migrate;

import static java.util.Objects.requireNonNull;

import dev.ferry.copy.CheckpointTable;
import dev.ferry.ddl.Ddl;
import dev.ferry.ddl.FerryNamespace;
import dev.ferry.error.FerryFailure;
import dev.ferry.federation.DatabaseSchema;
import dev.ferry.types.TableName;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Lock;
import org.apache.calcite.sql.SqlDialect;

/**
 * Runs one structure phase of a plan on the target, each step committed on its own. A failed
 * table aborts the migration (nothing can be loaded into it); any other failed step is reported
 * and the phase goes on, so one untranslatable view or a foreign key the data breaks does not
 * hide the rest.
 */
public final class MigrationRunner {
  private final DatabaseSchema target;
  private final MigrationPlan plan;
  private final int jobs;

  /**
   * A runner of {@code plan} on {@code target}, building the indexes and checking the foreign
   * keys of up to {@code jobs} tables at once where the target's {@link Ddl#buildsSideBySide}.
   */
  public MigrationRunner(DatabaseSchema target, MigrationPlan plan, int jobs) {
    this.target = requireNonNull(target, "target");
    this.plan = requireNonNull(plan, "plan");
    this.jobs = Math.max(1, jobs);
  }

  /** Runs the steps of {@code phase}. */
  public PhaseResult run(MigrationPhase phase) {
    List<PhaseResult.StepResult> out = new ArrayList<>();
    String checkpoints = plan.checkpointNamespace();
    try (Connection c = target.dataSource().getConnection()) {
      boolean autoCommit = c.getAutoCommit();
      c.setAutoCommit(true);
      try {
        if (phase == MigrationPhase.TYPES && checkpoints != null) {
          checkpoints = FerryNamespace.ensure(c, target.engine().ddl(), target.dialect(), checkpoints);
        }
        if (phase == MigrationPhase.CLEANUP) {
          out.add(cleanup(c));
        }
        List<MigrationPlan.Step> steps = plan.steps().stream().filter(s -> s.phase() == phase).toList();
        if (jobs > 1 && target.engine().ddl().buildsSideBySide()
            && (phase == MigrationPhase.CONSTRAINTS || phase == MigrationPhase.FOREIGN_KEYS)) {
          out.addAll(new SideBySide(target, steps, jobs).run(c));
          return new PhaseResult(phase, out, checkpoints);
        }
        List<MigrationPlan.Step> pending = new ArrayList<>(steps);
        // Views over views: retry the failed ones while each round creates at least one.
        while (!pending.isEmpty()) {
          List<MigrationPlan.Step> failed = new ArrayList<>();
          List<PhaseResult.StepResult> failures = new ArrayList<>();
          for (MigrationPlan.Step s : pending) {
            PhaseResult.StepResult r = run(c, s);
            if (r.ok()) {
              out.add(r);
            } else if (phase == MigrationPhase.TABLES || phase == MigrationPhase.TYPES) {
              throw FerryFailure.of("MIGRATE_STRUCTURE", "creating " + s.object() + " in database '"
                  + plan.to() + "' failed: " + r.error()).with("database", plan.to())
                  .with("object", s.object());
            } else {
              failed.add(s);
              failures.add(r);
            }
          }
          if (phase != MigrationPhase.VIEWS || failed.size() == pending.size()) {
            out.addAll(failures);
            break;
          }
          pending = failed;
        }
      } finally {
        c.setAutoCommit(autoCommit);
      }
    } catch (SQLException e) {
      throw FerryFailure.wrap(e, "running the " + phase.wire() + " phase in database '" + plan.to() + "'");
    }
    return new PhaseResult(phase, out, checkpoints);
  }

  /**
   * Runs the steps of {@code phase} that concern target table {@code table}, in order on one
   * connection, while other tables may still load or build theirs ({@link
   * MigrationPlan#structureWhileLoading}). A foreign key's first statement (adding it unchecked,
   * which locks both tables briefly) runs holding {@code additions}, so that two such additions
   * made for different tables at once never deadlock; its check then runs without it.
   */
  public PhaseResult runTable(MigrationPhase phase, String table, Lock additions) {
    List<PhaseResult.StepResult> out = new ArrayList<>();
    try (Connection c = target.dataSource().getConnection()) {
      boolean autoCommit = c.getAutoCommit();
      c.setAutoCommit(true);
      try {
        for (MigrationPlan.Step s : plan.steps()) {
          if (s.phase() != phase || !table.equals(s.table())) {
            continue;
          }
          int from = 0;
          if (!s.undo().isEmpty() && s.sql().size() > 1) {
            PhaseResult.StepResult first;
            additions.lock();
            try {
              first = execute(target, c, s, s.sql().subList(0, 1), 0);
            } finally {
              additions.unlock();
            }
            if (!first.ok()) {
              out.add(new PhaseResult.StepResult(s.object(), s.description(), false, s.sql(), first.error()));
              continue;
            }
            from = 1;
          }
          out.add(execute(target, c, s, s.sql(), from));
        }
      } finally {
        c.setAutoCommit(autoCommit);
      }
    } catch (SQLException e) {
      throw FerryFailure.wrap(e, "running the " + phase.wire() + " steps of " + table
          + " in database '" + plan.to() + "'");
    }
    return new PhaseResult(phase, out, plan.checkpointNamespace());
  }

  private PhaseResult.StepResult run(Connection c, MigrationPlan.Step s) {
    return execute(target, c, s, s.column() == null ? s.sql() : identitySql(c, s), 0);
  }

  /**
   * Runs {@code sql} of step {@code s} from statement {@code from} on {@code c}; when a statement
   * after the step's first fails, runs its undo (so a foreign key whose check failed is not left
   * behind unchecked). The result lists every statement of the step.
   */
  static PhaseResult.StepResult execute(DatabaseSchema target, Connection c, MigrationPlan.Step s,
      List<String> sql, int from) {
    int at = from;
    try (Statement st = c.createStatement()) {
      for (; at < sql.size(); at++) {
        st.execute(sql.get(at));
      }
      return new PhaseResult.StepResult(s.object(), s.description(), true, sql, null);
    } catch (SQLException | RuntimeException e) {
      String why = target.dataSource().spec().scrub(String.valueOf(e.getMessage())).strip();
      String undone = "";
      if (at > 0 && !s.undo().isEmpty()) {
        try (Statement st = c.createStatement()) {
          for (String u : s.undo()) {
            st.execute(u);
          }
          undone = "; removed again";
        } catch (SQLException | RuntimeException left) {
          undone = "; left in place, unchecked (removing it failed: " + target.dataSource().spec()
              .scrub(String.valueOf(left.getMessage())).strip() + ")";
        }
      }
      return new PhaseResult.StepResult(s.object(), s.description(), false, sql,
          why + (at < sql.size() ? " (running: " + sql.get(at) + ")" : "") + undone);
    }
  }

  /** The identity statements with the next value computed from the loaded rows. */
  private List<String> identitySql(Connection c, MigrationPlan.Step s) {
    SqlDialect q = target.dialect();
    TableName table = new TableName(plan.targetNamespace(), requireNonNull(s.table(), "table"));
    String column = requireNonNull(s.column(), "column");
    long next = 1;
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT MAX(" + q.quoteIdentifier(column) + ") FROM " + table.quoted(q))) {
      if (rs.next()) {
        long max = rs.getLong(1);
        next = rs.wasNull() ? 1 : max + 1;
      }
    } catch (SQLException e) {
      throw FerryFailure.wrap(e, "reading the highest " + column + " of " + table);
    }
    Long counter = plan.counters().get(requireNonNull(s.table(), "table") + "." + column);
    if (counter != null && counter > next) {
      next = counter;
    }
    return target.engine().ddl().identityRestart(q, table, column, Long.toString(next));
  }

  /** Removes this migration's checkpoints; the table too when it is in the user's namespace and empty. */
  private PhaseResult.StepResult cleanup(Connection c) {
    String ns = plan.checkpointNamespace() != null ? plan.checkpointNamespace() : plan.targetNamespace();
    List<String> sql;
    try {
      sql = CheckpointTable.remove(c, target.dialect(), ns, plan.job(), null,
          plan.checkpointNamespace() == null);
    } catch (SQLException e) {
      // No checkpoint table: nothing was checkpointed there.
      sql = List.of();
    }
    return new PhaseResult.StepResult(CheckpointTable.NAME, "checkpoints removed", true, sql, null);
  }
}
