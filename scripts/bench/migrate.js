// `npm run bench -- migrate [pair…] [--runs N] [--jobs N] [--try 'ARGS']… [--profile]`: how fast
// `ferry migrate` moves a whole TPC-H database (8 tables, 8.66M rows at scale factor 1, the
// spec's primary and foreign keys) into PostgreSQL, next to the tool a user would take instead,
// in the same run on the same data:
//   SQLite → PostgreSQL      pgloader sqlite:///… postgresql:///…   (its whole-database load)
//   MariaDB → PostgreSQL     pgloader mysql://… postgresql:///…
//   PostgreSQL → PostgreSQL  pg_dump -Fd -j 2, then pg_restore -j 2 (the two times added up)
// FERRY_BENCH_SF sets the scale factor (default 1; 0.1 for a quick run).
//
// Set-up, not measured: io.trino.tpch's generator (scripts/bench/tpch/, a Maven module of its
// own, never on Ferry's classpath) writes the tables as text under a temporary folder; each
// source is loaded by its engine's bulk path (COPY, LOAD DATA LOCAL INFILE, the sqlite3 shell's
// .import) and checked against the generator's row counts. Every measured run starts from an
// empty target database, dropped and created anew. Ferry runs through its CLI with a config file
// and `--jobs 2` (`--jobs N` sets it); each `--try 'ARGS'` (e.g. `--try '--jobs 4'`) measures
// ferry once more per pair with those arguments instead, reported apart and never compared.
// Wall time is from spawn to exit; peak RSS is GNU time's (the largest single process; Ferry's
// JVM lives inside its Node process) and the summed RSS of the whole process tree, sampled
// 10 times a second. After every run each target table's row count must equal the source's, and
// Ferry's report must say every table verified exact (its verification counts in its time).
// Ratios are printed as PASS/MISS for information; timings never fail the run; a tool that fails
// is reported with the others, then fails the run. Everything the
// benchmark made (databases, schema, files) is dropped at the end, also after a failure or
// SIGINT/SIGTERM.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MARIA, PG, ensureLocalInfile, pgDumpArgs, pgRestoreArgs, restoreLocalInfile } from './lib/copy-fixture.js';
import { allLines, describeEnvironment, toolVersion } from './lib/environment.js';
import { exclusive } from './lib/exclusive.js';
import { attemptAll, withCleanUp } from './lib/clean-up.js';
import { setUpTimer } from './lib/set-up-timer.js';
import { GNU_TIME, failed, hasGnuTime, jsonOutput, measured } from './lib/measure.js';
import { migrateStages, profileMigration, verifyTimes } from './lib/migrate-timeline.js';
import { commandLine, pairs, seconds, table, tail, verdict } from './lib/report.js';
import {
  TARGET_PGLOADER_URL, TPCH, assertCounts, dropAll, generate, loadMaria, loadPg, loadSqlite,
  mariaIn, mariaSourceCounts, pgSourceCounts, resetTarget, scaleFactor, sqliteSourceCounts, targetContents, timeoutMs,
} from './lib/tpch-fixture.js';
import { TPCH_TABLES } from './lib/tpch-schema.js';

const SELF = fileURLToPath(import.meta.url);
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const FERRY_BIN = join(ROOT, 'bin', 'ferry.js');

/** The figures the project aims for (informational). */
const TARGETS = {
  /** pgloader's time over Ferry's. */
  vsPgloader: 2,
  /** pg_dump + pg_restore's time over Ferry's. */
  vsPgDump: 1,
  /** Ferry's peak RSS, MB. */
  rssMb: 1024,
};

/** The three migrations; `from` names a database in the generated config. */
const PAIRS = {
  'sqlite-pg': { label: 'SQLite → PostgreSQL', from: 'sqlite', source: 'sqlite', peer: 'pgloaderSqlite', target: TARGETS.vsPgloader },
  'maria-pg': { label: 'MariaDB → PostgreSQL', from: 'maria', source: 'maria', peer: 'pgloaderMaria', target: TARGETS.vsPgloader },
  'pg-pg': { label: 'PostgreSQL → PostgreSQL', from: 'pg', source: 'pg', peer: 'pgDumpRestore', target: TARGETS.vsPgDump },
};

