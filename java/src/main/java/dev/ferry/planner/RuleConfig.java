package dev.ferry.planner;

import java.util.function.Function;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.tools.RelBuilderFactory;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The configuration of one of Ferry's rules, written by hand: Calcite's own rules generate
 * theirs with an annotation processor Ferry's build does not run.
 *
 * @param relBuilderFactory how the rule builds relational expressions
 * @param description the rule's name in plans and traces
 * @param operandSupplier what the rule matches
 * @param factory makes the rule from this configuration
 */
record RuleConfig(RelBuilderFactory relBuilderFactory, @Nullable String description,
    RelRule.OperandTransform operandSupplier, Function<RuleConfig, RelOptRule> factory)
    implements RelRule.Config {

  @Override public RelOptRule toRule() {
    return factory.apply(this);
  }

  @Override public RuleConfig withRelBuilderFactory(RelBuilderFactory f) {
    return new RuleConfig(f, description, operandSupplier, factory);
  }

  @Override public RuleConfig withDescription(@Nullable String d) {
    return new RuleConfig(relBuilderFactory, d, operandSupplier, factory);
  }

  @Override public RuleConfig withOperandSupplier(RelRule.OperandTransform t) {
    return new RuleConfig(relBuilderFactory, description, t, factory);
  }
}
