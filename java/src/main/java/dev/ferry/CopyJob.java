package dev.ferry;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Copies one table between two configured databases in key-range chunks, each committed in one
 * target transaction together with its checkpoint, so a copy killed at any moment resumes to an
 * exact result.
 *
 * <p>Each chunk is {@code INSERT INTO target SELECT cols FROM source WHERE key > lo AND key <= hi}
 * run by {@link CrossInsert}: Calcite pushes the SELECT into the source and Ferry's
 * {@link TableSink} bulk-loads the target. A table without a single-column key of an orderable
 * type is one chunk, so a resume starts it over (the earlier transaction either committed whole
 * or left nothing). Node calls {@link #plan}, {@link #run} (on a bridge thread), and meanwhile
 * {@link #progress} and {@link #cancel} from others.
 */
public final class CopyJob {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Set {@code -Dferry.debug.copy=true} to print each phase's duration on stderr. */
  private static final boolean DEBUG = Boolean.getBoolean("ferry.debug.copy");
  private long lastMark = System.nanoTime();

  private final Engine engine;
  private final CopyRequest request;
  private final DatabaseSchema source;
  private final DatabaseSchema target;
  private final String targetEngine;
  private final AtomicBoolean cancelled = new AtomicBoolean();
  private final AtomicBoolean running = new AtomicBoolean();
  private volatile String phase = "planned";
  /** The workers of the running copy; null before it starts. */
  private volatile @Nullable ChunkWorkers workers;
  /** Rows a resumed copy had committed before this run. */
  private volatile long committedBefore;
  private volatile long rowsTotal = -1;
  private volatile int chunksTotal = -1;
  private @Nullable Plan plan;

  /** What a run will do, as {@link #plan} reports it. */
  private record Plan(Snapshot.Table table, String sourceRef, TableName targetName, boolean exists,
      List<String> columns, @Nullable String key, @Nullable String keyFamily, List<String> ddl,
      List<String> indexes, List<ChunkPlanner.Range> ranges, long rowsTotal,
      @Nullable String resumeFrom, Checkpoints.@Nullable State prior, @Nullable String condition,
      @Nullable String watermarkFamily, @Nullable String watermarkHi, List<String> notes) {}

  CopyJob(Engine engine, CopyRequest request) {
    this.engine = engine;
    this.request = request;
    this.source = engine.database(request.from());
    this.target = engine.database(request.to());
    DatabaseSpec t = target.dataSource().spec();
    this.targetEngine = t.engine();
    if (t.readOnly() && !request.dryRun()) {
      throw FerryFailure.of("READ_ONLY", "database '" + t.name() + "' is marked readOnly: true;"
              + " refusing to copy " + request.table() + " into it (remove readOnly from its config"
              + " entry to allow writes)")
          .with("database", t.name());
    }
    if (request.stateFile() != null && !request.dryRun()) {
      // Refused here, before a table is created or a row written.
      Path folder = Path.of(request.stateFile()).toAbsolutePath().getParent();
      if (folder == null || !java.nio.file.Files.isDirectory(folder)
          || !java.nio.file.Files.isWritable(folder)) {
        throw FerryFailure.of("COPY_STATE", "cannot keep checkpoints in " + request.stateFile()
                + ": its folder " + folder + " does not exist or cannot be written; create it or"
                + " name another --state-file")
            .with("stateFile", request.stateFile());
      }
    }
  }

  /**
   * The plan as JSON: {@code {table, targetTable, ddl, indexes, chunks:[{from,to}], key,
   * resumeFrom, rowsTotal, notes}}. Reads the source's key column and the target's checkpoint;
   * writes nothing.
   */
  public byte[] plan() {
    try {
      Plan p = plan(null);
      ObjectNode out = JSON.createObjectNode();
      out.put("table", request.table());
      out.put("targetTable", p.targetName().toString());
      out.putPOJO("ddl", p.ddl());
      out.putPOJO("indexes", p.indexes());
      ArrayNode chunks = out.putArray("chunks");
      for (ChunkPlanner.Range r : p.ranges()) {
        chunks.addObject().put("from", r.lo()).put("to", r.hi());
      }
      out.putPOJO("key", p.key() == null ? List.of() : List.of(p.key()));
      out.put("resumeFrom", p.resumeFrom());
      out.put("rowsTotal", p.rowsTotal());
      out.putPOJO("notes", p.notes());
      return JSON.writeValueAsBytes(out);
    } catch (Exception e) {
      throw FerryFailure.wrap(e, "planning the copy of " + request.table());
    }
  }

  private Plan plan(@Nullable Connection targetConnection) throws SQLException {
    Plan cached = plan;
    if (cached != null) {
      return cached;
    }
    phase = "planning";
    List<String> notes = new ArrayList<>();
    Catalog.Scope sourceScope = source.inspectionScope(request.fromNamespace());
    Snapshot snap = Catalog.inspect(source, sourceScope);
    mark("inspected the source");
    Snapshot.Table table = find(snap.tables(), request.table());
    if (table == null) {
      throw FerryFailure.of("SQL_VALIDATION", "database '" + request.from() + "' has no table '"
          + request.table() + "' in " + sourceScope).with("database", request.from())
          .with("table", request.table());
    }
    String sourceRef = ChunkPlanner.q(source.dataSource().spec().name())
        + (source.namespaceNames().isEmpty() || sourceScope.namespace() == null ? ""
            : "." + ChunkPlanner.q(sourceScope.namespace()))
        + "." + ChunkPlanner.q(table.name());
    List<String> columns = new ArrayList<>();
    table.columns().forEach(c -> columns.add(c.name()));

    Catalog.Scope targetScope = target.inspectionScope(request.toNamespace());
    boolean own = targetConnection == null;
    Connection c = own ? target.dataSource().openPhysical() : targetConnection;
    try {
      if (own) {
        c.setAutoCommit(false);
      }
      String existing = findTable(c, targetScope, request.targetTable());
      TableName targetName = new TableName(targetScope.namespace(),
          existing != null ? existing : request.targetTable());
      TargetDdl ddl = new TargetDdl(targetEngine, source.dataSource().spec().engine(), target.dialect());
      List<String> create = new ArrayList<>();
      if (existing == null) {
        if (!request.create()) {
          throw FerryFailure.of("SQL_VALIDATION", "database '" + request.to() + "' has no table '"
              + request.targetTable() + "'; create it first or copy with --create")
              .with("database", request.to()).with("table", request.targetTable());
        }
        create.add(ddl.createTable(targetName, table));
      }
      List<String> indexes = request.create() ? ddl.indexes(targetName, table) : List.of();

      String key = null;
      String keyFamily = null;
      List<String> pk = table.primaryKey() == null ? List.of() : table.primaryKey().columns();
      if (pk.size() == 1) {
        Snapshot.Column kc = column(table, pk.get(0));
        if (kc != null && ChunkPlanner.CHUNKABLE.contains(kc.type().family())
            && !(kc.type().family().equals("decimal") && kc.type().scale() != null
                && kc.type().scale() > 0)) {
          key = kc.name();
          keyFamily = kc.type().family();
        }
      }
      if (key == null) {
        notes.add(table.name() + " has no single-column primary key of an integer, text or date"
            + " type, so it is copied in one transaction" + (request.resume()
            ? "; --resume starts it over (the interrupted transaction left nothing behind)" : ""));
      }

      Checkpoints.State prior = readCheckpoint(c, targetScope);
      String wmFamily = null;
      String wmHi = null;
      String condition = request.where();
      if (request.mode().equals("incremental")) {
        Snapshot.Column wc = column(table, request.watermark());
        if (wc == null) {
          throw FerryFailure.of("USAGE", "watermark column '" + request.watermark() + "' is not a"
              + " column of " + table.name());
        }
        wmFamily = wc.type().family();
        String last = prior == null ? null : prior.watermark();
        String fam = wmFamily;
        String q = ChunkPlanner.q(wc.name());
        // Literals carry the precision Calcite types the column with (MariaDB's DATETIME(6) is
        // TIMESTAMP(0) to it): a literal of another precision makes Calcite cast the column,
        // which MariaDB rejects. The lower bound is rounded down and the upper one up, so rows
        // at a boundary may be read twice, which the merge makes harmless, and none is skipped.
        int[] wp = {6};
        java.util.function.BiFunction<String, Boolean, String> lit = (v, up) -> fam.equals("timestamp")
            ? ChunkPlanner.timestampLiteral(v, wp[0], up) : ChunkPlanner.literal(fam, v);
        wp[0] = queryPrecision(sourceRef, wc.name());
        wmHi = maxWatermark(sourceRef, wc.name(), ChunkPlanner.and(request.where(),
            last == null ? null : q + " > " + lit.apply(last, false)));
        condition = ChunkPlanner.and(request.where(),
            last == null ? null : q + " > " + lit.apply(last, false),
            wmHi == null ? null : q + " <= " + lit.apply(wmHi, true));
        notes.add(last == null ? "incremental: no watermark recorded yet; copying every row"
            + (wmHi == null ? "" : " up to " + wc.name() + " = " + wmHi)
            : "incremental: copying rows with " + wc.name() + " > " + last
                + (wmHi == null ? " (none found)" : " up to " + wmHi));
      }

      String resumeFrom = null;
      if (request.resume() && !request.mode().equals("incremental")) {
        if (prior == null) {
          notes.add("no checkpoint for " + targetName + " under job '" + request.job()
              + "'; starting from the beginning");
        } else if (prior.done() && !prior.pending()) {
          notes.add("the last copy of " + targetName + " completed; nothing to resume");
        } else if (key != null && prior.chunkHi() != null) {
          resumeFrom = prior.chunkHi();
          notes.add("resuming after " + key + " = " + resumeFrom + " (" + prior.rows()
              + " rows already committed)");
        } else if (key != null) {
          notes.add("no chunk of " + targetName + " was committed before; starting from the beginning");
        }
      } else if (request.resume()) {
        notes.add("incremental copies resume from the last recorded watermark; an interrupted run's"
            + " committed chunks are merged again (upsert), which is idempotent");
      }

      List<ChunkPlanner.Range> ranges;
      long total;
      boolean nothing = request.resume() && prior != null && prior.done() && !prior.pending()
          && !request.mode().equals("incremental");
      boolean noNewRows = request.mode().equals("incremental") && wmHi == null;
      if (nothing || noNewRows) {
        ranges = List.of();
        total = 0;
      } else if (key != null) {
        ChunkPlanner.Boundaries b = null;
        if (condition == null && keyFamily.equals("integer")) {
          // Calcite warms up on another thread while the source counts its keys.
          warmPlanner(select(columns, sourceRef) + " WHERE " + ChunkPlanner.rangeCondition(key,
              keyFamily, new ChunkPlanner.Range("0", "1")));
          b = ChunkPlanner.directEvenRanges(source, new TableName(sourceScope.namespace(),
              table.name()), key, resumeFrom, request.chunkRows());
        }
        if (b == null) {
          b = ChunkPlanner.scan(engine, sourceRef, key, keyFamily,
              ChunkPlanner.and(condition, resumeFrom == null ? null
                  : ChunkPlanner.q(key) + " > " + ChunkPlanner.literal(keyFamily, resumeFrom)),
              request.chunkRows());
        }
        ranges = ChunkPlanner.ranges(resumeFrom, b.his());
        total = b.rows();
        mark("scanned " + total + " keys into " + ranges.size() + " chunks");
      } else {
        ranges = List.of(new ChunkPlanner.Range(null, null));
        total = count(sourceRef, condition);
      }
      Plan p = new Plan(table, sourceRef, targetName, existing != null, columns, key, keyFamily,
          create, indexes, ranges, total, resumeFrom, prior, condition, wmFamily, wmHi,
          List.copyOf(notes));
      plan = p;
      rowsTotal = total + (resumeFrom != null && prior != null ? prior.rows() : 0);
      chunksTotal = ranges.size();
      phase = "planned";
      return p;
    } finally {
      if (own) {
        try {
          c.rollback();
        } catch (SQLException ignored) {
          // Only reads happened.
        }
        c.close();
      }
    }
  }

  /**
   * Runs the copy and returns {@code {table, rows, totalRows, chunks, seconds, resumedFrom,
   * skippedChunks, notes}}; {@code rows} counts this run only.
   */
  public byte[] run() {
    if (!running.compareAndSet(false, true)) {
      throw FerryFailure.of("USAGE", "this copy job already ran");
    }
    long start = System.nanoTime();
    try (Connection c = target.dataSource().openPhysical()) {
      c.setAutoCommit(false);
      ChunkWorkers.readCommitted(c, targetEngine);
      Plan p = plan(c);
      ObjectNode out = JSON.createObjectNode();
      out.put("table", request.table());
      out.put("targetTable", p.targetName().toString());
      if (request.dryRun()) {
        out.put("rows", 0);
        out.put("dryRun", true);
        out.putPOJO("notes", p.notes());
        phase = "done";
        return JSON.writeValueAsBytes(out);
      }
      mark("run: connected to the target");
      phase = "preparing";
      for (String ddl : p.ddl()) {
        execute(c, ddl);
      }
      mark("run: created the table");
      List<String> runNotes = new ArrayList<>();
      Checkpoints checkpoints = checkpoints(c, p.targetName().namespace(), runNotes);
      String tbl = p.targetName().toString();
      Checkpoints.State prior = p.prior();
      boolean continuing = p.resumeFrom() != null;
      String lastWatermark = prior == null ? null : prior.watermark();
      long committed = continuing && prior != null ? prior.rows() : 0;
      long skipped = continuing ? committed / request.chunkRows() : 0;
      boolean replace = request.mode().equals("replace");
      boolean upsert = request.mode().equals("upsert") || request.mode().equals("incremental");
      String quotedTarget = p.targetName().quoted(target.dialect());
      String empty = !replace || continuing ? null : targetEngine.equals("postgresql")
          ? "TRUNCATE TABLE " + quotedTarget : "DELETE FROM " + quotedTarget;
      // A one-chunk replace empties the table in the chunk's own transaction, so a failure
      // leaves the old rows; a chunked one in the transaction that marks the copy started, so
      // the chunks, written side by side, never wait on that lock.
      String emptyInChunk = p.ranges().size() == 1 ? empty : null;
      if (!continuing && !p.ranges().isEmpty()) {
        if (empty != null && emptyInChunk == null) {
          execute(c, empty, false);
        }
        Checkpoints.State started = Checkpoints.State.started(lastWatermark);
        checkpoints.write(c, request.job(), tbl, started);
        c.commit();
        checkpoints.committed(request.job(), tbl, started);
      }
      if (prior != null && prior.pending() && request.resume() && p.key() != null && !upsert) {
        // A chunk whose commit the state file never confirmed: remove what it may have left in
        // its own key range (no later chunk commits before it). A merge needs no clean-up: it
        // merges the same rows again.
        String k = target.dialect().quoteIdentifier(p.key());
        List<String> range = new ArrayList<>();
        if (prior.pendingLo() != null) {
          range.add(k + " > " + nativeLiteral(p.keyFamily(), prior.pendingLo()));
        }
        if (prior.pendingHi() != null) {
          range.add(k + " <= " + nativeLiteral(p.keyFamily(), prior.pendingHi()));
        }
        execute(c, "DELETE FROM " + quotedTarget
            + (range.isEmpty() ? "" : " WHERE " + String.join(" AND ", range)));
      }
      List<String> key = new ArrayList<>();
      if (p.table().primaryKey() != null) {
        key.addAll(p.table().primaryKey().columns());
      }
      if (upsert && key.isEmpty()) {
        throw FerryFailure.of("USAGE", "an " + request.mode() + " copy of " + p.table().name()
            + " needs a primary key to merge rows by; it has none");
      }
      mark("run: checkpoint marked started");
      phase = "copying";
      committedBefore = committed;
      ChunkWorkers w = new ChunkWorkers(engine, target, new ChunkWorkers.Setup(request.job(),
          request.table(), tbl, p.targetName(), p.columns(), select(p.columns(), p.sourceRef()),
          p.ranges(), p.condition(),
          p.key(), p.keyFamily(), p.watermarkHi(), lastWatermark,
          upsert ? TableSink.Mode.UPSERT : TableSink.Mode.INSERT, key, checkpoints, emptyInChunk,
          committed), cancelled, this::mark);
      workers = w;
      committed = w.run(workers(p, upsert), c);
      if (!p.indexes().isEmpty()) {
        phase = "indexing";
        for (String ddl : p.indexes()) {
          execute(c, ddl);
        }
      }
      phase = "done";
      out.put("rows", committed - (continuing && prior != null ? prior.rows() : 0));
      out.put("totalRows", committed);
      out.put("chunks", p.ranges().size());
      out.put("seconds", (System.nanoTime() - start) / 1e9);
      out.put("resumedFrom", p.resumeFrom());
      out.put("skippedChunks", skipped);
      out.put("created", !p.ddl().isEmpty());
      List<String> notes = new ArrayList<>(p.notes());
      notes.addAll(runNotes);
      if (w.relayed()) {
        notes.add(targetEngine.equals("postgresql")
            ? "rows travelled as PostgreSQL COPY text, untouched: the target columns have the"
                + " source's own types"
            : "rows travelled as PostgreSQL COPY text, re-escaped for LOAD DATA without decoding"
                + " values: the target columns hold the source's exactly");
      }
      out.putPOJO("notes", notes);
      return JSON.writeValueAsBytes(out);
    } catch (Exception e) {
      phase = cancelled.get() ? "cancelled" : "failed";
      throw FerryFailure.wrap(e, "copying " + request.table() + " from '" + request.from()
          + "' to '" + request.to() + "'");
    }
  }

  /** {@code SELECT cols FROM source}, in Calcite's SQL: what each chunk narrows by its range. */
  private static String select(List<String> columns, String sourceRef) {
    return "SELECT " + String.join(", ", columns.stream().map(ChunkPlanner::q).toList())
        + " FROM " + sourceRef;
  }

  /**
   * How many chunks are written at once: the request's {@code parallel}, but one for a SQLite
   * target (one writer at a time), a single chunk, or a merge outside PostgreSQL (MariaDB's and
   * H2's merges lock key gaps, which could make a later chunk block an earlier one that waits
   * for its turn to commit, where no deadlock detector sees it).
   */
  private int workers(Plan p, boolean upsert) {
    if (targetEngine.equals("sqlite") || (upsert && !targetEngine.equals("postgresql"))) {
      return 1;
    }
    return Math.max(1, Math.min(Math.min(request.parallel(), ChunkWorkers.MAX), p.ranges().size()));
  }

  /** {@code {table, phase, rows, rowsTotal, chunksDone, chunksTotal}}; safe from any thread. */
  public byte[] progress() {
    ObjectNode out = JSON.createObjectNode();
    out.put("table", request.table());
    out.put("phase", phase);
    ChunkWorkers w = workers;
    out.put("rows", w == null ? committedBefore : w.rows());
    out.put("rowsTotal", rowsTotal);
    out.put("chunksDone", w == null ? 0 : w.chunksDone());
    out.put("chunksTotal", chunksTotal);
    try {
      return JSON.writeValueAsBytes(out);
    } catch (Exception e) {
      throw FerryFailure.wrap(e, "reporting progress");
    }
  }

  /**
   * Stops the copy: the running chunk rolls back, committed chunks stay, {@link #run} fails with
   * {@code CANCELLED}.
   */
  public void cancel() {
    cancelled.set(true);
    ChunkWorkers w = workers;
    if (w != null) {
      w.stop();
    }
  }

  /**
   * Plans (never runs) {@code select} through Calcite on another thread, so the planner's
   * first-use cost (~0.3 s cold) overlaps other work before the first chunk plans the same
   * shape. A failure is left for the real planning to report.
   */
  private void warmPlanner(String select) {
    Thread t = new Thread(() -> {
      try (PlannedRows ignored = engine.planRows(select)) {
        // Planned and dropped.
      } catch (Exception | LinkageError ignored) {
        // The chunk's own planning reports it.
      }
    }, "ferry-warm-planner");
    t.setDaemon(true);
    t.start();
  }

  private void mark(String what) {
    if (DEBUG) {
      long now = System.nanoTime();
      System.err.printf(java.util.Locale.ROOT, "ferry copy %s: %s %d ms%n", request.table(), what,
          (now - lastMark) / 1_000_000);
      lastMark = now;
    }
  }

  private void execute(Connection c, String sql) throws SQLException {
    execute(c, sql, true);
  }

  private static void execute(Connection c, String sql, boolean commit) throws SQLException {
    try (Statement st = c.createStatement()) {
      st.execute(sql);
      if (commit) {
        c.commit();
      }
    } catch (SQLException e) {
      if (commit) {
        c.rollback();
      }
      throw new SQLException(e.getMessage() + " (in: " + sql + ")", e.getSQLState(), e.getErrorCode(), e);
    }
  }

  /** A key literal in the target's own SQL (for the state file's clean-up DELETE). */
  private static String nativeLiteral(String family, String value) {
    return switch (family) {
      case "integer", "decimal" -> value;
      case "date" -> "DATE '" + value + "'";
      default -> "'" + value.replace("'", "''") + "'";
    };
  }

  private Checkpoints.@Nullable State readCheckpoint(Connection c, Catalog.Scope scope)
      throws SQLException {
    String tbl = new TableName(scope.namespace(), findOr(c, scope, request.targetTable())).toString();
    if (request.stateFile() != null) {
      return new Checkpoints.StateFile(Path.of(request.stateFile())).read(request.job(), tbl);
    }
    if (TargetColumns.read(c, targetEngine, new TableName(scope.namespace(), "ferry_checkpoint")).exists()) {
      try {
        Checkpoints.State s = new Checkpoints.InTarget(c, scope.namespace(), target.dialect(), targetEngine)
            .read(request.job(), tbl);
        if (s != null) {
          return s;
        }
      } catch (SQLException e) {
        // A table this user may not read (another user's checkpoints) counts as none when a
        // fallback file holds this user's; without one the failure is the answer.
        if (request.fallbackStateFile() == null) {
          throw e;
        }
      }
    }
    return request.fallbackStateFile() == null ? null
        : new Checkpoints.StateFile(Path.of(request.fallbackStateFile())).read(request.job(), tbl);
  }

  /**
   * Where this run keeps its checkpoints: the state file the request names; else a
   * {@code ferry_checkpoint} table in the target, created when missing; else, when the target
   * refuses that table (no right to create tables, say) and the request names a fallback file,
   * that file, with a note saying so.
   */
  private Checkpoints checkpoints(Connection c, @Nullable String namespace, List<String> notes)
      throws SQLException {
    if (request.stateFile() != null) {
      return new Checkpoints.StateFile(Path.of(request.stateFile()));
    }
    Checkpoints.InTarget in = new Checkpoints.InTarget(c, namespace, target.dialect(), targetEngine);
    try {
      in.ensure();
      return in;
    } catch (SQLException e) {
      if (request.fallbackStateFile() == null) {
        throw e;
      }
      String why = FerryFailure.scrub(target.dataSource().spec(), String.valueOf(e.getMessage()))
          .strip().split("\n", 2)[0].replaceFirst("^ERROR: ", "");
      notes.add("the target cannot hold a ferry_checkpoint table (" + why + "); checkpoints go to "
          + request.fallbackStateFile());
      return new Checkpoints.StateFile(Path.of(request.fallbackStateFile()));
    }
  }

  private String findOr(Connection c, Catalog.Scope scope, String name) throws SQLException {
    String found = findTable(c, scope, name);
    return found == null ? name : found;
  }

  private @Nullable String maxWatermark(String sourceRef, String column, @Nullable String condition)
      throws SQLException {
    String sql = "SELECT MAX(" + ChunkPlanner.q(column) + ") FROM " + sourceRef
        + (condition == null ? "" : " WHERE " + condition);
    try (SourceRows r = engine.openRows(sql)) {
      boolean sqlite = r.source() != null && r.source().dataSource().spec().engine().equals("sqlite");
      Object v = null;
      if (r.resultSet().next()) {
        v = SinkValues.readers(r.columns(), sqlite)[0].read(r.resultSet());
      }
      return v == null ? null : SinkValues.text(v);
    }
  }

  /** The precision Calcite gives {@code column} in queries. */
  private int queryPrecision(String sourceRef, String column) throws SQLException {
    try (SourceRows r = engine.openRows("SELECT " + ChunkPlanner.q(column) + " FROM " + sourceRef
        + " WHERE 1 = 0")) {
      return r.columns().get(0).precision();
    }
  }

  private long count(String sourceRef, @Nullable String condition) throws SQLException {
    String sql = "SELECT COUNT(*) FROM " + sourceRef + (condition == null ? "" : " WHERE " + condition);
    try (SourceRows r = engine.openRows(sql)) {
      return r.resultSet().next() ? r.resultSet().getLong(1) : 0;
    }
  }

  /** The exact name of table {@code name} in the target namespace (case-insensitive), or null. */
  private static @Nullable String findTable(Connection c, Catalog.Scope scope, String name)
      throws SQLException {
    DatabaseMetaData md = c.getMetaData();
    String found = null;
    try (ResultSet rs = md.getTables(scope.catalog(), scope.schema(), null, null)) {
      while (rs.next()) {
        String t = rs.getString("TABLE_NAME");
        if (name.equals(t)) {
          return t;
        }
        if (found == null && name.equalsIgnoreCase(t)) {
          found = t;
        }
      }
    } finally {
      if (!c.getAutoCommit()) {
        c.commit();
      }
    }
    return found;
  }

  private static Snapshot.@Nullable Table find(List<Snapshot.Table> tables, String name) {
    for (Snapshot.Table t : tables) {
      if (t.name().equals(name)) {
        return t;
      }
    }
    for (Snapshot.Table t : tables) {
      if (t.name().equalsIgnoreCase(name)) {
        return t;
      }
    }
    return null;
  }

  private static Snapshot.@Nullable Column column(Snapshot.Table t, @Nullable String name) {
    if (name == null) {
      return null;
    }
    for (Snapshot.Column c : t.columns()) {
      if (c.name().equals(name)) {
        return c;
      }
    }
    for (Snapshot.Column c : t.columns()) {
      if (c.name().equalsIgnoreCase(name)) {
        return c;
      }
    }
    return null;
  }
}
