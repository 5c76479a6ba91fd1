// One measured load of the sync benchmark: wait until the replica follows the source, write the
// change mix at the offered rate for a while, wait until the last tick shows on the replica, and
// turn the ticks into an applied rate and lag percentiles. The replicator (PostgreSQL's own
// subscription or `ferry sync`) is set up and torn down by the caller.
import { ChangeWriter, clock } from './change-writer.js';
import { TickWatcher, lagsOf, percentile } from './tick-watcher.js';

/**
 * Measures one load. `source` and `target` are `{ engine, connection, database }` (connection:
 * the client's arguments); `rate` is changes/s or Infinity; `stopped` is a promise that resolves
 * (with a reason) if the replicator dies, so a dead one fails the wait at once instead of after
 * the time-out. `live` collects what a signal handler must kill. Resolves
 * `{ readyMs, changes, transactions, sourceRate, appliedRate, lag: { p50, p99, max }, ticks,
 * unseen, error }`: a replicator that never caught up is an `error`, not a throw.
 *
 * @example
 * const r = await measureLoad({ source, target, rate: 1000, seconds: 20, accounts: 10_000, readyTimeoutMs: 120_000, catchUpTimeoutMs: 300_000 });
 */
export async function measureLoad({ source, target, rate, seconds, accounts, readyTimeoutMs, catchUpTimeoutMs, stopped = new Promise(() => {}), live = new Set() }) {
  const watcher = new TickWatcher(target).start();
  const writer = new ChangeWriter({ ...source, accounts });
  live.add(watcher);
  live.add(writer);
  let why;
  const waitFor = (id, ms) => Promise.race([watcher.waitFor(id, ms), stopped.then((reason) => ((why = reason), false))]);
  try {
    const began = clock();
    // Tick 0 is in the prefilled rows: once it shows, the initial copy (if any) is done; the probe
    // then proves that changes flow.
    if (!(await waitFor(0, readyTimeoutMs))) return { error: why ?? `the initial rows did not show on the target within ${readyTimeoutMs / 1000} s` };
    const probe = await writer.probe();
    if (!(await waitFor(probe, readyTimeoutMs))) return { error: why ?? `a change made after the initial rows did not show on the target within ${readyTimeoutMs / 1000} s` };
    const readyMs = clock() - began;
    const run = await writer.run({ rate, seconds });
    const last = run.ticks.at(-1);
    const caughtUp = await waitFor(last.id, catchUpTimeoutMs);
    const lags = lagsOf(run.ticks, watcher);
    const figures = {
      readyMs,
      changes: run.changes,
      transactions: run.transactions,
      sourceRate: run.changes / ((run.endedAt - run.startedAt) / 1000),
      ticks: run.ticks.length,
      unseen: run.ticks.length - lags.length,
      lag: { p50: percentile(lags, 50), p99: percentile(lags, 99), max: lags.at(-1) },
    };
    if (!caughtUp) return { ...figures, error: why ?? `the last change did not show on the target within ${catchUpTimeoutMs / 1000} s after the load` };
    return { ...figures, appliedRate: run.changes / ((watcher.seenAt(last.id) - run.startedAt) / 1000) };
  } finally {
    live.delete(watcher);
    live.delete(writer);
    await writer.close();
    await watcher.stop();
  }
}
