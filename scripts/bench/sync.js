// `npm run bench -- sync [--seconds N] [--loads 1000,2000,5000,max] [--backlog N] [--accounts N] [--pairs pg-pg,pg-maria] [--keep]`:
// issue 14's benchmark of change capture. A writer drives a mix of row changes (inserts, balance
// updates, primary-key updates, deletes, two-table transactions; lib/change-writer.js) into a
// source PostgreSQL database at each offered load (changes/s, or `max`: flat out) for --seconds,
// and a tick row every 100 ms whose send time it keeps; a poller asks the target for the newest
// tick every 50 ms, so tick i's lag = first seen on the target − sent, and the applied rate =
// changes / (last tick seen − start). Per load it measures, one after the other on the same
// private cluster, PostgreSQL's native logical replication (publication in `src`, subscription in
// `dst`, both prefilled alike so nothing is copied) and `ferry sync --create` from `src` into an
// empty `dst` (started before the load, stopped with SIGTERM after), then PostgreSQL → MariaDB
// with Ferry alone (no native peer). After each run the target is compared with the source.
//
// At `max` the writer is the limit (native replication keeps up with one psql session), so a
// backlog drain (lib/sync-drain.js; --backlog N changes, default 300,000, 0 skips it) measures
// each replicator's own apply rate: the backlog is written while the replicator is stopped, and
// the drain lasts from its start until the final tick shows on the target.
//
// The benchmark starts its own servers (scripts/lib/private-servers.js: a PostgreSQL 15 cluster
// with wal_level=logical, a MariaDB with a ROW binlog, on free ports) and never touches the shared
// ones; they are dropped at the end, also after a failure or Ctrl-C, unless --keep is given.
// Figures never fail the run; a failing peer or writer does. Without `ferry sync` in this build
// the native figures are still printed.
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { privateServerMissing, startBinlogMariaDb, startLogicalPostgres } from '../lib/private-servers.js';
import { withCleanUp } from './lib/clean-up.js';
import { WORKLOAD_TABLES } from './lib/change-workload-sql.js';
import { describeEnvironment, jarVersion, toolVersion } from './lib/environment.js';
import { exclusive } from './lib/exclusive.js';
import { dropFerrySync, ferrySyncAvailable, startFerrySync, syncArgs } from './lib/ferry-sync.js';
import { subscribe, subscriptionSql, unsubscribe } from './lib/native-replication.js';
import { drainFerry, drainNative } from './lib/sync-drain.js';
import { pairs, table } from './lib/report.js';
import { differences, fillWorkload, freshDatabase } from './lib/sync-databases.js';
import { measureLoad } from './lib/sync-load.js';

/** Issue 14's targets. */
const TARGETS = { rateRatio: 0.8, p99LagMs: 5000, p99AtRate: 2000 };

/** The pairs the benchmark can measure; only PostgreSQL → PostgreSQL has a native peer. */
const PAIRS = {
  'pg-pg': 'PostgreSQL → PostgreSQL',
  'pg-maria': 'PostgreSQL → MariaDB',
};

function progress(message) {
  process.stderr.write(`bench sync: ${message}\n`);
}

function parseArgs(args) {
  const opts = { seconds: 20, loads: [1000, 2000, 5000, Infinity], backlog: 300_000, accounts: 10_000, pairs: Object.keys(PAIRS), keep: false };
  const value = (i, flag) => {
    if (args[i] === undefined) throw new Error(`${flag} needs a value`);
    return args[i];
  };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--seconds' || a === '--accounts') {
      const n = Number(value(++i, a));
      if (!(Number.isInteger(n) && n > 0)) throw new Error(`${a} needs a whole number above 0 (got ${args[i]})`);
      opts[a.slice(2)] = n;
    } else if (a === '--backlog') {
      const n = Number(value(++i, a));
      if (!(Number.isInteger(n) && n >= 0)) throw new Error(`--backlog needs a whole number of changes, 0 to skip the drain (got ${args[i]})`);
      opts.backlog = n;
    } else if (a === '--loads') {
      opts.loads = value(++i, a).split(',').map((l) => {
        const n = l.trim() === 'max' ? Infinity : Number(l);
        if (!(n > 0)) throw new Error(`--loads takes changes per second or max, such as 1000,5000,max (got ${l})`);
        return n;
      });
    } else if (a === '--pairs') {
      opts.pairs = value(++i, a).split(',');
      const bad = opts.pairs.filter((p) => !Object.hasOwn(PAIRS, p));
      if (bad.length > 0) throw new Error(`unknown pair ${bad.join(', ')}; valid: ${Object.keys(PAIRS).join(', ')}`);
    } else if (a === '--keep') opts.keep = true;
    else throw new Error(`unknown argument ${a}; usage: bench sync [--seconds N] [--loads 1000,2000,5000,max] [--backlog N] [--accounts N] [--pairs ${Object.keys(PAIRS).join(',')}] [--keep]`);
  }
  return opts;
}