function progress(message) {
  process.stderr.write(`bench migrate: ${message}\n`);
}

function mb(kb) {
  return kb ? `${Math.round(kb / 1024)} MB` : '-';
}

function rate(rows, ms) {
  const r = rows / (ms / 1000);
  return r >= 1e6 ? `${(r / 1e6).toFixed(2)}M` : `${Math.round(r / 1e3)}k`;
}

// ---------------------------------------------------------------------------------------------
// Ferry

/**
 * The config of the Ferry runs: only the databases the chosen pairs use (Ferry connects to every
 * configured database, so a source not built in this run would fail it), sources read-only, the
 * target the `public` schema of the target database.
 */
function ferryConfig(pairNames, sqliteFile) {
  const used = new Set(pairNames.map((p) => PAIRS[p].from));
  const entries = {
    sqlite: [`url: jdbc:sqlite:${sqliteFile}`, 'readOnly: true'],
    maria: [`url: jdbc:mariadb://127.0.0.1:3306/${TPCH.mariaDatabase}`, `user: ${MARIA.user}`, `schema: ${TPCH.mariaDatabase}`, 'readOnly: true'],
    pg: [`url: ${PG.url}`, `user: ${PG.user}`, `schema: ${TPCH.pgSchema}`, 'readOnly: true'],
  };
  const lines = ['databases:'];
  for (const [name, keys] of Object.entries(entries)) if (used.has(name)) lines.push(`  ${name}:`, ...keys.map((k) => `    ${k}`));
  lines.push('  pg_target:', `    url: jdbc:postgresql://127.0.0.1:5432/${TPCH.targetDatabase}`, `    user: ${PG.user}`, '    schema: public');
  return `${lines.join('\n')}\n`;
}

function ferryArgs(pair, configFile, settings) {
  return ['migrate', '--config', configFile, '--from', pair.from, '--to', 'pg_target', ...settings, '-f', 'json'];
}

/**
 * One `ferry migrate` into an empty target, then its report and the target checked. A failed or
 * wrong run is returned with `failure` rather than thrown, so the peers are still measured.
 */
async function runFerry(pair, settings, ctx) {
  resetTarget();
  const jobs = settings.join(' ');
  const r = await measured(process.execPath, [FERRY_BIN, ...ferryArgs(pair, ctx.configFile, settings)], { cwd: ROOT, timeoutMs: timeoutMs(ctx.sf), tree: true, timeline: true });
  const run = { ms: r.ms, maxRssKb: r.maxRssKb, treeRssKb: r.treeRssKb, cpuS: r.cpuS, jobs, stages: migrateStages(r.lines, r.ms) };
  const { json: report, said, ...noJson } = jsonOutput(r);
  if (!report) return { ...run, ...noJson };
  run.report = report;
  const unverified = report.tables.filter((t) => !t.loaded || t.verify?.match !== true);
  const why = failed(r) ?? (!report.ok ? 'report not ok' : unverified.length > 0 ? 'not verified exact' : undefined);
  if (why) {
    const steps = report.failedSteps.map((s) => `${s.object}: ${s.error}`).join('; ');
    const tables = unverified.map((t) => `${t.source}: ${t.loaded ? `verify ${JSON.stringify(t.verify)}` : `not loaded ${t.error?.message}`}`).join('; ');
    return { ...run, reason: why, failure: `${why}: ${tables}${steps ? `; failed steps: ${steps}` : ''}; ${said}` };
  }
  try {
    run.contents = targetContents();
    assertCounts(`ferry migrate ${pair.label}`, run.contents.counts, ctx.rows);
  } catch (e) {
    return { ...run, reason: 'WRONG COUNTS', failure: e.message };
  }
  return run;
}

