package dev.ferry.ddl;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.util.SqlBasicVisitor;

/**
 * Walks neutral SQL and throws {@link Untranslatable} at the first construct a translation does
 * not carry ({@link SqlFunctions#check}) or a cast to a type it cannot spell.
 */
final class SupportedSql extends SqlBasicVisitor<Void> {
  @Override public Void visit(SqlCall call) {
    SqlFunctions.check(call);
    if (call.getKind() == SqlKind.CAST) {
      CastType.of((SqlDataTypeSpec) call.operand(1));
    }
    return super.visit(call);
  }
}