const loadName = (rate) => (rate === Infinity ? 'max' : `${rate.toLocaleString('en-US')}/s`);

// ---------------------------------------------------------------------------------------------
// Measuring

/** Time limits: a replicator that has not caught up by then is reported, not waited for. */
function limits(opts) {
  return { readyTimeoutMs: 180_000, catchUpTimeoutMs: Math.max(120_000, opts.seconds * 10_000) };
}

async function measureNative(pg, rate, opts, live) {
  freshDatabase(pg, 'src');
  freshDatabase(pg, 'dst');
  fillWorkload(pg, 'src', opts.accounts);
  fillWorkload(pg, 'dst', opts.accounts);
  subscribe(pg, 'src', 'dst');
  const conn = { engine: 'postgres', connection: pg.psqlArgs };
  const r = await measureLoad({ source: { ...conn, database: 'src' }, target: { ...conn, database: 'dst' }, rate, seconds: opts.seconds, accounts: opts.accounts, live, ...limits(opts) });
  // The peer is the yardstick: if it fails, the run means nothing.
  if (r.error) throw new Error(`native logical replication at ${loadName(rate)}: ${r.error}`);
  r.differs = differences(pg, 'src', pg, 'dst');
  if (r.differs) throw new Error(`native logical replication at ${loadName(rate)} left dst different from src: ${r.differs}`);
  unsubscribe(pg, 'dst');
  return r;
}

async function measureFerry(pg, target, rate, opts, live, work) {
  freshDatabase(pg, 'src');
  freshDatabase(target, 'dst');
  fillWorkload(pg, 'src', opts.accounts);
  const dbs = {
    src: `postgres://postgres@127.0.0.1:${pg.port}/src`,
    dst: target.kind === 'postgres' ? `postgres://postgres@127.0.0.1:${target.port}/dst` : `mysql://root@127.0.0.1:${target.port}/dst`,
  };
  const args = syncArgs('src', 'dst', WORKLOAD_TABLES, dbs);
  const sync = startFerrySync(args, join(work, `ferry-sync-${target.kind}-${loadName(rate).replace('/', '')}.log`));
  live.add(sync);
  let r;
  try {
    const targetConn = { engine: target.kind, connection: target.kind === 'postgres' ? target.psqlArgs : target.clientArgs, database: 'dst' };
    r = await measureLoad({ source: { engine: 'postgres', connection: pg.psqlArgs, database: 'src' }, target: targetConn, rate, seconds: opts.seconds, accounts: opts.accounts, live, stopped: sync.stopped, ...limits(opts) });
    if (!r.error) r.differs = differences(pg, 'src', target, 'dst');
  } finally {
    const stop = await sync.stop();
    live.delete(sync);
    r ??= { error: 'the measurement failed' };
    r.stop = stop;
    // A clean stop exits 0 or, as Ferry does, raises the signal again once the position is kept.
    if (!stop.already && (stop.killed || !(stop.code === 0 || stop.signal === 'SIGTERM'))) r.stopProblem = `did not stop cleanly on SIGTERM (${stop.killed ? `killed after ${stop.ms / 1000} s` : stop.signal ?? `exit ${stop.code}`}); its last output:\n${sync.log()}`;
  }
  r.command = `node bin/ferry.js ${args.join(' ')}`;
  const dropped = dropFerrySync('src', 'dst', dbs);
  if (dropped) r.dropProblem = dropped;
  return r;
}

