package dev.ferry.federation;

import dev.ferry.types.ExactText;
import dev.ferry.types.ExactTextDialect;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.calcite.adapter.enumerable.EnumerableCalc;
import org.apache.calcite.adapter.jdbc.JdbcConvention;
import org.apache.calcite.adapter.jdbc.JdbcRules;
import org.apache.calcite.adapter.jdbc.JdbcToEnumerableConverter;
import org.apache.calcite.plan.RelOptLattice;
import org.apache.calcite.plan.RelOptMaterialization;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.core.Calc;
import org.apache.calcite.rel.core.Sort;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexProgram;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.runtime.Hook;
import org.apache.calcite.sql.fun.SqlLibraryOperators;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;
import org.apache.calcite.tools.Program;
import org.apache.calcite.tools.Programs;
import org.apache.calcite.util.Holder;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The last step of planning: makes divisions, strings and CHAR(n) values mean the same whether
 * Calcite runs the work or a database does, so an answer does not depend on where a table lives.
 *
 * <ul>
 *   <li>Expressions are rewritten by {@link SemanticExpressions}: exact decimal division, and
 *       marked string comparisons for engines that need them.</li>
 *   <li>For an engine whose SQL dialect is an {@link ExactTextDialect}, the string columns a
 *       pushed ORDER BY sorts by, a GROUP BY or DISTINCT groups by, or an aggregate reads (MIN,
 *       MAX, COUNT(DISTINCT)) are marked {@link ExactText} in a projection below, so the engine
 *       sorts and groups them by their characters ('a' and 'A' stay apart).</li>
 *   <li>CHAR(n) values a database hands to Calcite are padded to n, as PostgreSQL gives them and
 *       MariaDB does not, so a join of CHAR keys across engines matches.</li>
 * </ul>
 */
final class SourceSemantics implements Program {
  private static final AtomicBoolean INSTALLED = new AtomicBoolean();
  private static final SourceSemantics INSTANCE = new SourceSemantics();

  private SourceSemantics() {}

  /**
   * Appends this step to the planner program of every statement prepared in this JVM (once):
   * to the program another handler of {@link Hook#PROGRAM} set before it, else Calcite's
   * standard one.
   */
  static void install() {
    if (INSTALLED.compareAndSet(false, true)) {
      Hook.PROGRAM.add((Holder<@Nullable Program> h) -> {
        Program before = h.get();
        h.set(Programs.sequence(before == null ? Programs.standard() : before, INSTANCE));
      });
    }
  }

  @Override public RelNode run(RelOptPlanner planner, RelNode rel, RelTraitSet requiredOutputTraits,
      List<RelOptMaterialization> materializations, List<RelOptLattice> lattices) {
    return rewrite(rel);
  }

  private static RelNode rewrite(RelNode rel) {
    List<RelNode> inputs = new ArrayList<>();
    boolean changed = false;
    for (RelNode in : rel.getInputs()) {
      RelNode r = rewrite(in);
      if (r instanceof JdbcToEnumerableConverter) {
        r = paddedChars(r);
      }
      inputs.add(r);
      changed |= r != in;
    }
    RelNode out = changed ? rel.copy(rel.getTraitSet(), inputs) : rel;
    boolean source = out.getConvention() instanceof JdbcConvention;
    ExactTextDialect exact = out.getConvention() instanceof JdbcConvention c
        && c.dialect instanceof ExactTextDialect d ? d : null;
    boolean marksOrder = exact != null && exact.marksOrder();
    if (marksOrder && out instanceof Sort sort) {
      List<Integer> keys = new ArrayList<>();
      sort.getCollation().getFieldCollations().forEach(f -> keys.add(f.getFieldIndex()));
      out = markInput(out, keys);
    } else if (marksOrder && out instanceof Aggregate agg) {
      List<Integer> keys = new ArrayList<>(agg.getGroupSet().asList());
      for (AggregateCall call : agg.getAggCallList()) {
        keys.addAll(call.getArgList());
      }
      out = markInput(out, keys);
    }
    RexBuilder rex = out.getCluster().getRexBuilder();
    RexShuttle shuttle = source ? SemanticExpressions.inSource(rex, exact != null)
        : SemanticExpressions.inCalcite(rex);
    if (out instanceof Calc calc) {
      return rewriteCalc(calc, shuttle, rex);
    }
    return out.accept(shuttle);
  }

