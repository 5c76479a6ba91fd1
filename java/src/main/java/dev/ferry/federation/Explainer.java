package dev.ferry.federation;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.calcite.adapter.jdbc.JdbcToEnumerableConverter;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.runtime.Hook;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Explains a statement from the plan Calcite prepares: the physical plan's text, and the SQL
 * each database would run, with the database found from the plan itself (each JDBC subtree's
 * convention belongs to one database) rather than from the plan's text.
 */
final class Explainer {
  private Explainer() {}

  /** Prepares {@code sql} once, watching what Calcite plans and generates, and runs nothing. */
  static Explanation explain(CalciteStatements statements, Collection<DatabaseSchema> databases,
      String sql) throws SQLException {
    RelRoot[] root = new RelRoot[1];
    List<String> sqls = new ArrayList<>();
    try (Hook.Closeable plans = Hook.PLAN_BEFORE_IMPLEMENTATION.addThread((RelRoot r) -> root[0] = r);
         Hook.Closeable queries = Hook.QUERY_PLAN.addThread((Object q) -> sqls.add(String.valueOf(q)));
         PreparedStatement ignored = statements.prepare(sql)) {
      // Preparing generates the code that runs each JDBC subtree, which reports its SQL.
    }
    if (root[0] == null) {
      return new Explanation("", List.of());
    }
    List<@Nullable String> owners = new ArrayList<>();
    converters(root[0].rel, databases, owners);
    List<Explanation.Query> out = new ArrayList<>();
    for (int i = 0; i < sqls.size(); i++) {
      out.add(new Explanation.Query(i < owners.size() ? owners.get(i) : null, sqls.get(i)));
    }
    return new Explanation(RelOptUtil.toString(root[0].rel).strip(), List.copyOf(out));
  }

  /**
   * The database of each JDBC subtree, depth first and left to right: the order in which Calcite
   * generates their code, and so reports their SQL.
   */
  private static void converters(RelNode rel, Collection<DatabaseSchema> databases,
      List<@Nullable String> out) {
    if (rel instanceof JdbcToEnumerableConverter c) {
      String owner = null;
      for (DatabaseSchema d : databases) {
        if (d.owns(c.getInput().getConvention())) {
          owner = d.dataSource().spec().name();
        }
      }
      out.add(owner);
      return;
    }
    for (RelNode input : rel.getInputs()) {
      converters(input, databases, out);
    }
  }
}
