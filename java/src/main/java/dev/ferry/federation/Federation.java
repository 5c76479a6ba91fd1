package dev.ferry.federation;

import dev.ferry.arrow.ArrowChunks;
import dev.ferry.catalog.Scope;
import dev.ferry.catalog.Snapshot;
import dev.ferry.config.DatabaseSpec;
import dev.ferry.connect.FerryDataSource;
import dev.ferry.dialect.Connector;
import dev.ferry.error.FerryFailure;
import dev.ferry.inspect.Inspector;
import dev.ferry.planner.FederatedProgram;
import dev.ferry.planner.PlanBudget;
import dev.ferry.types.ColumnSpec;
import dev.ferry.types.FerryTypeSystem;
import dev.ferry.util.Jdbc;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.calcite.jdbc.CalciteConnection;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.runtime.Hook;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.schema.lookup.LikePattern;
import org.apache.calcite.sql.validate.SqlConformanceEnum;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * One Calcite connection over every configured database: the federation service behind every
 * command.
 *
 * <p>Each database is a {@link DatabaseSchema} under the root, so tables are
 * {@code db.table} or {@code db.schema.table}. Unquoted identifiers match case-insensitively and
 * keep their spelling, so {@code orders} finds PostgreSQL's {@code orders} and H2's
 * {@code ORDERS}; quoted identifiers keep spaces and reserved words. A query Calcite pushes
 * whole into one database is read straight from that database's driver ({@link DirectPlan}).
 */
public final class Federation implements AutoCloseable {
  private final CalciteConnection calcite;
  /** Every statement on {@link #calcite}, so that threads can share it. */
  private final CalciteStatements statements;
  private final Map<String, DatabaseSchema> databases = new LinkedHashMap<>();
  private final BufferAllocator allocator = new RootAllocator();
  private final Set<ArrowChunks> open = Collections.newSetFromMap(new IdentityHashMap<>());
  private boolean closed;

  private Federation(CalciteConnection calcite, Properties info, List<DatabaseSpec> specs) {
    this.calcite = calcite;
    SchemaPlus root = calcite.getRootSchema();
    for (DatabaseSpec spec : specs) {
      DatabaseSchema schema = new DatabaseSchema(root, new FerryDataSource(spec));
      root.add(spec.name(), schema);
      databases.put(spec.name(), schema);
    }
    // More connections, for statements planned at the same time, hold the same schema objects.
    this.statements = new CalciteStatements(calcite, () -> {
      CalciteConnection c = Connector.calcite(info).unwrap(CalciteConnection.class);
      databases.forEach((name, schema) -> c.getRootSchema().add(name, schema));
      return c;
    }, r -> refresh(r, 0));
  }

  /** Opens a federation over {@code specs}; nothing connects until a query needs it. */
  public static Federation open(List<DatabaseSpec> specs) {
    try {
      // The planner's program first: the semantics step follows whatever program is installed.
      FederatedProgram.install();
      SourceSemantics.install();
      Properties info = new Properties();
      info.setProperty("caseSensitive", "false");
      info.setProperty("unquotedCasing", "UNCHANGED");
      info.setProperty("quotedCasing", "UNCHANGED");
      info.setProperty("quoting", "DOUBLE_QUOTE");
      info.setProperty("conformance", SqlConformanceEnum.LENIENT.name());
      info.setProperty("typeSystem", FerryTypeSystem.class.getName() + "#INSTANCE");
      info.setProperty("timeZone", "UTC");
      Connection c = Connector.calcite(info);
      return new Federation(c.unwrap(CalciteConnection.class), info, specs);
    } catch (Exception e) {
      throw FerryFailure.wrap(e, "starting the federation engine");
    }
  }

  /**
   * Plans and starts one statement; its result is then streamed with
   * {@link ArrowChunks#streamTo}. A statement that changes rows returns one BIGINT column
   * {@code ROWCOUNT}. A statement writing to a read-only database is refused before it runs.
   */
  public ArrowChunks query(String sql, int batchRows) {
    checkOpen();
    checkWritable(sql);
    PreparedStatement ps = null;
    try {
      ArrowChunks chunks;
      PlannedRows planned = planRows(sql);
      DirectPlan direct = planned.direct();
      ps = planned.calcite();
      if (direct != null) {
        chunks = direct.open(allocator, batchRows, ResultLabels.of(sql, direct.columns()));
      } else if (java.util.Objects.requireNonNull(ps, "ps").execute()) {
        ResultSet rs = ps.getResultSet();
        chunks = new ArrowChunks(ps, rs, null,
            ResultLabels.of(sql, ColumnSpec.fromMetaData(rs.getMetaData())), allocator, batchRows);
      } else {
        long count = ps.getLargeUpdateCount();
        ps.close();
        return rowCount(count, batchRows);
      }
      return track(chunks);
    } catch (Exception e) {
      Jdbc.closeQuietly(null, ps, null);
      throw hint(FerryFailure.wrap(e, "running the query"), sql);
    }
  }

