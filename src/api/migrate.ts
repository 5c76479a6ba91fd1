import { resolve } from 'node:path';
import type { CopyEvent, CopyTableResult } from '../copy/events.js';
import { AFTER_LOAD, BEFORE_LOAD, type MigratedTable, type MigrationPlan, type MigrateEvent, type MigrationPhase, type MigrationReport, type PhaseResult } from '../migrate/events.js';
import { columnsOf, mappingToWire, type Mapping } from '../migrate/mapping.js';
import type { VerifyReport } from '../verify/verify-report.js';
import { LoadSchedule } from '../migrate/load-schedule.js';
import { copyTable } from './copy.js';
import type { Ferry } from './ferry.js';
import { splitRef } from './refs.js';

/** What to migrate and how. */
export interface MigrateOptions {
  /** Source: a configured database, or `database.schema`. */
  readonly from: string;
  /** Target: a configured database, or `database.schema`. */
  readonly to: string;
  /** Source tables (names or `*` patterns) to migrate; default every table. Views match too. */
  readonly tables?: readonly string[];
  /** Source tables or views (names or `*` patterns) to leave out. */
  readonly exclude?: readonly string[];
  /** Tables loaded in parallel (default 1). */
  readonly jobs?: number;
  /** Rows per chunk (one transaction each). */
  readonly chunkRows?: number;
  /** Chunks of one table written at once. */
  readonly parallel?: number;
  /** Plan only: nothing is written. */
  readonly dryRun?: boolean;
  /** Continue an interrupted migration: loads resume after their last committed chunk. */
  readonly resume?: boolean;
  /** Skip the verification after the load. */
  readonly noVerify?: boolean;
  /**
   * Per target table: its source table, a row condition, computed columns, or skip (an upgrade
   * into tables the new version's schema already has); see `parseMapping`.
   */
  readonly mapping?: Mapping;
}


/**
 * Migrates a whole database (or the tables chosen) into another, of the same engine or not:
 * creates types and tables, loads every table with chunked, resumable copies, then adds indexes,
 * unique and foreign keys, sets identity counters past the copied ids, translates the views, and
 * verifies every table. Returns the report; a failed structure step is reported, not thrown.
 *
 * @example
 * const report = await migrate(ferry, { from: 'legacy', to: 'pg', jobs: 2 }, (e) => console.log(e.kind));
 * report.ok // true when every table is loaded and verified exact and every step succeeded
 */
