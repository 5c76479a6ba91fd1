package dev.ferry.planner;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.calcite.adapter.jdbc.JdbcConvention;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.RelFactories;
import org.apache.calcite.rel.logical.LogicalJoin;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.tools.RelBuilder;
import org.apache.calcite.util.ImmutableBitSet;

/**
 * Computes the expressions a join's comparisons take of one side in a projection of that side,
 * when both sides are in one database, so that the database runs the join.
 *
 * <p>Calcite's JDBC rules push a join into its database only when every comparison of its
 * condition is between two columns. TPC-H Q17 compares each lineitem's quantity with a fifth of
 * its part's average ({@code CAST(l_quantity AS DECIMAL) < 0.2 * avg}): the join of lineitem with
 * that average, both in PostgreSQL, ran in Ferry, which read lineitem whole (6 million rows)
 * twice. Computed below the join, the comparison is between two columns again and PostgreSQL
 * runs the join, given the parts' keys by the join across databases above it.
 */
final class JoinOperandsRule extends RelRule<RuleConfig> {
  /** The rule. */
  static final JoinOperandsRule INSTANCE = new JoinOperandsRule(new RuleConfig(
      RelFactories.LOGICAL_BUILDER, "FerryJoinOperandsRule",
      b -> b.operand(LogicalJoin.class).anyInputs(), c -> new JoinOperandsRule(c)));

  private JoinOperandsRule(RuleConfig config) {
    super(config);
  }

  @Override public void onMatch(RelOptRuleCall call) {
    Join join = call.rel(0);
    JdbcConvention db = JoinSources.of(join.getLeft());
    if (db == null || db != JoinSources.of(join.getRight())) {
      return;
    }
    int leftCount = join.getLeft().getRowType().getFieldCount();
    int rightCount = join.getRight().getRowType().getFieldCount();
    Map<String, RexNode> leftMore = new LinkedHashMap<>();
    Map<String, RexNode> rightMore = new LinkedHashMap<>();
    if (!collect(join.getCondition(), leftCount, leftMore, rightMore)
        || leftMore.isEmpty() && rightMore.isEmpty()) {
      return;
    }
    List<String> leftKeys = new ArrayList<>(leftMore.keySet());
    List<String> rightKeys = new ArrayList<>(rightMore.keySet());
    int moreLeft = leftKeys.size();
    RexBuilder rex = join.getCluster().getRexBuilder();
    RexNode condition = join.getCondition().accept(new RexShuttle() {
      @Override public RexNode visitInputRef(RexInputRef ref) {
        return ref.getIndex() < leftCount ? ref
            : rex.makeInputRef(ref.getType(), ref.getIndex() + moreLeft);
      }

      @Override public RexNode visitCall(RexCall c) {
        if (!comparison(c)) {
          return super.visitCall(c);
        }
        List<RexNode> operands = new ArrayList<>();
        for (RexNode o : c.getOperands()) {
          String key = o.toString();
          int l = o instanceof RexInputRef ? -1 : leftKeys.indexOf(key);
          int r = o instanceof RexInputRef ? -1 : rightKeys.indexOf(key);
          operands.add(l >= 0 ? rex.makeInputRef(o.getType(), leftCount + l)
              : r >= 0 ? rex.makeInputRef(o.getType(), leftCount + moreLeft + rightCount + r)
              : o.accept(this));
        }
        return c.clone(c.getType(), operands);
      }
    });
    RelBuilder b = call.builder();
    RelNode left = b.push(join.getLeft()).project(extended(b, leftCount, leftMore.values(), 0))
        .build();
    RelNode right = b.push(join.getRight())
        .project(extended(b, rightCount, rightMore.values(), leftCount)).build();
    RelNode joined = join.copy(join.getTraitSet(), condition, left, right, join.getJoinType(),
        join.isSemiJoinDone());
    List<RexNode> back = new ArrayList<>();
    for (int i = 0; i < leftCount; i++) {
      back.add(rex.makeInputRef(joined, i));
    }
    if (join.getJoinType().projectsRight()) {
      for (int i = 0; i < rightCount; i++) {
        back.add(rex.makeInputRef(joined, leftCount + moreLeft + i));
      }
    }
    call.transformTo(b.push(joined).project(back, join.getRowType().getFieldNames(), true)
        .build());
  }

  /** A side's columns, then the expressions ({@code shift} back to the side's own columns). */
  private static List<RexNode> extended(RelBuilder b, int count, Iterable<RexNode> more,
      int shift) {
    List<RexNode> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      out.add(b.field(i));
    }
    more.forEach(e -> out.add(RexUtil.shift(e, -shift)));
    return out;
  }

  /**
   * Collects the operands of {@code condition}'s comparisons that are expressions of one side's
   * columns; false when the condition is more than comparisons under AND and OR, or compares an
   * expression of both sides (the database could not run it as a join either way).
   */
  private static boolean collect(RexNode condition, int leftCount, Map<String, RexNode> left,
      Map<String, RexNode> right) {
    if (condition.isA(SqlKind.LITERAL)) {
      return true;
    }
    if (condition.isA(SqlKind.AND) || condition.isA(SqlKind.OR)) {
      for (RexNode o : ((RexCall) condition).getOperands()) {
        if (!collect(o, leftCount, left, right)) {
          return false;
        }
      }
      return true;
    }
    if (!(condition instanceof RexCall c) || !comparison(c)) {
      return false;
    }
    for (RexNode o : c.getOperands()) {
      if (o instanceof RexInputRef) {
        continue;
      }
      ImmutableBitSet used = RelOptUtil.InputFinder.bits(o);
      if (used.isEmpty() || used.length() <= leftCount) {
        left.put(o.toString(), o);
      } else if (used.nextSetBit(0) >= leftCount) {
        right.put(o.toString(), o);
      } else {
        return false;
      }
    }
    return true;
  }

  private static boolean comparison(RexCall c) {
    return c.getOperands().size() == 2 && (c.isA(SqlKind.COMPARISON)
        || c.isA(SqlKind.IS_NOT_DISTINCT_FROM));
  }
}
