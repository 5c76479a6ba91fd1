package dev.ferry.backup;

import static java.util.Objects.requireNonNull;

import dev.ferry.archive.Manifest;
import dev.ferry.catalog.Scope;
import dev.ferry.catalog.Snapshot;
import dev.ferry.crypt.BackupKey;
import dev.ferry.crypt.SealedFormat;
import dev.ferry.dialect.Dialect;
import dev.ferry.dialect.ReadSnapshot;
import dev.ferry.error.FerryFailure;
import dev.ferry.federation.DatabaseSchema;
import dev.ferry.federation.DirectPlan;
import dev.ferry.federation.Federation;
import dev.ferry.federation.PlannedRows;
import dev.ferry.inspect.Inspector;
import dev.ferry.message.Messages;
import dev.ferry.migrate.MappingCheck;
import dev.ferry.migrate.TableChoice;
import dev.ferry.types.ColumnSpec;
import dev.ferry.types.LogicalType;
import dev.ferry.types.TableName;
import dev.ferry.types.TypeFamily;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Backs up the chosen tables of one database into a folder: every table read from one
 * consistent snapshot ({@link Dialect#readSnapshot}) by up to {@code jobs} readers side by side,
 * largest table first, into chunk files; the manifest is written last, so a folder without one
 * is never mistaken for a backup. A failed or cancelled backup removes what it wrote.
 */
public final class BackupJob {
  private final Federation federation;
  private final BackupRequest request;
  private final TableChoice choice;
  private final AtomicBoolean cancelled = new AtomicBoolean();
  private final AtomicBoolean running = new AtomicBoolean();
  private final AtomicLong rows = new AtomicLong();
  private final AtomicLong bytes = new AtomicLong();
  private final AtomicInteger tablesDone = new AtomicInteger();
  private final Map<String, Integer> current = new ConcurrentHashMap<>();
  private volatile int tablesTotal = -1;
  private volatile String phase = "planning";

  /** A backup as {@code request} asks; nothing is read until {@link #run}. */
  public BackupJob(Federation federation, BackupRequest request) {
    this.federation = requireNonNull(federation, "federation");
    this.request = requireNonNull(request, "request");
    this.choice = new TableChoice(request.database(), request.tables(), request.exclude());
    if (!request.compress().equals("zstd") && !request.compress().equals("none")) {
      throw FerryFailure.of("USAGE", "--compress " + request.compress() + " is not offered: use"
          + " zstd (the default) or none").with("compress", request.compress());
    }
  }

  /** Runs the backup; fails with the folder emptied again. */
  public BackupResult run() {
    if (!running.compareAndSet(false, true)) {
      throw FerryFailure.of("USAGE", "this backup job already ran");
    }
    long start = System.nanoTime();
    Path out = Path.of(request.output()).toAbsolutePath().normalize();
    boolean created = prepareFolder(out);
    try {
      BackupResult r = backup(out, start);
      phase = "done";
      return r;
    } catch (Exception e) {
      phase = cancelled.get() ? "cancelled" : "failed";
      clean(out, created);
      throw FerryFailure.wrap(e, "backing up database '" + request.database() + "' into " + out);
    }
  }

  private BackupResult backup(Path out, long start) throws SQLException, IOException {
    DatabaseSchema source = federation.database(request.database());
    Dialect engine = source.engine();
    Scope scope = source.inspectionScope(request.namespace());
    Snapshot schema = Inspector.inspect(source.dataSource(), scope, null);
    List<Snapshot.Table> tables = choose(schema);
    tablesTotal = tables.size();
    // The namespace in the engine's catalog; in Calcite's names, a pinned entry has none.
    String ns = scope.namespace();
    String refNs = source.namespaceNames().isEmpty() ? null : ns;

    Map<String, Long> sizes;
    Map<String, Map<String, Long>> identity;
    try (Connection c = source.dataSource().getConnection()) {
      sizes = engine.tableSizes(c, ns);
      identity = engine.identityNext(c, ns);
    }
    // Plans first (Calcite types each column), then the snapshot, so readers wait on nothing.
    Map<String, TableWriter.Setup> setups = new LinkedHashMap<>();
    BackupKey seal = null;
    Manifest.Encryption encryption = null;
    if (request.secret() != null) {
      byte[] salt = BackupKey.newSalt();
      seal = BackupKey.derive(request.secret(), salt, BackupKey.ITERATIONS);
      encryption = new Manifest.Encryption("AES-256-GCM", SealedFormat.SEGMENT,
          seal.stretched() ? "PBKDF2-SHA256" : "none", BackupKey.ITERATIONS,
          Base64.getEncoder().encodeToString(salt), seal.check());
    }
    int index = 0;
    for (Snapshot.Table t : tables) {
      String sql = "SELECT * FROM " + MappingCheck.sourceRef(request.database(), refNs, t.name());
      DirectPlan direct;
      try (PlannedRows planned = federation.planRows(sql)) {
        direct = planned.direct();
      }
      if (direct == null) {
        throw FerryFailure.of("SQL_EXECUTION", "cannot read " + t.name() + " of database '"
            + request.database() + "' straight from it").with("table", t.name());
      }
      String folder = "tables/" + String.format(java.util.Locale.ROOT, "%04d-", ++index) + safe(t.name());
      setups.put(t.name(), new TableWriter.Setup(engine, t.name(), direct.sql(), exact(direct.columns(), t),
          t.primaryKey() == null ? List.of() : t.primaryKey().columns(),
          identity.getOrDefault(t.name(), Map.of()), out.resolve(folder), folder,
          request.compress().equals("zstd"), seal, request.chunkRows(),
          source.dataSource().spec().fetchSize() > 0 ? source.dataSource().spec().fetchSize() : 10_000));
    }
    List<String> order = new ArrayList<>(setups.keySet());
    order.sort(Comparator.comparingLong((String n) -> -sizes.getOrDefault(n, 0L)));

    phase = "reading";
    Instant taken = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    List<Manifest.TableData> data = new ArrayList<>();
    List<BackupResult.TableResult> perTable = new ArrayList<>();
    Map<String, String> position;
    List<String> notes = new ArrayList<>();
    // As many readers as asked even for fewer tables: a large table is then read in parts.
    int workers = Math.max(1, request.jobs());
    try (ReadSnapshot snap = engine.readSnapshot(() -> source.dataSource().openPhysical(), workers)) {
      position = snap.position();
      notes.addAll(snap.notes());
      List<Work> work = plan(engine, snap, tables, order, sizes, ns);
      Map<String, List<TableWriter.Part>> parts = new ConcurrentHashMap<>();
      Map<String, Double> seconds = new ConcurrentHashMap<>();
      ConcurrentLinkedQueue<Work> queue = new ConcurrentLinkedQueue<>(work);
      List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
      List<Thread> threads = new ArrayList<>();
      for (Connection reader : snap.readers()) {
        Thread th = new Thread(() -> {
          for (Work next; failures.isEmpty() && (next = queue.poll()) != null; ) {
            Work w = next;
            current.merge(w.table(), 1, Integer::sum);
            long t0 = System.nanoTime();
            try {
              TableWriter.Part p = new TableWriter(setups.get(w.table()), federation.allocator(),
                  rows::addAndGet, cancelled::get).write(reader, w.condition(), w.prefix());
              bytes.addAndGet(p.chunks().stream().mapToLong(Manifest.Chunk::bytes).sum());
              List<TableWriter.Part> got = parts.computeIfAbsent(w.table(),
                  k -> Collections.synchronizedList(new ArrayList<>(Collections.nCopies(w.of(), null))));
              got.set(w.index(), p);
              seconds.merge(w.table(), (System.nanoTime() - t0) / 1e9, Double::sum);
              if (got.stream().allMatch(java.util.Objects::nonNull)) {
                tablesDone.incrementAndGet();
              }
            } catch (Throwable e) {
              failures.add(e);
            } finally {
              current.computeIfPresent(w.table(), (k, n) -> n == 1 ? null : n - 1);
            }
          }
        }, "ferry-backup");
        th.setDaemon(true);
        threads.add(th);
        th.start();
      }
      for (Thread th : threads) {
        try {
          th.join();
        } catch (InterruptedException e) {
          cancelled.set(true);
          Thread.currentThread().interrupt();
        }
      }
      if (!failures.isEmpty()) {
        Throwable f = failures.get(0);
        if (f instanceof RuntimeException re) {
          throw re;
        }
        throw FerryFailure.wrap(f, "reading the tables");
      }
      for (String name : setups.keySet()) {
        Manifest.TableData d = TableWriter.entry(setups.get(name), parts.get(name));
        data.add(d);
        perTable.add(new BackupResult.TableResult(name, d.rows(), d.chunks().size(),
            d.chunks().stream().mapToLong(Manifest.Chunk::bytes).sum(), seconds.getOrDefault(name, 0.0)));
      }
    }
    Snapshot kept = keep(schema, tables);
    Manifest m = new Manifest(Manifest.FORMAT, Manifest.VERSION, taken.toString(),
        new Manifest.Source(request.database(), engine.name(), kept.engine(), kept.engineVersion(),
            ns),
        position, request.compress(), encryption, kept, data, List.copyOf(notes));
    Path partial = out.resolve(Manifest.FILE + ".partial");
    Files.write(partial, Messages.JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(m));
    Files.move(partial, out.resolve(Manifest.FILE), StandardCopyOption.ATOMIC_MOVE);
    int files = data.stream().mapToInt(d -> d.chunks().size()).sum();
    return new BackupResult(request.database(), out.toString(), perTable, rows.get(), bytes.get(),
        files, position, seal != null, request.compress(), (System.nanoTime() - start) / 1e9,
        List.copyOf(notes));
  }

  /**
   * One reader's piece of work: a table, or one part of it ({@code condition} in the engine's
   * SQL; its files named with {@code prefix}).
   */
  private record Work(String table, @Nullable String condition, String prefix, int index, int of) {}

  /**
   * The work, largest first: with several readers, a table holding a large share of the bytes is
   * cut into one part per reader ({@link Dialect#splitReads}), so it does not leave the others
   * idle at the end.
   */
  private List<Work> plan(Dialect engine, ReadSnapshot snap, List<Snapshot.Table> tables,
      List<String> order, Map<String, Long> sizes, @Nullable String ns) throws SQLException {
    int readers = snap.readers().size();
    long total = sizes.values().stream().mapToLong(Long::longValue).sum();
    List<Work> out = new ArrayList<>();
    for (String name : order) {
      long size = sizes.getOrDefault(name, 0L);
      List<String> cuts = List.of();
      if (readers > 1 && total > 0 && size * 2 * readers >= total) {
        Snapshot.Table t = tables.stream().filter(x -> x.name().equals(name)).findFirst().orElseThrow();
        cuts = engine.splitReads(snap.readers().get(0), new TableName(ns, name), integerKey(t), readers);
      }
      if (cuts.isEmpty()) {
        out.add(new Work(name, null, "", 0, 1));
      } else {
        for (int i = 0; i < cuts.size(); i++) {
          out.add(new Work(name, cuts.get(i), String.format(java.util.Locale.ROOT, "p%d-", i + 1), i, cuts.size()));
        }
      }
    }
    return out;
  }

  /**
   * The columns as the backup stores them: a DECIMAL declared without precision or with more
   * digits than Arrow's Decimal128 holds (PostgreSQL's bare {@code numeric}, whose values keep
   * their own scale) is stored as its exact digits, never at the 38 digits and 18 decimals
   * Calcite types it with.
   */
  private static List<ColumnSpec> exact(List<ColumnSpec> columns, Snapshot.Table t) {
    List<ColumnSpec> out = new ArrayList<>(columns);
    for (int i = 0; i < out.size() && i < t.columns().size(); i++) {
      ColumnSpec c = out.get(i);
      LogicalType type = t.columns().get(i).type();
      if (type.family() == TypeFamily.DECIMAL && (type.precision() == null || type.precision() > 38)) {
        out.set(i, new ColumnSpec(c.label(), c.jdbcType(), c.typeName(), 0, 0, c.nullable()));
      }
    }
    return out;
  }

  /** The first primary key column when it holds integers; null otherwise. */
  private static @Nullable String integerKey(Snapshot.Table t) {
    if (t.primaryKey() == null || t.primaryKey().columns().isEmpty()) {
      return null;
    }
    String k = t.primaryKey().columns().get(0);
    return t.columns().stream().anyMatch(c -> c.name().equals(k)
        && c.type().family() == TypeFamily.INTEGER) ? k : null;
  }

  /** The tables chosen; partitions come with their partitioned table. */
  private List<Snapshot.Table> choose(Snapshot schema) {
    List<String> names = new ArrayList<>(schema.tables().stream().map(Snapshot.Table::name).toList());
    schema.views().forEach(v -> names.add(v.name()));
    choice.requireMatches(names);
    List<Snapshot.Table> out = schema.tables().stream()
        .filter(t -> choice.wanted(t.name()) && t.partitionOf() == null).toList();
    if (out.isEmpty()) {
      throw choice.nothingChosen(schema.tables().stream().map(Snapshot.Table::name).toList());
    }
    return out;
  }

  /**
   * The structure a restore rebuilds: the tables backed up, their partitions, and every view
   * (views read other tables; a restore reports the ones it cannot create).
   */
  private Snapshot keep(Snapshot schema, List<Snapshot.Table> tables) {
    List<String> names = tables.stream().map(Snapshot.Table::name).toList();
    List<Snapshot.Table> kept = schema.tables().stream()
        .filter(t -> names.contains(t.name()) || names.contains(t.partitionOf())).toList();
    List<Snapshot.View> views = schema.views().stream().filter(v -> choice.wanted(v.name())).toList();
    return new Snapshot(schema.format(), schema.database(), schema.engine(), schema.engineVersion(),
        schema.takenAt(), kept, views);
  }

  /** A table name as a file name: letters, digits, {@code _} and {@code -}, at most 60. */
  private static String safe(String name) {
    String s = name.replaceAll("[^A-Za-z0-9_-]", "_");
    return s.length() > 60 ? s.substring(0, 60) : s;
  }

  /** Creates the folder, or accepts an empty one; true when this job created it. */
  private static boolean prepareFolder(Path out) {
    try {
      if (Files.exists(out)) {
        if (!Files.isDirectory(out)) {
          throw FerryFailure.of("BACKUP_OUTPUT", out + " is a file, not a folder: name a new or"
              + " empty folder for the backup").with("path", out.toString());
        }
        try (var entries = Files.list(out)) {
          if (entries.findAny().isPresent()) {
            throw FerryFailure.of("BACKUP_OUTPUT", out + " already holds files: a backup goes into"
                + " a new or empty folder, so it never mixes with another; name another --output"
                + " or remove what is there").with("path", out.toString());
          }
        }
        return false;
      }
      Files.createDirectories(out);
      return true;
    } catch (IOException e) {
      throw FerryFailure.of("BACKUP_OUTPUT", "cannot create the backup folder " + out + ": "
          + e.getMessage()).with("path", out.toString());
    }
  }

  /** Removes what a failed backup wrote (the folder too when it made it). */
  private static void clean(Path out, boolean created) {
    try (var walk = Files.walk(out)) {
      walk.sorted(Comparator.reverseOrder()).filter(p -> created || !p.equals(out)).forEach(p -> {
        try {
          Files.deleteIfExists(p);
        } catch (IOException ignored) {
          // Best effort: the error that failed the backup is what the user needs to see.
        }
      });
    } catch (IOException ignored) {
      // Nothing was written.
    }
  }

  /** The counters; safe from any thread. */
  public BackupProgress progress() {
    return new BackupProgress(phase, tablesDone.get(), tablesTotal, rows.get(), bytes.get(),
        List.copyOf(current.keySet()));
  }

  /** Stops the backup; {@link #run} then fails with {@code CANCELLED} and the folder emptied. */
  public void cancel() {
    cancelled.set(true);
  }
}
