package dev.ferry.validate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDelete;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlJoin;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlUpdate;
import org.apache.calcite.sql.SqlWith;
import org.apache.calcite.sql.SqlWithItem;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The tables a parsed statement reads or writes, keyed by the name or alias it uses for them.
 *
 * <p>Validator messages name aliases ("Column 'x' not found in table 'o'") or nothing ("in any
 * table"); a finding must name the table itself, so `check --queries` maps them back with this.
 */
final class TableRefs {
  private final Map<String, String> byAlias = new LinkedHashMap<>();

  private TableRefs() {}

  /** Alias (or name) → table name, in the order the statement mentions them. */
  static Map<String, String> of(@Nullable SqlNode node) {
    TableRefs refs = new TableRefs();
    refs.visit(node, false);
    return refs.byAlias;
  }

  private void visit(@Nullable SqlNode node, boolean inFrom) {
    if (node == null) {
      return;
    }
    if (node instanceof SqlIdentifier id) {
      if (inFrom) {
        String table = id.names.get(id.names.size() - 1);
        byAlias.putIfAbsent(table, table);
      }
    } else if (node instanceof SqlOrderBy o) {
      visit(o.query, false);
    } else if (node instanceof SqlWith w) {
      for (SqlNode item : w.withList) {
        visit(((SqlWithItem) item).query, false);
      }
      visit(w.body, false);
    } else if (node instanceof SqlSelect s) {
      visit(s.getFrom(), true);
      visit(s.getWhere(), false);
    } else if (node instanceof SqlJoin j) {
      visit(j.getLeft(), true);
      visit(j.getRight(), true);
    } else if (node instanceof SqlInsert i) {
      visit(i.getTargetTable(), true);
      visit(i.getSource(), false);
    } else if (node instanceof SqlUpdate u) {
      alias(u.getTargetTable(), u.getAlias());
    } else if (node instanceof SqlDelete d) {
      alias(d.getTargetTable(), d.getAlias());
    } else if (node instanceof SqlBasicCall call && call.getKind() == SqlKind.AS && inFrom) {
      List<SqlNode> ops = call.getOperandList();
      if (ops.get(0) instanceof SqlIdentifier) {
        alias(ops.get(0), (SqlIdentifier) ops.get(1));
      } else {
        visit(ops.get(0), true);
      }
    } else if (node instanceof SqlNodeList list) {
      list.forEach(n -> visit(n, inFrom));
    } else if (node instanceof SqlCall call) {
      // Subqueries inside WHERE (IN, EXISTS) and set operations.
      for (SqlNode op : call.getOperandList()) {
        visit(op, inFrom && call.getKind() == SqlKind.UNION);
        if (op instanceof SqlSelect || op instanceof SqlOrderBy) {
          visit(op, false);
        }
      }
    }
  }

  private void alias(SqlNode target, @Nullable SqlIdentifier alias) {
    if (target instanceof SqlIdentifier id) {
      String table = id.names.get(id.names.size() - 1);
      byAlias.putIfAbsent(table, table);
      if (alias != null) {
        byAlias.putIfAbsent(alias.getSimple(), table);
      }
    }
  }
}