async function measureAll(opts, servers, ferry, live, work) {
  const results = [];
  for (const rate of opts.loads) {
    const row = { rate };
    if (opts.pairs.includes('pg-pg')) {
      progress(`${loadName(rate)}: native logical replication for ${opts.seconds} s…`);
      row.native = await measureNative(servers.pg, rate, opts, live);
      progress(`${loadName(rate)}: native applied ${Math.round(row.native.appliedRate)}/s, lag p99 ${Math.round(row.native.lag.p99)} ms`);
    }
    for (const pair of opts.pairs) {
      if (!ferry) continue;
      const target = pair === 'pg-pg' ? servers.pg : servers.maria;
      progress(`${loadName(rate)}: ferry sync ${PAIRS[pair]} for ${opts.seconds} s…`);
      row[pair] = await measureFerry(servers.pg, target, rate, opts, live, work);
      const f = row[pair];
      progress(`${loadName(rate)}: ferry ${pair} ${f.error ? `failed: ${f.error.split('\n')[0]}` : `applied ${Math.round(f.appliedRate)}/s, lag p99 ${Math.round(f.lag.p99)} ms`}`);
    }
    results.push(row);
  }
  return results;
}

async function drainAll(opts, servers, ferry, live, work) {
  const drains = {};
  if (opts.backlog === 0) return drains;
  const n = fmt(opts.backlog);
  if (opts.pairs.includes('pg-pg')) {
    progress(`backlog drain: native logical replication, ${n} changes…`);
    drains.native = await drainNative(servers.pg, opts, live);
    progress(`backlog drain: native drained ${fmt(drains.native.changes)} changes in ${fmt(drains.native.drainMs / 1000, 1)} s (${fmt(drains.native.rate)}/s)`);
  }
  for (const pair of opts.pairs) {
    if (!ferry) continue;
    progress(`backlog drain: ferry sync ${PAIRS[pair]}, ${n} changes (cold, then warm)…`);
    const f = await drainFerry(servers.pg, pair === 'pg-pg' ? servers.pg : servers.maria, opts, live, work);
    drains[pair] = f;
    const cold = f.cold ? `cold ${fmt(f.cold.streamingMs / 1000, 1)} s streaming→done, ${fmt(f.cold.processMs / 1000, 1)} s whole process` : '';
    const warm = f.warm?.drainMs ? `, warm ${fmt(f.warm.drainMs / 1000, 1)} s` : '';
    progress(`backlog drain: ferry ${pair} ${f.error ? `failed: ${f.error.split('\n')[0]}` : `${cold}${warm}`}`);
  }
  return drains;
}

// ---------------------------------------------------------------------------------------------
// The report

const fmt = (n, digits = 0) => (n === undefined ? '-' : n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits }));
const lagText = (r) => (r?.lag?.p50 === undefined ? '-' : `${fmt(r.lag.p50)} / ${fmt(r.lag.p99)}`);

function verdict(r) {
  if (r === undefined) return '-';
  if (r.error) return 'FAILED';
  return r.differs ? 'DIFFERS' : 'exact';
}

