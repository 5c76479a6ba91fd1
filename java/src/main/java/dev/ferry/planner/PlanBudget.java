package dev.ferry.planner;

import dev.ferry.error.FerryFailure;

import org.apache.calcite.plan.RelOptListener;

/**
 * The time one statement may spend in the optimizer, checked before every rule Calcite tries.
 *
 * <p>A planner that explores without end looks like a hang; this turns it into a
 * {@code PLAN_TIMEOUT} failure naming the budget, which the caller completes with the query.
 */
public final class PlanBudget implements RelOptListener {
  /** The code of the failure a spent budget gives. */
  public static final String TIMEOUT = "PLAN_TIMEOUT";

  private final long deadline;
  private final long millis;

  /** A budget of {@code millis} from now. */
  PlanBudget(long millis) {
    this.millis = millis;
    this.deadline = System.nanoTime() + millis * 1_000_000L;
  }

  /** Fails with {@code PLAN_TIMEOUT} once the budget is spent. */
  void check() {
    if (System.nanoTime() > deadline) {
      throw FerryFailure.of(TIMEOUT, "planning the query took longer than its budget of "
          + (millis >= 1000 ? millis / 1000.0 + " s" : millis + " ms")
          + "; simplify the query (fewer joins, or join the tables of one database in a view"
          + " there), or raise the budget with FERRY_PLAN_TIMEOUT (seconds)");
    }
  }

  /** {@code f} with the query it was planning named, its text cut to a few lines. */
  public static FerryFailure naming(FerryFailure f, String sql) {
    String oneLine = sql.strip().replaceAll("\\s+", " ");
    String shown = oneLine.length() > 300 ? oneLine.substring(0, 300) + "…" : oneLine;
    return FerryFailure.of(f.code(), f.getMessage() + "; the query: " + shown);
  }

  @Override public void ruleAttempted(RuleAttemptedEvent event) {
    if (event.isBefore()) {
      check();
    }
  }

  @Override public void relEquivalenceFound(RelEquivalenceEvent event) {}

  @Override public void ruleProductionSucceeded(RuleProductionEvent event) {}

  @Override public void relDiscarded(RelDiscardedEvent event) {}

  @Override public void relChosen(RelChosenEvent event) {}
}
