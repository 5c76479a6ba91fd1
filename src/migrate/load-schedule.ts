import type { MigrationPlan, PhaseResult, StepResult } from './events.js';

/** A structure phase that can run table by table while other tables load. */
export type TablePhase = 'constraints' | 'foreign-keys';

/** What a {@link LoadSchedule} runs; each returns when its work is done. */
export interface ScheduledWork {
  /** Loads one planned table; resolves whether it loaded completely. */
  load(table: MigrationPlan['tables'][number]): Promise<boolean>;
  /** Runs one phase's steps of one target table. */
  build(phase: TablePhase, table: string): Promise<PhaseResult>;
  /** Called as soon as a table loaded completely (before its keys are built). */
  loaded?(table: string): void;
}

/**
 * Loads a migration's tables `width` at a time and, where the plan allows it
 * (`structureWhileLoading`), builds each table's keys and indexes as soon as it is loaded and its
 * foreign keys as soon as it and every table they reference have their keys — the way
 * `pg_restore` schedules a restore, so the small tables' structure is done while the largest
 * still loads. The same `width` workers take both kinds of work, structure first. A table whose
 * load failed gets no structure, nor do the foreign keys that reference it.
 *
 * @example
 * const s = new LoadSchedule(plan, 2, { load, build, loaded: (t) => verify(t) });
 * await s.run();
 * s.phaseResults() // the constraints and foreign-keys phases, steps in plan order
 */
export class LoadSchedule {
  private nextLoad = 0;
  private running = 0;
  private failure: unknown;
  private readonly ready: { phase: TablePhase; table: string }[] = [];
  private readonly keyedTables = new Set<string>();
  private readonly queuedKeys = new Set<string>();
  /** Per child table with foreign-key steps: the planned tables they reference. */
  private readonly parents = new Map<string, Set<string>>();
  private readonly withConstraints = new Set<string>();
  private readonly results: PhaseResult[] = [];
  private wakers: (() => void)[] = [];

  constructor(private readonly plan: MigrationPlan, private readonly width: number, private readonly work: ScheduledWork) {
    const planned = new Set(plan.tables.map((t) => t.target));
    for (const s of plan.steps) {
      if (s.table === null) continue;
      if (s.phase === 'constraints') this.withConstraints.add(s.table);
      if (s.phase === 'foreign-keys') {
        const refs = this.parents.get(s.table) ?? new Set<string>();
        if (s.references !== null && s.references !== s.table && planned.has(s.references)) refs.add(s.references);
        this.parents.set(s.table, refs);
      }
    }
  }

  /** Whether structure is built while loading: the plan allows it and more than one worker runs. */
  get early(): boolean {
    return this.plan.structureWhileLoading && this.width > 1;
  }

  /** Runs every load (and, when {@link early}, the structure they make ready); rejects with the first error thrown. */
  async run(): Promise<void> {
    await Promise.all(Array.from({ length: this.width }, () => this.worker()));
    if (this.failure !== undefined) throw this.failure;
  }

  /**
   * When {@link early}: the constraints and foreign-keys phases as built while loading (both,
   * steps in the plan's order, a phase without steps empty), with `checkpointNamespace`;
   * otherwise none (those phases run after the load).
   */
  phaseResults(checkpointNamespace: string | null): PhaseResult[] {
    if (!this.early) return [];
    const out: PhaseResult[] = [];
    for (const phase of ['constraints', 'foreign-keys'] as const) {
      const done = this.results.filter((r) => r.phase === phase);
      const order = new Map<string, number>();
      this.plan.steps.forEach((s, i) => {
        if (s.phase === phase && !order.has(s.object)) order.set(s.object, i);
      });
      const steps: StepResult[] = done.flatMap((r) => r.steps).sort((a, b) => (order.get(a.object) ?? 0) - (order.get(b.object) ?? 0));
      out.push({ phase, steps, checkpointNamespace });
    }
    return out;
  }

  private async worker(): Promise<void> {
    for (;;) {
      if (this.failure !== undefined) return;
      const task = this.ready.shift();
      if (task) {
        await this.doing(async () => {
          this.results.push(await this.work.build(task.phase, task.table));
          if (task.phase === 'constraints') this.markKeyed(task.table);
        });
      } else if (this.nextLoad < this.plan.tables.length) {
        const t = this.plan.tables[this.nextLoad++]!;
        await this.doing(async () => {
          if (await this.work.load(t)) {
            this.work.loaded?.(t.target);
            this.loaded(t.target);
          }
        });
      } else if (this.running === 0) {
        this.wake();
        return;
      } else {
        await new Promise<void>((r) => this.wakers.push(r));
      }
    }
  }

  private async doing(task: () => Promise<void>): Promise<void> {
    this.running++;
    try {
      await task();
    } catch (e) {
      this.failure ??= e;
    } finally {
      this.running--;
      this.wake();
    }
  }

  private wake(): void {
    const w = this.wakers;
    this.wakers = [];
    for (const r of w) r();
  }

  private loaded(table: string): void {
    if (this.early && this.withConstraints.has(table)) this.ready.push({ phase: 'constraints', table });
    else this.markKeyed(table);
  }

  private markKeyed(table: string): void {
    this.keyedTables.add(table);
    if (!this.early) return;
    for (const [child, refs] of this.parents) {
      if (this.queuedKeys.has(child) || !this.keyedTables.has(child)) continue;
      if ([...refs].every((p) => this.keyedTables.has(p))) {
        this.queuedKeys.add(child);
        this.ready.push({ phase: 'foreign-keys', table: child });
      }
    }
  }
}
