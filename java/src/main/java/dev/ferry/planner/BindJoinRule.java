package dev.ferry.planner;

import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.adapter.jdbc.JdbcConvention;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.core.RelFactories;
import org.apache.calcite.rel.logical.LogicalJoin;
import org.apache.calcite.rel.metadata.RelMetadataQuery;

/**
 * Offers a {@link BindJoin} for an inner join across databases whose one side is run by one
 * database: that side is sent the other side's keys.
 *
 * <p>Without it Calcite reads both sides whole and joins them itself: TPC-H Q21 at scale factor
 * 1 read 25.7 million rows out of PostgreSQL to keep the lineitems of some 400 suppliers. When
 * offered it costs less than Calcite's hash join over the same inputs, so the planner takes it;
 * whether the keys are worth sending is decided when it runs, from the small side's real rows
 * and keys ({@link BindJoinExecution}): Calcite's estimates of joins, which know no keys, are
 * too rough to decide it here (the small side of TPC-H Q9, 10,000 rows, is estimated at 10^10).
 * The join needs one equality between integer columns of one SQL type (NOT NULL or not) to
 * send keys for ({@link BindJoin.Keys}).
 */
final class BindJoinRule extends RelRule<RuleConfig> {
  /** The rule. */
  static final BindJoinRule INSTANCE = new BindJoinRule(new RuleConfig(
      RelFactories.LOGICAL_BUILDER, "FerryBindJoinRule",
      b -> b.operand(LogicalJoin.class).anyInputs(), c -> new BindJoinRule(c)));

  private BindJoinRule(RuleConfig config) {
    super(config);
  }

  @Override public void onMatch(RelOptRuleCall call) {
    LogicalJoin join = call.rel(0);
    if (join.getJoinType() != JoinRelType.INNER || BindJoin.batchKeys(System.getenv()) == 0
        || BindJoin.Keys.of(join.getLeft(), join.getRight(), join.getCondition()) == null) {
      return;
    }
    RelNode left = join.getLeft();
    RelNode right = join.getRight();
    int big = bigInput(left, right, call.getMetadataQuery());
    if (big < 0) {
      return;
    }
    RelNode small = big == 0 ? right : left;
    RelNode bigSide = big == 0 ? left : right;
    RelNode smallIn = convert(small, small.getTraitSet().replace(EnumerableConvention.INSTANCE));
    RelNode bigIn = convert(bigSide, bigSide.getTraitSet().replace(JoinSources.of(bigSide)));
    call.transformTo(new BindJoin(join.getCluster(),
        join.getTraitSet().replace(EnumerableConvention.INSTANCE), big == 0 ? bigIn : smallIn,
        big == 0 ? smallIn : bigIn, join.getCondition(), JoinRelType.INNER, big));
  }

  /**
   * The input the keys go to (0 left, 1 right): the one a single database runs (not the other's
   * database), the one estimated larger when both are; -1 when neither is. The other side may
   * be estimated larger (Calcite's estimates of joins across databases are often far too high):
   * the run finds out, and holds the big side instead when the small one is not small.
   */
  private static int bigInput(RelNode left, RelNode right, RelMetadataQuery mq) {
    JdbcConvention l = JoinSources.of(left);
    JdbcConvention r = JoinSources.of(right);
    boolean toRight = r != null && r != l;
    boolean toLeft = l != null && l != r;
    if (toLeft && toRight) {
      return rows(left, mq) > rows(right, mq) ? 0 : 1;
    }
    return toRight ? 1 : toLeft ? 0 : -1;
  }

  private static double rows(RelNode rel, RelMetadataQuery mq) {
    Double rows = mq.getRowCount(rel);
    return rows == null || rows.isNaN() ? Double.POSITIVE_INFINITY : rows;
  }
}
