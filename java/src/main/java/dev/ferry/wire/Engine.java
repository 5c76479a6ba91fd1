package dev.ferry.wire;

import dev.ferry.backup.BackupCheck;
import dev.ferry.backup.BackupJob;
import dev.ferry.backup.BackupRequest;
import dev.ferry.backup.Backups;
import dev.ferry.backup.RestoreRequest;

import dev.ferry.arrow.ArrowChunks;
import dev.ferry.copy.CopyFinish;
import dev.ferry.copy.CopyJob;
import dev.ferry.copy.CopyRequest;
import dev.ferry.copy.CrossInsert;
import dev.ferry.error.FerryFailure;
import dev.ferry.federation.DatabaseSchema;
import dev.ferry.federation.Federation;
import dev.ferry.inspect.Inspector;
import dev.ferry.message.Messages;
import dev.ferry.migrate.MigrationPlanner;
import dev.ferry.migrate.MigrationRequest;
import dev.ferry.sync.SyncAdmin;
import dev.ferry.sync.SyncJob;
import dev.ferry.sync.SyncRequest;
import dev.ferry.verify.LoadChecksumStore;
import dev.ferry.verify.Verifier;
import dev.ferry.verify.VerifyRequest;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The endpoint Node's {@code Ferry} object drives through java-bridge: each call takes and
 * gives bytes (UTF-8 text, or JSON messages read and written by {@link Messages}), and the work
 * is the {@link Federation}'s and the services'.
 *
 * <p>Text crosses the bridge as UTF-8 bytes because java-bridge's string conversion mangles
 * characters outside the Basic Multilingual Plane. Every failure is a {@link FerryFailure}, whose
 * message carries the JSON envelope ({@link FailureEnvelope}) Node decodes.
 */
public final class Engine implements AutoCloseable {
  private final Federation federation;
  /** Checksums a migration's loads took, until the verification after each load takes them. */
  private final LoadChecksumStore loads = new LoadChecksumStore();

  private Engine(Federation federation) {
    this.federation = federation;
  }

  /** Opens an engine from an {@link OpenRequest}; nothing connects until a query needs it. */
  public static Engine open(byte[] requestJson) {
    OpenRequest request = Messages.read(requestJson, OpenRequest.class);
    return new Engine(Federation.open(request.databases()));
  }

  /**
   * Plans and starts one statement; its result is then streamed with
   * {@link ArrowChunks#streamTo}. An {@code INSERT … SELECT} reading other databases than its
   * target is run by Ferry's own sink ({@link CrossInsert}); a statement that changes rows
   * returns one BIGINT column {@code ROWCOUNT}.
   */
  public ArrowChunks query(byte[] sqlUtf8, int batchRows) {
    String sql = text(sqlUtf8);
    federation.checkWritable(sql);
    Long inserted;
    try {
      inserted = CrossInsert.run(federation, sql);
    } catch (RuntimeException e) {
      throw federation.hint(FerryFailure.wrap(e, "running the query"), sql);
    }
    return inserted != null ? federation.rowCount(inserted, batchRows)
        : federation.query(sql, batchRows);
  }

  /** Forgets a finished result; Node calls it after the last chunk or on abandoning one. */
  public void release(ArrowChunks chunks) {
    federation.release(chunks);
  }

  /**
   * Plans and starts one query, measuring it: stream its result with
   * {@link AnalyzeTask#streamTo}, then read the {@code Analysis} of the run.
   */
  public AnalyzeTask analyze(byte[] sqlUtf8, int batchRows) {
    return new AnalyzeTask(federation, federation.analyze(text(sqlUtf8), batchRows));
  }

  /** An {@code Explanation}: Calcite's plan and the SQL each database would run. */
  public byte[] explain(byte[] sqlUtf8) {
    return Messages.write(federation.explain(text(sqlUtf8)));
  }

  /** A {@code Ping}: connects to one database and reports what answered. */
  public byte[] ping(byte[] nameUtf8) {
    return Messages.write(federation.ping(text(nameUtf8)));
  }

  /** A {@code Snapshot} of the tables and views an {@link InspectRequest} asks for. */
  public byte[] inspect(byte[] requestJson) {
    InspectRequest r = Messages.read(requestJson, InspectRequest.class);
    return Messages.write(federation.inspect(r.database(), r.namespace(), r.tables()));
  }

  /** A {@link TableList}: the names of a database's tables and views (an {@link InspectRequest}). */
  public byte[] tables(byte[] requestJson) {
    InspectRequest r = Messages.read(requestJson, InspectRequest.class);
    Map<String, Boolean> names = federation.tableNames(r.database(), r.namespace());
    List<String> tables = new ArrayList<>();
    List<String> views = new ArrayList<>();
    names.forEach((name, view) -> (view ? views : tables).add(name));
    return Messages.write(new TableList(r.database(), tables, views));
  }

