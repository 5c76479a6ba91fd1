package dev.ferry.ddl;

import static java.util.Objects.requireNonNull;

import org.apache.calcite.sql.SqlAlienSystemTypeNameSpec;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlJoin;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.util.SqlShuttle;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Rewrites neutral SQL for one target before its Calcite dialect prints it: cast types in the
 * target's spelling, then whatever the target's {@link SqlSpelling} changes in calls and
 * literals.
 */
final class TargetWriter extends SqlShuttle {
  private final SqlSpelling spelling;

  TargetWriter(SqlSpelling spelling) {
    this.spelling = spelling;
  }

  @Override public SqlNode visit(SqlLiteral literal) {
    return spelling.write(literal);
  }

  @Override public @Nullable SqlNode visit(SqlCall call) {
    if (call instanceof SqlJoin j) {
      // Its flags are literals too (NATURAL is a boolean), which no target rewrites.
      j.setLeft(requireNonNull(j.getLeft().accept(this), "left"));
      j.setRight(requireNonNull(j.getRight().accept(this), "right"));
      SqlNode on = j.getCondition();
      if (on != null) {
        j.setOperand(5, on.accept(this));
      }
      return j;
    }
    SqlNode visited = super.visit(call);
    if (!(visited instanceof SqlCall c)) {
      return visited;
    }
    if (c.getKind() == SqlKind.CAST) {
      SqlDataTypeSpec spec = (SqlDataTypeSpec) c.operand(1);
      CastType t = CastType.of(spec);
      c = SqlStdOperatorTable.CAST.createCall(c.getParserPosition(), c.operand(0),
          new SqlDataTypeSpec(new SqlAlienSystemTypeNameSpec(spelling.castType(t), t.name(),
              spec.getParserPosition()), spec.getParserPosition()));
    }
    return spelling.write(c);
  }
}