  /**
   * {@code rel} reading its single input through a projection that marks the input's string
   * fields among {@code fields} {@link ExactText#EXACT}; {@code rel} itself unchanged otherwise.
   */
  private static RelNode markInput(RelNode rel, List<Integer> fields) {
    RelNode input = rel.getInput(0);
    RexBuilder rex = rel.getCluster().getRexBuilder();
    List<RexNode> projects = new ArrayList<>();
    boolean any = false;
    for (int i = 0; i < input.getRowType().getFieldCount(); i++) {
      RexNode ref = rex.makeInputRef(input, i);
      if (fields.contains(i) && SqlTypeUtil.inCharFamily(ref.getType())) {
        projects.add(rex.makeCall(ref.getType(), ExactText.EXACT, List.of(ref)));
        any = true;
      } else {
        projects.add(ref);
      }
    }
    if (!any) {
      return rel;
    }
    RelNode marked = new JdbcRules.JdbcProject(rel.getCluster(), input.getTraitSet(), input,
        projects, input.getRowType());
    return rel.copy(rel.getTraitSet(), List.of(marked));
  }

  /**
   * A database's rows with their CHAR(n) fields padded to n by Calcite, when it has any: values
   * compared or joined in Calcite are then the same whichever engine gave them.
   */
  private static RelNode paddedChars(RelNode converter) {
    RelDataType row = converter.getRowType();
    if (row.getFieldList().stream().noneMatch(f -> f.getType().getSqlTypeName() == SqlTypeName.CHAR)) {
      return converter;
    }
    RexBuilder rex = converter.getCluster().getRexBuilder();
    List<RexNode> projects = new ArrayList<>();
    for (int i = 0; i < row.getFieldCount(); i++) {
      RexNode ref = rex.makeInputRef(converter, i);
      RelDataType t = ref.getType();
      if (t.getSqlTypeName() == SqlTypeName.CHAR) {
        // RPAD, not a cast: Calcite drops a cast from CHAR(n) to CHAR(n) as a no-op.
        projects.add(rex.makeCall(t, SqlLibraryOperators.RPAD,
            List.of(ref, rex.makeExactLiteral(BigDecimal.valueOf(t.getPrecision())))));
      } else {
        projects.add(ref);
      }
    }
    RexProgram program = RexProgram.create(row, projects, null, row, rex);
    // Keeps the rows' order as the database sorted them (a merge join above relies on it):
    // padding does not reorder strings that hold no characters below the space.
    return new EnumerableCalc(converter.getCluster(), converter.getTraitSet(), converter, program);
  }

  /** A Calc's program, expanded, rewritten and built again (its expressions are flattened). */
  private static RelNode rewriteCalc(Calc calc, RexShuttle shuttle, RexBuilder rex) {
    RexProgram p = calc.getProgram();
    List<RexNode> projects = new ArrayList<>();
    boolean changed = false;
    for (var ref : p.getProjectList()) {
      RexNode e = p.expandLocalRef(ref);
      RexNode r = e.accept(shuttle);
      projects.add(r);
      changed |= r != e;
    }
    RexNode condition = null;
    if (p.getCondition() != null) {
      RexNode e = p.expandLocalRef(p.getCondition());
      condition = e.accept(shuttle);
      changed |= condition != e;
    }
    if (!changed) {
      return calc;
    }
    RexProgram rewritten = RexProgram.create(p.getInputRowType(), projects, condition,
        p.getOutputRowType(), rex);
    return calc.copy(calc.getTraitSet(), calc.getInput(), rewritten);
  }
}
