package dev.ferry;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.calcite.config.Lex;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.jdbc.CalciteConnection;
import org.apache.calcite.runtime.Hook;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.schema.lookup.LikePattern;
import org.apache.calcite.sql.SqlDelete;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlMerge;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlUpdate;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.validate.SqlConformanceEnum;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * One Calcite connection over every configured database: what Node's {@code Ferry} object drives.
 *
 * <p>Each database is a {@link DatabaseSchema} under the root, so tables are
 * {@code db.table} or {@code db.schema.table}. Unquoted identifiers match case-insensitively and
 * keep their spelling, so {@code orders} finds PostgreSQL's {@code orders} and H2's
 * {@code ORDERS}; quoted identifiers keep spaces and reserved words.
 */
public final class Engine implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern NOT_FOUND_WITHIN =
      Pattern.compile("Object '([^']*)' not found within '([^']*)'");
  private static final Pattern NOT_FOUND = Pattern.compile("Object '([^']*)' not found$");

  private final CalciteConnection calcite;
  /** Every statement on {@link #calcite}, so that threads can share it. */
  private final CalciteStatements statements;
  private final Map<String, DatabaseSchema> databases = new LinkedHashMap<>();
  private final BufferAllocator allocator = new RootAllocator();
  private final Set<ArrowChunks> open = Collections.newSetFromMap(new IdentityHashMap<>());
  private boolean closed;

  private Engine(CalciteConnection calcite, Properties info, List<DatabaseSpec> specs) {
    this.calcite = calcite;
    SchemaPlus root = calcite.getRootSchema();
    for (DatabaseSpec spec : specs) {
      DatabaseSchema schema = new DatabaseSchema(root, new FerryDataSource(spec));
      root.add(spec.name(), schema);
      databases.put(spec.name(), schema);
    }
    // More connections, for statements planned at the same time, hold the same schema objects.
    this.statements = new CalciteStatements(calcite, () -> {
      CalciteConnection c = DriverManager.getConnection("jdbc:calcite:", info)
          .unwrap(CalciteConnection.class);
      databases.forEach((name, schema) -> c.getRootSchema().add(name, schema));
      return c;
    }, r -> refresh(r, 0));
  }

  /**
   * Opens an engine from Node's validated config: {@code {"databases":[{name,url,…}]}}.
   * Nothing connects to a database until a query needs it.
   */
  public static Engine open(byte[] configJson) {
    try {
      JsonNode config = JSON.readTree(requireNonNull(configJson, "configJson"));
      List<DatabaseSpec> specs = new ArrayList<>();
      for (JsonNode n : config.path("databases")) {
        specs.add(DatabaseSpec.fromJson(n));
      }
      Properties info = new Properties();
      info.setProperty("caseSensitive", "false");
      info.setProperty("unquotedCasing", "UNCHANGED");
      info.setProperty("quotedCasing", "UNCHANGED");
      info.setProperty("quoting", "DOUBLE_QUOTE");
      info.setProperty("conformance", SqlConformanceEnum.LENIENT.name());
      info.setProperty("typeSystem", FerryTypeSystem.class.getName() + "#INSTANCE");
      info.setProperty("timeZone", "UTC");
      Connection c = DriverManager.getConnection("jdbc:calcite:", info);
      return new Engine(c.unwrap(CalciteConnection.class), info, specs);
    } catch (Exception e) {
      throw FerryFailure.wrap(e, "starting the federation engine");
    }
  }

  /**
   * Plans and starts one statement; its result is then streamed with
   * {@link ArrowChunks#streamTo}. A statement that changes rows returns one BIGINT column
   * {@code ROWCOUNT}. A query Calcite pushes whole into one database is read straight from that
   * database's driver (typed by Calcite's plan), skipping Calcite's row-by-row engine: faster,
   * and timestamps keep their microseconds.
   */
  public ArrowChunks query(byte[] sqlUtf8, int batchRows) {
    checkOpen();
    String sql = Utf8.in(sqlUtf8);
    refuseReadOnlyWrites(sql);
    PreparedStatement ps = null;
    try {
      ArrowChunks chunks;
      Long inserted = CrossInsert.run(this, sql);
      if (inserted != null) {
        chunks = rowCount(inserted, batchRows);
        synchronized (open) {
          open.add(chunks);
        }
        return chunks;
      }
      DirectPlan direct = null;
      try (Hook.Closeable h = Hook.PLAN_BEFORE_IMPLEMENTATION.addThread((RelRoot r) -> {
        DirectPlan d = DirectPlan.of(r, databases.values());
        if (d != null) {
          throw d;
        }
      })) {
        ps = statements.prepare(sql);
      } catch (SQLException | RuntimeException e) {
        direct = DirectPlan.find(e);
        if (direct == null) {
          throw e;
        }
      }
      if (direct != null) {
        chunks = direct.open(allocator, batchRows);
      } else if (ps.execute()) {
        ResultSet rs = ps.getResultSet();
        chunks = new ArrowChunks(ps, rs, null, ColumnSpec.fromMetaData(rs.getMetaData()), allocator,
            batchRows);
      } else {
        long count = ps.getLargeUpdateCount();
        ps.close();
        chunks = rowCount(count, batchRows);
      }
      synchronized (open) {
        open.add(chunks);
      }
      return chunks;
    } catch (Exception e) {
      closeQuietly(ps);
      throw withHint(FerryFailure.wrap(e, "running the query"));
    }
  }

  /** The one-row {@code ROWCOUNT} result of a statement that changed rows. */
  private ArrowChunks rowCount(long count, int batchRows) throws SQLException {
    Statement st = statements.create();
    ResultSet rs = st.executeQuery("VALUES CAST(" + count + " AS BIGINT)");
    return new ArrowChunks(st, rs, null,
        List.of(new ColumnSpec("ROWCOUNT", java.sql.Types.BIGINT, "BIGINT", 19, 0, false)),
        allocator, batchRows);
  }

  /**
   * Plans a SELECT through Calcite and opens its rows: straight from the driver when Calcite
   * pushes it whole into one database ({@link DirectPlan}), else from Calcite's own execution.
   */
  SourceRows openRows(String selectSql) throws SQLException {
    return planRows(selectSql).open();
  }

  /**
   * Plans a SELECT through Calcite without running it: the SQL one database runs when Calcite
   * pushes it whole there, else Calcite's prepared statement. The caller opens or closes it.
   */
  PlannedRows planRows(String selectSql) throws SQLException {
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

  /**
   * Starts a table copy described by {@code requestJson} (see {@link CopyJob}); a read-only
   * target is refused here, before anything runs.
   */
  public CopyJob copyJob(byte[] requestJson) {
    checkOpen();
    try {
      return new CopyJob(this, CopyRequest.parse(requestJson));
    } catch (Exception e) {
      throw FerryFailure.wrap(e, "planning a copy");
    }
  }

  /** The configured databases by name. */
  Map<String, DatabaseSchema> databases() {
    return Collections.unmodifiableMap(databases);
  }

  /** Forgets a finished result; Node calls it after the last chunk or on abandoning one. */
  public void release(ArrowChunks chunks) {
    synchronized (open) {
      open.remove(chunks);
    }
    chunks.close();
  }

  /**
   * Returns {@code {"plan": text, "queries": [{"database", "sql"}]}}: Calcite's physical plan and
   * the SQL each database will run.
   */
  public byte[] explain(byte[] sqlUtf8) {
    checkOpen();
    String sql = Utf8.in(sqlUtf8);
    try (Statement st = statements.create()) {
      StringBuilder plan = new StringBuilder();
      try (ResultSet rs = st.executeQuery("EXPLAIN PLAN FOR " + sql)) {
        while (rs.next()) {
          plan.append(rs.getString(1));
        }
      }
      List<String> sqls = new ArrayList<>();
      try (Hook.Closeable ignored = Hook.QUERY_PLAN.addThread((Object q) -> sqls.add(String.valueOf(q)));
           java.sql.PreparedStatement ps = statements.prepare(sql)) {
        requireNonNull(ps, "ps");
      }
      List<String> dbs = convertersInPlanOrder(plan.toString());
      ObjectNode out = JSON.createObjectNode();
      out.put("plan", plan.toString().strip());
      ArrayNode qs = out.putArray("queries");
      for (int i = 0; i < sqls.size(); i++) {
        ObjectNode q = qs.addObject();
        q.put("database", i < dbs.size() ? dbs.get(i) : null);
        q.put("sql", sqls.get(i));
      }
      return JSON.writeValueAsBytes(out);
    } catch (Exception e) {
      throw withHint(FerryFailure.wrap(e, "explaining the query"));
    }
  }

  /** The database each JDBC subtree of an EXPLAIN reads, in the order Calcite implements them. */
  private List<String> convertersInPlanOrder(String plan) {
    List<String> dbs = new ArrayList<>();
    String[] lines = plan.split("\n");
    Pattern table = Pattern.compile("table=\\[\\[([^,\\]]+)");
    for (int i = 0; i < lines.length; i++) {
      if (!lines[i].contains("JdbcToEnumerableConverter")) {
        continue;
      }
      String db = null;
      for (int j = i + 1; j < lines.length && db == null; j++) {
        Matcher m = table.matcher(lines[j]);
        if (m.find()) {
          db = m.group(1).strip();
        }
      }
      dbs.add(db);
    }
    return dbs;
  }

  /** Connects to one database and reports its product, version and driver as JSON. */
  public byte[] ping(byte[] nameUtf8) {
    String name = Utf8.in(nameUtf8);
    DatabaseSchema schema = database(name);
    long start = System.nanoTime();
    try (Connection c = schema.dataSource().openPhysical()) {
      DatabaseMetaData md = c.getMetaData();
      ObjectNode out = JSON.createObjectNode();
      out.put("database", name);
      out.put("product", md.getDatabaseProductName());
      out.put("productVersion", md.getDatabaseProductVersion());
      out.put("driver", md.getDriverName() + " " + md.getDriverVersion());
      out.put("millis", (System.nanoTime() - start) / 1_000_000);
      return JSON.writeValueAsBytes(out);
    } catch (Exception e) {
      throw FerryFailure.wrap(e, "connecting to database '" + name + "'");
    }
  }

  /**
   * Inspects every table and view of one database into a snapshot (Node's
   * {@code SchemaSnapshot}); the request is {@code {"database": name, "namespace"?: schema}}, the
   * namespace being needed only for an unpinned database with several.
   */
  public byte[] inspect(byte[] requestJson) {
    checkOpen();
    try {
      JsonNode request = JSON.readTree(requireNonNull(requestJson, "requestJson"));
      String name = request.path("database").asText();
      JsonNode ns = request.get("namespace");
      DatabaseSchema db = database(name);
      Snapshot snapshot = Catalog.inspect(db,
          db.inspectionScope(ns == null || ns.isNull() ? null : ns.asText()));
      return JSON.writeValueAsBytes(snapshot);
    } catch (Exception e) {
      throw FerryFailure.wrap(e, "inspecting a database");
    }
  }

  /**
   * Proves one table of {@code from} an exact copy in {@code to}: row counts, per-chunk checksums
   * (computed in the database for same-engine pairs) and the keys of any differing chunk. The
   * request is {@code {"from","to","table","targetTable","chunkRows","fromNamespace","toNamespace"}};
   * the answer is a {@link VerifyReport} as JSON.
   */
  public byte[] verify(byte[] requestJson) {
    checkOpen();
    try {
      VerifyRequest r = VerifyRequest.fromJson(JSON.readTree(requireNonNull(requestJson, "requestJson")));
      Verifier v = new Verifier(database(r.from()).dataSource(), database(r.to()).dataSource(), r);
      return JSON.writeValueAsBytes(v.run());
    } catch (Exception e) {
      throw FerryFailure.wrap(e, "verifying a table");
    }
  }

  /** The database configured as {@code name} (exactly, else ignoring case). */
  DatabaseSchema database(String name) {
    DatabaseSchema s = databases.get(name);
    if (s == null) {
      for (Map.Entry<String, DatabaseSchema> e : databases.entrySet()) {
        if (e.getKey().equalsIgnoreCase(name)) {
          s = e.getValue();
        }
      }
    }
    if (s == null) {
      throw FerryFailure.of("UNKNOWN_DATABASE", "no database named '" + name + "' is configured;"
          + " configured: " + String.join(", ", databases.keySet()));
    }
    return s;
  }

  /** Refuses, before anything runs, a statement that would write to a read-only database. */
  private void refuseReadOnlyWrites(String sql) {
    SqlNode node;
    try {
      node = SqlParser.create(sql, SqlParser.config()
              .withLex(Lex.JAVA)
              .withQuoting(org.apache.calcite.avatica.util.Quoting.DOUBLE_QUOTE)
              .withConformance(SqlConformanceEnum.LENIENT))
          .parseStmt();
    } catch (SqlParseException e) {
      throw FerryFailure.wrap(e, "parsing the query");
    }
    SqlNode target = node instanceof SqlInsert i ? i.getTargetTable()
        : node instanceof SqlUpdate u ? u.getTargetTable()
        : node instanceof SqlDelete d ? d.getTargetTable()
        : node instanceof SqlMerge m ? m.getTargetTable() : null;
    if (target instanceof SqlIdentifier id && !id.names.isEmpty()) {
      for (DatabaseSchema db : databases.values()) {
        DatabaseSpec spec = db.dataSource().spec();
        if (spec.readOnly() && spec.name().equalsIgnoreCase(id.names.get(0))) {
          throw FerryFailure.of("READ_ONLY",
              "database '" + spec.name() + "' is marked readOnly: true; refusing to write to "
                  + String.join(".", id.names) + " (remove readOnly from its config entry to allow writes)")
              .with("database", spec.name());
        }
      }
    }
  }

  /** Adds what was searched to Calcite's "not found" messages. */
  private FerryFailure withHint(FerryFailure f) {
    if (!f.code().equals("SQL_VALIDATION")) {
      return f;
    }
    String msg = String.valueOf(f.getMessage());
    Matcher within = NOT_FOUND_WITHIN.matcher(msg);
    if (within.find()) {
      String name = within.group(1);
      String path = within.group(2);
      List<String> known = namesUnder(path);
      String hint = known == null ? ""
          : known.isEmpty() ? "; '" + path + "' has no tables or schemas"
          : "; searched '" + path + "', which has: " + closest(known, name);
      return FerryFailure.of("SQL_VALIDATION", "Table or schema '" + name + "' not found in '"
              + path + "'" + hint)
          .with("object", name).with("searched", path);
    }
    Matcher top = NOT_FOUND.matcher(msg);
    if (top.find()) {
      return FerryFailure.of("SQL_VALIDATION", "Database '" + top.group(1)
              + "' not found; configured databases: " + String.join(", ", databases.keySet()))
          .with("object", top.group(1));
    }
    return f;
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

  private @Nullable List<String> namesUnder(String dottedPath) {
    try {
      SchemaPlus s = calcite.getRootSchema();
      for (String part : dottedPath.split("\\.")) {
        SchemaPlus next = s.subSchemas().get(part);
        if (next == null) {
          var named = s.subSchemas().getIgnoreCase(part);
          next = named == null ? null : named.entity();
        }
        if (next == null) {
          return null;
        }
        s = next;
      }
      List<String> names = new ArrayList<>(s.tables().getNames(LikePattern.any()));
      names.addAll(s.subSchemas().getNames(LikePattern.any()));
      Collections.sort(names);
      return names;
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static String closest(List<String> names, String wanted) {
    String w = wanted.toLowerCase(Locale.ROOT);
    List<String> sorted = new ArrayList<>(names);
    sorted.sort((a, b) -> Integer.compare(distance(a.toLowerCase(Locale.ROOT), w),
        distance(b.toLowerCase(Locale.ROOT), w)));
    List<String> top = sorted.subList(0, Math.min(8, sorted.size()));
    return String.join(", ", top) + (sorted.size() > top.size() ? ", … (" + sorted.size() + " in all)" : "");
  }

  private static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }

  private void checkOpen() {
    if (closed) {
      throw FerryFailure.of("CLOSED", "this Ferry instance has been closed");
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

  private static void closeQuietly(@Nullable Statement st) {
    if (st != null) {
      try {
        st.close();
      } catch (SQLException ignored) {
        // Already failing; the original error is the one to report.
      }
    }
  }

}
