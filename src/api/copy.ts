import { resolve } from 'node:path';
import type { CopyEvent, CopyMode, CopyProgress, CopyResult, CopyTableResult } from '../copy/events.js';
import { ProgressMeter } from '../copy/progress-meter.js';
import { FerryError, isFerryError } from '../errors/index.js';
import type { CopyRequest, Ferry } from './ferry.js';
import { splitRef } from './refs.js';
import { requireTables } from './require-tables.js';
import { whileRunning } from './while-running.js';

/** What to copy and how. */
export interface CopyOptions {
  /** Source: a configured database, or `database.schema`. */
  readonly from: string;
  /** Target: a configured database, or `database.schema`. */
  readonly to: string;
  /** Tables to copy (source names); required unless `all`. */
  readonly tables?: readonly string[];
  /** Copy every table of the source. */
  readonly all?: boolean;
  /** A SQL condition on the source rows (Calcite SQL, applied to each table). */
  readonly where?: string;
  /** Create missing target tables with types mapped for the target engine. */
  readonly create?: boolean;
  readonly mode?: CopyMode;
  /** The column `incremental` copies rows newer than the last synced value of. */
  readonly watermark?: string;
  /** Tables copied in parallel (default 1). */
  readonly jobs?: number;
  /** Plan only: print DDL and chunks, write nothing. */
  readonly dryRun?: boolean;
  /** Continue after the last committed chunk of an interrupted copy. */
  readonly resume?: boolean;
  /** Rows per chunk (one transaction each; default `copyRequestDefaults.chunkRows`). */
  readonly chunkRows?: number;
  /**
   * Chunks of one table written at once, each on a target connection of its own, committed in
   * key order (default `copyRequestDefaults.parallel`; one where the target takes one writer at
   * a time, and for merges into engines whose merges cannot run side by side).
   */
  readonly parallel?: number;
  /**
   * Keep checkpoints in this JSON file instead of a `ferry_checkpoint` table in the target (in
   * Ferry's own `ferry` schema, or beside the copied tables where there is none). Without it, a
   * file next to the config (`.ferry-state.json`) is used only when the target refuses that table.
   */
  readonly stateFile?: string;
}

/** How often the JVM's counters are read while a table copies. */
const POLL_MS = 250;

/**
 * Copies tables between two configured databases with `INSERT … SELECT` run in the JVM, chunked
 * and resumable; reports progress through `onEvent`. Tables that fail are reported and the
 * others go on; the results say which.
 *
 * @example
 * const results = await copy(ferry, { from: 'shop', to: 'warehouse', all: true, create: true }, (e) => console.log(e));
 */
export async function copy(ferry: Ferry, options: CopyOptions, onEvent: (e: CopyEvent) => void = () => undefined): Promise<CopyTableResult[]> {
  const from = splitRef(ferry, options.from);
  const to = splitRef(ferry, options.to);
  const fallbackStateFile = ferry.loaded.file && ferry.loaded.file !== '--db' ? resolve(ferry.loaded.baseDir, '.ferry-state.json') : resolve('.ferry-state.json');
  const base = (table: string): CopyRequest => ({
    from: from.database,
    to: to.database,
    table,
    targetTable: table,
    fromNamespace: from.namespace ?? null,
    toNamespace: to.namespace ?? null,
    where: options.where ?? null,
    mode: options.mode,
    watermark: options.watermark ?? null,
    create: options.create,
    chunkRows: options.chunkRows,
    parallel: options.parallel,
    resume: options.resume,
    dryRun: options.dryRun,
    stateFile: options.stateFile ? resolve(options.stateFile) : null,
    fallbackStateFile,
  });
  const explicit = options.all ? [] : [...(options.tables ?? [])];
  if (!options.all && explicit.length === 0) throw new FerryError('USAGE', 'name the tables to copy with --tables a,b, or copy every table with --all');
  const started = performance.now();
  const which = options.all ? 'every table' : explicit.length === 1 ? explicit[0]! : `${explicit.length} tables`;
  onEvent({ kind: 'stage', stage: 'planning', tables: options.all ? null : explicit.length, message: `connecting to ${options.from} and ${options.to}, planning ${which}` });
  // Checked once on the JVM, where the defaults and the rules live, before any table is touched.
  await ferry.checkCopy(base(explicit[0] ?? '*'));
  // A misspelt name is a usage error before any table copies, not one failed table among them.
  if (!options.all) await requireTables(ferry, options.from, from, explicit, 'tables');
  const tables = options.all ? [...(await ferry.tableNames(from.database, from.namespace)).tables] : explicit;
  if (tables.length === 0) throw new FerryError('USAGE', `${options.from} has no tables to copy`);
  onEvent({ kind: 'stage', stage: 'copying', tables: tables.length, message: `${options.dryRun ? 'planning' : 'copying'} ${tables.length === 1 ? '1 table' : `${tables.length} tables`}` });
  const results: CopyTableResult[] = [];
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < tables.length) {
      const table = tables[next++]!;
      results.push(await copyTable(ferry, base(table), options.dryRun ?? false, onEvent));
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(options.jobs ?? 1, tables.length)) }, worker));
  const ordered = tables.map((t) => results.find((r) => r.table === t)!);
  // Only once every table is done: a later --resume skips the tables whose checkpoints say so.
  if (!options.dryRun && ordered.every((r) => r.ok)) await ferry.finishCopy(base(tables[0]!), ordered.map((r) => r.target!));
  onEvent({ kind: 'summary', tables: ordered.length, failed: ordered.filter((r) => !r.ok).length, rows: ordered.reduce((n, r) => n + r.rows, 0), seconds: (performance.now() - started) / 1000 });
  return ordered;
}

