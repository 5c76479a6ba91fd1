package dev.ferry.migrate;

import static java.util.Objects.requireNonNull;

import dev.ferry.catalog.CodeObject;
import dev.ferry.catalog.Scope;
import dev.ferry.catalog.Snapshot;
import dev.ferry.ddl.Ddl;
import dev.ferry.ddl.FerryNamespace;
import dev.ferry.dialect.Capabilities;
import dev.ferry.dialect.Dialect;
import dev.ferry.error.FerryFailure;
import dev.ferry.federation.DatabaseSchema;
import dev.ferry.federation.Federation;
import dev.ferry.inspect.Inspector;
import dev.ferry.types.TableName;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.calcite.sql.SqlDialect;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Plans a migration: reads the source's tables, views and constraints and the target's existing
 * objects, and orders what to make — types and tables before the load; indexes and unique keys,
 * foreign keys, identity counters and views after it — with every type mapping that changes
 * meaning listed as a warning. Writes nothing.
 */
public final class MigrationPlanner {
  /** The namespace Ferry keeps its checkpoints in, where the target has namespaces. */
  public static final String FERRY_NAMESPACE = FerryNamespace.NAME;

  private final Federation federation;
  private final MigrationRequest request;
  private final TableChoice choice;

  /** A planner for {@code request} over the databases of {@code federation}. */
  public MigrationPlanner(Federation federation, MigrationRequest request) {
    this.federation = requireNonNull(federation, "federation");
    this.request = requireNonNull(request, "request");
    this.choice = new TableChoice(request.from(), request.tables(), request.exclude());
  }

