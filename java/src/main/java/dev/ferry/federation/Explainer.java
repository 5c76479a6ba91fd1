package dev.ferry.federation;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;

/**
 * Explains a statement from the plan Calcite prepares ({@link PlanWatch}): the physical plan's
 * text, and the SQL each database would run with Calcite's estimate of the rows it returns.
 */
final class Explainer {
  private Explainer() {}

  /** Prepares {@code sql} once, watching what Calcite plans and generates, and runs nothing. */
  static Explanation explain(CalciteStatements statements, Collection<DatabaseSchema> databases,
      String sql) throws SQLException {
    PlanWatch watch = PlanWatch.start(databases);
    try (watch; PreparedStatement ignored = statements.prepare(sql)) {
      // Preparing generates the code that runs each JDBC subtree, which reports its SQL.
    }
    if (!watch.planned()) {
      return new Explanation("", List.of());
    }
    return new Explanation(watch.plan(), watch.queries());
  }
}
