package dev.ferry.planner;

import dev.ferry.error.FerryFailure;

import java.util.List;
import java.util.Map;
import org.apache.calcite.adapter.jdbc.FerryJdbcTable;
import org.apache.calcite.plan.RelOptLattice;
import org.apache.calcite.plan.RelOptMaterialization;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.plan.hep.HepMatchOrder;
import org.apache.calcite.plan.hep.HepPlanner;
import org.apache.calcite.plan.hep.HepProgram;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.metadata.DefaultRelMetadataProvider;
import org.apache.calcite.rel.rules.CoreRules;
import org.apache.calcite.rel.rules.JoinPushThroughJoinRule;
import org.apache.calcite.rel.rules.ProjectJoinTransposeRule;
import org.apache.calcite.rel.rules.PushProjector;
import org.apache.calcite.runtime.Hook;
import org.apache.calcite.tools.Program;
import org.apache.calcite.tools.Programs;
import org.apache.calcite.util.Holder;

/**
 * Calcite's optimizer program for Ferry's statements: Calcite's standard steps, with the join
 * order chosen by heuristics instead of an exhaustive search, and a time budget.
 *
 * <p>Calcite's default program lets its cost-based planner commute and reassociate every join:
 * five or six joins took 73–118 s to plan here (TPC-H Q2, Q5, Q7). This program first makes
 * the {@code [NOT] EXISTS} Calcite would decorrelate by repeating the outer query semi- and
 * anti-joins ({@link ExistsToSemiJoin}), pulls the
 * common factors out of OR conditions and pushes filters into joins, then flattens each tree of
 * joins, groups the tables of one database ({@link ColocatedJoinRule}) and orders the rest with
 * Calcite's {@code LoptOptimizeJoinRule} (row counts and selectivities); the cost-based planner
 * then only chooses the physical operators and what each database runs, with the rules that
 * reorder joins taken out. The semi- and anti-joins a database runs are written as correlated
 * filters at the end ({@link SemiJoinAsExists}).
 */
public final class FederatedProgram implements Program {
  /**
   * The rules and steps, made when the first statement is planned rather than when the program
   * is installed: Calcite's rules take a tenth of a second to build, which a command that plans
   * no statement (a restore) should not wait for.
   */
  private static final class Steps {
    private Steps() {}

    /**
     * Rules left out of the cost-based search: those that reorder joins (the heuristic order
     * replaces them), the one that makes windows (done before, see {@link #REWRITE}), and the one
     * that turns an inner join on a key of the other side's table into a semi-join: Calcite runs
     * that itself, reading the side it keeps whole, where the inner join is a {@link BindJoin}
     * that sends the other side's keys (TPC-H Q3 read 151,331 lineitem rows instead of 30,519
     * once the planner knew the customers' key). Semi-joins of a grouped side (EXISTS, IN) stay.
     */
    static final List<RelOptRule> LEFT_OUT = List.of(CoreRules.JOIN_COMMUTE,
        CoreRules.JOIN_ASSOCIATE, JoinPushThroughJoinRule.LEFT, JoinPushThroughJoinRule.RIGHT,
        CoreRules.PROJECT_TO_LOGICAL_PROJECT_AND_WINDOW, CoreRules.JOIN_ON_UNIQUE_TO_SEMI_JOIN);

    /** Filters pushed into the joins they restrict and below, as far as they go. */
    static final List<RelOptRule> PUSH_FILTERS = List.of(CoreRules.FILTER_INTO_JOIN,
        CoreRules.JOIN_CONDITION_PUSH, CoreRules.FILTER_MERGE);

    /** How many joins may get conditions derived from an OR across their inputs. */
    static final int MAX_DERIVED = 16;