function report(opts, servers, ferry, results, drains, env) {
  const out = [`Ferry sync benchmark: change capture at offered loads of ${opts.loads.map(loadName).join(', ')} for ${opts.seconds} s each, beside PostgreSQL's native logical replication`];
  out.push('', pairs(env));
  out.push('', 'Set-up (not measured):', pairs([
    ['servers', [servers.pg, servers.maria].filter(Boolean).map((s) => `private ${s.kind} on port ${s.port}, started in ${fmt(s.startMs / 1000, 1)} s`).join('; ')],
    ['workload', `${fmt(opts.accounts)} accounts prefilled; per step 28% insert, 22% balance update, 5% primary-key update, 8% delete, 5% ledger delete, 32% two-table transaction (ledger insert + account update); each step its own transaction; a tick row every 100 ms`],
  ]));
  if (opts.pairs.includes('pg-pg')) {
    const rows = results.map((r) => {
      const f = r['pg-pg'];
      const ok = f && !f.error;
      return [loadName(r.rate), fmt(r.native.sourceRate), fmt(r.native.appliedRate), lagText(r.native), f?.sourceRate ? fmt(f.sourceRate) : '-', ok ? fmt(f.appliedRate) : f ? 'FAILED' : '-', ok ? `${fmt(f.appliedRate / r.native.appliedRate, 2)}×` : '-', ok ? lagText(f) : '-', ok ? fmt(f.readyMs / 1000, 1) : '-', verdict(f)];
    });
    out.push('', 'PostgreSQL → PostgreSQL (changes/s; "wrote": what the source took during that replicator\'s run; lag p50 / p99 in ms):');
    out.push(table(['load', 'native: wrote', 'applied', 'lag', 'ferry: wrote', 'applied', 'ferry/native', 'lag', 'ready s', 'result'], rows));
    const max = results.find((r) => r.rate === Infinity);
    if (max && max.native.lag.p99 < 1000) {
      out.push(`At max the writer is the limit: native replication kept up with it (p99 lag ${fmt(max.native.lag.p99)} ms), so its rate is what one psql session committed, a lower bound of what it can apply; the two runs' writers can differ (other work on the machine), so compare each replicator's applied rate with its own "wrote" and its lag${opts.backlog > 0 ? '; the backlog drain below measures what each applies when no writer sets the pace' : ''}.`);
    }
  }
  if (opts.pairs.includes('pg-maria') && ferry) {
    const rows = results.map((r) => {
      const f = r['pg-maria'];
      const ok = !f.error;
      return [loadName(r.rate), fmt(f.sourceRate), ok ? fmt(f.appliedRate) : 'FAILED', ok ? lagText(f) : '-', ok ? fmt(f.readyMs / 1000, 1) : '-', verdict(f)];
    });
    out.push('', 'PostgreSQL → MariaDB, Ferry alone (no native peer; changes/s; lag p50 / p99 in ms):');
    out.push(table(['load', 'source wrote', 'ferry applied', 'ferry lag', 'ferry ready s', 'ferry result'], rows));
  }
  if (opts.backlog > 0) out.push('', ...drainReport(opts, drains));
  const notes = [];
  if (!ferry) notes.push('ferry sync not available in this build (`ferry sync --help` shows no such command): native figures only');
  for (const r of results) {
    for (const pair of Object.keys(PAIRS)) {
      const f = r[pair];
      if (!f) continue;
      const at = `${PAIRS[pair]} at ${loadName(r.rate)}`;
      if (f.error) notes.push(`${at}: ${f.error}`);
      if (f.differs) notes.push(`${at}: the target differs from the source: ${f.differs}`);
      if (f.unseen) notes.push(`${at}: ${f.unseen} of ${f.ticks} ticks never showed`);
      if (f.stopProblem) notes.push(`${at}: ferry sync ${f.stopProblem}`);
      if (f.dropProblem) notes.push(`${at}: ${f.dropProblem}`);
    }
  }
  for (const pair of Object.keys(PAIRS)) {
    const f = drains[pair];
    if (!f) continue;
    const at = `${PAIRS[pair]}, backlog drain`;
    if (f.error) notes.push(`${at}: ${f.error}`);
    if (f.differs) notes.push(`${at}: the target differs from the source: ${f.differs}`);
    if (f.warm?.error) notes.push(`${at} (warm): ${f.warm.error}`);
    if (f.warm?.stopProblem) notes.push(`${at} (warm): ferry sync ${f.warm.stopProblem}`);
    if (f.dropProblem) notes.push(`${at}: ${f.dropProblem}`);
  }
  if (notes.length > 0) out.push('', 'Notes:', ...notes.map((n) => `  ${n.replace(/\n/g, '\n    ')}`));
  if (opts.pairs.includes('pg-pg')) out.push('', 'Targets (issue 14; informational, they never fail the run):', pairs(targets(results, ferry)));
  out.push('', 'How it is measured: one writer process (psql fed on stdin, round trips of up to 200 changes every 10 ms, at most two outstanding) writes the changes at the offered rate, or flat out for max, and a tick row every 100 ms whose send time it keeps; a poller (psql or mariadb on stdin) reads SELECT max(id) FROM bench_tick on the target every 50 ms. Lag of a tick = first seen on the target − sent (so up to 50 ms too high); applied = changes / (last tick seen on the target − start of the load); source wrote = changes / writing time (below the load when the source could not take it). Every run starts from fresh databases: native replication from src and dst prefilled alike (copy_data = false), ferry from src prefilled and dst empty (--create, initial copy done before the load: "ready" is the time until a change made after the initial rows showed). After each run the target is compared with the source (per table: rows, key sum, money sum, text length).');
  out.push('', 'Commands (from the repository root):', `  npm run bench -- sync --seconds ${opts.seconds} --loads ${opts.loads.map((l) => (l === Infinity ? 'max' : l)).join(',')} --backlog ${opts.backlog} --accounts ${opts.accounts} --pairs ${opts.pairs.join(',')}`);
  out.push(...subscriptionSql(servers.pg.port).map((s) => `  native: ${s}`));
  if (opts.backlog > 0) out.push(...subscriptionSql(servers.pg.port, { enabled: false }).slice(2).map((s) => `  native drain: ${s}`));
  const drainCommand = Object.keys(PAIRS).map((p) => drains[p]?.command).find(Boolean);
  if (drainCommand) out.push(`  ferry drain: ${drainCommand}`);
  const command = results.flatMap((r) => Object.keys(PAIRS).map((p) => r[p]?.command)).find(Boolean);
  if (command) out.push(`  ferry: ${command}`);
  return out.join('\n');
}

