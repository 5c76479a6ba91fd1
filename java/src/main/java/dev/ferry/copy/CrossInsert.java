package dev.ferry.copy;

import dev.ferry.config.DatabaseSpec;
import dev.ferry.error.FerryFailure;
import dev.ferry.federation.DatabaseSchema;
import dev.ferry.federation.DirectPlan;
import dev.ferry.federation.Federation;
import dev.ferry.federation.PlannedRows;
import dev.ferry.federation.SourceRows;
import dev.ferry.sink.SinkContext;
import dev.ferry.sink.SinkValues;
import dev.ferry.sink.TableSink;
import dev.ferry.sink.TargetColumns;
import dev.ferry.types.TableName;
import dev.ferry.types.CalciteSyntax;

import java.sql.Connection;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.calcite.adapter.jdbc.JdbcTable;
import org.apache.calcite.schema.Schema;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.lookup.Named;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlJoin;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlWith;
import org.apache.calcite.sql.SqlWithItem;
import org.apache.calcite.sql.dialect.CalciteSqlDialect;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * {@code INSERT INTO tgt.t [(cols)] SELECT …} where the SELECT reads other databases than the
 * target: Calcite plans the SELECT (pushing what it can into each source), Ferry's
 * {@link TableSink} writes the rows into the target in one transaction.
 *
 * <p>Stock Calcite cannot run such a statement: its JDBC adapter only pushes an INSERT down when
 * the SELECT lives in the same database, and offers no modifiable collection for the
 * row-by-row fallback. An INSERT whose SELECT reads only the target database is left to Calcite,
 * which sends it whole to that database.
 */
public final class CrossInsert {
  private CrossInsert() {}

  /** Runs inside the target transaction, before any row is written and before the commit. */
  interface Hooks {
    /** Before the first row (e.g. a replace's DELETE). */
    default void beforeWrite(Connection target) throws SQLException { }

    /** After the last row, before the commit (e.g. writing a checkpoint). */
    default void beforeCommit(Connection target, long rows) throws SQLException { }

    /** The rows went as COPY text ({@link TextRelay}); {@code note} says how. */
    default void relayed(String note) { }
  }

  /** No hooks. */
  static final Hooks NONE = new Hooks() { };

  /**
   * Runs {@code sql} when it is an INSERT … SELECT across databases and returns the rows
   * inserted; null when the statement is anything else, for Calcite to run.
   */
  public static @Nullable Long run(Federation federation, String sql) {
    SqlNode node;
    try {
      node = SqlParser.create(sql, CalciteSyntax.PARSER)
          .parseStmt();
    } catch (SqlParseException e) {
      return null;
    }
    if (!(node instanceof SqlInsert insert) || !(insert.getTargetTable() instanceof SqlIdentifier id)
        || id.names.size() < 2) {
      return null;
    }
    Set<String> read = new LinkedHashSet<>();
    databasesRead(insert.getSource(), false, read);
    String targetDb = id.names.get(0).toLowerCase(Locale.ROOT);
    if (read.isEmpty() || (read.size() == 1 && read.contains(targetDb))) {
      return null;
    }
    DatabaseSchema target = federation.database(id.names.get(0));
    TableName table = resolve(target, id);
    List<String> columns = new ArrayList<>();
    SqlNodeList list = insert.getTargetColumnList();
    if (list != null) {
      for (SqlNode c : list) {
        columns.add(((SqlIdentifier) c).getSimple());
      }
    }
    String select = insert.getSource().toSqlString(CalciteSqlDialect.DEFAULT).getSql();
    try (Connection c = target.dataSource().openPhysical()) {
      c.setAutoCommit(false);
      if (columns.isEmpty()) {
        columns = TargetColumns.read(c, target.engine().valueLimits(), table).names();
      }
      return copy(federation, select, target, c, table, columns, TableSink.Options.inserts(), NONE, null);
    } catch (SQLException | RuntimeException e) {
      throw FerryFailure.wrap(e, "inserting into " + String.join(".", id.names));
    }
  }

  /**
   * Streams the rows of {@code select} (planned by Calcite) into {@code table} on {@code c} in
   * one transaction with {@code hooks}, commits and returns the row count. Any failure rolls the
   * transaction back. {@code current}, when given, is told how to stop the running read, so
   * another thread can cancel it.
   *
   * <p>A SELECT pushed whole into a source that prints COPY text, bound for a target that loads
   * it exactly, travels that way without a value decoded ({@link TextRelay}); everything else is
   * read as typed values and written by the target's sink.
   */
  static long copy(Federation federation, String select, DatabaseSchema target, Connection c,
      TableName table, List<String> columns, TableSink.Options options, Hooks hooks,
      java.util.function.@Nullable Consumer<@Nullable Runnable> current) throws SQLException {
    boolean done = false;
    try (PlannedRows planned = federation.planRows(select)) {
      DirectPlan direct = planned.direct();
      if (direct != null) {
        Long n = TextRelay.run(direct, target, c, table, columns, options, hooks, current);
        if (n != null) {
          done = true;
          return n;
        }
      }
      try (SourceRows rows = planned.open()) {
        if (current != null) {
          current.accept(rows::cancel);
        }
        // A row hook reads the source database's own values; Calcite's are typed otherwise.
        TableSink.Options o = rows.source() == null ? options.withRowRead(null) : options;
        try (TableSink sink = openSink(target, c, table, columns,
            target.engine().sinkReaders(rows.sourceDialect(), rows.columns()), o)) {
          hooks.beforeWrite(c);
          long n = sink.write(rows.resultSet(), Long.MAX_VALUE);
          sink.finish();
          hooks.beforeCommit(c, n);
          c.commit();
          done = true;
          return n;
        }
      }
    } finally {
      if (current != null) {
        current.accept(null);
      }
      if (!done) {
        try {
          c.rollback();
        } catch (SQLException ignored) {
          // The connection is broken; the server rolls back what it held.
        }
      }
    }
  }

