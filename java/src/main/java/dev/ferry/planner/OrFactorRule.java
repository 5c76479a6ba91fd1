package dev.ferry.planner;

import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.RelFactories;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;

/**
 * Pulls the factors an OR's branches share out of it: {@code (a AND b) OR (a AND c)} becomes
 * {@code a AND (b OR c)}.
 *
 * <p>TPC-H Q19 repeats its join key in each of three OR branches; left inside the OR, the key is
 * no join condition at all and the join becomes a nested loop over both tables with nothing
 * pushed into either source. Pulled out, it is an equi-join the sources can be filtered for.
 */
final class OrFactorRule extends RelRule<RuleConfig> {
  /** The rule on filters. */
  static final OrFactorRule FILTER = new OrFactorRule(new RuleConfig(RelFactories.LOGICAL_BUILDER,
      "OrFactorRule(Filter)", b -> b.operand(Filter.class).anyInputs(), c -> new OrFactorRule(c)));
  /** The rule on join conditions. */
  static final OrFactorRule JOIN = new OrFactorRule(new RuleConfig(RelFactories.LOGICAL_BUILDER,
      "OrFactorRule(Join)", b -> b.operand(Join.class).anyInputs(), c -> new OrFactorRule(c)));

  private OrFactorRule(RuleConfig config) {
    super(config);
  }

  @Override public void onMatch(RelOptRuleCall call) {
    RelNode rel = call.rel(0);
    RexNode condition = rel instanceof Filter f ? f.getCondition() : ((Join) rel).getCondition();
    RexNode pulled = RexUtil.pullFactors(rel.getCluster().getRexBuilder(), condition);
    if (pulled.equals(condition) || pulled.toString().equals(condition.toString())) {
      return;
    }
    if (rel instanceof Filter f) {
      call.transformTo(f.copy(f.getTraitSet(), f.getInput(), pulled));
    } else {
      Join j = (Join) rel;
      call.transformTo(j.copy(j.getTraitSet(), pulled, j.getLeft(), j.getRight(), j.getJoinType(),
          j.isSemiJoinDone()));
    }
  }
}