  /** The one-row {@code ROWCOUNT} result of a statement that changed {@code count} rows. */
  public ArrowChunks rowCount(long count, int batchRows) {
    try {
      Statement st = statements.create();
      ResultSet rs = st.executeQuery("VALUES CAST(" + count + " AS BIGINT)");
      return track(new ArrowChunks(st, rs, null,
          List.of(new ColumnSpec("ROWCOUNT", java.sql.Types.BIGINT, "BIGINT", 19, 0, false)),
          allocator, batchRows));
    } catch (SQLException e) {
      throw FerryFailure.wrap(e, "reporting a row count");
    }
  }

  private ArrowChunks track(ArrowChunks chunks) {
    synchronized (open) {
      open.add(chunks);
    }
    return chunks;
  }

  /** Refuses, before it runs, a statement that writes to a database marked read-only. */
  public void checkWritable(String sql) {
    try {
      ReadOnlyGuard.check(sql, databases.values().stream().map(d -> d.dataSource().spec()).toList());
    } catch (FerryFailure f) {
      throw hint(f, sql);
    }
  }

  /**
   * Plans a SELECT through Calcite and opens its rows: straight from the driver when Calcite
   * pushes it whole into one database ({@link DirectPlan}), else from Calcite's own execution.
   */
  public SourceRows openRows(String selectSql) throws SQLException {
    return planRows(selectSql).open();
  }

  /**
   * Plans a statement through Calcite without running it: the SQL one database runs when Calcite
   * pushes a query whole there, else Calcite's prepared statement. The caller opens or closes it.
   */
  public PlannedRows planRows(String selectSql) throws SQLException {
    checkOpen();
    PreparedStatement ps = null;
    try (Hook.Closeable h = Hook.PLAN_BEFORE_IMPLEMENTATION.addThread((RelRoot r) -> {
      DirectPlan d = DirectPlan.of(r, databases.values());
      if (d != null) {
        throw d;
      }
    })) {
      ps = statements.prepare(selectSql);
    } catch (SQLException | RuntimeException e) {
      DirectPlan direct = DirectPlan.find(e);
      if (direct == null) {
        throw e;
      }
      return new PlannedRows(direct, null);
    }
    return new PlannedRows(null, ps);
  }

  /** The Arrow memory every result and backup of this federation allocates from. */
  public BufferAllocator allocator() {
    return allocator;
  }

  /** The configured databases by name. */
  public Map<String, DatabaseSchema> databases() {
    return Collections.unmodifiableMap(databases);
  }

  /** Forgets a finished result; Node calls it after the last chunk or on abandoning one. */
  public void release(ArrowChunks chunks) {
    synchronized (open) {
      open.remove(chunks);
    }
    chunks.close();
  }

  /** Calcite's physical plan of {@code sql} and the SQL each database would run. */
  public Explanation explain(String sql) {
    checkOpen();
    try {
      return Explainer.explain(statements, databases.values(), sql);
    } catch (Exception e) {
      throw hint(FerryFailure.wrap(e, "explaining the query"), sql);
    }
  }

  /** Runs a query as {@link #query} does, measuring it: see {@link Analyzer}. */
  public AnalyzedQuery analyze(String sql, int batchRows) {
    checkWritable(sql);
    AnalyzedQuery q = Analyzer.start(this, sql, batchRows);
    track(q.chunks());
    return q;
  }

  /** Connects to one database and reports its product, version, driver and dialect. */
  public Ping ping(String name) {
    DatabaseSchema schema = database(name);
    long start = System.nanoTime();
    try (Connection c = schema.dataSource().openPhysical()) {
      DatabaseMetaData md = c.getMetaData();
      return new Ping(name, md.getDatabaseProductName(), md.getDatabaseProductVersion(),
          md.getDriverName() + " " + md.getDriverVersion(), (System.nanoTime() - start) / 1_000_000,
          schema.engine().name(), schema.engine().capabilities());
    } catch (Exception e) {
      throw FerryFailure.wrap(e, "connecting to database '" + name + "'");
    }
  }