    /**
     * Common factors out of ORs, filters pushed down, then from what is still an OR across tables
     * the weaker condition each table can be filtered with (once: Calcite's rule would derive
     * again what it derived), pushed down in turn.
     */
    static final HepProgram REWRITE = HepProgram.builder()
        // Window functions become Window operators before the cost-based search: there, Calcite's
        // rule would turn a project a database runs into a window in that database's convention,
        // which no database can run (Calcite's JDBC adapter has no window operator).
        .addRuleInstance(CoreRules.PROJECT_TO_LOGICAL_PROJECT_AND_WINDOW)
        .addRuleCollection(List.of(OrFactorRule.FILTER, OrFactorRule.JOIN))
        .addRuleCollection(PUSH_FILTERS)
        .addMatchLimit(MAX_DERIVED)
        .addRuleInstance(CoreRules.EXPAND_JOIN_DISJUNCTION_LOCAL)
        .addMatchLimit(HepProgram.MATCH_UNTIL_FIXPOINT)
        .addRuleCollection(PUSH_FILTERS)
        .build();

    static final HepProgram JOIN_ORDER = HepProgram.builder()
        .addMatchOrder(HepMatchOrder.BOTTOM_UP)
        .addRuleInstance(CoreRules.JOIN_TO_MULTI_JOIN)
        .addRuleInstance(ColocatedJoinRule.INSTANCE)
        .addRuleInstance(KeyedJoinOrderRule.INSTANCE)
        .addRuleInstance(CoreRules.MULTI_JOIN_OPTIMIZE)
        // Join keys that are expressions (a cast between two engines' integer types) computed
        // below the join, so it stays a hash join on keys instead of a nested loop.
        .addRuleInstance(CoreRules.JOIN_PUSH_EXPRESSIONS)
        // What a join of one database's tables compares, computed below it, so it runs there.
        .addRuleInstance(JoinOperandsRule.INSTANCE)
        .build();

    /**
     * Each join's inputs narrowed to the columns used above it: trimming leaves a filter's
     * columns in its output (a filter cannot drop them), so TPC-H Q13's orders came out of
     * PostgreSQL with their comments, 1.5 million of them, only to be dropped after the join.
     * Only columns go down, no expressions: where an expression runs decides its answer (SQLite
     * divides decimals as doubles).
     */
    static final HepProgram NARROW = HepProgram.builder()
        .addRuleCollection(List.of(CoreRules.PROJECT_JOIN_TRANSPOSE.config
            .as(ProjectJoinTransposeRule.Config.class)
            .withPreserveExprCondition(PushProjector.ExprCondition.FALSE).toRule(),
            CoreRules.PROJECT_MERGE, CoreRules.PROJECT_REMOVE))
        .build();
  }

  /** The planning budget when {@code FERRY_PLAN_TIMEOUT} does not set one: 30 seconds. */
  public static final long DEFAULT_BUDGET_MILLIS = 30_000;

  private static boolean installed;

  private final long budgetMillis;

  /**
   * Makes every statement this JVM prepares through Calcite's JDBC driver use this program,
   * with the budget {@code FERRY_PLAN_TIMEOUT} asks for; once per JVM (one per process). A
   * {@code FERRY_PLAN_KEYS} other than 0 or 1 is refused here.
   */
  public static synchronized void install() {
    if (!installed) {
      checkPlanKeys(System.getenv());
      Program program = new FederatedProgram(budgetMillis(System.getenv()));
      Hook.PROGRAM.add((Holder<Program> h) -> h.set(program));
      installed = true;
    }
  }

  /**
   * The planning budget {@code env} asks for: {@code FERRY_PLAN_TIMEOUT} in seconds (decimals
   * allowed), else {@link #DEFAULT_BUDGET_MILLIS}.
   */
  public static long budgetMillis(Map<String, String> env) {
    String raw = env.get("FERRY_PLAN_TIMEOUT");
    if (raw == null || raw.isBlank()) {
      return DEFAULT_BUDGET_MILLIS;
    }
    try {
      double seconds = Double.parseDouble(raw.trim());
      if (seconds > 0 && seconds <= 86_400) {
        return Math.max(1, Math.round(seconds * 1000));
      }
    } catch (NumberFormatException ignored) {
      // Answered below.
    }
    throw FerryFailure.of("CONFIG_INVALID", "FERRY_PLAN_TIMEOUT must be a number of seconds above 0"
        + " and at most 86400 (got '" + raw + "'); unset it for the default of "
        + DEFAULT_BUDGET_MILLIS / 1000 + " s");
  }

