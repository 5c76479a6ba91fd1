package dev.ferry.federation;

import dev.ferry.planner.BindJoin;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.calcite.adapter.jdbc.JdbcToEnumerableConverter;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.runtime.Hook;
import org.apache.calcite.sql.SqlKind;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * What Calcite plans for the statements prepared on this thread while it is open: the physical
 * plan, and for each JDBC subtree (one statement sent to one database) its database, Calcite's
 * row estimate and the SQL generated for it.
 *
 * <p>The database comes from the plan itself (each JDBC subtree's convention belongs to one
 * database) rather than from the plan's text. Estimates are read inside Calcite's
 * {@code PLAN_BEFORE_IMPLEMENTATION} hook, while the planner's metadata providers are set up on
 * this thread. The watch's hook is added first, so it sees the plan before any hook added after
 * it (such as the one that throws a {@link DirectPlan}) ends the preparation.
 */
final class PlanWatch implements AutoCloseable {
  /** The largest integer JavaScript holds exactly (2^53 − 1). */
  static final long MAX_EXACT = 9_007_199_254_740_991L;

  /**
   * One JDBC subtree of the plan.
   *
   * @param database the configured database that runs it (null when it cannot be told)
   * @param estimatedRows Calcite's estimate of the rows it returns (null when unknown)
   */
  record Source(@Nullable String database, @Nullable Long estimatedRows) {}

  private final Collection<DatabaseSchema> databases;
  private final List<Source> sources = new ArrayList<>();
  private final List<String> sqls = new ArrayList<>();
  private final Hook.Closeable plans;
  private final Hook.Closeable queries;
  private String plan = "";
  private boolean planned;
  private boolean query;

  private PlanWatch(Collection<DatabaseSchema> databases) {
    this.databases = databases;
    this.plans = Hook.PLAN_BEFORE_IMPLEMENTATION.addThread((RelRoot root) -> planned(root));
    this.queries = Hook.QUERY_PLAN.addThread((Object sql) -> sqls.add(String.valueOf(sql)));
  }

  /** Starts watching the statements this thread prepares; close it when they are prepared. */
  static PlanWatch start(Collection<DatabaseSchema> databases) {
    return new PlanWatch(databases);
  }

  private void planned(RelRoot root) {
    planned = true;
    query = root.kind.belongsTo(SqlKind.QUERY);
    plan = RelOptUtil.toString(root.rel).strip();
    sources.clear();
    sqls.clear();
    collect(root.rel, root.rel.getCluster().getMetadataQuery());
  }

  /**
   * Each JDBC subtree, depth first and left to right: the order in which Calcite generates their
   * code, and so reports their SQL.
   */
  private void collect(RelNode rel, RelMetadataQuery mq) {
    if (rel instanceof JdbcToEnumerableConverter c) {
      source(c.getInput(), mq);
      return;
    }
    for (int i = 0; i < rel.getInputs().size(); i++) {
      if (rel instanceof BindJoin b && b.bigInput() == i) {
        // A bind join reads its big side itself, a JDBC subtree with no converter above it.
        source(b.getInput(i), mq);
      } else {
        collect(rel.getInput(i), mq);
      }
    }
  }

  private void source(RelNode jdbc, RelMetadataQuery mq) {
    String owner = null;
    for (DatabaseSchema d : databases) {
      if (d.owns(jdbc.getConvention())) {
        owner = d.dataSource().spec().name();
      }
    }
    sources.add(new Source(owner, estimate(jdbc, mq)));
  }

  private static @Nullable Long estimate(RelNode rel, RelMetadataQuery mq) {
    try {
      Double rows = mq.getRowCount(rel);
      // Calcite's guesses for joins without statistics can pass 2^53 (TPC-H Q18 at SF 1 did):
      // capped there so the number stays exact in JSON and in JavaScript.
      return rows == null || rows.isNaN() ? null
          : Math.min(MAX_EXACT, Math.round(Math.max(0, Math.min(rows, (double) MAX_EXACT))));
    } catch (RuntimeException e) {
      // A metadata handler that cannot answer for this operator: the estimate is unknown.
      return null;
    }
  }

  /** Whether a plan was seen (a statement Calcite could not plan leaves none). */
  boolean planned() {
    return planned;
  }

  /** Whether the statement planned is a query (SELECT, WITH, VALUES), not one changing data. */
  boolean isQuery() {
    return query;
  }

  /** Calcite's physical plan, one operator per line. */
  String plan() {
    return plan;
  }

  /** The JDBC subtrees, in plan order. */
  List<Source> sources() {
    return List.copyOf(sources);
  }

  /** The SQL Calcite generated for each JDBC subtree, in plan order (none for a direct plan). */
  List<String> sqls() {
    return List.copyOf(sqls);
  }

  /** The statements sent to each database, as an explanation lists them. */
  List<Explanation.Query> queries() {
    List<Explanation.Query> out = new ArrayList<>();
    for (int i = 0; i < sqls.size(); i++) {
      Source s = i < sources.size() ? sources.get(i) : new Source(null, null);
      out.add(new Explanation.Query(s.database(), sqls.get(i), s.estimatedRows()));
    }
    return List.copyOf(out);
  }

  @Override public void close() {
    queries.close();
    plans.close();
  }
}
