// The sync benchmark's backlog drain: what a replicator applies when it is not waiting for a
// writer. The writer leaves a backlog of N changes (the same mix, flat out) and a final tick in
// the source while the replicator is stopped; then the replicator starts and the drain lasts until
// the final tick shows on the target, so the rate is the replicator's own, not the writer's.
import { join } from 'node:path';
import { mariaSql, pgSql } from '../../lib/private-servers.js';
import { ChangeWriter, clock } from './change-writer.js';
import { WORKLOAD_TABLES } from './change-workload-sql.js';
import { dropFerrySync, runFerrySync, startFerrySync, syncArgs } from './ferry-sync.js';
import { enable, subscribe, unsubscribe } from './native-replication.js';
import { differences, fillWorkload, freshDatabase } from './sync-databases.js';
import { TickWatcher } from './tick-watcher.js';

/** How long a drain of `backlog` changes may take before it is reported as not done. */
const drainTimeoutMs = (backlog) => Math.max(180_000, backlog * 2);

/** Writes `backlog` changes flat out and a final tick; resolves `{ changes, last, writeRate }`. */
async function writeBacklog(writer, backlog) {
  const run = await writer.run({ rate: Infinity, limit: backlog, tickMs: Infinity });
  return { changes: run.changes, last: run.ticks.at(-1).id, writeRate: run.changes / ((run.endedAt - run.startedAt) / 1000) };
}

/** The psql or mariadb client arguments of `server`'s database `db`, as TickWatcher takes them. */
const clientOf = (server, db) => ({ engine: server.kind, connection: server.kind === 'postgres' ? server.psqlArgs : server.clientArgs, database: db });

/**
 * PostgreSQL's native logical replication draining a backlog: `src` and `dst` prefilled alike, a
 * publication, slot and subscription made disabled, `backlog` changes and a final tick written,
 * then ALTER SUBSCRIPTION … ENABLE; the drain lasts from ENABLE until the final tick shows in
 * `dst`. Throws when it does not drain or leaves `dst` different (the peer is the yardstick).
 * Resolves `{ changes, writeRate, drainMs, rate }`.
 *
 * @example
 * const n = await drainNative(pg, { backlog: 300_000, accounts: 10_000 }, live);
 */
export async function drainNative(pg, { backlog, accounts }, live) {
  freshDatabase(pg, 'src');
  freshDatabase(pg, 'dst');
  fillWorkload(pg, 'src', accounts);
  fillWorkload(pg, 'dst', accounts);
  subscribe(pg, 'src', 'dst', { enabled: false });
  const writer = new ChangeWriter({ ...clientOf(pg, 'src'), accounts });
  live.add(writer);
  let written;
  try {
    written = await writeBacklog(writer, backlog);
  } finally {
    live.delete(writer);
    await writer.close();
  }
  const watcher = new TickWatcher(clientOf(pg, 'dst')).start();
  live.add(watcher);
  let seen;
  const enabledAt = clock();
  try {
    enable(pg, 'dst');
    seen = await watcher.waitFor(written.last, drainTimeoutMs(backlog));
  } finally {
    live.delete(watcher);
    await watcher.stop();
  }
  if (!seen) throw new Error(`native logical replication did not drain a backlog of ${backlog} changes within ${drainTimeoutMs(backlog) / 1000} s`);
  const drainMs = watcher.seenAt(written.last) - enabledAt;
  const differs = differences(pg, 'src', pg, 'dst');
  if (differs) throw new Error(`native logical replication's drain left dst different from src: ${differs}`);
  unsubscribe(pg, 'dst');
  return { changes: written.changes, writeRate: written.writeRate, drainMs, rate: written.changes / (drainMs / 1000) };
}

/** Runs one `ferry sync --until-caught-up --format json` to its end, killed after `timeoutMs`. */
async function ferryToCaughtUp(args, logFile, timeoutMs, live) {
  let child;
  const handle = { kill: () => child?.kill('SIGKILL') };
  live.add(handle);
  const timer = setTimeout(() => handle.kill(), timeoutMs);
  try {
    const r = await runFerrySync([...args, '--until-caught-up', '--format', 'json'], logFile, (c) => (child = c));
    if (r.code !== 0) r.error = `ferry sync --until-caught-up ended ${r.signal ? `by ${r.signal}${r.signal === 'SIGKILL' ? ` (not done within ${timeoutMs / 1000} s)` : ''}` : `with exit ${r.code}`}; its last output:\n${r.log}`;
    return r;
  } finally {
    clearTimeout(timer);
    live.delete(handle);
  }
}

/**
 * Lets a stopped or paused replicator's stream sit for the length of a backlog: PostgreSQL's
 * walsender and MariaDB's binlog dump would otherwise drop a client that does not answer for 60 s
 * (a backlog written on a busy machine can take that long). Private servers only.
 */
function patientServers(pg, target) {
  pgSql(pg, "ALTER SYSTEM SET wal_sender_timeout = '10min'");
  pgSql(pg, 'SELECT pg_reload_conf()');
  if (target.kind === 'mariadb') mariaSql(target, 'SET GLOBAL net_write_timeout = 600');
}