// ---------------------------------------------------------------------------------------------
// The peers (a failure or a wrong count is recorded, reported, and fails the run at the end)

/** What pgloader is told when its defaults run out of heap: its knob for rows held in memory. */
const PGLOADER_SMALLER = 'prefetch rows = 10000';

/**
 * pgloader's whole-database load with its defaults; its summary is kept for the report. When its
 * Lisp heap (1 GB in Debian's build) runs out, as it does on SQLite at SF 1, the load is run once
 * more with {@link PGLOADER_SMALLER} and the failed attempt is reported (its time is not counted).
 */
async function pgloader(source, ctx) {
  let args = ['--root-dir', join(ctx.work, 'pgloader'), source, TARGET_PGLOADER_URL];
  resetTarget();
  let r = await measured('pgloader', args, { timeoutMs: timeoutMs(ctx.sf), tree: true });
  let retried;
  if (failed(r) && /Heap exhausted/.test(r.stdout + r.stderr)) {
    retried = `with its defaults it ran out of heap after ${seconds(r.ms)} (peak RSS ${mb(r.maxRssKb)}); rerun with --with '${PGLOADER_SMALLER}'`;
    progress(`pgloader: ${retried}…`);
    args = ['--with', PGLOADER_SMALLER, ...args];
    resetTarget();
    r = await measured('pgloader', args, { timeoutMs: timeoutMs(ctx.sf), tree: true });
  }
  const why = failed(r);
  if (why) throw new Error(`${commandLine('pgloader', args)} failed (${why}):\n${tail(`${r.stderr}\n${r.stdout}`, 30)}`);
  const total = /^\s*Total import time\s+(\S+)\s+(\d+)/m.exec(r.stdout + r.stderr);
  const contents = targetContents();
  assertCounts(`pgloader ${source}`, contents.counts, ctx.rows);
  return { ms: r.ms, maxRssKb: r.maxRssKb, treeRssKb: r.treeRssKb, cpuS: r.cpuS, contents, summary: `${total ? `errors ${total[1]}, rows ${total[2]}` : 'no summary line'}${retried ? `; ${retried}` : ''}`, command: commandLine('pgloader', args) };
}

const PEERS = {
  pgloaderSqlite: {
    label: 'pgloader',
    command: (ctx) => `pgloader sqlite://${ctx.sqliteFile} ${TARGET_PGLOADER_URL}`,
    run: (ctx) => pgloader(`sqlite://${ctx.sqliteFile}`, ctx),
  },
  pgloaderMaria: {
    label: 'pgloader',
    command: () => `pgloader mysql://${MARIA.user}@127.0.0.1:3306/${TPCH.mariaDatabase} ${TARGET_PGLOADER_URL}`,
    run: (ctx) => pgloader(`mysql://${MARIA.user}@127.0.0.1:3306/${TPCH.mariaDatabase}`, ctx),
  },
  pgDumpRestore: {
    label: 'pg_dump -j 2 + pg_restore -j 2',
    dumpArgs: (dir) => pgDumpArgs(TPCH.pgSchema, dir),
    restoreArgs: (dir) => pgRestoreArgs(TPCH.targetDatabase, dir),
    command(ctx) {
      const dir = join(ctx.work, 'dump');
      return `${commandLine('pg_dump', this.dumpArgs(dir))} && ${commandLine('pg_restore', this.restoreArgs(dir))}`;
    },
    async run(ctx) {
      resetTarget();
      const dir = join(ctx.work, 'dump');
      rmSync(dir, { recursive: true, force: true });
      const steps = [];
      for (const [cmd, args] of [['pg_dump', this.dumpArgs(dir)], ['pg_restore', this.restoreArgs(dir)]]) {
        const r = await measured(cmd, args, { timeoutMs: timeoutMs(ctx.sf), tree: true });
        const why = failed(r);
        if (why) throw new Error(`${commandLine(cmd, args)} failed (${why}):\n${tail(`${r.stderr}\n${r.stdout}`, 30)}`);
        steps.push(r);
      }
      rmSync(dir, { recursive: true, force: true });
      const contents = targetContents();
      assertCounts('pg_dump + pg_restore', contents.counts, ctx.rows);
      const [dump, restore] = steps;
      return {
        ms: dump.ms + restore.ms, maxRssKb: Math.max(dump.maxRssKb ?? 0, restore.maxRssKb ?? 0), treeRssKb: Math.max(dump.treeRssKb ?? 0, restore.treeRssKb ?? 0),
        cpuS: (dump.cpuS ?? 0) + (restore.cpuS ?? 0), contents, summary: `pg_dump ${seconds(dump.ms)} + pg_restore ${seconds(restore.ms)}`,
      };
    },
  },
};

