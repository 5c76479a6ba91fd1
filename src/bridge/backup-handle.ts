import { BackupCheck, BackupProgress, BackupResult, CopyProgress, CopyResult, type BackupRequest, type RestoreRequest } from './contract.gen.js';
import type { EngineHandle } from './engine-handle.js';
import { toFerryError } from './java-error.js';
import { decode, encode } from './messages.js';

/** A JVM-side task that runs once while its counters are read and it may be stopped. */
interface JavaTask {
  run(): Promise<Buffer>;
  progress(): Promise<Buffer>;
  cancel(): Promise<void>;
}

/**
 * Node's handle on one JVM-side backup (`dev.ferry.wire.BackupTask`): `run()` resolves when the
 * manifest is written; meanwhile `progress()` and `cancel()` run on other bridge threads.
 *
 * @example
 * const job = await BackupHandle.open(engine, { database: 'pg', output: './bk' });
 * const result = await job.run();
 */
export class BackupHandle {
  private constructor(private readonly java: JavaTask, readonly request: BackupRequest) {}

  /** Creates a backup job on `engine` (a bad `--compress` is refused here). */
  static async open(engine: EngineHandle, request: BackupRequest): Promise<BackupHandle> {
    return new BackupHandle((await engine.task('backupJob', encode(request), 'starting the backup')) as JavaTask, request);
  }

  /** Reads every table from one snapshot and writes the backup; its folder is emptied on failure. */
  async run(): Promise<BackupResult> {
    return decode(BackupResult, await call(() => this.java.run(), `backing up database '${this.request.database}'`), 'backup result');
  }

  /** The running backup's counters. */
  async progress(): Promise<BackupProgress> {
    return decode(BackupProgress, await call(() => this.java.progress(), 'reading backup progress'), 'backup progress');
  }

  /** Stops the backup; `run()` then fails with CANCELLED. */
  async cancel(): Promise<void> {
    await this.java.cancel();
  }
}

/**
 * Node's handle on the load of one table of a restore (`dev.ferry.wire.RestoreTask`): its
 * results and counters are a copy's, so a restore is shown as copies are.
 *
 * @example
 * const job = await RestoreHandle.open(engine, { from: 'backup', to: 'pg', table: 'orders', targetTable: 'orders', job: 'migrate:backup->pg' });
 * await job.run();
 */
export class RestoreHandle {
  private constructor(private readonly java: JavaTask, readonly request: RestoreRequest) {}

  /** Creates the load of one table on `engine`. */
  static async open(engine: EngineHandle, request: RestoreRequest): Promise<RestoreHandle> {
    return new RestoreHandle((await engine.task('restoreJob', encode(request), `starting the restore of ${request.table}`)) as JavaTask, request);
  }

  /** Loads the table's files, each committed with its checkpoint. */
  async run(): Promise<CopyResult> {
    return decode(CopyResult, await call(() => this.java.run(), `restoring ${this.request.table}`), 'restore result');
  }

  /** The running load's counters. */
  async progress(): Promise<CopyProgress> {
    return decode(CopyProgress, await call(() => this.java.progress(), 'reading restore progress'), 'restore progress');
  }

  /** Stops the load: the running file rolls back, committed files stay. */
  async cancel(): Promise<void> {
    await this.java.cancel();
  }
}

/**
 * Proves every file of the backup that database `name` serves present and intact (size and
 * SHA-256), with `jobs` threads, before a restore writes anything.
 */
export async function checkBackup(engine: EngineHandle, name: string, jobs: number): Promise<BackupCheck> {
  return decode(BackupCheck, await engine.checkBackupRaw(name, jobs), 'backup check');
}

async function call(f: () => Promise<Buffer>, doing: string): Promise<Buffer> {
  try {
    return await f();
  } catch (e) {
    throw toFerryError(e, doing);
  }
}