export async function migrate(ferry: Ferry, options: MigrateOptions, onEvent: (e: MigrateEvent) => void = () => undefined, loader?: TableLoader): Promise<MigrationReport> {
  const started = performance.now();
  const from = splitRef(ferry, options.from);
  const to = splitRef(ferry, options.to);
  const handle = await ferry.migration({
    from: from.database,
    to: to.database,
    fromNamespace: from.namespace ?? null,
    toNamespace: to.namespace ?? null,
    tables: options.tables ? [...options.tables] : null,
    exclude: options.exclude ? [...options.exclude] : null,
    mapping: options.mapping ? mappingToWire(options.mapping) : null,
    resume: options.resume ?? false,
    jobs: Math.max(1, options.jobs ?? 1),
  });
  const plan = await handle.plan();
  onEvent({ kind: 'plan', plan });
  const phases: PhaseResult[] = [];
  const report = (tables: readonly MigratedTable[], dryRun: boolean): MigrationReport => {
    const failedSteps = phases.flatMap((p) => p.steps.filter((s) => !s.ok));
    const ok = !dryRun && failedSteps.length === 0 && tables.every((t) => t.loaded && t.verify?.match !== false);
    return { from: options.from, to: options.to, sourceEngine: plan.sourceEngine, targetEngine: plan.targetEngine, dryRun, plan, phases, tables, failedSteps, seconds: (performance.now() - started) / 1000, ok };
  };
  if (options.dryRun) return report([], true);

  const phase = async (name: MigrationPhase): Promise<PhaseResult> => {
    const result = await handle.run(name);
    phases.push(result);
    onEvent({ kind: 'phase', result });
    return result;
  };
  let checkpointNamespace = plan.checkpointNamespace;
  for (const name of BEFORE_LOAD) {
    const r = await phase(name);
    if (name === 'types') checkpointNamespace = r.checkpointNamespace;
  }

  const fallbackStateFile = ferry.loaded.file && ferry.loaded.file !== '--db' ? resolve(ferry.loaded.baseDir, '.ferry-state.json') : resolve('.ferry-state.json');
  const loads = new Map<string, CopyTableResult>();
  const jobs = plan.loadInOrder ? 1 : Math.max(1, Math.min(options.jobs ?? 1, plan.tables.length));
  // At most `jobs` verifications at once.
  const verifications = new Map<string, Promise<VerifyReport>>();
  const verifySlots = new Slots(Math.max(1, options.jobs ?? 1));
  const verifyLater = (t: { source: string; target: string }): void => {
    const m = columnsOf(options.mapping, t.target);
    const pending = verifySlots.run(() => ferry.verifyTable({ from: from.database, to: to.database, fromNamespace: from.namespace ?? null, toNamespace: to.namespace ?? null, table: t.source, targetTable: t.target, chunkRows: options.chunkRows, columns: m.columns, where: m.where, fromLoad: true }));
    pending.then((report) => onEvent({ kind: 'verified', report }), () => undefined);
    verifications.set(t.source, pending);
  };
  const loadTable = async (t: MigrationPlan['tables'][number]): Promise<boolean> => {
    const m = columnsOf(options.mapping, t.target);
    const load = loader ? await loader({ source: t.source, target: t.target, job: plan.job, checkpointNamespace }, (event) => onEvent({ kind: 'load', event })) : await copyTable(ferry, {
      from: from.database,
      to: to.database,
      table: t.source,
      targetTable: t.target,
      fromNamespace: from.namespace ?? null,
      toNamespace: to.namespace ?? null,
      mode: 'append',
      create: false,
      resume: options.resume ?? false,
      chunkRows: options.chunkRows,
      parallel: options.parallel,
      job: plan.job,
      // By target column name: the target may be a new version with columns added or dropped.
      columns: m.columns,
      where: m.where,
      checkpointNamespace,
      fallbackStateFile,
      // Where the source has no hash function of its own (SQLite), its rows are hashed as they
      // load, so the verification after the load reads only the target.
      hashForVerify: !options.noVerify,
    }, false, (event) => onEvent({ kind: 'load', event }));
    loads.set(t.source, load);
    return load.ok;
  };
  const byTarget = new Map(plan.tables.map((t) => [t.target, t]));
  const schedule = new LoadSchedule(plan, jobs, {
    load: loadTable,
    build: (phase, table) => handle.runTable(phase, table),
    // Each table is verified as soon as it is loaded (the later phases change no row), so its
    // checksums overlap the other tables' loads and its own keys' build (whose lock waits for
    // the statement reading it, never for the whole verification).
    loaded: (target) => {
      const t = byTarget.get(target);
      if (t && !options.noVerify) verifyLater(t);
    },
  });
  await schedule.run();
  const allLoaded = [...loads.values()].every((r) => r.ok) && loads.size === plan.tables.length;

  // Built while loading: reported after the load, as the phases run afterwards would be (a
  // failed load reports what was built before it).
  const built = schedule.phaseResults(checkpointNamespace);
  for (const result of built) {
    if (!allLoaded && result.steps.length === 0) continue;
    phases.push(result);
    onEvent({ kind: 'phase', result });
  }
  if (allLoaded) for (const name of AFTER_LOAD) if (!built.some((b) => b.phase === name)) await phase(name);
  const tables: MigratedTable[] = [];
  for (const t of plan.tables) {
    const load = loads.get(t.source);
    const pending = verifications.get(t.source);
    const verified: VerifyReport | null = pending ? await pending : null;
    tables.push({
      source: t.source,
      target: t.target,
      existed: t.exists,
      loaded: load?.ok ?? false,
      rows: load?.rows ?? 0,
      seconds: load?.seconds ?? 0,
      error: load?.error ?? null,
      verify: verified && { match: verified.match, sourceRows: verified.sourceRows, targetRows: verified.targetRows, differingKeyCount: verified.differingKeyCount, method: verified.method },
    });
  }
  // Checkpoints go once every table is in: until then they are what --resume continues from.
  if (allLoaded) await phase('cleanup');
  return report(tables, false);
}

/**
 * Loads one planned table some other way than a copy from a database (a restore loads it from
 * a backup's files); its events and result are a copy's.
 */
export type TableLoader = (
  table: { readonly source: string; readonly target: string; readonly job: string; readonly checkpointNamespace: string | null },
  onEvent: (e: CopyEvent) => void,
) => Promise<CopyTableResult>;

/** Runs at most `width` tasks at once, the others waiting in order. */
class Slots {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly width: number) {}

  /** Runs `task` once a slot is free. */
  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.running >= this.width) await new Promise<void>((r) => this.waiting.push(r));
    this.running++;
    try {
      return await task();
    } finally {
      this.running--;
      this.waiting.shift()?.();
    }
  }
}
