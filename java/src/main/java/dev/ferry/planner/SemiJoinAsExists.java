package dev.ferry.planner;

import java.util.Set;
import org.apache.calcite.adapter.jdbc.JdbcRules;
import org.apache.calcite.rel.RelHomogeneousShuttle;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.CorrelationId;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexSubQuery;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;

/**
 * Rewrites each semi- and anti-join a database runs into a filter on its left side with a
 * correlated {@code [NOT] EXISTS} over its right side, once the plan is chosen, so that Calcite
 * writes it as SQL whose columns name the side they belong to.
 *
 * <p>Calcite's SQL writer (as of 1.42) renders a semi-join by adding the {@code EXISTS} to the
 * left side's own {@code WHERE}, and when that side is a query of its own it strips the side's
 * alias from the condition: a column both sides have then names the inner one (TPC-H Q21's
 * {@code l2.l_suppkey <> l1.l_suppkey} would compare {@code l2} with itself), and a left side
 * with a filter got two aliases, a syntax error. A correlated filter is written the way Calcite
 * writes every correlated subquery: the outer columns qualified with the outer query's alias.
 */
final class SemiJoinAsExists {
  private SemiJoinAsExists() {}

  /** {@code plan} with every database-run semi- and anti-join written as a correlated filter. */
  static RelNode rewrite(RelNode plan) {
    return plan.accept(new RelHomogeneousShuttle() {
      @Override public RelNode visit(RelNode other) {
        RelNode visited = super.visit(other);
        return visited instanceof JdbcRules.JdbcJoin j && (j.getJoinType() == JoinRelType.SEMI
            || j.getJoinType() == JoinRelType.ANTI) ? asFilter(j) : visited;
      }
    });
  }

  private static RelNode asFilter(JdbcRules.JdbcJoin join) {
    RelNode left = join.getLeft();
    RelNode right = join.getRight();
    RexBuilder rex = join.getCluster().getRexBuilder();
    CorrelationId id = join.getCluster().createCorrel();
    RexNode outer = rex.makeCorrel(left.getRowType(), id);
    int leftCount = left.getRowType().getFieldCount();
    RexNode lookupCondition = join.getCondition().accept(new RexShuttle() {
      @Override public RexNode visitInputRef(RexInputRef ref) {
        return ref.getIndex() < leftCount ? rex.makeFieldAccess(outer, ref.getIndex())
            : rex.makeInputRef(ref.getType(), ref.getIndex() - leftCount);
      }
    });
    RelNode lookup = new JdbcRules.JdbcFilter(join.getCluster(), right.getTraitSet(), right,
        lookupCondition);
    RexNode exists = RexSubQuery.exists(lookup);
    RexNode test = join.getJoinType() == JoinRelType.ANTI
        ? rex.makeCall(SqlStdOperatorTable.NOT, exists) : exists;
    return new CorrelatedJdbcFilter(join.getCluster(), left.getTraitSet(), left, test, Set.of(id));
  }
}
