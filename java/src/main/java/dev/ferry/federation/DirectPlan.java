package dev.ferry.federation;

import dev.ferry.arrow.ArrowChunks;
import dev.ferry.types.ColumnSpec;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.adapter.jdbc.JdbcConvention;
import org.apache.calcite.adapter.jdbc.JdbcImplementor;
import org.apache.calcite.adapter.jdbc.JdbcToEnumerableConverter;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.util.SqlString;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A query Calcite pushed whole into one database, read straight from that database's driver.
 *
 * <p>When the optimized plan is a single JDBC subtree, Calcite's own execution would only copy
 * each row from the driver's result set into its own, then into Arrow. Reading the driver's
 * result set directly (typed by Calcite's plan) roughly doubles throughput and keeps timestamps'
 * microseconds, which Calcite's runtime holds as milliseconds. It is thrown from Calcite's
 * {@code PLAN_BEFORE_IMPLEMENTATION} hook, so Calcite never generates and compiles the Java code
 * it would not run.
 */
public final class DirectPlan extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient DatabaseSchema database;
  private final String sql;
  private final transient List<ColumnSpec> columns;

  private DirectPlan(DatabaseSchema database, String sql, List<ColumnSpec> columns) {
    super("direct plan", null, false, false);
    this.database = database;
    this.sql = sql;
    this.columns = columns;
  }

  /** The direct plan for {@code root}, or null when anything must run in Calcite itself. */
  static @Nullable DirectPlan of(RelRoot root, Collection<DatabaseSchema> databases) {
    if (!root.kind.belongsTo(SqlKind.QUERY) || !root.isRefTrivial()
        || !(root.rel instanceof JdbcToEnumerableConverter converter)
        || !(converter.getInput().getConvention() instanceof JdbcConvention convention)) {
      return null;
    }
    DatabaseSchema db = null;
    for (DatabaseSchema d : databases) {
      if (d.owns(convention)) {
        db = d;
      }
    }
    if (db == null) {
      return null;
    }
    JdbcImplementor implementor = new JdbcImplementor(convention.dialect,
        (JavaTypeFactory) converter.getCluster().getTypeFactory());
    SqlString sql = implementor.visitRoot(converter.getInput()).asStatement()
        .toSqlString(convention.dialect);
    if (sql.getDynamicParameters() != null && !sql.getDynamicParameters().isEmpty()) {
      return null;
    }
    List<String> labels = new ArrayList<>();
    root.fields.forEach(f -> labels.add(f.getValue()));
    return new DirectPlan(db, sql.getSql(), ColumnSpec.fromRowType(root.rel.getRowType(), labels));
  }

  /** Finds a direct plan in the cause chain of what preparing a statement threw. */
  static @Nullable DirectPlan find(Throwable t) {
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Throwable c = t; c != null && seen.add(c); c = c.getCause()) {
      if (c instanceof DirectPlan d) {
        return d;
      }
    }
    return null;
  }

  /** The database that runs the whole query. */
  public DatabaseSchema database() {
    return database;
  }

  /** The result's columns, typed by Calcite's plan. */
  public List<ColumnSpec> columns() {
    return columns;
  }

  /** The SQL the database runs. */
  public String sql() {
    return sql;
  }

  /** Runs the SQL on a connection of its own and hands its rows over as they are. */
  SourceRows openRows() throws SQLException {
    Connection c = database.dataSource().getConnection();
    Statement st = null;
    try {
      st = c.createStatement();
      // The copy reads with the engine's own readers ({@code Dialect.valueReaders}); skipping
      // what the pool wraps around results for Calcite (SQLite's decimals) reads three times as
      // fast there.
      ResultSet rs = database.engine().driverResults(st.executeQuery(sql));
      return new SourceRows(st, rs, c, columns, database);
    } catch (SQLException | RuntimeException e) {
      if (st != null) {
        st.close();
      }
      c.close();
      throw e;
    }
  }

  /**
   * Runs the SQL on a connection of its own and wraps the result for streaming, its columns
   * labelled as {@code labelled} says (the planned ones relabelled for the user); in one round
   * trip when its engine says so ({@code Dialect.readWhole}: PostgreSQL then runs it in parallel).
   */
  ArrowChunks open(BufferAllocator allocator, int batchRows, List<ColumnSpec> labelled)
      throws SQLException {
    Connection c = database.dataSource().getConnection();
    Statement st = null;
    try {
      st = c.createStatement();
      if (database.engine().readWhole(c, sql)) {
        st.setFetchSize(0);
      }
      return new ArrowChunks(st, st.executeQuery(sql), c, labelled, allocator, batchRows);
    } catch (SQLException | RuntimeException e) {
      if (st != null) {
        st.close();
      }
      c.close();
      throw e;
    }
  }
}
