package org.apache.calcite.adapter.jdbc;

import org.apache.calcite.schema.Schema;
import org.apache.calcite.schema.Statistic;
import org.apache.calcite.schema.Statistics;

/**
 * A {@link JdbcTable} that tells Calcite's planner how many rows it holds, from the database's
 * own statistics ({@code Dialect.rowEstimates}).
 *
 * <p>Stock JdbcTable knows nothing of its size, so every table looks like 100 rows and the
 * planner cannot tell a 6-million-row fact table from a 5-row dimension when it orders joins
 * and chooses which side of a hash join to build. It lives in Calcite's package because
 * JdbcTable's constructor is package-private.
 */
public final class FerryJdbcTable extends JdbcTable {
  private final FerryJdbcSchema owner;

  FerryJdbcTable(FerryJdbcSchema owner, String catalog, String schema, String name,
      Schema.TableType type) {
    super(owner, catalog, schema, name, type);
    this.owner = owner;
  }

  /** The database's row estimate for this table, or Calcite's "unknown" when it has none. */
  @Override public Statistic getStatistic() {
    Long rows = owner.rowEstimate(jdbcTableName);
    return rows == null ? Statistics.UNKNOWN : Statistics.of(Math.max(1, rows), null);
  }
}