/**
 * Copies one table as planned by `request`, reporting start, progress and the outcome through
 * `onEvent`; a failure is returned as a result, not thrown. Shared by {@link copy} and `migrate`.
 *
 * @example
 * const r = await copyTable(ferry, { from: 'a', to: 'b', table: 'orders', create: true }, false, console.log);
 */
export async function copyTable(ferry: Ferry, request: CopyRequest, dryRun: boolean, onEvent: (e: CopyEvent) => void): Promise<CopyTableResult> {
  const started = performance.now();
  const table = request.table;
  try {
    const job = await ferry.copyJob(request);
    const plan = await job.plan();
    if (dryRun) {
      onEvent({ kind: 'plan', ...plan });
      return { table, ok: true, rows: 0, seconds: 0 };
    }
    for (const message of plan.notes) onEvent({ kind: 'note', table, message });
    onEvent({ kind: 'start', table, rowsTotal: plan.rowsTotal, chunksTotal: plan.chunks.length, resumeFrom: plan.resumeFrom });
    return await followTable(job, table, started, plan.notes, onEvent);
  } catch (e) {
    return failedTable(table, started, e, onEvent);
  }
}

/** A running table load as {@link followTable} drives it: a copy's or a restore's. */
export interface TableTask {
  run(): Promise<CopyResult>;
  progress(): Promise<CopyProgress>;
}

/**
 * Runs `job` while reporting its progress as events (only changes, every POLL_MS), then its
 * notes (those not in `known`) and a `done` event; what a copy and a restore of one table share.
 */
export async function followTable(job: TableTask, table: string, started: number, known: readonly string[], onEvent: (e: CopyEvent) => void): Promise<CopyTableResult> {
  const meter = new ProgressMeter();
  let last = { rows: -1, chunksDone: -1 };
  const summary = await whileRunning(() => job.run(), () => job.progress(), (p) => {
    meter.sample(performance.now(), p.rows);
    // Polled every POLL_MS: only a change is news (JSON consumers would see repeats otherwise).
    if (p.rows === last.rows && p.chunksDone === last.chunksDone) return;
    last = { rows: p.rows, chunksDone: p.chunksDone };
    onEvent({ kind: 'progress', table, rows: p.rows, rowsTotal: p.rowsTotal, chunksDone: p.chunksDone, chunksTotal: p.chunksTotal, rowsPerSecond: meter.rate(), etaSeconds: meter.eta(p.rowsTotal) });
  }, POLL_MS);
  for (const message of summary.notes) if (!known.includes(message)) onEvent({ kind: 'note', table, message });
  const seconds = (performance.now() - started) / 1000;
  onEvent({ kind: 'done', table, rows: summary.rows, chunks: summary.chunks, seconds, rowsPerSecond: seconds > 0 ? summary.rows / seconds : 0, resumedFrom: summary.resumedFrom ?? null });
  return { table, target: summary.targetTable, ok: true, rows: summary.rows, seconds };
}

/** The `failed` event and result of a table whose copy or restore threw `e`. */
export function failedTable(table: string, started: number, e: unknown, onEvent: (e: CopyEvent) => void): CopyTableResult {
  const err = isFerryError(e) ? e : new FerryError('JVM_ERROR', String((e as Error)?.message ?? e));
  onEvent({ kind: 'failed', table, error: { code: err.code, message: err.message } });
  return { table, ok: false, rows: 0, seconds: (performance.now() - started) / 1000, error: { code: err.code, message: err.message } };
}
