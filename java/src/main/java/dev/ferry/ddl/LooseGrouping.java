package dev.ferry.ddl;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.util.SqlShuttle;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A grouped query written for an engine that lets it select columns it does not group by
 * (MariaDB, MySQL without ONLY_FULL_GROUP_BY, SQLite), made valid for one that does not: each
 * such select or ORDER BY item becomes {@code MIN(item)}.
 *
 * <p>The source answers such an item with the value of any row of the group; MIN gives one of
 * those values too, so every group still yields one row, and where the item depends on the
 * grouped columns (a store's city when grouping by the store, the usual reason such SQL was
 * written) it is the very value the source gives. An item is left alone when it holds an
 * aggregate, is a literal, or is made only of grouped columns.
 */
final class LooseGrouping extends SqlShuttle {
  private static final Set<String> AGGREGATES = Set.of("COUNT", "SUM", "MIN", "MAX", "AVG",
      "GROUP_CONCAT", "STRING_AGG", "LISTAGG", "ARRAY_AGG", "JSON_ARRAYAGG", "JSON_OBJECTAGG",
      "BIT_AND", "BIT_OR", "BIT_XOR", "STD", "STDDEV", "STDDEV_POP", "STDDEV_SAMP", "VARIANCE",
      "VAR_POP", "VAR_SAMP", "TOTAL", "ANY_VALUE", "EVERY", "BOOL_AND", "BOOL_OR");

  @Override public @Nullable SqlNode visit(SqlCall call) {
    SqlNode visited = super.visit(call);
    if (visited instanceof SqlOrderBy o && o.query instanceof SqlSelect s && grouped(s)) {
      SqlNodeList order = orderItems(o.orderList, s.getGroup());
      return new SqlOrderBy(o.getParserPosition(), o.query, order, o.offset, o.fetch);
    }
    if (visited instanceof SqlSelect s && grouped(s)) {
      SqlNodeList group = s.getGroup();
      List<SqlNode> items = new ArrayList<>();
      for (SqlNode item : s.getSelectList()) {
        items.add(selectItem(item, group));
      }
      s.setSelectList(new SqlNodeList(items, s.getSelectList().getParserPosition()));
      if (s.getOrderList() != null) {
        s.setOrderBy(orderItems(s.getOrderList(), group));
      }
    }
    return visited;
  }

  private static boolean grouped(SqlSelect s) {
    return s.getGroup() != null && !s.getGroup().isEmpty();
  }

  private static SqlNode selectItem(SqlNode item, SqlNodeList group) {
    if (item.getKind() == SqlKind.AS) {
      SqlCall as = (SqlCall) item;
      SqlNode e = as.operand(0);
      return loose(e, group) ? SqlStdOperatorTable.AS.createCall(SqlParserPos.ZERO, min(e), as.operand(1)) : item;
    }
    if (!loose(item, group)) {
      return item;
    }
    SqlNode alias = item instanceof SqlIdentifier id && !id.isStar()
        ? new SqlIdentifier(id.names.get(id.names.size() - 1), SqlParserPos.ZERO) : null;
    return alias == null ? min(item) : SqlStdOperatorTable.AS.createCall(SqlParserPos.ZERO, min(item), alias);
  }

  private static SqlNodeList orderItems(SqlNodeList order, SqlNodeList group) {
    List<SqlNode> out = new ArrayList<>();
    for (SqlNode item : order) {
      out.add(orderItem(item, group));
    }
    return new SqlNodeList(out, order.getParserPosition());
  }

  /** An ORDER BY item; DESC and NULLS FIRST/LAST wrap the expression. */
  private static SqlNode orderItem(SqlNode item, SqlNodeList group) {
    if (item instanceof SqlCall c && (c.getKind() == SqlKind.DESCENDING
        || c.getKind() == SqlKind.NULLS_FIRST || c.getKind() == SqlKind.NULLS_LAST)) {
      return c.getOperator().createCall(c.getParserPosition(), orderItem(c.operand(0), group));
    }
    // A number or a select alias names a select item, which is made valid on its own.
    if (item instanceof SqlLiteral || item instanceof SqlIdentifier id && id.isSimple()) {
      return item;
    }
    return loose(item, group) ? min(item) : item;
  }

  private static SqlNode min(SqlNode e) {
    return SqlStdOperatorTable.MIN.createCall(SqlParserPos.ZERO, e);
  }

  /** Whether {@code e} reads a column that is not grouped outside any aggregate. */
  private static boolean loose(SqlNode e, SqlNodeList group) {
    if (e instanceof SqlLiteral || isGroupExpression(e, group)) {
      return false;
    }
    if (e instanceof SqlIdentifier id) {
      return !id.isStar() && !groupedColumn(id, group);
    }
    if (e instanceof SqlCall c) {
      if (c.getKind() == SqlKind.OVER || c.getOperator().isAggregator()
          || AGGREGATES.contains(c.getOperator().getName().toUpperCase(Locale.ROOT))) {
        return false;
      }
      if (c.getKind() == SqlKind.SELECT || c.getKind() == SqlKind.SCALAR_QUERY) {
        return false;
      }
      for (SqlNode operand : c.getOperandList()) {
        if (operand != null && loose(operand, group)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean isGroupExpression(SqlNode e, SqlNodeList group) {
    for (SqlNode g : group) {
      if (g.equalsDeep(e, org.apache.calcite.util.Litmus.IGNORE)) {
        return true;
      }
    }
    return false;
  }

  /** {@code s.store_id} and {@code store_id} name the same grouped column when one is unqualified. */
  private static boolean groupedColumn(SqlIdentifier id, SqlNodeList group) {
    String name = id.names.get(id.names.size() - 1);
    for (SqlNode g : group) {
      if (g instanceof SqlIdentifier gi) {
        String gname = gi.names.get(gi.names.size() - 1);
        if (gname.equalsIgnoreCase(name) && (gi.names.equals(id.names) || gi.isSimple() || id.isSimple())) {
          return true;
        }
      }
    }
    return false;
  }
}
