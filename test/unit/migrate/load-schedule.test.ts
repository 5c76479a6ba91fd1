import { describe, expect, it } from 'vitest';
import type { MigrationPlan, PhaseResult } from '../../../src/migrate/events.js';
import { LoadSchedule, type TablePhase } from '../../../src/migrate/load-schedule.js';

type Step = MigrationPlan['steps'][number];

const key = (table: string): Step => ({ phase: 'constraints', object: table, description: 'primary key', sql: [`ADD PRIMARY KEY ${table}`], table, column: null, undo: [], references: null });
const fk = (table: string, parent: string): Step => ({ phase: 'foreign-keys', object: `${table}.${parent}_fk`, description: `foreign key → ${parent}`, sql: [`ADD FK ${table}→${parent}`, 'VALIDATE'], table, column: null, undo: ['DROP'], references: parent });

/** lineitem → orders, part; orders → customer; part has no key; customer references an existing table. */
function plan(structureWhileLoading: boolean): MigrationPlan {
  const tables = ['lineitem', 'orders', 'part', 'customer'].map((t) => ({ source: `src_${t}`, target: t, exists: false, partitions: [] }));
  return {
    from: 'a', to: 'b', sourceEngine: 'postgresql', targetEngine: 'postgresql', targetNamespace: 'public', checkpointNamespace: 'ferry', job: 'migrate:a->b',
    tables, loadInOrder: false, structureWhileLoading,
    steps: [key('lineitem'), key('orders'), key('customer'), fk('lineitem', 'orders'), fk('lineitem', 'part'), fk('orders', 'customer'), fk('customer', 'nation')],
    warnings: [], skipped: [], counters: {},
  };
}

/** Work that takes `ms[name]` milliseconds per load, 5 per build, and logs what ran when. */
function work(p: MigrationPlan, ms: Record<string, number>, fail: { load?: string; build?: string } = {}) {
  const log: string[] = [];
  let running = 0;
  let most = 0;
  const loaded: string[] = [];
  const during = async <T>(label: string, wait: number, f: () => T): Promise<T> => {
    running++;
    most = Math.max(most, running);
    log.push(`start ${label}`);
    await new Promise((r) => setTimeout(r, wait));
    log.push(`end ${label}`);
    running--;
    return f();
  };
  return {
    log, loaded, most: () => most,
    load: (t: MigrationPlan['tables'][number]) => during(`load ${t.target}`, ms[t.target] ?? 5, () => t.target !== fail.load),
    build: (phase: TablePhase, table: string): Promise<PhaseResult> => during(`${phase} ${table}`, 5, () => {
      if (`${phase} ${table}` === fail.build) throw new Error(`${phase} of ${table} broke`);
      const steps = p.steps.filter((s) => s.phase === phase && s.table === table).map((s) => ({ object: s.object, description: s.description, ok: true, sql: s.sql, error: null }));
      return { phase, steps, checkpointNamespace: 'ferry' };
    }),
    loadedHook: (t: string) => loaded.push(t),
  };
}

const at = (log: string[], entry: string): number => {
  const i = log.indexOf(entry);
  expect(i, entry).toBeGreaterThanOrEqual(0);
  return i;
};

describe('LoadSchedule', () => {
  it('builds each table\'s keys once it is loaded and its foreign keys once every table they reference has its keys, while the largest table still loads', async () => {
    const p = plan(true);
    const w = work(p, { lineitem: 300, orders: 10, part: 10, customer: 10 });
    const s = new LoadSchedule(p, 2, { load: w.load, build: w.build, loaded: w.loadedHook });
    expect(s.early).toBe(true);
    await s.run();
    const { log } = w;
    expect(w.most()).toBeLessThanOrEqual(2);
    // The small tables' structure is done while lineitem loads.
    for (const done of ['end constraints orders', 'end constraints customer', 'end foreign-keys orders', 'end foreign-keys customer']) {
      expect(at(log, done)).toBeLessThan(at(log, 'end load lineitem'));
    }
    expect(at(log, 'start constraints orders')).toBeGreaterThan(at(log, 'end load orders'));
    expect(at(log, 'start foreign-keys orders')).toBeGreaterThan(at(log, 'end constraints customer'));
    expect(at(log, 'start foreign-keys orders')).toBeGreaterThan(at(log, 'end constraints orders'));
    expect(at(log, 'start foreign-keys lineitem')).toBeGreaterThan(at(log, 'end constraints lineitem'));
    expect(at(log, 'start constraints lineitem')).toBeGreaterThan(at(log, 'end load lineitem'));
    // part has no keys of its own: it counts as keyed once loaded.
    expect(log.filter((e) => e.startsWith('start')).sort()).toEqual([
      'start constraints customer', 'start constraints lineitem', 'start constraints orders',
      'start foreign-keys customer', 'start foreign-keys lineitem', 'start foreign-keys orders',
      'start load customer', 'start load lineitem', 'start load orders', 'start load part',
    ]);
    expect(w.loaded.sort()).toEqual(['customer', 'lineitem', 'orders', 'part']);
    const phases = s.phaseResults('ferry');
    expect(phases.map((r) => [r.phase, r.steps.map((x) => x.object)])).toEqual([
      ['constraints', ['lineitem', 'orders', 'customer']],
      ['foreign-keys', ['lineitem.orders_fk', 'lineitem.part_fk', 'orders.customer_fk', 'customer.nation_fk']],
    ]);
  });

  it('only loads (keys after the load, by the phases) when the plan does not allow it or one worker runs', async () => {
    for (const [allowed, width] of [[false, 2], [true, 1]] as const) {
      const p = plan(allowed);
      const w = work(p, {});
      const s = new LoadSchedule(p, width, { load: w.load, build: w.build, loaded: w.loadedHook });
      expect(s.early).toBe(false);
      await s.run();
      expect(w.log.filter((e) => e.startsWith('start')).every((e) => e.startsWith('start load'))).toBe(true);
      expect(w.loaded.sort()).toEqual(['customer', 'lineitem', 'orders', 'part']);
      expect(s.phaseResults('ferry')).toEqual([]);
      expect(w.most()).toBeLessThanOrEqual(width);
    }
  });

  it('builds nothing for a table whose load failed, nor the foreign keys that reference it', async () => {
    const p = plan(true);
    const w = work(p, { lineitem: 30 }, { load: 'orders' });
    const s = new LoadSchedule(p, 2, { load: w.load, build: w.build, loaded: w.loadedHook });
    await s.run();
    const started = w.log.filter((e) => e.startsWith('start') && !e.startsWith('start load'));
    expect(started.sort()).toEqual(['start constraints customer', 'start constraints lineitem', 'start foreign-keys customer']);
    expect(w.loaded).not.toContain('orders');
  });

  it('rejects with the first error and starts nothing after it', async () => {
    const p = plan(true);
    const w = work(p, { lineitem: 40, orders: 5, part: 5, customer: 5 }, { build: 'constraints orders' });
    const s = new LoadSchedule(p, 2, { load: w.load, build: w.build });
    await expect(s.run()).rejects.toThrow('constraints of orders broke');
    const failedAt = at(w.log, 'end constraints orders');
    expect(w.log.slice(failedAt + 1).filter((e) => e.startsWith('start'))).toEqual([]);
  });
});