  /** A {@link TableBytes}: the bytes on disk of a database's tables (an {@link InspectRequest}). */
  public byte[] tableBytes(byte[] requestJson) {
    InspectRequest r = Messages.read(requestJson, InspectRequest.class);
    DatabaseSchema db = federation.database(r.database());
    return Messages.write(new TableBytes(r.database(),
        new TreeMap<>(Inspector.bytes(db.dataSource(), db.inspectionScope(r.namespace())))));
  }

  /**
   * A {@code VerifyReport}: proves one table of a {@link VerifyRequest}'s source an exact copy in
   * its target.
   */
  public byte[] verify(byte[] requestJson) {
    VerifyRequest r = Messages.read(requestJson, VerifyRequest.class);
    try {
      return Messages.write(new Verifier(federation.database(r.from()).dataSource(),
          federation.database(r.to()).dataSource(), r, loads).run());
    } catch (Exception e) {
      throw FerryFailure.wrap(e, "verifying a table");
    }
  }

  /**
   * Checks a {@link CopyRequest} and answers it with every default filled in, without planning
   * anything: what Node asks once before copying many tables with the same options.
   */
  public byte[] copyRequest(byte[] requestJson) {
    return Messages.write(Messages.read(requestJson, CopyRequest.class));
  }

  /** Starts a table copy (a {@link CopyRequest}); a read-only target is refused here. */
  public CopyTask copyJob(byte[] requestJson) {
    CopyRequest r = Messages.read(requestJson, CopyRequest.class);
    try {
      return new CopyTask(new CopyJob(federation, r, loads));
    } catch (Exception e) {
      throw FerryFailure.wrap(e, "planning a copy");
    }
  }

  /**
   * Tidies the target after a {@code ferry copy} whose tables all completed (a
   * {@link CopyFinish}): no checkpoint table stays beside the user's tables that nothing needs.
   */
  public void finishCopy(byte[] requestJson) {
    CopyJob.finish(federation, Messages.read(requestJson, CopyFinish.class));
  }

  /** Plans a migration (reading both databases); the task then runs its structure phases. */
  public MigrationTask migration(byte[] requestJson) {
    MigrationRequest r = Messages.read(requestJson, MigrationRequest.class);
    try {
      return new MigrationTask(federation, new MigrationPlanner(federation, r).plan(), r.jobs());
    } catch (Exception e) {
      throw FerryFailure.wrap(e, "planning the migration");
    }
  }

  /** Starts a backup (a {@link BackupRequest}); nothing is read until it runs. */
  public BackupTask backupJob(byte[] requestJson) {
    BackupRequest r = Messages.read(requestJson, BackupRequest.class);
    try {
      return new BackupTask(new BackupJob(federation, r));
    } catch (Exception e) {
      throw FerryFailure.wrap(e, "starting the backup");
    }
  }

  /**
   * A {@link BackupCheck}: every file of the backup that database {@code name} serves proven
   * present and intact, before a restore writes anything.
   */
  public byte[] checkBackup(byte[] nameUtf8, int jobs) {
    return Messages.write(Backups.check(federation, text(nameUtf8), jobs));
  }

  /** Starts the load of one table of a restore (a {@link RestoreRequest}). */
  public RestoreTask restoreJob(byte[] requestJson) {
    RestoreRequest r = Messages.read(requestJson, RestoreRequest.class);
    try {
      return new RestoreTask(Backups.restore(federation, r));
    } catch (Exception e) {
      throw FerryFailure.wrap(e, "starting the restore of " + r.table());
    }
  }

  /** Opens a sync (a {@link SyncRequest}); nothing is read until it prepares. */
  public SyncTask syncJob(byte[] requestJson) {
    SyncRequest r = Messages.read(requestJson, SyncRequest.class);
    try {
      return new SyncTask(new SyncJob(federation, r));
    } catch (Exception e) {
      throw FerryFailure.wrap(e, "opening the sync");
    }
  }

  /** A {@code SyncStatus}: where the sync of a {@link SyncRequest} stands. */
  public byte[] syncStatus(byte[] requestJson) {
    return Messages.write(SyncAdmin.status(federation, Messages.read(requestJson, SyncRequest.class)));
  }

  /** A {@code SyncDropped}: removes what the sync of a {@link SyncRequest} made. */
  public byte[] syncDrop(byte[] requestJson) {
    return Messages.write(SyncAdmin.drop(federation, Messages.read(requestJson, SyncRequest.class)));
  }

  /**
   * Closes every open result, the Calcite connection and every database connection. Safe to call
   * twice; Node calls it on success, on error and on exit.
   */
  @Override public void close() {
    federation.close();
  }

  /**
   * Closes at once, for Node's exit and signal paths: cuts every database connection (so a
   * statement waiting on a lock ends now, and the server rolls back its transaction), then
   * closes as {@link #close} does, waiting for that at most two seconds.
   */
  public void closeNow() {
    federation.closeNow(2_000);
  }

  private static String text(byte[] utf8) {
    return new String(utf8, StandardCharsets.UTF_8);
  }
}
