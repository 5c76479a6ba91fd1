package dev.ferry.planner;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.metadata.BuiltInMetadata;
import org.apache.calcite.rel.metadata.ChainedRelMetadataProvider;
import org.apache.calcite.rel.metadata.DefaultRelMetadataProvider;
import org.apache.calcite.rel.metadata.ReflectiveRelMetadataProvider;
import org.apache.calcite.rel.metadata.RelColumnOrigin;
import org.apache.calcite.rel.metadata.RelMdRowCount;
import org.apache.calcite.rel.metadata.RelMdUtil;
import org.apache.calcite.rel.metadata.RelMetadataProvider;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.util.ImmutableBitSet;
import org.apache.calcite.util.ImmutableIntList;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Row estimates of inner equi-joins that use the tables' primary keys, in place of Calcite's
 * fixed guess of 15% of the cross product per equality: the costs the planner compares and the
 * sizes a {@link BindJoin} is chosen by.
 *
 * <p>A join on a column that is a table K's primary key (in whatever filtered or joined form
 * that side holds it) is estimated as a join along a foreign key, |L| × |R| / |K|, as
 * {@link JoinOrderSearch} orders joins; a join on no key is |L| × |R| / max(distinct keys of L,
 * of R) when Calcite knows a distinct count, else Calcite's guess. Conditions besides the key
 * equalities apply Calcite's guessed selectivity on top. Semi- and anti-joins keep a share of
 * their left input (see {@link #semiJoinRows}); outer joins are Calcite's.
 * {@code FERRY_PLAN_KEYS=0} turns this off (and the tables' keys, and the search), to compare
 * plans with and without ({@code FerryJdbcTable.PLAN_WITH_KEYS}).
 */
final class KeyAwareRowCount extends RelMdRowCount {
  /** The least share of its left input a semi- or anti-join is estimated to keep. */
  private static final double MIN_KEPT = 0.1;

  private static final RelMetadataProvider SOURCE = ReflectiveRelMetadataProvider.reflectiveSource(
      new KeyAwareRowCount(), BuiltInMetadata.RowCount.Handler.class);

  /**
   * Calcite's metadata with these join estimates in front; one instance, so the handlers
   * Calcite generates for it are compiled once per JVM.
   */
  static final RelMetadataProvider PROVIDER = ChainedRelMetadataProvider.of(
      List.of(SOURCE, DefaultRelMetadataProvider.INSTANCE));

  private KeyAwareRowCount() {
  }

  @Override public @Nullable Double getRowCount(Join rel, RelMetadataQuery mq) {
    if (rel.getJoinType() == JoinRelType.SEMI || rel.getJoinType() == JoinRelType.ANTI) {
      return semiJoinRows(rel, mq);
    }
    if (rel.getJoinType() != JoinRelType.INNER) {
      return super.getRowCount(rel, mq);
    }
    Keys info = keys(rel);
    if (info.left().isEmpty()) {
      return super.getRowCount(rel, mq);
    }
    Double left = mq.getRowCount(rel.getLeft());
    Double right = mq.getRowCount(rel.getRight());
    if (left == null || right == null) {
      return super.getRowCount(rel, mq);
    }
    double rest = RelMdUtil.guessSelectivity(info.rest());
    double table = -1;
    for (int k = 0; k < info.left().size(); k++) {
      table = Math.max(table, Math.max(keyTableRows(mq, rel.getLeft(), info.left().get(k)),
          keyTableRows(mq, rel.getRight(), info.right().get(k))));
    }
    if (table > 0) {
      return Math.max(1, left * right / table * rest);
    }
    Double leftKeys = mq.getDistinctRowCount(rel.getLeft(), ImmutableBitSet.of(info.left()),
        null);
    Double rightKeys = mq.getDistinctRowCount(rel.getRight(), ImmutableBitSet.of(info.right()),
        null);
    if (leftKeys == null && rightKeys == null) {
      return super.getRowCount(rel, mq);
    }
    double keys = Math.max(leftKeys == null ? 1 : leftKeys, rightKeys == null ? 1 : rightKeys);
    return Math.max(1, left * right / Math.max(1, keys) * rest);
  }

  /**
   * The rows a semi- or anti-join keeps of its left input: the share of left rows whose keys
   * the right side has (Calcite's estimate from distinct keys) times Calcite's guess for the rest
   * of the condition, or the other rows for an anti-join; never under {@link #MIN_KEPT} of them.
   * Calcite's own estimate ignores the rest of the condition, so an anti-join on keys both sides
   * share came out at one row (TPC-H Q21's {@code NOT EXISTS} of another late supplier on the
   * same order, where the order is always there but the other supplier seldom), and the join
   * order then put that side first instead of sending it the few suppliers' keys.
   */
  private static @Nullable Double semiJoinRows(Join rel, RelMetadataQuery mq) {
    Double left = mq.getRowCount(rel.getLeft());
    if (left == null) {
      return null;
    }
    Keys info = keys(rel);
    double keyed = 1;
    if (!info.left().isEmpty()) {
      double s = RelMdUtil.computeSemiJoinSelectivity(mq, rel.getLeft(), rel.getRight(),
          info.left(), info.right());
      keyed = Double.isNaN(s) ? 1 : Math.min(1, s);
    }
    double matched = keyed * RelMdUtil.guessSelectivity(info.rest());
    double kept = rel.getJoinType() == JoinRelType.SEMI ? matched : 1 - matched;
    return Math.max(1, left * Math.max(MIN_KEPT, kept));
  }

  /**
   * The join's key equalities, a column cast to another integer type counting as the column
   * (joins across engines compare INT with BIGINT through a cast until the casts are pushed
   * below the join, after the join order is chosen; {@link JoinKeys#equality}); the rest of the
   * condition is the remainder.
   */
  static Keys keys(Join rel) {
    int leftCount = rel.getLeft().getRowType().getFieldCount();
    List<Integer> leftKeys = new ArrayList<>();
    List<Integer> rightKeys = new ArrayList<>();
    List<RexNode> rest = new ArrayList<>();
    for (RexNode c : RelOptUtil.conjunctions(rel.getCondition())) {
      int[] fields = JoinKeys.equality(c);
      if (fields != null && (fields[0] < leftCount) != (fields[1] < leftCount)) {
        leftKeys.add(Math.min(fields[0], fields[1]));
        rightKeys.add(Math.max(fields[0], fields[1]) - leftCount);
      } else {
        rest.add(c);
      }
    }
    return new Keys(ImmutableIntList.copyOf(leftKeys), ImmutableIntList.copyOf(rightKeys),
        RexUtil.composeConjunction(rel.getCluster().getRexBuilder(), rest));
  }

  /**
   * A join's key equalities, column {@code left[i]} of its left input equal to column
   * {@code right[i]} of its right one, and the rest of its condition.
   */
  record Keys(ImmutableIntList left, ImmutableIntList right, RexNode rest) {}

  /**
   * The rows of the table whose primary key column {@code column} of {@code input} is (the
   * column itself, not an expression of it); else, when the column is unique in {@code input}
   * (an aggregate's group, as TPC-H Q17's average per part), {@code input}'s rows; else -1.
   */
  static double keyTableRows(RelMetadataQuery mq, RelNode input, int column) {
    RelColumnOrigin origin = mq.getColumnOrigin(input, column);
    if (origin != null && !origin.isDerived() && origin.getOriginTable()
        .isKey(ImmutableBitSet.of(origin.getOriginColumnOrdinal()))) {
      return Math.max(1, origin.getOriginTable().getRowCount());
    }
    if (Boolean.TRUE.equals(mq.areColumnsUnique(input, ImmutableBitSet.of(column)))) {
      Double rows = mq.getRowCount(input);
      return rows == null || rows.isNaN() ? -1 : Math.max(1, rows);
    }
    return -1;
  }
}
