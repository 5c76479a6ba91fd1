package dev.ferry.planner;

import org.apache.calcite.adapter.jdbc.JdbcConvention;
import org.apache.calcite.adapter.jdbc.JdbcRules;
import org.apache.calcite.plan.Convention;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.InvalidRelException;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.convert.ConverterRule;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.logical.LogicalJoin;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Lets the database that holds both sides run a semi- or anti-join ({@code EXISTS},
 * {@code IN}, {@code NOT EXISTS} subqueries) as one query, written as {@code [NOT] EXISTS} by
 * {@link SemiJoinAsExists}.
 *
 * <p>Calcite's JDBC rules refuse these joins, although its SQL writer renders them as
 * {@code [NOT] EXISTS}: TPC-H Q4 then read every late lineitem (about 60% of the table) out of
 * PostgreSQL to check orders for one in Ferry, where PostgreSQL answers the whole query itself.
 */
final class SemiJoinRule extends ConverterRule {
  private SemiJoinRule(Config config) {
    super(config);
  }

  /** The rule that turns semi- and anti-joins into joins run by {@code out}'s database. */
  static SemiJoinRule into(JdbcConvention out) {
    return Config.INSTANCE
        .withConversion(LogicalJoin.class, j -> j.getJoinType() == JoinRelType.SEMI
            || j.getJoinType() == JoinRelType.ANTI, Convention.NONE, out, "FerrySemiJoinRule")
        .withRuleFactory(SemiJoinRule::new)
        .toRule(SemiJoinRule.class);
  }

  @Override public @Nullable RelNode convert(RelNode rel) {
    LogicalJoin join = (LogicalJoin) rel;
    RelTraitSet traits = join.getTraitSet().replace(getOutTrait());
    try {
      return new JdbcRules.JdbcJoin(join.getCluster(), traits,
          convert(join.getLeft(), join.getLeft().getTraitSet().replace(getOutTrait())),
          convert(join.getRight(), join.getRight().getTraitSet().replace(getOutTrait())),
          join.getCondition(), join.getVariablesSet(), join.getJoinType());
    } catch (InvalidRelException e) {
      return null;
    }
  }
}
