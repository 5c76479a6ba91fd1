package dev.ferry.planner;

import org.apache.calcite.adapter.jdbc.JdbcConvention;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.sql.SqlDialect;

/**
 * One database's calling convention: Calcite's JDBC rules, plus Ferry's rules for what those
 * leave to Calcite's own engine although the database can run it ({@link SemiJoinRule}).
 */
public final class FerryConvention extends JdbcConvention {
  /** The convention of the database named {@code name}, whose SQL is {@code dialect}. */
  public FerryConvention(SqlDialect dialect, Expression expression, String name) {
    super(dialect, expression, name);
  }

  @Override public void register(RelOptPlanner planner) {
    super.register(planner);
    planner.addRule(SemiJoinRule.into(this));
    planner.addRule(BindJoinRule.INSTANCE);
  }
}