// ---------------------------------------------------------------------------------------------
// Set-up and clean-up

async function setUp(pairNames, work, sf, state) {
  const setup = [];
  const timed = setUpTimer(progress, setup);
  const dataDir = join(work, 'data');
  const generated = await timed(`generate TPC-H SF ${sf} (io.trino.tpch)`, () => generate(sf, dataDir));
  const rows = generated.rows;
  const sources = new Set(pairNames.map((p) => PAIRS[p].source));
  const sqliteFile = join(work, 'tpch.db');
  if (sources.has('pg')) {
    await timed('PostgreSQL source: COPY, keys, VACUUM (FREEZE, ANALYZE)', () => loadPg(dataDir));
    assertCounts(`PostgreSQL ${TPCH.pgSchema}`, pgSourceCounts(), rows);
  }
  if (sources.has('maria')) {
    state.localInfile = ensureLocalInfile();
    await timed('MariaDB source: LOAD DATA LOCAL INFILE, foreign keys, ANALYZE', () => loadMaria(dataDir));
    assertCounts(`MariaDB ${TPCH.mariaDatabase}`, mariaSourceCounts(), rows);
  }
  if (sources.has('sqlite')) {
    await timed('SQLite source: .import in one transaction per table', () => loadSqlite(dataDir, sqliteFile));
    assertCounts(sqliteFile, sqliteSourceCounts(sqliteFile), rows);
  }
  // The text files are not needed any more; their gigabyte of page cache goes with them.
  rmSync(dataDir, { recursive: true, force: true });
  return { rows, sqliteFile, setup };
}

/** Drops every database and file the run made and restores local_infile; returns what failed. */
function cleanUp(work, localInfile) {
  const failures = [...dropAll(), ...attemptAll([['local_infile', () => restoreLocalInfile(localInfile)]])];
  rmSync(work, { recursive: true, force: true });
  return failures;
}

// ---------------------------------------------------------------------------------------------
// Measuring

async function measureAll(opts, ctx) {
  const results = Object.fromEntries(opts.pairs.map((p) => [p, { ferry: [], peer: [], variants: [], profile: undefined }]));
  const jobs = ['--jobs', String(opts.jobs)];
  for (let i = 1; i <= opts.runs; i++) {
    for (const p of opts.pairs) {
      const pair = PAIRS[p];
      const res = results[p];
      const ferry = async () => {
        if (res.ferry.some((r) => r.failure)) return;
        progress(`${pair.label}: ferry migrate ${jobs.join(' ')}, run ${i} of ${opts.runs}…`);
        res.ferry.push(await runFerry(pair, jobs, ctx));
      };
      const ferryFirst = i % 2 === 1;
      if (ferryFirst) await ferry();
      progress(`${pair.label}: ${PEERS[pair.peer].label}, run ${i} of ${opts.runs}…`);
      try {
        res.peer.push(await PEERS[pair.peer].run(ctx));
      } catch (e) {
        // Reported with everything else; the other pairs are still measured.
        res.peer.push({ failure: e.message, reason: 'FAILED' });
      }
      if (!ferryFirst) await ferry();
    }
  }
  for (const p of opts.pairs) {
    for (const settings of opts.tries) {
      progress(`${PAIRS[p].label}: ferry migrate ${settings.join(' ')} (a setting tried, once)…`);
      results[p].variants.push(await runFerry(PAIRS[p], settings, ctx));
    }
    if (opts.profile) {
      progress(`${PAIRS[p].label}: ferry migrate through the API, to time each table's verification…`);
      resetTarget();
      const { runChild } = await import('./lib/child.js');
      results[p].profile = await runChild(SELF, ['--profile-child', ctx.configFile, PAIRS[p].from, String(opts.jobs)]);
    }
  }
  resetTarget();
  return results;
}

