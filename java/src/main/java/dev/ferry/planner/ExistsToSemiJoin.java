package dev.ferry.planner;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelHomogeneousShuttle;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.CorrelationId;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.core.RelFactories;
import org.apache.calcite.rel.logical.LogicalFilter;
import org.apache.calcite.rel.logical.LogicalJoin;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexCorrelVariable;
import org.apache.calcite.rex.RexFieldAccess;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexSubQuery;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.rex.RexVisitorImpl;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.tools.RelBuilder;
import org.apache.calcite.util.ImmutableBitSet;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Turns a correlated {@code [NOT] EXISTS} in a {@code WHERE} into a semi- (anti-) join whose
 * condition is the subquery's, placed on the one table of the {@code FROM} list the
 * correlation refers to.
 *
 * <p>Calcite removes such a subquery by joining it to every distinct value of the outer row it
 * refers to; when the correlation is not only equalities ({@code l2.l_suppkey <> l1.l_suppkey}
 * in TPC-H Q21) those values come from running the whole outer join once more, per subquery:
 * Q21's PostgreSQL statement joining lineitem and orders ran four times, and the lookups of the
 * other lineitems were Calcite's own joins. As a semi-join on that one table, {@code l1}, the
 * lookups stay in the database that holds both sides (see {@link SemiJoinRule}), as
 * {@code EXISTS} there. Only the shape this is exact for is rewritten: the conjunct is the
 * subquery or its negation; the subquery is a filter (under projections, which an {@code EXISTS}
 * ignores) over an input that is not correlated; the correlation is to fields of the filter's
 * input through inner joins only; and it is not only equalities of outer columns to the
 * subquery's, which Calcite removes well (a join on those keys). Anything else is left to
 * Calcite.
 */
final class ExistsToSemiJoin {
  private ExistsToSemiJoin() {}

  /** {@code root} with every such {@code [NOT] EXISTS} rewritten. */
  static RelNode rewrite(RelNode root) {
    return root.accept(new RelHomogeneousShuttle() {
      @Override public RelNode visit(RelNode other) {
        RelNode visited = super.visit(other);
        return visited instanceof LogicalFilter f ? rewriteFilter(f) : visited;
      }
    });
  }

  private static RelNode rewriteFilter(LogicalFilter filter) {
    List<RexNode> kept = new ArrayList<>();
    RelNode input = filter.getInput();
    for (RexNode conjunct : RelOptUtil.conjunctions(filter.getCondition())) {
      RelNode joined = semiJoin(filter, input, conjunct);
      if (joined == null) {
        kept.add(conjunct);
      } else {
        input = joined;
      }
    }
    if (input == filter.getInput()) {
      return filter;
    }
    RelBuilder b = RelFactories.LOGICAL_BUILDER.create(filter.getCluster(), null);
    b.push(input);
    Set<CorrelationId> vars = RexUtil.SubQueryFinder.find(kept) == null ? Set.of()
        : filter.getVariablesSet();
    return b.filter(vars, kept).build();
  }

  /** {@code input} with {@code conjunct} as a semi- or anti-join, or null when it is not one. */
  private static @Nullable RelNode semiJoin(Filter filter, RelNode input, RexNode conjunct) {
    boolean anti = conjunct.getKind() == SqlKind.NOT;
    RexNode e = anti ? ((RexCall) conjunct).getOperands().get(0) : conjunct;
    if (!(e instanceof RexSubQuery sub) || sub.getKind() != SqlKind.EXISTS) {
      return null;
    }
    RelNode rel = sub.rel;
    while (rel instanceof Project p
        && p.getProjects().stream().noneMatch(RexUtil::containsCorrelation)) {
      rel = p.getInput();
    }
    if (!(rel instanceof Filter inner) || !RelOptUtil.getVariablesUsed(inner.getInput()).isEmpty()
        || RexUtil.SubQueryFinder.find(List.of(inner.getCondition())) != null) {
      return null;
    }
    Correlation corr = Correlation.of(inner.getCondition());
    if (corr == null || !filter.getVariablesSet().contains(corr.id)
        || !sameColumns(corr.row, filter.getInput().getRowType())) {
      return null;
    }
    List<RexNode> correlated = new ArrayList<>();
    List<RexNode> local = new ArrayList<>();
    for (RexNode c : RelOptUtil.conjunctions(inner.getCondition())) {
      (RexUtil.containsCorrelation(c) ? correlated : local).add(c);
    }
    if (correlated.stream().allMatch(ExistsToSemiJoin::keyEquality)) {
      return null;
    }
    RelBuilder b = RelFactories.LOGICAL_BUILDER.create(filter.getCluster(), null);
    RelNode lookup = b.push(inner.getInput()).filter(local).build();
    RexNode on = RexUtil.composeConjunction(filter.getCluster().getRexBuilder(), correlated);
    return place(input, 0, corr.fields, on, lookup, anti ? JoinRelType.ANTI : JoinRelType.SEMI);
  }

