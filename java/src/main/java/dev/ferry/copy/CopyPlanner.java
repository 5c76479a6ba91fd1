package dev.ferry.copy;

import dev.ferry.catalog.Scope;
import dev.ferry.catalog.Snapshot;
import dev.ferry.ddl.Ddl;
import dev.ferry.dialect.Dialect;
import dev.ferry.error.FerryFailure;
import dev.ferry.federation.DatabaseSchema;
import dev.ferry.federation.Federation;
import dev.ferry.federation.PlannedRows;
import dev.ferry.federation.SourceRows;
import dev.ferry.inspect.Inspector;
import dev.ferry.sink.TargetColumns;
import dev.ferry.types.TableName;
import dev.ferry.types.TypeFamily;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Plans one table copy: inspects the source table (by name: no other table's catalog is read),
 * finds or designs the target table, picks the chunk key, reads the checkpoint, and splits the
 * rows still to copy into key ranges. Writes nothing.
 */
final class CopyPlanner {
  private final Federation federation;
  private final CopyRequest request;
  private final DatabaseSchema source;
  private final DatabaseSchema target;
  private final CheckpointPlace checkpoints;
  private final Consumer<String> mark;

  CopyPlanner(Federation federation, CopyRequest request, CheckpointPlace checkpoints,
      Consumer<String> mark) {
    this.federation = federation;
    this.request = request;
    this.source = federation.database(request.from());
    this.target = federation.database(request.to());
    this.checkpoints = checkpoints;
    this.mark = mark;
  }

  /** Plans on {@code c}, a target connection with autocommit off, which only reads. */
  TablePlan plan(Connection c) throws SQLException {
    List<String> notes = new ArrayList<>();
    Scope sourceScope = source.inspectionScope(request.fromNamespace());
    Snapshot snap = Inspector.inspect(source.dataSource(), sourceScope, List.of(request.table()));
    mark.accept("inspected the source");
    Snapshot.Table table = snap.tables().isEmpty() ? null : snap.tables().get(0);
    if (table == null) {
      throw FerryFailure.of("SQL_VALIDATION", "database '" + request.from() + "' has no table '"
          + request.table() + "' in " + sourceScope).with("database", request.from())
          .with("table", request.table());
    }
    String sourceRef = ChunkPlanner.q(source.dataSource().spec().name())
        + (source.namespaceNames().isEmpty() || sourceScope.namespace() == null ? ""
            : "." + ChunkPlanner.q(sourceScope.namespace()))
        + "." + ChunkPlanner.q(table.name());

    Scope targetScope = target.inspectionScope(request.toNamespace());
    String existing = findTable(c, targetScope, request.targetName());
    TableName targetName = new TableName(targetScope.namespace(),
        existing != null ? existing : request.targetName());
    Dialect sourceEngine = source.engine();
    if (existing != null && sourceEngine == target.engine()) {
      refuseSameTable(c, sourceScope, table.name(), targetScope, existing);
    }
    Ddl ddl = target.engine().ddl();
    Ddl.Source from = new Ddl.Source(sourceEngine == target.engine(),
        sourceEngine.capabilities().enforcesTypes(), sourceEngine.ddl().indexNamesPerTable(),
        sourceEngine.original().columnTypes());
    List<String> create = new ArrayList<>();
    if (existing == null) {
      if (!request.create()) {
        throw FerryFailure.of("SQL_VALIDATION", "database '" + request.to() + "' has no table '"
            + request.targetName() + "'; create it first or copy with --create")
            .with("database", request.to()).with("table", request.targetName());
      }
      create.add(ddl.createTable(target.dialect(), targetName, table, from));
    }
    List<String> indexes = request.create() ? ddl.indexes(target.dialect(), targetName, table, from)
        : List.of();

    ColumnMap map = request.columns() == null ? ColumnMap.byName(table)
        : ColumnMap.mapped(table, targetName.name(), existing == null
            ? table.columns().stream().map(Snapshot.Column::name).toList()
            : TargetColumns.read(c, target.engine().valueLimits(), targetName).names(),
            request.columns());
    notes.addAll(map.notes());
    List<String> columns = map.targets();

    ChunkKey key = ChunkKey.of(table);
    if (key == null) {
      notes.add(table.name() + " has no primary key whose first column is of an integer, text or"
          + " date type, so it is copied in one transaction" + (request.resume()
          ? "; --resume starts it over (the interrupted transaction left nothing behind)" : ""));
    }

    Checkpoints.State prior = checkpoints.read(c, targetScope,
        new TableName(targetScope.namespace(), existing != null ? existing : request.targetName())
            .toString());
    String condition = request.where();
    String watermarkHi = null;
    boolean noNewRows = false;
    if (request.mode() == CopyMode.INCREMENTAL) {
      WatermarkWindow w = WatermarkWindow.of(federation, sourceRef, table, request,
          prior == null ? null : prior.watermark());
      condition = w.condition();
      watermarkHi = w.hi();
      noNewRows = w.hi() == null;
      notes.add(w.note());
    }
    ResumePoint resume = ResumePoint.of(request, prior, targetName, key);
    if (resume.note() != null) {
      notes.add(resume.note());
    }
    String resumeFrom = resume.after();

    List<ChunkPlanner.Range> ranges;
    long total;
    if (resume.nothingLeft() || noNewRows) {
      ranges = List.of();
      total = 0;
    } else if (key != null) {
      ChunkPlanner.Boundaries b = null;
      if (condition == null && key.family() == TypeFamily.INTEGER) {
        // Calcite warms up on another thread while the source counts its keys.
        warmPlanner(select(map.items(), sourceRef) + " WHERE " + ChunkPlanner.rangeCondition(
            key.column(), key.family(), new ChunkPlanner.Range("0", "1")));
        b = ChunkPlanner.directEvenRanges(source, new TableName(sourceScope.namespace(),
            table.name()), key.column(), resumeFrom, request.chunkRows());
      }
      if (b == null) {
        b = ChunkPlanner.scan(federation, sourceRef, key.column(), key.family(),
            ChunkPlanner.and(condition, resumeFrom == null ? null
                : ChunkPlanner.q(key.column()) + " > " + ChunkPlanner.literal(key.family(), resumeFrom)),
            request.chunkRows());
      }
      ranges = ChunkPlanner.ranges(resumeFrom, b.his());
      total = b.rows();
      mark.accept("scanned " + total + " keys into " + ranges.size() + " chunks");
    } else {
      ranges = List.of(new ChunkPlanner.Range(null, null));
      total = count(sourceRef, condition);
    }
    return new TablePlan(table, sourceRef, targetName, List.copyOf(columns), map.items(), key,
        List.copyOf(create), indexes, ranges, total, resumeFrom, prior, condition, watermarkHi,
        List.copyOf(notes));
  }

  /**
   * Refuses a copy whose target is its own source: the same server and database (asked of both
   * connections, so two config entries for one database are caught), namespace and table. Such
   * a copy would double the table, or with {@code --mode replace} wait forever on itself.
   */
  private void refuseSameTable(Connection c, Scope sourceScope, String sourceTable,
      Scope targetScope, String targetTable) throws SQLException {
    if (!sourceTable.equals(targetTable)) {
      return;
    }
    Dialect engine = target.engine();
    String sourceId;
    String sourceNs;
    try (Connection sc = source.dataSource().getConnection()) {
      sourceId = engine.instanceIdentity(sc, source.dataSource().spec());
      sourceNs = namespace(sourceScope, engine, sc);
      if (!sc.getAutoCommit()) {
        sc.rollback();
      }
    }
    String targetId = engine.instanceIdentity(c, target.dataSource().spec());
    String targetNs = namespace(targetScope, engine, c);
    if (sourceId.equals(targetId) && java.util.Objects.equals(sourceNs, targetNs)) {
      String where = targetNs == null ? "" : " in " + targetScope;
      throw FerryFailure.of("USAGE", "refusing to copy " + sourceTable + " onto itself: '"
              + request.from() + "' and '" + request.to() + "' reach the same database" + where
              + ", so source and target are one table (the copy would double it, or with --mode"
              + " replace wait on itself); copy into another database or schema")
          .with("from", request.from()).with("to", request.to()).with("table", sourceTable);
    }
  }

  /**
   * The namespace {@code scope} names, else the one {@code c} resolves unqualified names in
   * (null for engines without namespaces).
   */
  static @Nullable String namespace(Scope scope, Dialect engine, Connection c) throws SQLException {
    return scope.namespace() != null ? scope.namespace() : engine.currentNamespace(c);
  }

  /** {@code SELECT items FROM source}, in Calcite's SQL: what each chunk narrows by its range. */
  static String select(List<String> items, String sourceRef) {
    return "SELECT " + String.join(", ", items) + " FROM " + sourceRef;
  }

  /**
   * Plans (never runs) {@code select} through Calcite on another thread, so the planner's
   * first-use cost (~0.3 s cold) overlaps other work before the first chunk plans the same
   * shape. A failure is left for the real planning to report.
   */
  private void warmPlanner(String select) {
    Thread t = new Thread(() -> {
      try (PlannedRows ignored = federation.planRows(select)) {
        // Planned and dropped.
      } catch (Exception | LinkageError ignored) {
        // The chunk's own planning reports it.
      }
    }, "ferry-warm-planner");
    t.setDaemon(true);
    t.start();
  }

  private long count(String sourceRef, @Nullable String condition) throws SQLException {
    String sql = "SELECT COUNT(*) FROM " + sourceRef + (condition == null ? "" : " WHERE " + condition);
    try (SourceRows r = federation.openRows(sql)) {
      return r.resultSet().next() ? r.resultSet().getLong(1) : 0;
    }
  }

  /**
   * The exact name of table {@code name} in the target namespace: looked up by that name, else
   * matched ignoring case against the namespace's list; null when absent.
   */
  private static @Nullable String findTable(Connection c, Scope scope, String name)
      throws SQLException {
    DatabaseMetaData md = c.getMetaData();
    try {
      String esc = md.getSearchStringEscape();
      String pattern = esc == null || esc.isEmpty() ? name
          : name.replace(esc, esc + esc).replace("_", esc + "_").replace("%", esc + "%");
      for (String t : tableNames(md, scope, pattern)) {
        if (name.equals(t)) {
          return t;
        }
      }
      for (String t : tableNames(md, scope, null)) {
        if (name.equalsIgnoreCase(t)) {
          return t;
        }
      }
      return null;
    } finally {
      if (!c.getAutoCommit()) {
        c.commit();
      }
    }
  }

  private static List<String> tableNames(DatabaseMetaData md, Scope scope,
      @Nullable String pattern) throws SQLException {
    List<String> out = new ArrayList<>();
    try (ResultSet rs = md.getTables(scope.catalog(), scope.schema(), pattern, null)) {
      while (rs.next()) {
        out.add(rs.getString("TABLE_NAME"));
      }
    }
    return out;
  }

  /** The column named {@code name}: exactly, else ignoring case; null when absent. */
  static Snapshot.@Nullable Column column(Snapshot.Table t, @Nullable String name) {
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