function drainReport(opts, drains) {
  const native = drains.native;
  const rate = (changes, ms) => (ms === undefined ? undefined : changes / (ms / 1000));
  const ratio = (r) => (r === undefined || native === undefined ? '-' : `${fmt(r / native.rate, 2)}×`);
  const secs = (ms) => (ms === undefined ? '-' : fmt(ms / 1000, 1));
  const rows = Object.keys(PAIRS).filter((p) => opts.pairs.includes(p)).map((pair) => {
    const f = drains[pair];
    const cold = f?.cold && rate(f.changes, f.cold.streamingMs);
    const whole = f?.cold && rate(f.changes, f.cold.processMs);
    const warm = f?.warm?.drainMs && rate(f.warm.changes, f.warm.drainMs);
    const mark = pair === 'pg-pg' ? '' : '*';
    return [
      PAIRS[pair],
      [pair === 'pg-pg' ? native?.writeRate : undefined, f?.writeRate].filter((w) => w !== undefined).map((w) => fmt(w)).join(' / ') || '-',
      pair === 'pg-pg' && native ? secs(native.drainMs) : '-',
      pair === 'pg-pg' && native ? fmt(native.rate) : '-',
      secs(f?.cold?.streamingMs), cold ? fmt(cold) : f?.error ? 'FAILED' : '-', cold ? `${ratio(cold)}${mark}` : '-',
      secs(f?.cold?.processMs), whole ? `${ratio(whole)}${mark}` : '-',
      secs(f?.warm?.drainMs), warm ? fmt(warm) : '-', warm ? `${ratio(warm)}${mark}` : '-',
      verdict(f),
    ];
  });
  const out = [`Backlog drain (${fmt(opts.backlog)} changes of the same mix written flat out while the replicator is stopped, then a final tick; s and changes/s; the ratios are against native's drain${opts.pairs.includes('pg-maria') ? ', * against PostgreSQL → PostgreSQL native: MariaDB has no native peer here' : ''}):`];
  out.push(table(['pair', 'backlog written /s (native / ferry)', 'native s', 'native /s', 'ferry s', 'ferry /s', 'ferry/native', 'ferry whole s', 'whole/native', 'ferry warm s', 'warm /s', 'warm/native', 'result'], rows));
  out.push('Native: from ALTER SUBSCRIPTION … ENABLE until the final tick shows in dst. Ferry ("ferry s"): from ferry sync --until-caught-up\'s {"event":"streaming"} line to its {"event":"done"} line (the drain, without JVM start and table checks; it includes Debezium\'s connector start); "whole": from the process\'s start to its exit. Both are a fresh JVM: its figure includes the JIT warm-up (C2 compiles Debezium\'s and Ferry\'s hot paths during the first few hundred thousand events). "Ferry warm": a second backlog drained by a ferry sync left running after it drained one backlog already (frozen with SIGSTOP while the backlog is written, let go with SIGCONT), from SIGCONT until the final tick shows on the target.');
  const applied = Object.keys(PAIRS).filter((p) => drains[p]?.cold?.appliedMs !== undefined).map((p) => `${PAIRS[p]} ${fmt(drains[p].cold.appliedMs / 1000, 1)} s`);
  if (applied.length > 0) out.push(`Ferry's cold drain from its first progress line with changes applied (polled every 0.5 s, so after the connector started) to done: ${applied.join(', ')}.`);
  const f = drains['pg-pg'];
  if (native && f?.cold?.streamingMs) {
    const r = f.changes / (f.cold.streamingMs / 1000) / native.rate;
    const w = f.warm?.drainMs ? f.warm.changes / (f.warm.drainMs / 1000) / native.rate : undefined;
    out.push(`Target (issue 14, drain rate ≥ ${TARGETS.rateRatio}× native): ${r >= TARGETS.rateRatio ? 'MET' : 'MISS'} cold (${fmt(r, 2)}×)${w === undefined ? '' : `, ${w >= TARGETS.rateRatio ? 'MET' : 'MISS'} warm (${fmt(w, 2)}×)`}.`);
  }
  return out;
}

