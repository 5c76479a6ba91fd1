package org.apache.calcite.adapter.jdbc;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.TreeMap;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.schema.Schema;
import org.apache.calcite.schema.Statistic;
import org.apache.calcite.schema.Statistics;
import org.apache.calcite.util.ImmutableBitSet;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A {@link JdbcTable} that tells Calcite's planner how many rows it holds, from the database's
 * own statistics ({@code Dialect.rowEstimates}), and which columns are its primary key.
 *
 * <p>Stock JdbcTable knows nothing of its size, so every table looks like 100 rows and the
 * planner cannot tell a 6-million-row fact table from a 5-row dimension when it orders joins
 * and chooses which side of a hash join to build; nor does it know keys, so a join on a key
 * is estimated as if any row could match many. It lives in Calcite's package because
 * JdbcTable's constructor is package-private.
 */
public final class FerryJdbcTable extends JdbcTable {
  /**
   * Whether tables tell the planner their primary keys, and Ferry's planner orders and sizes
   * joins by them: unless {@code FERRY_PLAN_KEYS=0}, which plans as Calcite alone would (to
   * compare the two).
   */
  public static final boolean PLAN_WITH_KEYS =
      !Boolean.FALSE.equals(planKeys(System.getenv("FERRY_PLAN_KEYS")));

  /**
   * What a {@code FERRY_PLAN_KEYS} value says: true when unset, blank or {@code 1}, false for
   * {@code 0}, null for anything else (which Ferry refuses when it opens, see
   * {@code FederatedProgram.install}).
   */
  public static @Nullable Boolean planKeys(@Nullable String raw) {
    String v = raw == null ? "" : raw.trim();
    return v.isEmpty() || v.equals("1") ? Boolean.TRUE : v.equals("0") ? Boolean.FALSE : null;
  }

  private final FerryJdbcSchema owner;
  private volatile @Nullable List<ImmutableBitSet> keys;

  FerryJdbcTable(FerryJdbcSchema owner, String catalog, String schema, String name,
      Schema.TableType type) {
    super(owner, catalog, schema, name, type);
    this.owner = owner;
  }

  /**
   * The database's row estimate for this table (Calcite's "unknown" when it has none) and its
   * primary key (asked once, when a plan first sizes the table).
   */
  @Override public Statistic getStatistic() {
    Long rows = owner.rowEstimate(jdbcTableName);
    return Statistics.of(rows == null ? null : (double) Math.max(1, rows), keys(), null, null);
  }

  private List<ImmutableBitSet> keys() {
    List<ImmutableBitSet> k = keys;
    if (k == null) {
      k = primaryKey();
      keys = k;
    }
    return k;
  }

  /**
   * The primary key's columns as positions in the row type; none when the table has no key or
   * the driver cannot tell (keys only guide the planner, so a failure here fails nothing), and
   * none with {@code FERRY_PLAN_KEYS=0}, which plans without keys.
   */
  private List<ImmutableBitSet> primaryKey() {
    if (!PLAN_WITH_KEYS) {
      return List.of();
    }
    TreeMap<Integer, String> columns = new TreeMap<>();
    try (Connection c = owner.getDataSource().getConnection();
         ResultSet rs = c.getMetaData().getPrimaryKeys(jdbcCatalogName, jdbcSchemaName,
             jdbcTableName)) {
      while (rs.next()) {
        columns.put(rs.getInt("KEY_SEQ"), rs.getString("COLUMN_NAME"));
      }
    } catch (SQLException | RuntimeException e) {
      return List.of();
    }
    if (columns.isEmpty()) {
      return List.of();
    }
    List<String> names = getRowType(new JavaTypeFactoryImpl()).getFieldNames();
    ImmutableBitSet.Builder key = ImmutableBitSet.builder();
    for (String column : columns.values()) {
      int at = names.indexOf(column);
      if (at < 0) {
        return List.of();
      }
      key.set(at);
    }
    return List.of(key.build());
  }
}
