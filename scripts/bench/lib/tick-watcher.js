// Watches a replica for the change writer's ticks: `SELECT max(id) FROM bench_tick` every ~50 ms
// through one long-lived client, noting when each tick id first shows. Ticks are written in id
// order, so every id up to the maximum seen has arrived (a replica applies source transactions in
// commit order). The table may not exist yet (a target the replicator still has to create): the
// poll then simply sees nothing.
import { clock } from './change-writer.js';
import { SqlClient } from './sql-client.js';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Polls `database` for ticks from start() until stop(); `seenAt(id)` is when tick `id` first
 * showed (clock() milliseconds, at the poll's answer, so up to one interval late).
 *
 * @example
 * const w = new TickWatcher({ engine: 'postgres', connection: pg.psqlArgs, database: 'dst' }).start();
 * await w.waitFor(200, 60_000);  // true once tick 200 showed
 * await w.stop();
 */
export class TickWatcher {
  constructor({ engine, connection, database, intervalMs = 50 }) {
    this.client = new SqlClient(engine, connection, database, { keepGoing: true });
    this.intervalMs = intervalMs;
    this.seen = new Map();
    this.max = -Infinity;
    this.running = false;
    this.waiters = [];
  }

  /** Starts polling; returns this. */
  start() {
    this.running = true;
    this.loop = this.poll().catch((e) => {
      this.failure = e;
      for (const w of this.waiters.splice(0)) w.resolve(false);
    });
    return this;
  }

  async poll() {
    while (this.running) {
      const began = clock();
      const text = await this.client.query('SELECT max(id) FROM bench_tick');
      const at = clock();
      const max = text === undefined || text === '' || text === 'NULL' ? -Infinity : Number(text);
      if (max > this.max) {
        // Ids run from the set-up's probes (≤ 0) upward without gaps.
        for (let id = Number.isFinite(this.max) ? this.max + 1 : max; id <= max; id++) this.seen.set(id, at);
        this.max = max;
        this.waiters = this.waiters.filter((w) => (w.id <= max ? (w.resolve(true), false) : true));
      }
      // A jittered period (0.5–1.5× the interval) keeps the polls from locking into phase with
      // the writer's 100 ms ticks, which would make the poll delay in every lag the same.
      await sleep(Math.max(0, this.intervalMs * (0.5 + Math.random()) - (clock() - began)));
    }
  }

  /** When tick `id` first showed, or undefined. */
  seenAt(id) {
    return this.seen.get(id);
  }

  /** Resolves true once tick `id` has shown, false after `timeoutMs` or when polling failed. */
  waitFor(id, timeoutMs) {
    if (this.max >= id) return Promise.resolve(true);
    if (this.failure) return Promise.resolve(false);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((x) => x !== w);
        resolve(false);
      }, timeoutMs);
      const w = {
        id,
        resolve: (seen) => {
          clearTimeout(timer);
          resolve(seen);
        },
      };
      this.waiters.push(w);
    });
  }

  /** Stops polling and ends the client. */
  async stop() {
    this.running = false;
    await this.loop;
    for (const w of this.waiters.splice(0)) w.resolve(false);
    await this.client.close().catch(() => {}); // errors of a missing table were expected
    if (this.failure) throw this.failure;
  }

  /** Kills the client at once. */
  kill() {
    this.running = false;
    for (const w of this.waiters.splice(0)) w.resolve(false);
    this.client.kill();
  }
}

/**
 * The lag of each tick in `ticks` (`[{ id, sentAt }]`) as `watcher` saw it, in ms, sorted;
 * ticks that never showed are left out (the caller reports them).
 */
export function lagsOf(ticks, watcher) {
  return ticks.map((t) => watcher.seenAt(t.id) - t.sentAt).filter((ms) => Number.isFinite(ms)).sort((a, b) => a - b);
}

/**
 * The `p`th percentile (0–100) of sorted values, nearest rank.
 *
 * @example
 * percentile([10, 20, 30, 40], 50) // 20
 */
export function percentile(sorted, p) {
  if (sorted.length === 0) return undefined;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}