  /** The plan; a bad request (unknown database, a pattern matching nothing, a non-empty target) fails here. */
  public MigrationPlan plan() {
    DatabaseSchema source = federation.database(request.from());
    DatabaseSchema target = federation.database(request.to());
    Scope sourceScope = source.inspectionScope(request.fromNamespace());
    Scope targetScope = target.inspectionScope(request.toNamespace());
    Snapshot from = Inspector.inspect(source.dataSource(), sourceScope, null);
    Snapshot to = Inspector.inspect(target.dataSource(), targetScope, null);
    Dialect sourceEngine = source.engine().original();
    Dialect targetEngine = target.engine();
    SqlDialect q = target.dialect();
    Ddl ddl = targetEngine.ddl();
    boolean sameEngine = sourceEngine == targetEngine;
    String ns = targetScope.namespace();

    List<MigrationPlan.Warning> warnings = new ArrayList<>();
    List<MigrationPlan.Skipped> skipped = new ArrayList<>();
    Map<String, Snapshot.Table> existing = byLowerName(to.tables());
    Map<String, String> targetNames = new LinkedHashMap<>();
    List<Snapshot.Table> chosen = new ArrayList<>();
    for (Snapshot.Table t : choose(from, skipped)) {
      String mapped = mappedTarget(t.name());
      TableMapping m = mapping(mapped);
      if (m != null && m.skip()) {
        skipped.add(new MigrationPlan.Skipped(mapped, "table", "skipped by the mapping"));
        continue;
      }
      Snapshot.Table e = existing.get(mapped.toLowerCase(Locale.ROOT));
      if (e == null && m != null && m.columns() != null && !m.columns().isEmpty()) {
        throw FerryFailure.of("USAGE", "the mapping computes columns of " + mapped + ", which"
            + " database '" + request.to() + "' does not have: a migration creates missing tables"
            + " with the source's columns; create " + mapped + " first (the new version's schema),"
            + " then migrate into it").with("table", mapped);
      }
      chosen.add(t);
      targetNames.put(t.name(), e != null ? e.name() : mapped);
    }
    checkMapping(from, targetNames);
    if (!request.resume()) {
      refuseNonEmpty(target, ns, targetNames, existing);
    }

    List<Snapshot.Table> ordered = TableOrder.parentsFirst(chosen);
    TableStructure structure = new TableStructure(ddl, q, ns, sameEngine,
        new Ddl.Source(sameEngine, sourceEngine.capabilities().enforcesTypes(),
            sourceEngine.ddl().indexNamesPerTable(), sourceEngine.columnTypes()),
        new MigrationSql(sourceEngine, source.dialect(), targetEngine, q, sourceScope.namespace(), ns),
        targetNames, existing, warnings, skipped);
    List<MigrationPlan.Step> steps = new ArrayList<>();
    List<MigrationPlan.PlannedTable> tables = new ArrayList<>();
    for (Snapshot.Table t : ordered) {
      String targetName = targetNames.get(t.name());
      Snapshot.Table there = existing.get(targetName.toLowerCase(Locale.ROOT));
      TableMapping m = mapping(targetName);
      if (m != null) {
        // A table Ferry creates has the source's columns.
        MappingCheck.check(federation, MappingCheck.sourceRef(request.from(),
            source.namespaceNames().isEmpty() ? null : sourceScope.namespace(), t.name()),
            there != null ? there : t, m);
      }
      List<Snapshot.Table> partitions = from.tables().stream()
          .filter(p -> t.name().equals(p.partitionOf())).toList();
      tables.add(new MigrationPlan.PlannedTable(t.name(), targetName, there != null,
          partitions.stream().map(Snapshot.Table::name).toList()));
      if (there == null) {
        steps.addAll(structure.create(t, targetName, partitions));
      } else if (request.resume()) {
        steps.addAll(structure.missing(t, there));
      } else {
        warnings.add(new MigrationPlan.Warning(targetName, "exists in the target: loaded by column"
            + " name into its own structure, which the migration leaves as it is (its generated"
            + " keys continue after the loaded ones)"));
        steps.addAll(structure.identities(there));
      }
    }
    steps.addAll(new ViewSteps(q, ns, structure.translation(), to, warnings, skipped)
        .steps(from.views(), this::wanted));
    notCarried(source, sourceScope.namespace(), targetNames, skipped);
    boolean namespaces = targetEngine.capabilities().namespaces() != Capabilities.Namespaces.NONE
        && FerryNamespace.possible(ddl, q);
    // Tables the target has already keep their own foreign keys, checked while rows arrive.
    boolean keyedTarget = ordered.stream().map(t -> existing.get(targetNames.get(t.name())
        .toLowerCase(Locale.ROOT))).anyMatch(e -> e != null && !e.foreignKeys().isEmpty());
    boolean loadInOrder = !targetEngine.capabilities().concurrentWriters() || keyedTarget
        || ddl.checksForeignKeysWhileLoading() && ordered.stream().anyMatch(t -> !t.foreignKeys().isEmpty());
    if (!loadInOrder) {
      tables = largestFirst(source, sourceScope.namespace(), tables);
    }
    steps.sort(stepOrder(loadInOrder ? List.of() : tables));
    return new MigrationPlan(request.from(), request.to(), sourceEngine.name(), targetEngine.name(),
        ns, namespaces ? FERRY_NAMESPACE : null, "migrate:" + request.from() + "->" + request.to(),
        tables, loadInOrder, !loadInOrder && ddl.buildsSideBySide(), steps, warnings, skipped,
        counters(source, sourceScope.namespace(), targetNames));
  }

  /**
   * The source's identity counters by target {@code table.column}; none when the source cannot
   * say (the target's counters then continue after the loaded ids).
   */
  private static Map<String, Long> counters(DatabaseSchema source, @Nullable String namespace,
      Map<String, String> targetNames) {
    Map<String, Map<String, Long>> next;
    try (Connection c = source.dataSource().getConnection()) {
      next = source.engine().identityNext(c, namespace);
    } catch (SQLException unknown) {
      return Map.of();
    }
    Map<String, Long> out = new java.util.TreeMap<>();
    next.forEach((table, columns) -> {
      String target = targetNames.get(table);
      if (target != null) {
        columns.forEach((column, value) -> out.put(target + "." + column, value));
      }
    });
    return out;
  }