  /**
   * Whether {@code c} is an outer column equal to an expression of the subquery's own columns,
   * which Calcite's decorrelation turns into a join on keys without repeating the outer query.
   */
  private static boolean keyEquality(RexNode c) {
    if (c.getKind() != SqlKind.EQUALS) {
      return false;
    }
    List<RexNode> sides = ((RexCall) c).getOperands();
    for (int i = 0; i < 2; i++) {
      if (RexUtil.removeCast(sides.get(i)) instanceof RexFieldAccess a
          && a.getReferenceExpr() instanceof RexCorrelVariable
          && !RexUtil.containsCorrelation(sides.get(1 - i))) {
        return true;
      }
    }
    return false;
  }

  /**
   * {@code node} (whose first field is the outer row's field {@code offset}) with the semi-join
   * on the deepest input that holds every correlated field, through inner joins.
   */
  private static RelNode place(RelNode node, int offset, ImmutableBitSet fields, RexNode condition,
      RelNode right, JoinRelType type) {
    if (node instanceof Join j && j.getJoinType() == JoinRelType.INNER) {
      int leftCount = j.getLeft().getRowType().getFieldCount();
      if (fields.length() <= offset + leftCount) {
        RelNode left = place(j.getLeft(), offset, fields, condition, right, type);
        return j.copy(j.getTraitSet(), j.getCondition(), left, j.getRight(), j.getJoinType(),
            j.isSemiJoinDone());
      }
      if (fields.nextSetBit(0) >= offset + leftCount) {
        RelNode r = place(j.getRight(), offset + leftCount, fields, condition, right, type);
        return j.copy(j.getTraitSet(), j.getCondition(), j.getLeft(), r, j.getJoinType(),
            j.isSemiJoinDone());
      }
    }
    RexBuilder rex = node.getCluster().getRexBuilder();
    int leftCount = node.getRowType().getFieldCount();
    RexNode on = condition.accept(new RexShuttle() {
      @Override public RexNode visitInputRef(RexInputRef ref) {
        return rex.makeInputRef(ref.getType(), ref.getIndex() + leftCount);
      }

      @Override public RexNode visitFieldAccess(RexFieldAccess access) {
        if (access.getReferenceExpr() instanceof RexCorrelVariable) {
          int i = access.getField().getIndex() - offset;
          return rex.makeInputRef(node.getRowType().getFieldList().get(i).getType(), i);
        }
        return super.visitFieldAccess(access);
      }
    });
    return LogicalJoin.create(node, right, List.of(), on, Set.of(), type);
  }

  /**
   * Whether the correlation's row is the filter's input row: the same column types in the same
   * order (its names may differ: a join's duplicate names are made unique in its row only).
   */
  private static boolean sameColumns(RelDataType a, RelDataType b) {
    if (a.getFieldCount() != b.getFieldCount()) {
      return false;
    }
    for (int i = 0; i < a.getFieldCount(); i++) {
      if (a.getFieldList().get(i).getType().getSqlTypeName()
          != b.getFieldList().get(i).getType().getSqlTypeName()) {
        return false;
      }
    }
    return true;
  }

  /** The one correlation variable a condition uses, its row, and which of its fields. */
  private record Correlation(CorrelationId id, RelDataType row, ImmutableBitSet fields) {
    /** Null when the condition uses no correlation, several, or one other than by field. */
    static @Nullable Correlation of(RexNode condition) {
      Set<CorrelationId> ids = new HashSet<>();
      List<RelDataType> rows = new ArrayList<>();
      ImmutableBitSet.Builder fields = ImmutableBitSet.builder();
      boolean[] bare = {false};
      condition.accept(new RexVisitorImpl<Void>(true) {
        @Override public Void visitFieldAccess(RexFieldAccess access) {
          if (access.getReferenceExpr() instanceof RexCorrelVariable v) {
            ids.add(v.id);
            rows.add(v.getType());
            fields.set(access.getField().getIndex());
            return null;
          }
          return super.visitFieldAccess(access);
        }

        @Override public Void visitCorrelVariable(RexCorrelVariable v) {
          bare[0] = true;
          return null;
        }
      });
      if (ids.size() != 1 || bare[0]) {
        return null;
      }
      return new Correlation(ids.iterator().next(), rows.get(0), fields.build());
    }
  }
}