// ---------------------------------------------------------------------------------------------
// The report

function best(list) {
  return list.reduce((a, b) => (b.ms < a.ms ? b : a));
}

function made(c) {
  return c ? `${c.schema}: ${c.primaryKeys} PK, ${c.foreignKeys} FK, ${c.indexes} indexes` : '-';
}

function report(opts, ctx, results, env) {
  const total = Object.values(ctx.rows).reduce((a, b) => a + b, 0);
  const fks = TPCH_TABLES.reduce((a, t) => a + t.foreignKeys.length, 0);
  const out = [`Ferry migrate benchmark: TPC-H SF ${ctx.sf}, ${TPCH_TABLES.length} tables, ${total.toLocaleString('en-US')} rows, ${TPCH_TABLES.length} primary keys, ${fks} foreign keys`];
  out.push('', pairs(env));
  out.push('', 'Set-up (not measured):', pairs([...ctx.setup, ['rows per table', TPCH_TABLES.map((t) => `${t.name} ${ctx.rows[t.name].toLocaleString('en-US')}`).join(', ')]]));

  const rows = [];
  const ratios = [];
  const notes = [];
  const ferryRow = (label, r) => (r.failure
    ? [label, r.reason, '-', '-', '-', '-', '-']
    : [label, seconds(r.ms), rate(total, r.ms), mb(r.maxRssKb), mb(r.treeRssKb), r.cpuS?.toFixed(1) ?? '-', made(r.contents)]);
  for (const p of opts.pairs) {
    const { label } = PAIRS[p];
    const res = results[p];
    const ok = res.ferry.filter((r) => !r.failure);
    for (const [i, r] of res.ferry.entries()) rows.push(ferryRow(`${label}: ferry ${r.jobs}${opts.runs > 1 ? ` (run ${i + 1})` : ''}`, r));
    for (const [i, r] of res.peer.entries()) rows.push(ferryRow(`${label}: ${PEERS[PAIRS[p].peer].label}${opts.runs > 1 ? ` (run ${i + 1})` : ''}`, r));
    for (const r of res.variants) rows.push(ferryRow(`${label}: ferry ${r.jobs} (tried once)`, r));
    const peerOk = res.peer.filter((r) => !r.failure);
    const peerBest = peerOk.length > 0 ? best(peerOk) : undefined;
    const peerName = PAIRS[p].peer === 'pgDumpRestore' ? 'pg_dump+pg_restore' : 'pgloader';
    if (ok.length === 0 || !peerBest) ratios.push([`${label}: ${peerName} time / ferry time ≥ ${PAIRS[p].target}`, `not measured (${ok.length === 0 ? 'ferry' : peerName} failed)`]);
    else {
      const f = best(ok);
      const ratio = peerBest.ms / f.ms;
      const need = PAIRS[p].target;
      const gap = ratio >= need ? '' : `; ferry needs ${seconds(f.ms - peerBest.ms / need)} less (${Math.round((1 - ratio / need) * 100)}% of its time) to reach it`;
      ratios.push([`${label}: ${peerName} time / ferry time ≥ ${need}`, `${verdict(ratio >= need)} (${ratio.toFixed(2)}×: ferry ${seconds(f.ms)}, ${peerName} ${seconds(peerBest.ms)}${gap})`]);
      const peak = Math.max(...ok.map((r) => Math.max(r.maxRssKb ?? 0, r.treeRssKb ?? 0)));
      ratios.push([`${label}: ferry peak RSS < ${TARGETS.rssMb} MB`, `${verdict(peak / 1024 < TARGETS.rssMb)} (${mb(peak)})`]);
    }
    for (const r of res.peer) if (r.summary || r.failure) notes.push(`${label}: ${PEERS[PAIRS[p].peer].label}: ${r.failure ? `FAILED: ${r.failure}` : r.summary}`);
    for (const r of [...res.ferry, ...res.variants]) if (r.failure) notes.push(`${label}: ferry ${r.jobs} FAILED: ${r.failure}`);
  }
  out.push('', 'Migrations, wall time from spawn to exit, each into an empty target database (row counts of every table checked against the source; ferry\'s report must say every table verified exact):');
  out.push(table(['pair: tool', 'time', 'rows/s', 'peak RSS', 'tree RSS', 'CPU s', 'target made'], rows));
  out.push('', 'Ratios and targets (informational; timings never fail the run):', pairs(ratios));
  if (notes.length > 0) out.push('', ...notes);
  out.push('', `peak RSS: ${hasGnuTime ? `${GNU_TIME} %M, the largest single process (Ferry: Node with its JVM inside)` : 'VmHWM of the direct child'}; tree RSS: VmRSS of the whole process tree added up, sampled every 100 ms. CPU s: user + system of the tool and its children, not the database servers' (pg_restore and pgloader leave index and key builds to the server, and so does Ferry).`);

  out.push('', 'Where ferry\'s time goes (first measured run of each pair, from its stderr lines as they arrived):');
  for (const p of opts.pairs) {
    const r = results[p].ferry[0];
    if (!r?.stages) continue;
    out.push(`  ${PAIRS[p].label} (ferry ${r.jobs}, ${seconds(r.ms)}):`);
    out.push(pairs(r.stages.stages.map(([what, ms]) => [`  ${what}`, `${seconds(ms)} (${Math.round((ms / r.ms) * 100)}%)`])));
    const perTable = TPCH_TABLES.map((t) => [t.name, r.stages.tables[t.name]]).filter(([, x]) => x);
    if (perTable.length > 0) {
      out.push(table(['    table', 'starts at', 'ends at', 'load s', 'rows/s', 'chunks'], perTable.map(([name, x]) => [
        `    ${name}`, x.startMs === undefined ? '-' : seconds(x.startMs), x.endMs === undefined ? '-' : seconds(x.endMs), x.seconds?.toFixed(1) ?? '-', x.rate ?? '-', x.chunks ?? '-',
      ])));
    }
    const prof = results[p].profile;
    if (prof) {
      const v = verifyTimes(prof.events);
      out.push(`    verification per table (a run through the API; ${prof.ok ? 'ok' : 'NOT ok'}): ${v.map((x) => `${x.table} ${x.ms === undefined ? '?' : seconds(x.ms)}${x.match ? '' : ' DIFFERS'}`).join(', ')}; total ${seconds(v.reduce((a, x) => a + (x.ms ?? 0), 0))}`);
      out.push(`    API run events: ${prof.events.filter((e) => !e.what.startsWith('load') && e.what !== 'verified').map((e) => `${e.what} at ${seconds(e.ms)}`).join(', ')}`);
    }
  }

  out.push('', 'Commands (from the repository root; the temporary folder is removed after the run):');
  for (const p of opts.pairs) {
    out.push(`  ${commandLine('node', ['bin/ferry.js', ...ferryArgs(PAIRS[p], 'ferry.yaml', ['--jobs', String(opts.jobs)])])}`);
    out.push(`  ${PEERS[PAIRS[p].peer].command(ctx)}`);
  }
  out.push(`    with ferry.yaml holding:\n${ctx.config.trimEnd().split('\n').map((l) => `      ${l}`).join('\n')}`);
  return out.join('\n');
}