  /**
   * Steps by phase; within the phases after the load (indexes, foreign keys), in the order of
   * {@code loadOrder}, so the largest table's, the longest to build and check, start first.
   * Otherwise, and with no load order, steps keep their order.
   */
  private static java.util.Comparator<MigrationPlan.Step> stepOrder(
      List<MigrationPlan.PlannedTable> loadOrder) {
    Map<String, Integer> rank = new java.util.HashMap<>();
    for (int i = 0; i < loadOrder.size(); i++) {
      rank.put(loadOrder.get(i).target(), i);
    }
    return java.util.Comparator.comparing(MigrationPlan.Step::phase).thenComparing(s ->
        s.phase() == MigrationPhase.CONSTRAINTS || s.phase() == MigrationPhase.FOREIGN_KEYS
            ? rank.getOrDefault(String.valueOf(s.table()), loadOrder.size()) : 0);
  }

  /**
   * The source's triggers, routines, events and ON UPDATE columns, listed as not migrated: they
   * are its engine's own code. A table's only when the table is migrated; routines and events
   * only when every table is (no --tables), and not when --exclude matches them.
   */
  private void notCarried(DatabaseSchema source, @Nullable String namespace,
      Map<String, String> targetNames, List<MigrationPlan.Skipped> skipped) {
    List<CodeObject> code;
    try (Connection c = source.dataSource().getConnection()) {
      code = source.engine().codeObjects(c, namespace);
    } catch (SQLException e) {
      skipped.add(new MigrationPlan.Skipped("(triggers and routines)", "code", "the source's"
          + " triggers and routines could not be listed: " + source.dataSource().spec()
          .scrub(String.valueOf(e.getMessage())).strip()));
      return;
    }
    for (CodeObject o : code) {
      String table = o.table() == null ? null : targetNames.get(o.table());
      if (o.table() != null ? table == null : choice.narrowed() || !wanted(o.name())) {
        continue;
      }
      String object = table == null ? o.name() : table + "." + o.name();
      String what = o.detail() == null ? "" : " (" + o.detail().toLowerCase(Locale.ROOT) + ")";
      skipped.add(new MigrationPlan.Skipped(object, o.kind(), switch (o.kind()) {
        case "on update" -> "the column sets itself when its row changes" + what + ", which the"
            + " target's column does not: set it in the application or with a trigger";
        case "trigger" -> "a trigger" + what + " runs the source engine's own code: recreate it by hand";
        default -> "a " + o.kind() + " is the source engine's own code: recreate it by hand";
      }));
    }
  }

  /**
   * {@code tables} with the largest (with its partitions) first, so the longest load starts at
   * once instead of running alone at the end; as given where the source keeps no sizes.
   */
  private static List<MigrationPlan.PlannedTable> largestFirst(DatabaseSchema source,
      @Nullable String namespace, List<MigrationPlan.PlannedTable> tables) {
    Map<String, Long> sizes;
    try (Connection c = source.dataSource().getConnection()) {
      sizes = source.engine().tableSizes(c, namespace);
    } catch (SQLException unknown) {
      return tables;
    }
    Map<String, Long> total = new java.util.HashMap<>();
    for (MigrationPlan.PlannedTable t : tables) {
      long n = sizes.getOrDefault(t.source(), 0L);
      for (String p : t.partitions()) {
        n += sizes.getOrDefault(p, 0L);
      }
      total.put(t.source(), n);
    }
    List<MigrationPlan.PlannedTable> out = new ArrayList<>(tables);
    out.sort(java.util.Comparator.comparing((MigrationPlan.PlannedTable t) -> total.get(t.source())).reversed());
    return out;
  }

  /** Whether a table or view of this name is migrated: --tables (when given) matches it, --exclude does not. */
  private boolean wanted(String name) {
    return choice.wanted(name);
  }

