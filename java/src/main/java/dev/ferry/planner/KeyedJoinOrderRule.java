package dev.ferry.planner;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.calcite.adapter.jdbc.FerryJdbcTable;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.core.RelFactories;
import org.apache.calcite.rel.metadata.RelMdUtil;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rel.rules.MultiJoin;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.tools.RelBuilder;
import org.apache.calcite.util.ImmutableBitSet;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Orders the inputs of a flattened inner join (after {@link ColocatedJoinRule} grouped each
 * database's tables) by {@link JoinOrderSearch}, which knows the tables' keys, and builds that
 * left-deep join tree; joins of more inputs than it searches are left to Calcite's
 * {@code LoptOptimizeJoinRule}.
 *
 * <p>Calcite's rule prices joins at 15% of the cross product per equality and breaks ties by
 * the order it met the inputs: TPC-H Q5 joined its Asian customers (MariaDB) to the suppliers
 * (SQLite) on the nation first, 12 million rows at SF 1, instead of sending the customers' keys
 * to orders ⋈ lineitem in PostgreSQL, and read 910,519 lineitem rows where 184,082 join.
 */
final class KeyedJoinOrderRule extends RelRule<RuleConfig> {
  /** The rule. */
  static final KeyedJoinOrderRule INSTANCE = new KeyedJoinOrderRule(new RuleConfig(
      RelFactories.LOGICAL_BUILDER, "FerryKeyedJoinOrderRule",
      b -> b.operand(MultiJoin.class).anyInputs(), c -> new KeyedJoinOrderRule(c)));

  private KeyedJoinOrderRule(RuleConfig config) {
    super(config);
  }

  @Override public void onMatch(RelOptRuleCall call) {
    MultiJoin join = call.rel(0);
    List<RelNode> inputs = join.getInputs();
    int n = inputs.size();
    if (!FerryJdbcTable.PLAN_WITH_KEYS || n < 2 || n > JoinOrderSearch.MAX_INPUTS
        || !ColocatedJoinRule.plainInner(join)) {
      return;
    }
    int[] offsets = JoinKeys.offsets(inputs);
    List<RexNode> conjuncts = RelOptUtil.conjunctions(join.getJoinFilter());
    MultiJoinInputs facts = new MultiJoinInputs(join, offsets, conjuncts, call.getMetadataQuery());
    int[] order = JoinOrderSearch.cheapest(facts);
    if (order.length != n) {
      return;
    }
    call.transformTo(build(call.builder(), join, order, offsets, conjuncts, facts.uses()));
  }

  /** The left-deep join of {@code join}'s inputs in {@code order}, fields in their old order. */
  private static RelNode build(RelBuilder builder, MultiJoin join, int[] order, int[] offsets,
      List<RexNode> conjuncts, List<ImmutableBitSet> uses) {
    RexBuilder rex = join.getCluster().getRexBuilder();
    int n = order.length;
    int[] position = new int[offsets[n]];
    boolean[] applied = new boolean[conjuncts.size()];
    ImmutableBitSet placed = ImmutableBitSet.of();
    int width = 0;
    for (int m : order) {
      for (int f = offsets[m]; f < offsets[m + 1]; f++) {
        position[f] = width++;
      }
      placed = placed.set(m);
      List<RexNode> on = new ArrayList<>();
      for (int c = 0; c < conjuncts.size(); c++) {
        if (!applied[c] && placed.contains(uses.get(c))) {
          applied[c] = true;
          on.add(ColocatedJoinRule.remap(conjuncts.get(c), position, rex));
        }
      }
      builder.push(join.getInputs().get(m));
      if (placed.cardinality() > 1) {
        builder.join(JoinRelType.INNER, on);
      } else if (!on.isEmpty()) {
        builder.filter(on);
      }
    }
    List<RexNode> back = new ArrayList<>();
    for (int f = 0; f < offsets[n]; f++) {
      back.add(builder.field(position[f]));
    }
    return builder.project(back, join.getRowType().getFieldNames(), true).build();
  }

  /** A flattened join's inputs and conditions, as the search sees them, asked of Calcite. */
  private static final class MultiJoinInputs implements JoinOrderSearch.Inputs {
    private final MultiJoin join;
    private final int[] offsets;
    private final List<RexNode> conjuncts;
    private final List<ImmutableBitSet> uses = new ArrayList<>();
    private final RelMetadataQuery mq;
    private final Map<String, Double> keys = new HashMap<>();

    MultiJoinInputs(MultiJoin join, int[] offsets, List<RexNode> conjuncts,
        RelMetadataQuery mq) {
      this.join = join;
      this.offsets = offsets;
      this.conjuncts = conjuncts;
      this.mq = mq;
      for (RexNode c : conjuncts) {
        uses.add(ColocatedJoinRule.inputsUsed(c, offsets));
      }
    }

    @Override public int count() {
      return join.getInputs().size();
    }

    @Override public double rows(int i) {
      Double r = mq.getRowCount(join.getInputs().get(i));
      return r == null || r.isNaN() ? 100 : Math.max(1, r);
    }

    @Override public List<ImmutableBitSet> uses() {
      return uses;
    }

    @Override public JoinOrderSearch.@Nullable Equality equality(int c) {
      int[] fields = JoinKeys.equality(conjuncts.get(c));
      if (fields == null) {
        return null;
      }
      int a = fields[0];
      int b = fields[1];
      int ia = JoinKeys.inputOf(a, offsets);
      int ib = JoinKeys.inputOf(b, offsets);
      return ia == ib ? null
          : new JoinOrderSearch.Equality(ia, a - offsets[ia], ib, b - offsets[ib]);
    }

    @Override public double keyTableRows(int i, int column) {
      return keys.computeIfAbsent(i + ":" + column,
          k -> KeyAwareRowCount.keyTableRows(mq, join.getInputs().get(i), column));
    }

    @Override public double guess(List<Integer> conditions) {
      List<RexNode> picked = new ArrayList<>();
      conditions.forEach(c -> picked.add(conjuncts.get(c)));
      return RelMdUtil.guessSelectivity(RexUtil.composeConjunction(
          join.getCluster().getRexBuilder(), picked));
    }
  }
}
