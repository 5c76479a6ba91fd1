package dev.ferry.planner;

import com.google.common.collect.ImmutableMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.calcite.adapter.jdbc.JdbcConvention;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.core.RelFactories;
import org.apache.calcite.rel.rules.MultiJoin;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.tools.RelBuilder;
import org.apache.calcite.util.ImmutableBitSet;
import org.apache.calcite.util.ImmutableIntList;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Groups the inputs of an inner {@link MultiJoin} that live in one database and are joined to
 * each other into one join, so that database runs it as one query before the joins across
 * databases are ordered.
 *
 * <p>Ordered by row counts alone, TPC-H Q3 joins the filtered customers (MariaDB) to orders
 * first, then to lineitem: orders and lineitem, both in PostgreSQL, are never joined there and
 * a hundred times more lineitem rows cross the wire than the pushed join returns. The grouped
 * inputs are joined in an order where each joins what came before (the database orders them
 * again itself); the {@code MultiJoin} left over has one input per group and is ordered next by
 * Calcite's {@code LoptOptimizeJoinRule}. Outer joins are left as they are.
 */
final class ColocatedJoinRule extends RelRule<RuleConfig> {
  /** The rule. */
  static final ColocatedJoinRule INSTANCE = new ColocatedJoinRule(new RuleConfig(
      RelFactories.LOGICAL_BUILDER, "ColocatedJoinRule",
      b -> b.operand(MultiJoin.class).anyInputs(), c -> new ColocatedJoinRule(c)));

  private ColocatedJoinRule(RuleConfig config) {
    super(config);
  }