  private List<Snapshot.Table> choose(Snapshot from, List<MigrationPlan.Skipped> skipped) {
    List<String> names = new ArrayList<>(from.tables().stream().map(Snapshot.Table::name).toList());
    from.views().forEach(v -> names.add(v.name()));
    choice.requireMatches(names);
    List<Snapshot.Table> out = new ArrayList<>();
    for (Snapshot.Table t : from.tables()) {
      if (!wanted(t.name())) {
        continue;
      }
      if (t.partitionOf() != null) {
        skipped.add(new MigrationPlan.Skipped(t.name(), "partition", "a partition of "
            + t.partitionOf() + ": its rows are loaded through " + t.partitionOf()
            + ", never as a table of their own"));
        continue;
      }
      out.add(t);
    }
    if (out.isEmpty()) {
      throw choice.nothingChosen(from.tables().stream().map(Snapshot.Table::name).toList());
    }
    return out;
  }

  /** The target table a source table goes to: the mapping entry naming it as its source, else its own name. */
  private String mappedTarget(String source) {
    if (request.mapping() != null) {
      for (Map.Entry<String, TableMapping> e : request.mapping().entrySet()) {
        if (e.getValue().from() != null && e.getValue().from().equalsIgnoreCase(source)) {
          return e.getKey();
        }
      }
    }
    return source;
  }

  private @Nullable TableMapping mapping(String target) {
    if (request.mapping() == null) {
      return null;
    }
    for (Map.Entry<String, TableMapping> e : request.mapping().entrySet()) {
      if (e.getKey().equalsIgnoreCase(target)) {
        return e.getValue();
      }
    }
    return null;
  }

  /** Every mapping entry must concern a table of the migration: a typo is an error, not a no-op. */
  private void checkMapping(Snapshot from, Map<String, String> targetNames) {
    if (request.mapping() == null) {
      return;
    }
    for (Map.Entry<String, TableMapping> e : request.mapping().entrySet()) {
      String source = e.getValue().from() != null ? e.getValue().from() : e.getKey();
      boolean known = from.tables().stream().anyMatch(t -> t.name().equalsIgnoreCase(source));
      if (!known) {
        throw FerryFailure.of("USAGE", "the mapping of " + e.getKey() + " reads source table '"
            + source + "', which database '" + request.from() + "' does not have; its tables: "
            + String.join(", ", from.tables().stream().map(Snapshot.Table::name).toList())
            + (e.getValue().from() == null ? " (name the source with from:)" : ""))
            .with("table", e.getKey());
      }
    }
  }

  private static Map<String, Snapshot.Table> byLowerName(List<Snapshot.Table> tables) {
    Map<String, Snapshot.Table> out = new LinkedHashMap<>();
    tables.forEach(t -> out.put(t.name().toLowerCase(Locale.ROOT), t));
    return out;
  }

  /** A migration without --resume loads into empty tables only: appending would double rows. */
  private void refuseNonEmpty(DatabaseSchema target, @Nullable String ns,
      Map<String, String> targetNames, Map<String, Snapshot.Table> existing) {
    List<String> full = new ArrayList<>();
    try (Connection c = target.dataSource().getConnection(); Statement st = c.createStatement()) {
      for (String name : targetNames.values()) {
        Snapshot.Table e = existing.get(name.toLowerCase(Locale.ROOT));
        if (e == null) {
          continue;
        }
        st.setMaxRows(1);
        try (ResultSet rs = st.executeQuery("SELECT 1 FROM " + new TableName(ns, e.name())
            .quoted(target.dialect()))) {
          if (rs.next()) {
            full.add(e.name());
          }
        }
      }
      if (!c.getAutoCommit()) {
        c.rollback();
      }
    } catch (SQLException e) {
      throw FerryFailure.wrap(e, "checking the target tables of database '" + request.to() + "'");
    }
    if (!full.isEmpty()) {
      throw FerryFailure.of("MIGRATE_TARGET_NOT_EMPTY", "database '" + request.to() + "' already"
          + " holds rows in " + String.join(", ", full) + "; a migration loads into new or empty"
          + " tables only. Continue an interrupted migration with --resume, or empty or drop those"
          + " tables first").with("database", request.to()).with("tables", full);
    }
  }
}
