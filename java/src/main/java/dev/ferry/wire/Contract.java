package dev.ferry.wire;

import dev.ferry.archive.Manifest;
import dev.ferry.backup.BackupCheck;
import dev.ferry.backup.BackupProgress;
import dev.ferry.backup.BackupRequest;
import dev.ferry.backup.BackupResult;
import dev.ferry.backup.RestoreRequest;

import dev.ferry.catalog.Snapshot;
import dev.ferry.copy.CopyFinish;
import dev.ferry.copy.CopyPlan;
import dev.ferry.copy.CopyProgress;
import dev.ferry.copy.CopyRequest;
import dev.ferry.copy.CopyResult;
import dev.ferry.federation.Analysis;
import dev.ferry.federation.Explanation;
import dev.ferry.federation.Ping;
import dev.ferry.migrate.MigrationPlan;
import dev.ferry.migrate.MigrationRequest;
import dev.ferry.migrate.PhaseResult;
import dev.ferry.sync.SyncDropped;
import dev.ferry.sync.SyncProgress;
import dev.ferry.sync.SyncRequest;
import dev.ferry.sync.SyncResult;
import dev.ferry.sync.SyncStart;
import dev.ferry.sync.SyncStatus;
import dev.ferry.validate.StatementVerdict;
import dev.ferry.verify.VerifyReport;
import dev.ferry.verify.VerifyRequest;

import java.util.List;

/**
 * Every message Node and the JVM exchange, by direction: the one list the TypeScript contract
 * is generated from ({@link TypeScriptContract}) and the contract tests walk.
 */
public final class Contract {
  private Contract() {}

  /** What Node sends: fields with a default or that may be null are optional there. */
  public static final List<Class<? extends Record>> REQUESTS = List.of(OpenRequest.class,
      InspectRequest.class, CopyRequest.class, CopyFinish.class, VerifyRequest.class, ScriptRequest.class,
      ValidateRequest.class, MigrationRequest.class, BackupRequest.class, RestoreRequest.class,
      SyncRequest.class);

  /** What the JVM answers: every field is present, null where it may be. */
  public static final List<Class<? extends Record>> REPLIES = List.of(Explanation.class,
      Analysis.class, Ping.class, Snapshot.class, TableList.class, TableBytes.class,
      CopyRequest.class, CopyPlan.class, CopyResult.class, CopyProgress.class, VerifyReport.class,
      StatementVerdict.class, RuntimeInfo.class, FailureEnvelope.class, MigrationPlan.class,
      PhaseResult.class, BackupResult.class, BackupProgress.class, BackupCheck.class,
      Manifest.class, SyncStart.class, SyncProgress.class, SyncResult.class, SyncStatus.class,
      SyncDropped.class);
}
