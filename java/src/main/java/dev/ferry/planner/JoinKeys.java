package dev.ferry.planner;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.calcite.adapter.jdbc.JdbcConvention;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.SqlTypeUtil;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Join keys a query implies without writing them: {@code a.x = b.y AND b.y = c.z} makes
 * {@code a.x = c.z} true for every joined row.
 *
 * <p>TPC-H Q5 joins customer to supplier and supplier to nation on the nation key; customer and
 * nation share a database, and only the implied {@code c_nationkey = n_nationkey} lets that
 * database join them. An implied key is only ever added beside the ones it follows from, so the
 * answer cannot change.
 */
final class JoinKeys {
  private JoinKeys() {}

  /**
   * For each pair of inputs of one database that the given equalities connect only through other
   * inputs, an equality between them; {@code offsets[i]} is input i's first field. Inputs joined
   * by other conditions only get it too: TPC-H Q17 compares each lineitem with its part's
   * average ({@code l_quantity < avg}) and keys both to the part, so without the implied
   * {@code l_partkey = avg.l_partkey} PostgreSQL was asked for neither join.
   */
  static List<RexNode> implied(List<RexNode> conjuncts, int[] offsets,
      @Nullable JdbcConvention[] sources, RelDataType rowType, RexBuilder rex) {
    int fields = offsets[offsets.length - 1];
    int[] parent = new int[fields];
    for (int f = 0; f < fields; f++) {
      parent[f] = f;
    }
    Set<Long> joined = new HashSet<>();
    for (RexNode c : conjuncts) {
      int[] pair = equality(c);
      if (pair != null) {
        parent[find(parent, pair[0])] = find(parent, pair[1]);
        int ia = inputOf(pair[0], offsets);
        int ib = inputOf(pair[1], offsets);
        if (ia != ib) {
          joined.add(pairKey(ia, ib));
        }
      }
    }
    List<RexNode> implied = new ArrayList<>();
    for (int a = 0; a < fields; a++) {
      for (int b = a + 1; b < fields; b++) {
        int ia = inputOf(a, offsets);
        int ib = inputOf(b, offsets);
        if (ia != ib && find(parent, a) == find(parent, b) && sameSource(sources, ia, ib)
            && joined.add(pairKey(ia, ib))) {
          RelDataType ta = rowType.getFieldList().get(a).getType();
          RelDataType tb = rowType.getFieldList().get(b).getType();
          implied.add(rex.makeCall(SqlStdOperatorTable.EQUALS, rex.makeInputRef(ta, a),
              rex.makeInputRef(tb, b)));
        }
      }
    }
    return implied;
  }

  /**
   * Where each of {@code inputs}' fields start in their joined row: {@code offsets[i]} is input
   * {@code i}'s first field, {@code offsets[n]} the row's width.
   */
  static int[] offsets(List<RelNode> inputs) {
    int[] offsets = new int[inputs.size() + 1];
    for (int i = 0; i < inputs.size(); i++) {
      offsets[i + 1] = offsets[i] + inputs.get(i).getRowType().getFieldCount();
    }
    return offsets;
  }

  /** The input that field {@code field} of the joined row comes from. */
  static int inputOf(int field, int[] offsets) {
    int i = 0;
    while (field >= offsets[i + 1]) {
      i++;
    }
    return i;
  }

  /** Whether every input in {@code inputs} reads the same one database. */
  static boolean sameSource(@Nullable JdbcConvention[] sources, int... inputs) {
    JdbcConvention first = sources[inputs[0]];
    if (first == null) {
      return false;
    }
    for (int i : inputs) {
      if (sources[i] != first) {
        return false;
      }
    }
    return true;
  }

  /**
   * The two fields of {@code field = field}, casts between integer types around either side
   * allowed; else null.
   */
  static int @Nullable [] equality(RexNode c) {
    if (c.getKind() != SqlKind.EQUALS) {
      return null;
    }
    List<RexNode> operands = ((RexCall) c).getOperands();
    int left = field(operands.get(0));
    int right = field(operands.get(1));
    return left < 0 || right < 0 ? null : new int[] {left, right};
  }

  /**
   * The field {@code e} reads, through casts between integer types only (a cast to text or to a
   * scale could make unequal values equal).
   */
  private static int field(RexNode e) {
    RexNode inner = e;
    while (inner.getKind() == SqlKind.CAST) {
      RexNode from = ((RexCall) inner).getOperands().get(0);
      if (!SqlTypeUtil.isIntType(inner.getType()) || !SqlTypeUtil.isIntType(from.getType())) {
        return -1;
      }
      inner = from;
    }
    return inner instanceof RexInputRef ref ? ref.getIndex() : -1;
  }

  private static long pairKey(int a, int b) {
    return ((long) Math.min(a, b) << 32) | Math.max(a, b);
  }

  /** The representative of {@code i}'s class in a union-find over {@code parent}. */
  static int find(int[] parent, int i) {
    while (parent[i] != i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  }
}