// ---------------------------------------------------------------------------------------------
// Entry points

function parseArgs(args) {
  const opts = { pairs: [], runs: 1, jobs: 2, tries: [], profile: false };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--runs') {
      opts.runs = Number(args[++i]);
      if (!Number.isInteger(opts.runs) || opts.runs < 1) throw new Error(`--runs needs a whole number of at least 1 (got ${args[i]})`);
    } else if (a === '--jobs') {
      opts.jobs = Number(args[++i]);
      if (!Number.isInteger(opts.jobs) || opts.jobs < 1) throw new Error(`--jobs needs a whole number of at least 1 (got ${args[i]})`);
    } else if (a === '--try') {
      const settings = String(args[++i] ?? '').split(/\s+/).filter(Boolean);
      if (settings.length === 0 || settings.some((x) => /^(--config|-c|--from|--to|-f|--format|-o|--output|--dry-run)$/.test(x))) throw new Error(`--try takes ferry migrate settings such as '--jobs 4' or '--jobs 2 --parallel 4' (got ${args[i]})`);
      opts.tries.push(settings);
    } else if (a === '--profile') opts.profile = true;
    else if (Object.hasOwn(PAIRS, a)) opts.pairs.push(a);
    else throw new Error(`unknown argument ${a}; usage: bench migrate [${Object.keys(PAIRS).join(' | ')} …] [--runs N] [--jobs N] [--try '--jobs 4']… [--profile]`);
  }
  if (opts.pairs.length === 0) opts.pairs = Object.keys(PAIRS);
  return opts;
}

