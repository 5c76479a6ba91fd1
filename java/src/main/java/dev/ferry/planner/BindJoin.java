package dev.ferry.planner;

import static java.util.Objects.requireNonNull;

import dev.ferry.error.FerryFailure;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.adapter.enumerable.EnumerableRelImplementor;
import org.apache.calcite.adapter.enumerable.JavaRowFormat;
import org.apache.calcite.adapter.enumerable.PhysType;
import org.apache.calcite.adapter.enumerable.PhysTypeImpl;
import org.apache.calcite.adapter.enumerable.RexToLixTranslator;
import org.apache.calcite.linq4j.function.Predicate1;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexProgramBuilder;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.adapter.jdbc.JdbcConvention;
import org.apache.calcite.adapter.jdbc.JdbcRules;
import org.apache.calcite.adapter.jdbc.JdbcToEnumerableConverter;
import org.apache.calcite.linq4j.function.Function1;
import org.apache.calcite.linq4j.tree.BlockBuilder;
import org.apache.calcite.linq4j.tree.BlockStatement;
import org.apache.calcite.linq4j.tree.ConstantExpression;
import org.apache.calcite.linq4j.tree.DeclarationStatement;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.linq4j.tree.MethodCallExpression;
import org.apache.calcite.linq4j.tree.ParameterExpression;
import org.apache.calcite.linq4j.tree.Shuttle;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptCost;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.util.Util;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * An inner join whose big side, a query one database runs, is asked only for the rows that
 * match the small side's keys ({@code key IN (…)}, a batch of keys per statement), instead of
 * being read whole into Calcite's engine.
 *
 * <p>Its keys are the equalities of its condition between integer columns of one SQL type
 * ({@link Keys}): other types compare by rules Ferry keeps in SQL (CHAR padding, exact text), so
 * those equalities, and any other condition, are checked on each joined row as Calcite's own
 * code evaluates them. Each key's big-side column gets an {@code IN} list; all keys are checked
 * again when the rows are joined ({@link BindJoinExecution}, which also decides at run time how
 * the keys are sent). The big side is a JDBC subtree of one database; the plan shows it below
 * this operator, and its SQL in an explanation holds a {@link BindKeys#PLACEHOLDER} per key.
 */
public final class BindJoin extends Join implements EnumerableRel {
  /** Most keys one statement sends when {@code FERRY_BIND_JOIN_KEYS} does not say. */
  public static final int DEFAULT_BATCH_KEYS = 50_000;

  private static final Set<SqlTypeName> INTEGERS = Set.of(SqlTypeName.TINYINT,
      SqlTypeName.SMALLINT, SqlTypeName.INTEGER, SqlTypeName.BIGINT);

  private final int bigInput;
  /** Its key equalities, found once (the planner costs a node many times); null when none. */
  private final @Nullable Keys keys;

  BindJoin(RelOptCluster cluster, RelTraitSet traits, RelNode left, RelNode right,
      RexNode condition, JoinRelType joinType, int bigInput) {
    super(cluster, traits, List.of(), left, right, condition, Set.of(), joinType);
    this.bigInput = bigInput;
    this.keys = Keys.of(left, right, condition);
  }

  /**
   * The most keys one statement sends: {@code FERRY_BIND_JOIN_KEYS} (0 turns bind joins off),
   * else {@link #DEFAULT_BATCH_KEYS}.
   */
  static int batchKeys(Map<String, String> env) {
    String raw = env.get("FERRY_BIND_JOIN_KEYS");
    if (raw == null || raw.isBlank()) {
      return DEFAULT_BATCH_KEYS;
    }
    try {
      int keys = Integer.parseInt(raw.trim());
      if (keys >= 0) {
        return keys;
      }
    } catch (NumberFormatException ignored) {
      // Answered below.
    }
    throw FerryFailure.of("CONFIG_INVALID", "FERRY_BIND_JOIN_KEYS must be a whole number of keys"
        + " per statement, 0 to turn bind joins off (got '" + raw + "'); unset it for the default"
        + " of " + DEFAULT_BATCH_KEYS);
  }

  /** Which input (0 left, 1 right) is the big side the keys are sent to. */
  public int bigInput() {
    return bigInput;
  }

  @Override public Join copy(RelTraitSet traitSet, RexNode conditionExpr, RelNode left,
      RelNode right, JoinRelType joinType, boolean semiJoinDone) {
    return new BindJoin(getCluster(), traitSet, left, right, conditionExpr, joinType, bigInput);
  }

  @Override public RelWriter explainTerms(RelWriter pw) {
    return super.explainTerms(pw).item("keysTo", bigInput == 0 ? "left" : "right");
  }

  /**
   * Half what Calcite's hash join costs over the same inputs, so the planner takes it over
   * reading the big side whole, and still prefers inputs filtered in their database; infinite
   * when a rule rewrote the condition into one this operator cannot run.
   */
  @Override public @Nullable RelOptCost computeSelfCost(RelOptPlanner planner,
      RelMetadataQuery mq) {
    if (!runnable()) {
      return planner.getCostFactory().makeInfiniteCost();
    }
    double small = mq.getRowCount(getInput(1 - bigInput));
    double rows = mq.getRowCount(this) + Util.nLogN(small) + mq.getRowCount(getInput(bigInput));
    return planner.getCostFactory().makeCost(rows, 0, 0).multiplyBy(0.5);
  }

  /**
   * Whether {@code sql} is a statement {@code template} (a bind join's big side, as an
   * explanation shows it) sent with keys: each placeholder replaced by a key list or by
   * {@code IS NOT NULL}.
   */
  public static boolean fills(String template, String sql) {
    return BindKeys.filled(template, sql);
  }

  /** Whether {@code sql} is the statement of a bind join's big side, with its placeholders. */
  public static boolean isTemplate(String sql) {
    return sql.contains(BindKeys.PLACEHOLDER);
  }

  /**
   * Whether this join can run: inner, with an integer key, its big side in a database's
   * convention and its small side in Calcite's engine (a rule that copies it may change any).
   */
  private boolean runnable() {
    return joinType == JoinRelType.INNER && keys != null
        && getInput(bigInput).getConvention() instanceof JdbcConvention
        && getInput(1 - bigInput).getConvention() == EnumerableConvention.INSTANCE;
  }

  @Override public Result implement(EnumerableRelImplementor implementor, Prefer pref) {
    Keys keys = requireNonNull(this.keys, "keys");
    List<Integer> bigKeys = bigInput == 0 ? keys.left() : keys.right();
    List<Integer> smallKeys = bigInput == 0 ? keys.right() : keys.left();
    BlockBuilder builder = new BlockBuilder();
    Expression small = null;
    Expression big = null;
    for (int i = 0; i < 2; i++) {
      if (i == bigInput) {
        big = builder.append("bigSide", bigSide(implementor, bigKeys));
      } else {
        Result r = implementor.visitChild(this, i, (EnumerableRel) getInput(i), Prefer.ARRAY);
        Expression rows = builder.append("smallSide", r.block);
        small = builder.append("smallRows", r.physType.convertTo(rows, JavaRowFormat.ARRAY));
      }
    }
    PhysType physType = PhysTypeImpl.of(implementor.getTypeFactory(), getRowType(),
        JavaRowFormat.ARRAY);
    builder.add(Expressions.return_(null, Expressions.call(BindJoinExecution.class, "join",
        small, big, ints(smallKeys), ints(bigKeys), Expressions.constant(bigInput == 1),
        Expressions.constant(batchKeys(System.getenv())),
        Expressions.constant(bigRows(getCluster().getMetadataQuery())),
        Expressions.constant(BindJoinExecution.MAX_SMALL_ROWS),
        residual(implementor, physType, keys.rest()))));
    return implementor.result(physType, builder.toBlock());
  }

  /**
   * The part of the condition that is not an integer key, as a predicate on a joined row, or
   * null when there is none.
   */
  private Expression residual(EnumerableRelImplementor implementor, PhysType physType,
      List<RexNode> rest) {
    if (rest.isEmpty()) {
      return Expressions.constant(null, Predicate1.class);
    }
    RexBuilder rex = getCluster().getRexBuilder();
    RexProgramBuilder program = new RexProgramBuilder(getRowType(), rex);
    program.addCondition(RexUtil.composeConjunction(rex, rest));
    ParameterExpression row = Expressions.parameter(Object[].class, "joined");
    BlockBuilder b = new BlockBuilder();
    b.add(Expressions.return_(null, RexToLixTranslator.translateCondition(program.getProgram(),
        implementor.getTypeFactory(), b, new RexToLixTranslator.InputGetterImpl(row, physType),
        name -> {
          throw new IllegalStateException("a bind join's condition has no correlation: " + name);
        }, implementor.getConformance())));
    return Expressions.lambda(Predicate1.class, b.toBlock(), row);
  }

  /** The planner's estimate of the big side's rows, or infinity when it has none. */
  private double bigRows(RelMetadataQuery mq) {
    Double rows = mq.getRowCount(getInput(bigInput));
    return rows == null || rows.isNaN() ? Double.POSITIVE_INFINITY : rows;
  }

  private static Expression ints(List<Integer> values) {
    List<Expression> out = new ArrayList<>();
    values.forEach(v -> out.add(Expressions.constant(v)));
    return Expressions.newArrayInit(int.class, out);
  }

  /**
   * The big side as a function from a batch's key list to its rows: Calcite's own code for a
   * JDBC subtree, over the subtree filtered by {@link BindKeys#IN_KEYS} on its key, with the
   * generated statement's placeholder replaced by the list each time it runs.
   */
  private Expression bigSide(EnumerableRelImplementor implementor, List<Integer> keyColumns) {
    RelNode input = getInput(bigInput);
    RexBuilder rex = getCluster().getRexBuilder();
    List<RexNode> inKeys = new ArrayList<>();
    for (int n = 0; n < keyColumns.size(); n++) {
      inKeys.add(rex.makeCall(BindKeys.IN_KEYS, rex.makeInputRef(input, keyColumns.get(n)),
          rex.makeExactLiteral(BigDecimal.valueOf(n))));
    }
    RelNode filtered = new JdbcRules.JdbcFilter(getCluster(), input.getTraitSet(), input,
        RexUtil.composeConjunction(rex, inKeys));
    EnumerableRel read = new Reader(getCluster(),
        input.getTraitSet().replace(EnumerableConvention.INSTANCE), filtered);
    Result r = read.implement(implementor, Prefer.ARRAY);
    ParameterExpression fill = Expressions.parameter(String[].class, "bindKeys");
    BlockStatement body = (BlockStatement) r.block.accept(new KeysInto(fill, keyColumns.size()));
    BlockBuilder inner = new BlockBuilder();
    Expression rows = inner.append("bigRows", body);
    inner.add(Expressions.return_(null, r.physType.convertTo(rows, JavaRowFormat.ARRAY)));
    return Expressions.lambda(Function1.class, inner.toBlock(), fill);
  }

  /**
   * A join condition split into its integer keys (equalities between integer columns of one SQL
   * type, one from each side) and the rest.
   *
   * @param left the key columns of the left input
   * @param right the matching key columns of the right input
   * @param rest the other conjuncts, on the joined row
   */
  record Keys(List<Integer> left, List<Integer> right, List<RexNode> rest) {
    /** {@code condition}'s keys, or null when it has no integer key. */
    static @Nullable Keys of(RelNode left, RelNode right, RexNode condition) {
      int leftCount = left.getRowType().getFieldCount();
      List<Integer> l = new ArrayList<>();
      List<Integer> r = new ArrayList<>();
      List<RexNode> rest = new ArrayList<>();
      for (RexNode c : RelOptUtil.conjunctions(condition)) {
        if (c instanceof RexCall call && call.getKind() == SqlKind.EQUALS
            && call.operands.get(0) instanceof RexInputRef a
            && call.operands.get(1) instanceof RexInputRef b
            && (a.getIndex() < leftCount) != (b.getIndex() < leftCount)
            && a.getType().getSqlTypeName() == b.getType().getSqlTypeName()
            && INTEGERS.contains(a.getType().getSqlTypeName())) {
          RexInputRef onLeft = a.getIndex() < leftCount ? a : b;
          RexInputRef onRight = onLeft == a ? b : a;
          l.add(onLeft.getIndex());
          r.add(onRight.getIndex() - leftCount);
        } else {
          rest.add(c);
        }
      }
      return l.isEmpty() ? null : new Keys(List.copyOf(l), List.copyOf(r), List.copyOf(rest));
    }
  }

  /** Calcite's reader of a JDBC subtree (its constructor is not public). */
  private static final class Reader extends JdbcToEnumerableConverter {
    Reader(RelOptCluster cluster, RelTraitSet traits, RelNode input) {
      super(cluster, traits, input);
    }
  }

  /** Replaces the generated statement by one with each statement's keys in its placeholders. */
  private static final class KeysInto extends Shuttle {
    private final ParameterExpression fill;
    private final int pairs;

    KeysInto(ParameterExpression fill, int pairs) {
      this.fill = fill;
      this.pairs = pairs;
    }

    private Expression sql(Expression e) {
      if (e instanceof ConstantExpression c && c.value instanceof String s
          && s.contains(BindKeys.PLACEHOLDER)) {
        return Expressions.call(BindJoinExecution.class, "statement",
            Expressions.constant(BindKeys.checked(s, pairs)), fill);
      }
      return e;
    }

    @Override public DeclarationStatement visit(DeclarationStatement d,
        @Nullable Expression initializer) {
      return Expressions.declare(d.modifiers, d.parameter,
          initializer == null ? null : sql(initializer));
    }

    @Override public Expression visit(MethodCallExpression call, @Nullable Expression target,
        List<Expression> args) {
      List<Expression> out = new ArrayList<>(args.size());
      args.forEach(a -> out.add(sql(a)));
      return super.visit(call, target, out);
    }
  }
}