  /**
   * Inspects the tables and views of one database into a snapshot: all of them, or only
   * {@code tables}; {@code namespace} is needed only for an unpinned database with several.
   */
  public Snapshot inspect(String database, @Nullable String namespace, @Nullable List<String> tables) {
    checkOpen();
    DatabaseSchema db = database(database);
    return Inspector.inspect(db.dataSource(), db.inspectionScope(namespace), tables);
  }

  /** The names of one database's tables (true for a view), in one round trip. */
  public Map<String, Boolean> tableNames(String database, @Nullable String namespace) {
    checkOpen();
    DatabaseSchema db = database(database);
    Scope scope = db.inspectionScope(namespace);
    return Inspector.names(db.dataSource(), scope);
  }

  /** The database configured as {@code name} (exactly, else ignoring case). */
  public DatabaseSchema database(String name) {
    checkOpen();
    DatabaseSchema s = databases.get(name);
    if (s == null) {
      for (Map.Entry<String, DatabaseSchema> e : databases.entrySet()) {
        if (e.getKey().equalsIgnoreCase(name)) {
          s = e.getValue();
        }
      }
    }
    if (s == null) {
      throw FerryFailure.of("UNKNOWN_DATABASE", "no database named '" + name + "' is configured; "
          + NameHints.didYouMean(new ArrayList<>(databases.keySet()), name) + "configured: "
          + String.join(", ", databases.keySet()));
    }
    return s;
  }

  /**
   * Adds what was searched to a "not found" failure of {@code sql}: the closest tables and
   * schemas, or for a missing column the closest columns of the tables the query reads; and to a
   * syntax error at a reserved word, that it must be quoted.
   */
  public FerryFailure hint(FerryFailure f, String sql) {
    if (PlanBudget.TIMEOUT.equals(f.code())) {
      return PlanBudget.naming(f, sql);
    }
    FerryFailure named = NameHints.withHint(ReservedWordHint.withHint(f, sql), databases.keySet(),
        path -> SchemaPath.namesUnder(calcite.getRootSchema(), path),
        (path, name) -> SchemaPath.unreadableKind(calcite.getRootSchema(), path, name));
    return named != f ? named : NameHints.withColumnHint(f, () -> QueryColumns.of(sql,
        calcite.getRootSchema(), calcite.getTypeFactory()));
  }

  /**
   * Makes Calcite read the databases' tables and schemas under {@code schema} again on their
   * next use: it keeps a snapshot of each schema's names, in which a table created since is
   * missing.
   */
  private static void refresh(SchemaPlus schema, int depth) {
    schema.setCacheEnabled(false);
    schema.setCacheEnabled(true);
    if (depth < 2) {
      for (String name : schema.subSchemas().getNames(LikePattern.any())) {
        SchemaPlus sub = schema.subSchemas().get(name);
        if (sub != null) {
          refresh(sub, depth + 1);
        }
      }
    }
  }

  private void checkOpen() {
    if (closed) {
      throw FerryFailure.of("CLOSED", "this Ferry instance has been closed");
    }
  }

  /**
   * Closes at once, whatever runs: every database connection is cut first (a statement waiting
   * on a lock would otherwise hold up the close with it), then {@link #close} runs on a daemon
   * thread; returns when it finished or after {@code waitMillis}. For exit paths: a process
   * ending on a signal cannot wait for a lock to be granted.
   */
  public void closeNow(long waitMillis) {
    long deadline = System.nanoTime() + waitMillis * 1_000_000L;
    List<Thread> cutting = new ArrayList<>();
    databases.values().forEach(d -> cutting.addAll(d.dataSource().abortAll()));
    Thread closer = new Thread(() -> {
      for (Thread t : cutting) {
        try {
          t.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000L));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
      try {
        close();
      } catch (RuntimeException ignored) {
        // Ending anyway; what could not close is gone with the process.
      }
    }, "ferry-close-now");
    closer.setDaemon(true);
    closer.start();
    try {
      closer.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000L));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Closes every open result, the Calcite connection and every database connection. Safe to call
   * twice; Node calls it on success, on error and on SIGINT/SIGTERM.
   */
  @Override public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    List<ArrowChunks> pending;
    synchronized (open) {
      pending = new ArrayList<>(open);
      open.clear();
    }
    pending.forEach(ArrowChunks::close);
    statements.close();
    databases.values().forEach(d -> d.dataSource().closeAll());
    try {
      allocator.close();
    } catch (IllegalStateException stillStreaming) {
      // A stream cut off by this close frees its own buffers when its thread sees the failure.
    }
  }
}
