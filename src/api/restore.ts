import type { RestoreEvent } from '../backup/events.js';
import type { MigrationReport } from '../migrate/events.js';
import { failedTable, followTable } from './copy.js';
import type { Ferry } from './ferry.js';
import { migrate, type TableLoader } from './migrate.js';
import { splitRef } from './refs.js';

/** What to restore where. */
export interface RestoreOptions {
  /** The backup, as a database (a config entry with `backup:`, or one added with `addBackupDatabase`). */
  readonly from: string;
  /** The target: a configured database, or `database.schema`. */
  readonly to: string;
  /** Tables to restore (names or `*` patterns); default every table. */
  readonly tables?: readonly string[];
  /** Tables to leave out. */
  readonly exclude?: readonly string[];
  /** Tables loaded side by side (default 1). */
  readonly jobs?: number;
  /** Continue an interrupted restore after each table's last committed file. */
  readonly resume?: boolean;
  /** Plan only: print what would be created; nothing is read or written. */
  readonly dryRun?: boolean;
  /** Skip the verification of every table against the backup after the load. */
  readonly noVerify?: boolean;
}

/**
 * Restores a backup into any engine: every file proven intact first (size and SHA-256; a wrong
 * key, a flipped byte, a missing or truncated file fails here, before the target is touched),
 * then the structure a migration creates (tables, keys, constraints, foreign keys after the
 * load, identity counters as the backup recorded them, views translated), each table loaded
 * from its files (one transaction and checkpoint per file, resumable), and every table verified
 * against the backup.
 *
 * @example
 * const report = await restore(ferry, { from: 'monday', to: 'pg', jobs: 2 });
 * report.ok // every table restored, verified exact, every structure step done
 */
export async function restore(ferry: Ferry, options: RestoreOptions, onEvent: (e: RestoreEvent) => void = () => undefined): Promise<MigrationReport> {
  const jobs = Math.max(1, options.jobs ?? 1);
  if (!options.dryRun) onEvent({ kind: 'checked', check: await ferry.checkBackup(options.from, jobs) });
  const to = splitRef(ferry, options.to);
  const loader: TableLoader = async (t, onLoad) => {
    const started = performance.now();
    try {
      const job = await ferry.restoreJob({
        from: options.from,
        to: to.database,
        toNamespace: to.namespace ?? null,
        table: t.source,
        targetTable: t.target,
        job: t.job,
        checkpointNamespace: t.checkpointNamespace,
        resume: options.resume ?? false,
      });
      const p = await job.progress();
      onLoad({ kind: 'start', table: t.source, rowsTotal: p.rowsTotal, chunksTotal: p.chunksTotal, resumeFrom: null });
      return await followTable(job, t.source, started, [], onLoad);
    } catch (e) {
      return failedTable(t.source, started, e, onLoad);
    }
  };
  const report = await migrate(ferry, {
    from: options.from,
    to: options.to,
    ...(options.tables ? { tables: options.tables } : {}),
    ...(options.exclude ? { exclude: options.exclude } : {}),
    jobs,
    dryRun: options.dryRun ?? false,
    resume: options.resume ?? false,
    noVerify: options.noVerify ?? false,
  }, onEvent, loader);
  return { ...report, operation: 'restore' };
}
