/**
 * How Ferry plans a federated query: Calcite's optimizer program with joins ordered by the
 * tables' row counts and primary keys, joins of tables that share a database grouped so that
 * database runs them, common factors pulled out of OR conditions, bind joins that send one
 * side's keys into the other side's SQL (and run them), and a planning time budget. Knows
 * Calcite and JDBC conventions, nothing of Ferry's databases or engines.
 */
package dev.ferry.planner;
