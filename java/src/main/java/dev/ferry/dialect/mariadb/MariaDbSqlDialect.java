package dev.ferry.dialect.mariadb;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.dialect.MysqlSqlDialect;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;

/**
 * Calcite's MySQL dialect, writing SQL's {@code ||} as {@code CONCAT(…)}: MariaDB reads
 * {@code ||} as OR unless the session's {@code sql_mode} has {@code PIPES_AS_CONCAT}, so a
 * pushed-down {@code first_name || ' ' || last_name} would otherwise come back as 0.
 */
final class MariaDbSqlDialect extends MysqlSqlDialect {
  MariaDbSqlDialect(Context context) {
    super(context);
  }

  @Override public void unparseCall(SqlWriter writer, SqlCall call, int leftPrec, int rightPrec) {
    if (call.getOperator() == SqlStdOperatorTable.CONCAT) {
      SqlWriter.Frame frame = writer.startFunCall("CONCAT");
      for (SqlNode operand : call.getOperandList()) {
        writer.sep(",");
        operand.unparse(writer, 0, 0);
      }
      writer.endFunCall(frame);
      return;
    }
    super.unparseCall(writer, call, leftPrec, rightPrec);
  }
}