  /**
   * The context every sink into {@code table} of {@code target} shares: its columns as the
   * target describes them, checked against {@code readers}.
   */
  static SinkContext sinkContext(DatabaseSchema target, Connection c, TableName table,
      List<String> columns, SinkValues.Reader[] readers, TableSink.Options options)
      throws SQLException {
    TargetColumns targetColumns = TargetColumns.read(c, target.engine().valueLimits(), table);
    DatabaseSpec spec = target.dataSource().spec();
    if (!targetColumns.exists()) {
      throw FerryFailure.of("SQL_VALIDATION", "table " + table + " does not exist in database '"
          + spec.name() + "'").with("database", spec.name()).with("table", table.toString());
    }
    return new SinkContext(spec, target.dialect(), table, columns, targetColumns, readers, options);
  }

  private static TableSink openSink(DatabaseSchema target, Connection c, TableName table,
      List<String> columns, SinkValues.Reader[] readers, TableSink.Options options)
      throws SQLException {
    return target.engine().openSink(sinkContext(target, c, table, columns, readers, options), c);
  }

  /** The table {@code id} names in {@code db}, as the database spells it. */
  static TableName resolve(DatabaseSchema db, SqlIdentifier id) {
    String name = id.names.get(id.names.size() - 1);
    Schema schema = db;
    if (id.names.size() == 3) {
      Named<? extends Schema> ns = db.subSchemas().getIgnoreCase(id.names.get(1));
      if (ns == null) {
        throw FerryFailure.of("SQL_VALIDATION", "database '" + id.names.get(0) + "' has no schema '"
            + id.names.get(1) + "'").with("object", id.names.get(1));
      }
      schema = ns.entity();
    } else if (id.names.size() != 2) {
      throw FerryFailure.of("SQL_VALIDATION", "cannot insert into " + String.join(".", id.names)
          + ": name the table as database.table or database.schema.table");
    }
    Table t = schema.tables().get(name);
    if (t == null) {
      Named<Table> n = schema.tables().getIgnoreCase(name);
      t = n == null ? null : n.entity();
    }
    if (!(t instanceof JdbcTable jt)) {
      throw FerryFailure.of("SQL_VALIDATION", "Table '" + String.join(".", id.names)
          + "' not found").with("object", name);
    }
    // PostgreSQL and H2 also report their database as the catalog; the schema is the namespace.
    String ns = jt.jdbcSchemaName != null ? jt.jdbcSchemaName : jt.jdbcCatalogName;
    return new TableName(ns, jt.jdbcTableName);
  }

  /** Collects the databases (first name part, lower case) the tables in FROM clauses belong to. */
  private static void databasesRead(@Nullable SqlNode node, boolean inFrom, Set<String> out) {
    if (node == null) {
      return;
    }
    if (node instanceof SqlIdentifier id) {
      if (inFrom && id.names.size() >= 2) {
        out.add(id.names.get(0).toLowerCase(Locale.ROOT));
      }
    } else if (node instanceof SqlOrderBy o) {
      databasesRead(o.query, false, out);
    } else if (node instanceof SqlWith w) {
      for (SqlNode item : w.withList) {
        databasesRead(((SqlWithItem) item).query, false, out);
      }
      databasesRead(w.body, false, out);
    } else if (node instanceof SqlSelect s) {
      databasesRead(s.getFrom(), true, out);
      databasesRead(s.getWhere(), false, out);
      databasesRead(s.getSelectList(), false, out);
      databasesRead(s.getHaving(), false, out);
    } else if (node instanceof SqlJoin j) {
      databasesRead(j.getLeft(), true, out);
      databasesRead(j.getRight(), true, out);
      databasesRead(j.getCondition(), false, out);
    } else if (node instanceof SqlBasicCall call && call.getKind() == SqlKind.AS && inFrom) {
      databasesRead(call.getOperandList().get(0), true, out);
    } else if (node instanceof SqlNodeList list) {
      list.forEach(n -> databasesRead(n, inFrom, out));
    } else if (node instanceof SqlCall call) {
      boolean setOp = call.getKind() == SqlKind.UNION || call.getKind() == SqlKind.INTERSECT
          || call.getKind() == SqlKind.EXCEPT;
      for (SqlNode op : call.getOperandList()) {
        databasesRead(op, inFrom && setOp, out);
      }
    }
  }
}
