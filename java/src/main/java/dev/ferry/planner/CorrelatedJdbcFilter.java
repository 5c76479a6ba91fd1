package dev.ferry.planner;

import java.util.Set;
import org.apache.calcite.adapter.jdbc.JdbcRules;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.CorrelationId;
import org.apache.calcite.rex.RexNode;

/**
 * A filter a database runs whose condition holds a subquery correlated to the filter's rows
 * through {@link #getVariablesSet() its variable}: Calcite's SQL writer then qualifies the outer
 * columns the subquery uses with the outer query's alias.
 */
final class CorrelatedJdbcFilter extends JdbcRules.JdbcFilter {
  private final Set<CorrelationId> variables;

  /** {@code input} filtered by {@code condition}, whose subquery refers to {@code variables}. */
  CorrelatedJdbcFilter(RelOptCluster cluster, RelTraitSet traits, RelNode input,
      RexNode condition, Set<CorrelationId> variables) {
    super(cluster, traits, input, condition);
    this.variables = Set.copyOf(variables);
  }

  @Override public Set<CorrelationId> getVariablesSet() {
    return variables;
  }

  @Override public CorrelatedJdbcFilter copy(RelTraitSet traits, RelNode input,
      RexNode condition) {
    return new CorrelatedJdbcFilter(getCluster(), traits, input, condition, variables);
  }
}