function targets(results, ferry) {
  const met = (ok) => (ok ? 'MET' : 'MISS');
  if (!ferry) return [['all', 'not measured (ferry sync not available)']];
  const rated = results.filter((r) => r['pg-pg'] && !r['pg-pg'].error);
  const worst = rated.length === 0 ? undefined : Math.min(...rated.map((r) => r['pg-pg'].appliedRate / r.native.appliedRate));
  const failed = results.filter((r) => r['pg-pg']?.error).map((r) => loadName(r.rate));
  const nearTwoK = results.filter((r) => r.rate !== Infinity && r.rate >= TARGETS.p99AtRate && r['pg-pg'] && !r['pg-pg'].error);
  const lagLine = nearTwoK.length === 0 ? 'not measured (no load of 2,000/s or more below max)' : `${met(nearTwoK.every((r) => r['pg-pg'].lag.p99 < TARGETS.p99LagMs))} (${nearTwoK.map((r) => `${loadName(r.rate)}: ${fmt(r['pg-pg'].lag.p99)} ms`).join(', ')})`;
  return [
    [`applied ≥ ${TARGETS.rateRatio}× native, every load`, worst === undefined || failed.length ? `MISS (${failed.length ? `failed at ${failed.join(', ')}` : 'no figures'})` : `${met(worst >= TARGETS.rateRatio && failed.length === 0)} (lowest ${fmt(worst, 2)}×)`],
    [`p99 lag < ${TARGETS.p99LagMs / 1000} s at ≥ ${fmt(TARGETS.p99AtRate)}/s`, lagLine],
  ];
}

// ---------------------------------------------------------------------------------------------
// Entry point

/**
 * Runs the sync benchmark on private servers and prints the report; throws only when a server,
 * the writer or the native peer fails.
 *
 * @example
 * await main(['--seconds', '10', '--loads', '1000,max']);
 */
export async function main(args) {
  const opts = parseArgs(args);
  const loadAtStart = loadavg();
  const missing = privateServerMissing('postgres') ?? (opts.pairs.includes('pg-maria') ? privateServerMissing('mariadb') : undefined);
  if (missing) throw new Error(`the sync benchmark starts private servers: ${missing}`);
  const work = mkdtempSync(join(tmpdir(), 'ferry-bench-sync-'));
  const servers = {};
  const live = new Set();
  const cleanUp = () => {
    const failed = [];
    for (const thing of live) thing.kill();
    for (const s of [servers.pg, servers.maria].filter(Boolean)) {
      if (opts.keep) {
        progress(`kept the private ${s.kind} server on port ${s.port} (${s.kind === 'postgres' ? `psql ${s.psqlArgs.join(' ')} -d src` : `mariadb ${s.clientArgs.join(' ')} dst`}); the next run replaces it`);
        continue;
      }
      try {
        s.stop();
      } catch (e) {
        failed.push(`${s.kind} ${s.name}: ${e.message.split('\n')[0]}`);
      }
    }
    rmSync(work, { recursive: true, force: true });
    return failed;
  };
  await withCleanUp(progress, cleanUp, () => exclusive('sync', async () => {
    const ferry = ferrySyncAvailable();
    if (!ferry) progress('ferry sync not available in this build: measuring native logical replication only');
    progress('starting a private PostgreSQL (wal_level=logical)…');
    servers.pg = await startLogicalPostgres({ name: 'ferry_bench_sync_pg' });
    if (ferry && opts.pairs.includes('pg-maria')) {
      progress('starting a private MariaDB (ROW binlog)…');
      servers.maria = await startBinlogMariaDb({ name: 'ferry_bench_sync_maria' });
    }
    const results = await measureAll(opts, servers, ferry, live, work);
    const drains = await drainAll(opts, servers, ferry, live, work);
    const env = [
      ...describeEnvironment({ java: undefined, loadAtStart, psql: servers.pg.psqlArgs }),
      ['debezium', jarVersion('debezium-embedded')],
      ['mariadb', toolVersion('mariadbd', ['--version'])],
    ];
    process.stdout.write(`${report(opts, servers, ferry, results, drains, env)}\n`);
  }));
}