/**
 * `ferry sync` from `src` on `pg` into `dst` on `target` draining backlogs of `backlog` changes:
 * an initial `--create --until-caught-up` run (not timed); then, Ferry stopped, a backlog and a
 * final tick, drained by a timed `ferry sync --until-caught-up --format json` (cold: a fresh
 * JVM), timed from the process's start to its exit and from its `streaming` event to its `done`
 * event; then the warm figure: a second backlog drained by a `ferry sync` left running (which
 * compiles the hot paths on the way), that process frozen (SIGSTOP), a third backlog written,
 * the process let go (SIGCONT), the drain lasting until the final tick shows on the target, and
 * SIGTERM. After each drain the target is compared with the source. A failure is an `error` in
 * the result, not a throw. Resolves `{ changes, writeRate, cold: { processMs, streamingMs,
 * appliedMs }, warm: { drainMs }, differs, error, command }`.
 *
 * @example
 * const f = await drainFerry(pg, maria, { backlog: 300_000, accounts: 10_000 }, live, work);
 */
export async function drainFerry(pg, target, { backlog, accounts }, live, work) {
  freshDatabase(pg, 'src');
  freshDatabase(target, 'dst');
  fillWorkload(pg, 'src', accounts);
  patientServers(pg, target);
  const dbs = {
    src: `postgres://postgres@127.0.0.1:${pg.port}/src`,
    dst: target.kind === 'postgres' ? `postgres://postgres@127.0.0.1:${target.port}/dst` : `mysql://root@127.0.0.1:${target.port}/dst`,
  };
  const args = syncArgs('src', 'dst', WORKLOAD_TABLES, dbs);
  const log = (step) => join(work, `ferry-drain-${target.kind}-${step}.log`);
  const timeoutMs = drainTimeoutMs(backlog);
  const out = { command: `node bin/ferry.js ${args.join(' ')} --until-caught-up --format json` };
  const writer = new ChangeWriter({ ...clientOf(pg, 'src'), accounts });
  live.add(writer);
  try {
    const initial = await ferryToCaughtUp(args, log('initial'), timeoutMs, live);
    if (initial.error) return { ...out, error: `the initial copy: ${initial.error}` };
    const first = await writeBacklog(writer, backlog);
    Object.assign(out, { changes: first.changes, writeRate: first.writeRate });
    const cold = await ferryToCaughtUp(args, log('cold'), timeoutMs, live);
    if (cold.error) return { ...out, error: `the cold drain: ${cold.error}` };
    out.cold = { processMs: cold.processMs, streamingMs: cold.streamingMs, appliedMs: cold.appliedMs, changes: cold.result?.changes };
    const newest = target.kind === 'postgres' ? pgSql(target, 'SELECT max(id) FROM bench_tick', 'dst') : mariaSql(target, 'SELECT max(id) FROM bench_tick', 'dst');
    if (Number(newest) < first.last) return { ...out, error: `ferry sync --until-caught-up exited 0 but the target's newest tick is ${newest}, not ${first.last}` };
    out.differs = differences(pg, 'src', target, 'dst');
    if (out.differs) return out;
    out.warm = await drainWarm(writer, target, args, log('warm'), timeoutMs, backlog, live);
    if (!out.warm.error) out.differs = differences(pg, 'src', target, 'dst');
    return out;
  } finally {
    live.delete(writer);
    await writer.close().catch(() => {}); // a writer failure has thrown already
    const dropped = dropFerrySync('src', 'dst', dbs);
    if (dropped) out.dropProblem = dropped;
  }
}

/** The warm drain of drainFerry(): resolves `{ drainMs, changes, stop, error }`. */
async function drainWarm(writer, target, args, logFile, timeoutMs, backlog, live) {
  const warmUp = await writeBacklog(writer, backlog);
  const watcher = new TickWatcher(clientOf(target, 'dst')).start();
  const sync = startFerrySync(args, logFile);
  live.add(watcher);
  live.add(sync);
  let why;
  const waitFor = (id) => Promise.race([watcher.waitFor(id, timeoutMs), sync.stopped.then((reason) => ((why = reason), false))]);
  const r = {};
  try {
    if (!(await waitFor(warmUp.last))) return Object.assign(r, { error: why ?? `the warm-up backlog did not drain within ${timeoutMs / 1000} s` });
    sync.pause();
    const second = await writeBacklog(writer, backlog);
    const resumedAt = clock();
    sync.resume();
    if (!(await waitFor(second.last))) return Object.assign(r, { error: why ?? `the warm backlog did not drain within ${timeoutMs / 1000} s` });
    return Object.assign(r, { drainMs: watcher.seenAt(second.last) - resumedAt, changes: second.changes });
  } finally {
    sync.resume(); // a frozen process would hold SIGTERM until it runs again
    r.stop = await sync.stop();
    live.delete(sync);
    live.delete(watcher);
    await watcher.stop();
    const s = r.stop;
    if (!s.already && (s.killed || !(s.code === 0 || s.signal === 'SIGTERM'))) r.stopProblem = `did not stop cleanly on SIGTERM (${s.killed ? 'killed' : s.signal ?? `exit ${s.code}`}); its last output:\n${sync.log()}`;
  }
}