/**
 * Runs the migrate benchmark and prints the report. Throws (after printing) when a ferry run failed
 * or left a wrong target; a peer that fails throws at once. Cleans up in every case.
 *
 * @example
 * await main(['pg-pg', '--try', '--jobs 4']);
 */
export async function main(args) {
  const opts = parseArgs(args);
  const sf = scaleFactor();
  const loadAtStart = loadavg();
  const work = mkdtempSync(join(tmpdir(), 'ferry-bench-migrate-'));
  const state = { localInfile: undefined };
  await withCleanUp(progress, () => cleanUp(work, state.localInfile), async () => {
    const failures = await exclusive('migrate', async () => {
      const env = [
        ...describeEnvironment({ java: { version: toolVersion('java', ['-version'], allLines), vendor: 'the JVM Ferry embeds' }, loadAtStart, psql: PG.psqlArgs }),
        ['pgloader', toolVersion('pgloader', ['--version'], allLines)],
        ['pg_dump', toolVersion('pg_dump', ['--version'], allLines)],
        ['mariadb', mariaIn('SELECT VERSION();', 'server version').trim()],
        ...(process.env.FERRY_JVM_OPTS ? [['FERRY_JVM_OPTS', process.env.FERRY_JVM_OPTS]] : []),
      ];
      const setup = await setUp(opts.pairs, work, sf, state);
      const config = ferryConfig(opts.pairs, setup.sqliteFile);
      const configFile = join(work, 'ferry.yaml');
      writeFileSync(configFile, config);
      const ctx = { sf, work, config, configFile, ...setup };
      const results = await measureAll(opts, ctx);
      process.stdout.write(`${report(opts, ctx, results, env)}\n`);
      return opts.pairs.flatMap((p) => [
        ...[...results[p].ferry, ...results[p].variants].filter((r) => r.failure).map((r) => `ferry ${PAIRS[p].label} ${r.jobs}: ${r.reason}`),
        ...results[p].peer.filter((r) => r.failure).map(() => `${PEERS[PAIRS[p].peer].label} ${PAIRS[p].label} failed`),
      ]);
    });
    if (failures.length > 0) throw new Error(`${failures.join('; ')} (details in the report above)`);
  });
}

if (process.argv[1] === SELF && process.argv[2] === '--profile-child') {
  try {
    const [configFile, from, jobs] = process.argv.slice(3);
    process.stdout.write(`${JSON.stringify(await profileMigration(configFile, from, 'pg_target', Number(jobs)))}\n`);
  } catch (e) {
    process.stderr.write(`bench migrate profile child: ${e?.stack ?? e}\n`);
    process.exitCode = 1;
  }
}