  /**
   * Refuses a {@code FERRY_PLAN_KEYS} in {@code env} that is neither 0 (plan without the tables'
   * keys) nor 1 (with them, the default): "false" or "off" would otherwise plan with keys
   * silently.
   */
  public static void checkPlanKeys(Map<String, String> env) {
    String raw = env.get("FERRY_PLAN_KEYS");
    if (FerryJdbcTable.planKeys(raw) == null) {
      throw FerryFailure.of("CONFIG_INVALID", "FERRY_PLAN_KEYS must be 0 (plan joins without the"
          + " tables' primary keys) or 1 (with them) (got '" + raw + "'); unset it for the"
          + " default, 1");
    }
  }

  /** A program whose statements may plan for at most {@code budgetMillis}. */
  public FederatedProgram(long budgetMillis) {
    this.budgetMillis = budgetMillis;
  }

  @Override public RelNode run(RelOptPlanner planner, RelNode rel, RelTraitSet requiredOutputTraits,
      List<RelOptMaterialization> materializations, List<RelOptLattice> lattices) {
    PlanBudget budget = new PlanBudget(budgetMillis);
    RelNode r = ExistsToSemiJoin.rewrite(rel);
    r = Programs.subQuery(DefaultRelMetadataProvider.INSTANCE)
        .run(planner, r, requiredOutputTraits, materializations, lattices);
    r = Programs.decorrelate().run(planner, r, requiredOutputTraits, materializations, lattices);
    r = Programs.measure(DefaultRelMetadataProvider.INSTANCE)
        .run(planner, r, requiredOutputTraits, materializations, lattices);
    // From here on joins are sized with the tables' keys (the steps above set Calcite's own
    // metadata, and so does the last one).
    if (FerryJdbcTable.PLAN_WITH_KEYS) {
      r.getCluster().setMetadataProvider(KeyAwareRowCount.PROVIDER);
      r.getCluster().invalidateMetadataQuery();
    }
    r = hep(Steps.REWRITE, r, budget);
    r = hep(Steps.JOIN_ORDER, r, budget);
    r = Programs.trim().run(planner, r, requiredOutputTraits, materializations, lattices);
    r = hep(Steps.NARROW, r, budget);
    budget.check();
    r = cheapest(planner, r, requiredOutputTraits, materializations, lattices, budget);
    r = Programs.calc(DefaultRelMetadataProvider.INSTANCE)
        .run(planner, r, requiredOutputTraits, materializations, lattices);
    return SemiJoinAsExists.rewrite(r);
  }

  private static RelNode hep(HepProgram program, RelNode rel, PlanBudget budget) {
    HepPlanner hep = new HepPlanner(program);
    hep.addListener(budget);
    hep.setRoot(rel);
    return hep.findBestExp();
  }

  /** The cost-based search for physical operators, as Calcite's standard program runs it. */
  private static RelNode cheapest(RelOptPlanner planner, RelNode rel, RelTraitSet required,
      List<RelOptMaterialization> materializations, List<RelOptLattice> lattices,
      PlanBudget budget) {
    Steps.LEFT_OUT.forEach(planner::removeRule);
    planner.addListener(budget);
    materializations.forEach(planner::addMaterialization);
    lattices.forEach(planner::addLattice);
    planner.setRoot(rel);
    RelNode root = rel.getTraitSet().equals(required) ? rel : planner.changeTraits(rel, required);
    planner.setRoot(root);
    return planner.chooseDelegate().findBestExp();
  }
}
