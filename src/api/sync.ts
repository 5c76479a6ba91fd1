import type { Wire } from '../bridge/index.js';
import { FerryError } from '../errors/index.js';
import type { SyncEvent, SyncResult } from '../sync/events.js';
import { copyTable } from './copy.js';
import type { Ferry } from './ferry.js';
import { splitRef } from './refs.js';
import { whileRunning } from './while-running.js';

/** What to sync and how. */
export interface SyncOptions {
  /** The source: a configured name, or `database.schema`. */
  readonly from: string;
  /** The target: a configured name, or `database.schema`. */
  readonly to: string;
  /** The source tables to follow; with `all`, every table of the source. */
  readonly tables?: readonly string[];
  /** Follow every table of the source. */
  readonly all?: boolean;
  /** Create target tables that are missing (from the source's structure) before the initial copy. */
  readonly create?: boolean;
  /** Stop, successfully, once every change committed on the source before streaming began is applied. */
  readonly untilCaughtUp?: boolean;
  /** Changes per target transaction at most (default 5,000). */
  readonly batchRows?: number;
  /** The watchdog's seconds (default 120, or `FERRY_SYNC_STALL`). */
  readonly stallSeconds?: number;
  /** Rows per committed chunk of the initial copies. */
  readonly chunkRows?: number;
  /** Aborting stops the stream after the batch it applies (position kept); `sync` then resolves. */
  readonly signal?: AbortSignal;
}

const POLL_MS = 500;

/** The request the JVM reads for a sync between `from` and `to`. */
function request(ferry: Ferry, options: Pick<SyncOptions, 'from' | 'to' | 'untilCaughtUp' | 'batchRows' | 'stallSeconds'>, tables: readonly string[]): Wire.SyncRequest {
  const from = splitRef(ferry, options.from);
  const to = splitRef(ferry, options.to);
  const stall = options.stallSeconds ?? (process.env.FERRY_SYNC_STALL ? Number(process.env.FERRY_SYNC_STALL) : undefined);
  return {
    from: from.database,
    to: to.database,
    fromNamespace: from.namespace ?? null,
    toNamespace: to.namespace ?? null,
    tables: [...tables],
    untilCaughtUp: options.untilCaughtUp ?? false,
    ...(stall !== undefined && Number.isFinite(stall) ? { stallSeconds: Math.max(5, Math.round(stall)) } : {}),
    ...(options.batchRows !== undefined ? { batchRows: options.batchRows } : {}),
  };
}

/**
 * Follows a source's log of committed changes into a target: fixes where the stream starts
 * (a PostgreSQL slot and publication; a MariaDB binlog position), copies the tables not yet in
 * the target (their rows as of then; later changes are replayed on top, by key, so the hand-off
 * has no gap), then applies every change, each batch in one target transaction together with
 * the source position it reaches. Runs until `signal` aborts, until caught up when asked, or
 * until it fails (an error with a stable code).
 *
 * @example
 * const result = await sync(ferry, { from: 'pg', to: 'maria', tables: ['orders'], create: true, untilCaughtUp: true });
 * result.reason // 'caught-up'
 */
export async function sync(ferry: Ferry, options: SyncOptions, onEvent: (e: SyncEvent) => void = () => undefined): Promise<SyncResult> {
  const from = splitRef(ferry, options.from);
  const to = splitRef(ferry, options.to);
  const explicit = [...(options.tables ?? [])];
  if (!options.all && explicit.length === 0) throw new FerryError('USAGE', 'name the tables to sync with --tables a,b, or sync every table with --all');
  onEvent({ kind: 'stage', message: `connecting to ${options.from} and ${options.to}` });
  const tables = options.all ? [...(await ferry.tableNames(from.database, from.namespace)).tables] : explicit;
  if (tables.length === 0) throw new FerryError('USAGE', `${options.from} has no tables to sync`);
  const job = await ferry.syncJob(request(ferry, options, tables));
  let stopped = false;
  const stop = (): void => {
    stopped = true;
    void job.stop().catch(() => undefined);
  };
  options.signal?.addEventListener('abort', stop, { once: true });
  try {
    onEvent({ kind: 'stage', message: `checking ${options.from} and fixing where the change stream starts` });
    const start = await job.prepare();
    onEvent({ kind: 'prepared', start });
    for (const t of start.tables) {
      if (t.state === 'copied' || stopped) continue;
      await job.copied(t.table, false);
      // Upserts: a copy that an earlier run left half done is finished, not duplicated; the
      // stream then replays every change since its start on top of these rows, by key.
      const r = await copyTable(ferry, {
        from: from.database,
        to: to.database,
        table: t.table,
        targetTable: t.table,
        fromNamespace: from.namespace ?? null,
        toNamespace: to.namespace ?? null,
        mode: 'upsert',
        create: options.create ?? false,
        resume: false,
        job: `sync:${start.job}`,
        ...(options.chunkRows !== undefined ? { chunkRows: options.chunkRows } : {}),
      }, false, (event) => onEvent({ kind: 'copy', table: t.table, event }));
      if (!r.ok) {
        throw new FerryError((r.error?.code as never) ?? 'JVM_ERROR', `the initial copy of ${t.table} failed: ${r.error?.message ?? 'unknown error'}; run ferry sync again to retry it (the stream has not started; nothing is lost)`);
      }
      await job.copied(t.table, true);
    }
    if (stopped) {
      const result: SyncResult = { job: start.job, reason: 'stopped', changes: 0, batches: 0, position: null, seconds: 0, tables: start.tables };
      onEvent({ kind: 'done', result });
      return result;
    }
    onEvent({ kind: 'streaming', caughtUpTarget: options.untilCaughtUp ?? false });
    let last = '';
    const result = await whileRunning(() => job.run(), () => job.progress(), (p) => {
      const key = `${p.phase}|${p.changes}|${p.position ?? ''}|${p.caughtUp}`;
      if (key === last) return;
      last = key;
      onEvent({ kind: 'progress', progress: p });
    }, POLL_MS);
    onEvent({ kind: 'done', result });
    return result;
  } finally {
    options.signal?.removeEventListener('abort', stop);
  }
}

/**
 * Where the sync between `from` and `to` stands: the source's end of log, the position the
 * applied changes reach, how far behind that is, and per-table counts.
 *
 * @example
 * const s = await syncStatus(ferry, { from: 'pg', to: 'maria' });
 * s.bytesBehind // 0 when every change is applied
 */
export async function syncStatus(ferry: Ferry, options: Pick<SyncOptions, 'from' | 'to'>): Promise<Wire.SyncStatus> {
  return ferry.syncStatus(request(ferry, options, []));
}

/**
 * Removes what the sync between `from` and `to` made: its PostgreSQL slot and publication and
 * its state in the target (the synced tables and their rows stay).
 *
 * @example
 * (await dropSync(ferry, { from: 'pg', to: 'maria' })).removed // ['replication slot ferry_…', …]
 */
export async function dropSync(ferry: Ferry, options: Pick<SyncOptions, 'from' | 'to'>): Promise<Wire.SyncDropped> {
  return ferry.syncDrop(request(ferry, options, []));
}