  @Override public void onMatch(RelOptRuleCall call) {
    MultiJoin join = call.rel(0);
    List<RelNode> inputs = join.getInputs();
    int n = inputs.size();
    if (n < 3 || !plainInner(join)) {
      return;
    }
    int[] offsets = JoinKeys.offsets(inputs);
    JdbcConvention[] sources = new JdbcConvention[n];
    for (int i = 0; i < n; i++) {
      sources[i] = JoinSources.of(inputs.get(i));
    }
    RexBuilder rex = join.getCluster().getRexBuilder();
    List<RexNode> conjuncts = new ArrayList<>(RelOptUtil.conjunctions(join.getJoinFilter()));
    int given = conjuncts.size();
    conjuncts.addAll(JoinKeys.implied(conjuncts, offsets, sources, join.getRowType(), rex));
    List<ImmutableBitSet> uses = new ArrayList<>();
    int[] group = new int[n];
    for (int i = 0; i < n; i++) {
      group[i] = i;
    }
    for (RexNode c : conjuncts) {
      ImmutableBitSet used = inputsUsed(c, offsets);
      uses.add(used);
      if (used.cardinality() >= 2 && sameSource(used, sources)) {
        int first = used.nth(0);
        for (int i : used) {
          union(group, first, i);
        }
      }
    }
    Map<Integer, List<Integer>> groups = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      groups.computeIfAbsent(JoinKeys.find(group, i), k -> new ArrayList<>()).add(i);
    }
    if (groups.size() == n || groups.size() == 1) {
      return;
    }
    RelBuilder builder = call.builder();
    boolean[] usedConjunct = new boolean[conjuncts.size()];
    int[] newPosition = new int[offsets[n]];
    List<RelNode> newInputs = new ArrayList<>();
    int newOffset = 0;
    for (List<Integer> members : groups.values()) {
      List<Integer> order = joinOrder(members, uses);
      int[] local = new int[offsets[n]];
      int width = 0;
      List<Integer> placed = new ArrayList<>();
      for (int m : order) {
        for (int f = offsets[m]; f < offsets[m + 1]; f++) {
          local[f] = width++;
          newPosition[f] = newOffset + local[f];
        }
        builder.push(inputs.get(m));
        placed.add(m);
        if (placed.size() > 1) {
          List<RexNode> on = new ArrayList<>();
          ImmutableBitSet here = ImmutableBitSet.of(placed);
          for (int c = 0; c < conjuncts.size(); c++) {
            if (!usedConjunct[c] && here.contains(uses.get(c)) && uses.get(c).get(m)) {
              usedConjunct[c] = true;
              on.add(remap(conjuncts.get(c), local, rex));
            }
          }
          builder.join(JoinRelType.INNER, on);
        }
      }
      RelNode built = builder.build();
      newInputs.add(built);
      newOffset += built.getRowType().getFieldCount();
    }
    List<RexNode> rest = new ArrayList<>();
    for (int c = 0; c < given; c++) {
      if (!usedConjunct[c]) {
        rest.add(remap(conjuncts.get(c), newPosition, rex));
      }
    }
    RexNode filter = RexUtil.composeConjunction(rex, rest);
    RelDataTypeFactory types = join.getCluster().getTypeFactory();
    RelDataTypeFactory.Builder rowType = types.builder();
    List<ImmutableIntList> refCounts = new ArrayList<>();
    int[] counts = new int[newOffset];
    for (RexNode r : rest) {
      r.accept(new RexShuttle() {
        @Override public RexNode visitInputRef(RexInputRef ref) {
          counts[ref.getIndex()]++;
          return ref;
        }
      });
    }
    int at = 0;
    for (RelNode input : newInputs) {
      int width = input.getRowType().getFieldCount();
      input.getRowType().getFieldList().forEach(f -> rowType.add("f" + rowType.getFieldCount(),
          f.getType()));
      int[] mine = new int[width];
      System.arraycopy(counts, at, mine, 0, width);
      refCounts.add(ImmutableIntList.of(mine));
      at += width;
    }
    ImmutableMap.Builder<Integer, ImmutableIntList> refMap = ImmutableMap.builder();
    for (int i = 0; i < refCounts.size(); i++) {
      refMap.put(i, refCounts.get(i));
    }
    int k = newInputs.size();
    MultiJoin grouped = new MultiJoin(join.getCluster(), newInputs, filter, rowType.build(), false,
        Collections.nCopies(k, null), Collections.nCopies(k, JoinRelType.INNER),
        Collections.nCopies(k, null), refMap.build(), null);
    List<RexNode> back = new ArrayList<>();
    RelDataType newType = grouped.getRowType();
    for (int f = 0; f < offsets[n]; f++) {
      back.add(rex.makeInputRef(newType.getFieldList().get(newPosition[f]).getType(),
          newPosition[f]));
    }
    call.transformTo(builder.push(grouped)
        .project(back, join.getRowType().getFieldNames(), true).build());
  }

  /** Only plain inner joins are regrouped: outer joins keep the order the query gave them. */
  static boolean plainInner(MultiJoin join) {
    if (join.isFullOuterJoin() || join.getPostJoinFilter() != null) {
      return false;
    }
    for (int i = 0; i < join.getInputs().size(); i++) {
      if (join.getJoinTypes().get(i) != JoinRelType.INNER || join.getProjFields().get(i) != null
          || join.getOuterJoinConditions().get(i) != null) {
        return false;
      }
    }
    return true;
  }

  /** An order of {@code members} in which each joins one placed before it, where possible. */
  private static List<Integer> joinOrder(List<Integer> members, List<ImmutableBitSet> uses) {
    List<Integer> order = new ArrayList<>();
    List<Integer> left = new ArrayList<>(members);
    order.add(left.remove(0));
    while (!left.isEmpty()) {
      int pick = 0;
      search:
      for (int i = 0; i < left.size(); i++) {
        for (ImmutableBitSet u : uses) {
          if (u.get(left.get(i)) && u.cardinality() >= 2) {
            ImmutableBitSet others = u.clear(left.get(i));
            if (ImmutableBitSet.of(order).contains(others)) {
              pick = i;
              break search;
            }
          }
        }
      }
      order.add(left.remove(pick));
    }
    return order;
  }

  /** The inputs (by index) whose fields {@code c} uses; {@code offsets} as in JoinKeys. */
  static ImmutableBitSet inputsUsed(RexNode c, int[] offsets) {
    ImmutableBitSet.Builder b = ImmutableBitSet.builder();
    for (int field : RelOptUtil.InputFinder.bits(c)) {
      b.set(JoinKeys.inputOf(field, offsets));
    }
    return b.build();
  }

  private static boolean sameSource(ImmutableBitSet used, @Nullable JdbcConvention[] sources) {
    return JoinKeys.sameSource(sources, used.toArray());
  }

  /** {@code c} with each field {@code i} read from {@code position[i]}. */
  static RexNode remap(RexNode c, int[] position, RexBuilder rex) {
    return c.accept(new RexShuttle() {
      @Override public RexNode visitInputRef(RexInputRef ref) {
        return rex.makeInputRef(ref.getType(), position[ref.getIndex()]);
      }
    });
  }

  private static void union(int[] parent, int a, int b) {
    parent[JoinKeys.find(parent, a)] = JoinKeys.find(parent, b);
  }
}
