// `npm run bench -- scale [--tables A,B] [--runs N] [--no-debug] | --drop`: whether Ferry's
// catalog work grows linearly with the number of tables. `ferry copy --all` and `ferry check` run
// over a PostgreSQL schema of 100 tables and one of 500 (A and B), each table small (100 rows, one
// secondary index, a foreign key on every 5th), so the time is catalog and planning work, not
// data. Ferry once inspected the whole source for every table it copied (N² catalog work); it now
// lists the names in one round trip for --all and inspects each table by name. Linear work takes
// B/A times as long at B tables (5.0 for 100 → 500), quadratic work (B/A)² (25).
//
// Measured for each size, in the same run, as whole commands from the repository root:
//   ferry copy --all --create --mode replace --json   source schema → an emptied target schema;
//                                    after it, psql checks every table of the target: present,
//                                    100 rows, exact SUM(amount), NULL counts, key range
//   ferry check --format json        source schema against that copy; its findings must be exactly
//                                    what psql says differs (the foreign keys the copy does not
//                                    create, Ferry's ferry_checkpoint table), with no error or warning
// and the peers whose growth is the yardstick (PostgreSQL's own tools, on the same tables):
//   pg_dump --schema-only -n SRC     the catalog work of the N tables (peer of ferry check); its
//                                    output must hold N CREATE TABLEs, N indexes, N/5 foreign keys
//   pg_dump --data-only -n SRC       reads every table's catalog entry and rows (peer of the read
//                                    side of ferry copy); its output must hold N COPY blocks of
//                                    100 rows. The benchmark reads that output to count it, as a
//                                    user would send it to /dev/null
//   pg_dump -n SRC | sed | psql      a whole copy: schema, rows, indexes and foreign keys restored
//                                    into the target schema (sed renames the schema), one
//                                    statement per transaction as psql runs a script; then checked
//                                    like Ferry's copy
//
// Every command's wall time is from spawn to exit (Node and the JVM's start included for Ferry);
// peak RSS and CPU seconds come from GNU time when /usr/bin/time exists. Runs alternate (Ferry
// first, then the peers; the peers first on the next run) so a drift on the machine hits all
// alike; the best of `--runs` (default 2) is compared. Ferry runs with -Dferry.debug.catalog=true
// and -Dferry.debug.copy=true added to FERRY_JVM_OPTS (unless --no-debug): one stderr line per
// inspection (its round trips are counted either way) and per copy phase, from which the report
// counts the catalog round trips and tables inspected per command (a figure that does not depend
// on the machine) and sums where the copy's time goes. Those lines cover Ferry's inspections
// only, not Calcite's schema lookups while it plans a query; the first table's own time (from the
// `done` events) shows what such one-off work costs at each size. Nothing fails on a timing: the
// run fails only when a command errs, hangs or leaves a wrong result. The sources stay for the
// next run (rebuilt when this file changes); `--drop` drops every ferry_bench_scale_* schema.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { jvmRuntime } from '../../dist/bridge/index.js';
import { runChild } from './lib/child.js';
import { describeEnvironment, toolVersion } from './lib/environment.js';
import { exclusive } from './lib/exclusive.js';
import { GNU_TIME, assertRan, failed, hasGnuTime, measured, pipeline } from './lib/measure.js';
import { commandLine, pairs, seconds, table, tail, verdict } from './lib/report.js';
import {
  FK_EVERY, PG, ROWS,
  assertTables, catalogCounts, dropAll, ensureSource, resetTarget, sourceSchema, tableNames, targetSchema,
} from './lib/scale-fixture.js';

const SELF = fileURLToPath(import.meta.url);
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const FERRY_BIN = join(ROOT, 'bin', 'ferry.js');

/** The two sizes compared (`--tables A,B`). */
const DEFAULT_SIZES = [100, 500];

/** Runs of every command (`--runs N`); the best is compared. */
const DEFAULT_RUNS = 2;

/** What Ferry is asked to print on stderr so the report can count its catalog work. */
const DEBUG_OPTS = ['-Dferry.debug.catalog=true', '-Dferry.debug.copy=true'];

/** Ferry's tables made in the target next to the copies (checkpoints). */
const FERRY_EXTRA_TABLES = ['ferry_checkpoint'];

/** The figures the project aims for (informational). */
const TARGETS = {
  /** Per-table wall time at B tables ≤ this × per-table wall time at A tables ("linear or better"). */
  perTableGrowth: 1.25,
};

function progress(message) {
  process.stderr.write(`bench scale: ${message}\n`);
}

function ms(value) {
  return value === undefined ? '-' : `${value.toFixed(value < 10 ? 2 : value < 100 ? 1 : 0)} ms`;
}

function mb(kb) {
  return kb === undefined ? '-' : `${Math.round(kb / 1024)} MB`;
}

function count(n) {
  return n.toLocaleString('en-US');
}

// ---------------------------------------------------------------------------------------------
// Failures

/** What a command printed, for a failure message. */
function said(r) {
  return [r.stderr.trim() && `stderr:\n${tail(r.stderr)}`, r.stdout.trim() && `stdout:\n${tail(r.stdout)}`].filter(Boolean).join('\n') || '(it printed nothing)';
}

// ---------------------------------------------------------------------------------------------
// Ferry

/** The config of the runs at `tables` tables: the source read-only, the target its own schema. */
function ferryConfig(tables) {
  const db = (schema, readOnly) => [`    url: ${PG.url}`, `    user: ${PG.user}`, `    schema: ${schema}`, ...(readOnly ? ['    readOnly: true'] : [])];
  return ['databases:', '  src:', ...db(sourceSchema(tables), true), '  dst:', ...db(targetSchema(tables), false), ''].join('\n');
}

const COPY_ARGS = ['--from', 'src', '--to', 'dst', '--all', '--create', '--mode', 'replace', '--json'];
const CHECK_ARGS = ['--from', 'src', '--to', 'dst', '--format', 'json'];

function ferryArgs(command, configFile) {
  return [command, '--config', configFile, ...(command === 'copy' ? COPY_ARGS : CHECK_ARGS)];
}

/** How long a Ferry command may take before it counts as hung: 2 minutes plus 2 s per table. */
function ferryTimeoutMs(tables) {
  return 120_000 + tables * 2_000;
}

function ferryEnv(debug) {
  if (!debug) return undefined;
  return { FERRY_JVM_OPTS: [process.env.FERRY_JVM_OPTS ?? '', ...DEBUG_OPTS].join(' ').trim() };
}

/**
 * What Ferry's debug lines on stderr say: per inspection ("ferry: inspected schema 's' of 'src':
 * 1 tables, 0 views, 5 round trips … in 12 ms") the tables and round trips, and per copy phase
 * ("ferry copy t0001: scanned 100 keys into 1 chunks 40 ms") the milliseconds, summed by phase
 * with its numbers blanked ("scanned # keys into # chunks").
 */
function readDebug(stderr) {
  const inspections = [];
  const phases = new Map();
  for (const line of stderr.split('\n')) {
    const i = /^ferry: inspected (.+?) of '([^']*)': (\d+) tables, (\d+) views, (\d+) round trips .* in (\d+) ms$/.exec(line);
    if (i) {
      inspections.push({ scope: i[1], database: i[2], tables: Number(i[3]), views: Number(i[4]), roundTrips: Number(i[5]), ms: Number(i[6]) });
      continue;
    }
    const p = /^ferry copy (\S+): (.+) (\d+) ms$/.exec(line);
    if (p) {
      const phase = p[2].replace(/\d+/g, '#');
      const entry = phases.get(phase) ?? { ms: 0, times: 0 };
      entry.ms += Number(p[3]);
      entry.times++;
      phases.set(phase, entry);
    }
  }
  const sum = (k) => inspections.reduce((n, x) => n + x[k], 0);
  return { inspections: inspections.length, tablesInspected: sum('tables'), roundTrips: sum('roundTrips'), inspectMs: sum('ms'), phases };
}

/**
 * The `--json` events of a copy: every line must be one JSON object. Returns the `done` events
 * (per table: rows, seconds), the `failed` ones and the count of lines that were not JSON.
 */
function readEvents(stdout) {
  const done = [];
  const failures = [];
  let events = 0;
  let notJson = 0;
  for (const line of stdout.split('\n')) {
    if (line.trim() === '') continue;
    let e;
    try {
      e = JSON.parse(line);
    } catch {
      notJson++;
      continue;
    }
    events++;
    if (e?.kind === 'done') done.push(e);
    else if (e?.kind === 'failed') failures.push(e);
  }
  return { events, notJson, done, failures };
}

/**
 * One `ferry copy --all` of the `tables`-table source into its emptied target, then the target
 * checked with psql. A run that failed, hung or left a wrong target is returned with `failure`
 * (and `wrong` for a wrong target) rather than thrown, so the peers are still measured and
 * reported before the benchmark fails.
 */
async function runFerryCopy(tables, configFile, debug) {
  resetTarget(tables);
  const r = await measured(process.execPath, [FERRY_BIN, ...ferryArgs('copy', configFile)], { cwd: ROOT, timeoutMs: ferryTimeoutMs(tables), env: ferryEnv(debug) });
  const run = { ms: r.ms, exit: r.status, maxRssKb: r.maxRssKb, cpuS: r.cpuS, debug: readDebug(r.stderr) };
  const why = failed(r);
  if (why) return { ...run, reason: why, failure: `${why} (expected exit 0); ${said(r)}` };
  const events = readEvents(r.stdout);
  try {
    assertTables(targetSchema(tables), tables, { extra: FERRY_EXTRA_TABLES, where: `${targetSchema(tables)} after ferry copy` });
  } catch (e) {
    return { ...run, events, reason: 'WRONG COPY', wrong: true, failure: `exit 0 but the copy is wrong: ${e.message}; ${said(r)}` };
  }
  return { ...run, events, target: catalogCounts(targetSchema(tables)) };
}

/**
 * What `ferry check` between the source and an exact copy must report: one T201 per table only
 * in the target, one K201 per foreign key the copy lacks, one I101 per secondary index it lacks
 * (from psql's counts of both schemas), and nothing else. Returns what differs, or undefined.
 */
function unexpectedFindings(findings, tables, source, target, extraTables) {
  const want = { T201: extraTables.length, K201: source.foreignKeys - target.foreignKeys, I101: source.indexes - target.indexes };
  const got = {};
  for (const f of findings) got[f?.code] = (got[f?.code] ?? 0) + 1;
  const problems = [];
  for (const code of new Set([...Object.keys(want), ...Object.keys(got)])) {
    if ((got[code] ?? 0) !== (want[code] ?? 0)) problems.push(`${code}×${got[code] ?? 0} (expected ${want[code] ?? 0})`);
  }
  const known = new Set([...tableNames(tables), ...extraTables]);
  const strangers = [...new Set(findings.map((f) => f?.table).filter((t) => !known.has(t)))];
  if (strangers.length > 0) problems.push(`findings name tables that are in neither schema: ${strangers.slice(0, 5).join(', ')}`);
  return problems.length > 0 ? problems.join(', ') : undefined;
}

/**
 * One `ferry check` of the source against the copy the last `ferry copy` left. Exit 0 is the
 * expected outcome (an exact copy has no error); its JSON must parse and hold exactly the findings
 * {@link unexpectedFindings} expects. Failures are returned, as for the copy.
 */
async function runFerryCheck(tables, configFile, debug, source, copied) {
  const r = await measured(process.execPath, [FERRY_BIN, ...ferryArgs('check', configFile)], { cwd: ROOT, timeoutMs: ferryTimeoutMs(tables), env: ferryEnv(debug) });
  const run = { ms: r.ms, exit: r.status, maxRssKb: r.maxRssKb, cpuS: r.cpuS, debug: readDebug(r.stderr) };
  // Exit 1 (errors found) is read too: the findings then say what Ferry thought was wrong.
  const why = failed(r, [0, 1]);
  if (why) return { ...run, reason: why, failure: `${why} (expected exit 0: the target is an exact copy); ${said(r)}` };
  let doc;
  try {
    doc = JSON.parse(r.stdout);
    if (!Array.isArray(doc?.findings)) throw new Error(`no findings array (top-level keys: ${Object.keys(doc ?? {}).join(', ') || 'none'})`);
  } catch (e) {
    return { ...run, reason: 'unreadable JSON', failure: `exit 0 but stdout is not the findings JSON: ${e.message}; ${said(r)}` };
  }
  const wrong = unexpectedFindings(doc.findings, tables, source, copied.target, copied.extraTables);
  const named = new Set(doc.findings.map((f) => f?.table));
  const codes = {};
  for (const f of doc.findings) codes[f.code] = (codes[f.code] ?? 0) + 1;
  const result = { ...run, findings: doc.findings.length, summary: doc.summary, codes, named: named.size };
  if (wrong || r.status !== 0) return { ...result, reason: 'WRONG FINDINGS', wrong: true, failure: `exit ${r.status}; the findings are not what psql says differs between the schemas: ${wrong ?? 'they are, but the exit code says errors were found'}; first findings: ${JSON.stringify(doc.findings.slice(0, 3))}` };
  return result;
}

// ---------------------------------------------------------------------------------------------
// The peers (a failure or a wrong result here is an error: the run stops)

const PG_DUMP = ['pg_dump', ...PG.psqlArgs];
const PSQL = ['psql', '-X', '-q', ...PG.psqlArgs, '-v', 'ON_ERROR_STOP=1'];

function countLines(text, re) {
  return (text.match(re) ?? []).length;
}

const PEERS = {
  /** Peer of ferry check: the DDL of every table, from the catalog. */
  schemaOnly: {
    label: 'pg_dump --schema-only',
    of: 'check',
    command: (tables) => ({ cmd: PG_DUMP[0], args: [...PG_DUMP.slice(1), '--schema-only', '-n', sourceSchema(tables)] }),
    async run(tables) {
      const c = this.command(tables);
      const r = await measured(c.cmd, c.args);
      assertRan(r, commandLine(c.cmd, c.args));
      const got = {
        tables: countLines(r.stdout, /^CREATE TABLE /gm),
        indexes: countLines(r.stdout, /^CREATE INDEX /gm),
        primaryKeys: countLines(r.stdout, /^\s+ADD CONSTRAINT \S+ PRIMARY KEY /gm),
        foreignKeys: countLines(r.stdout, /^\s+ADD CONSTRAINT \S+ FOREIGN KEY /gm),
      };
      const want = { tables, indexes: tables, primaryKeys: tables, foreignKeys: Math.floor(tables / FK_EVERY) };
      const wrong = Object.keys(want).filter((k) => got[k] !== want[k]);
      if (wrong.length > 0) throw new Error(`${this.label} of ${sourceSchema(tables)} printed ${wrong.map((k) => `${got[k]} ${k} (expected ${want[k]})`).join(', ')}:\n${tail(r.stdout, 20)}`);
      return { ...r, stdout: '', checked: `${got.tables} tables, ${got.indexes} indexes, ${got.foreignKeys} foreign keys` };
    },
  },
  /** Peer of the read side of ferry copy: every table's rows, in COPY text. */
  dataOnly: {
    label: 'pg_dump --data-only',
    of: 'copy',
    command: (tables) => ({ cmd: PG_DUMP[0], args: [...PG_DUMP.slice(1), '--data-only', '-n', sourceSchema(tables)] }),
    async run(tables) {
      const c = this.command(tables);
      const r = await measured(c.cmd, c.args);
      assertRan(r, commandLine(c.cmd, c.args));
      // Rows are the lines between each "COPY s.t (…) FROM stdin;" and its "\.".
      const blocks = new Map();
      let current;
      for (const line of r.stdout.split('\n')) {
        if (current === undefined) {
          const m = /^COPY \S+?\.(\w+) \(.*\) FROM stdin;$/.exec(line);
          if (m) blocks.set((current = m[1]), 0);
        } else if (line === '\\.') current = undefined;
        else blocks.set(current, blocks.get(current) + 1);
      }
      const short = [...blocks].filter(([, n]) => n !== ROWS);
      if (blocks.size !== tables || short.length > 0) {
        throw new Error(`${this.label} of ${sourceSchema(tables)} dumped ${blocks.size} tables (expected ${tables})${short.length > 0 ? `, ${short.length} of them not with ${ROWS} rows (e.g. ${short.slice(0, 3).map(([t, n]) => `${t}: ${n}`).join(', ')})` : ''}`);
      }
      return { ...r, stdout: '', checked: `${blocks.size} tables × ${ROWS} rows` };
    },
  },
  /** A whole copy with PostgreSQL's tools: dump, rename the schema, restore into the target. */
  dumpRestore: {
    label: 'pg_dump | sed | psql',
    of: 'copy',
    command: (tables) => pipeline(
      [...PG_DUMP, '-n', sourceSchema(tables)],
      ['sed', `s/\\b${sourceSchema(tables)}\\b/${targetSchema(tables)}/g`],
      PSQL,
    ),
    async run(tables) {
      // The dump creates the schema itself.
      resetTarget(tables, { create: false });
      const c = this.command(tables);
      const r = await measured(c.cmd, c.args);
      assertRan(r, c.line);
      const where = `${targetSchema(tables)} after ${this.label}`;
      assertTables(targetSchema(tables), tables, { where });
      const source = catalogCounts(sourceSchema(tables));
      const target = catalogCounts(targetSchema(tables));
      if (target.foreignKeys !== source.foreignKeys || target.indexes !== source.indexes) {
        throw new Error(`${where}: ${target.foreignKeys} foreign keys and ${target.indexes} indexes, expected ${source.foreignKeys} and ${source.indexes}`);
      }
      return { ...r, stdout: '', checked: `${tables} tables × ${ROWS} rows exact, ${target.indexes} indexes, ${target.foreignKeys} foreign keys` };
    },
  },
};

// ---------------------------------------------------------------------------------------------
// Child side: Ferry's JVM describes itself in a process of its own, so the parent starts none.

async function childMain(argv) {
  if (argv[0] !== '--java') throw new Error(`unknown child mode ${argv[0]}`);
  process.stdout.write(`${JSON.stringify(await jvmRuntime())}\n`);
}

// ---------------------------------------------------------------------------------------------
// Parent side

async function environment(loadAtStart) {
  let java;
  try {
    java = await runChild(SELF, ['--java']);
  } catch (e) {
    progress(`Ferry's JVM could not describe itself (${String(e.message).split('\n')[0]}); going on`);
  }
  return [
    ...describeEnvironment({ java, loadAtStart, psql: PG.psqlArgs }),
    ['pg_dump', toolVersion('pg_dump', ['--version'])],
    ['peak RSS from', hasGnuTime ? `${GNU_TIME} -f %M (the command and everything it waited for)` : 'VmHWM of the direct child, polled every 50 ms (/usr/bin/time is not installed)'],
    ...(process.env.FERRY_JVM_OPTS ? [['FERRY_JVM_OPTS', process.env.FERRY_JVM_OPTS]] : []),
  ];
}

/** Every command at every size, `runs` times, alternating who goes first. */
async function measure(sizes, runs, debug, work) {
  const fixtures = [];
  for (const n of sizes) {
    progress(`making sure ${sourceSchema(n)} holds ${n} tables × ${ROWS} rows (a first run builds it: a few seconds)…`);
    fixtures.push({ tables: n, ...ensureSource(n) });
  }
  const configs = {};
  for (const n of sizes) {
    configs[n] = { file: join(work, `ferry-${n}.yaml`), text: ferryConfig(n) };
    writeFileSync(configs[n].file, configs[n].text);
  }
  const results = Object.fromEntries(sizes.map((n) => [n, { copy: [], check: [], peers: Object.fromEntries(Object.keys(PEERS).map((k) => [k, []])) }]));
  try {
    for (let i = 1; i <= runs; i++) {
      for (const n of sizes) {
        const res = results[n];
        const source = fixtures.find((f) => f.tables === n);
        const ferry = async () => {
          // One failed run says all there is to say about this size; its peers are still measured.
          if (res.copy.some((r) => r.failure) || res.check.some((r) => r.failure)) return;
          progress(`${n} tables: ferry copy --all, run ${i} of ${runs}…`);
          const copied = await runFerryCopy(n, configs[n].file, debug);
          res.copy.push(copied);
          if (copied.failure) return;
          progress(`${n} tables: ferry check, run ${i} of ${runs}…`);
          const extraTables = FERRY_EXTRA_TABLES.filter((t) => !tableNames(n).includes(t));
          res.check.push(await runFerryCheck(n, configs[n].file, debug, source, { target: copied.target, extraTables }));
        };
        if (i % 2 === 1) await ferry();
        for (const [k, peer] of Object.entries(PEERS)) {
          progress(`${n} tables: ${peer.label}, run ${i} of ${runs}…`);
          res.peers[k].push(await peer.run(n));
        }
        if (i % 2 === 0) await ferry();
      }
    }
  } finally {
    // The sources stay for the next run; the targets go.
    for (const n of sizes) {
      try {
        resetTarget(n, { create: false });
      } catch (e) {
        progress(`could not drop ${targetSchema(n)}: ${e.message}`);
      }
    }
  }
  return { fixtures, configs, results };
}

// ---------------------------------------------------------------------------------------------
// Report

function best(list) {
  return list.reduce((a, b) => (b.ms < a.ms ? b : a));
}

/**
 * The scaling figures of one command measured at sizes a < b: best times, growth t(b)/t(a), the
 * exponent k of t ∝ N^k that growth implies (1 linear, 2 quadratic; a fixed start-up cost pulls
 * it below 1), per-table time at each size, and the marginal time per added table.
 */
function scaling([a, b], atA, atB) {
  const growth = atB / atA;
  return {
    growth,
    exponent: Math.log(growth) / Math.log(b / a),
    perTableA: atA / a,
    perTableB: atB / b,
    marginal: (atB - atA) / (b - a),
  };
}

/** One row of a scaling table; `runsAt[n]` are the successful runs at size n, `failure` the first failure. */
function scalingRow(label, sizes, runsAt, failures) {
  const [a, b] = sizes;
  const cell = (n) => {
    if (runsAt[n].length > 0) return seconds(best(runsAt[n]).ms);
    return failures[n] ? (failures[n].wrong ? 'WRONG' : 'FAILED') : 'not run';
  };
  const all = (n) => runsAt[n].map((r) => seconds(r.ms)).join(', ') || '-';
  const peak = (n) => mb(Math.max(0, ...runsAt[n].map((r) => r.maxRssKb ?? 0)) || undefined);
  const cpu = (n) => (runsAt[n].length > 0 ? best(runsAt[n]).cpuS?.toFixed(1) ?? '-' : '-');
  if (runsAt[a].length === 0 || runsAt[b].length === 0) {
    return [label, cell(a), cell(b), '-', '-', '-', '-', '-', `${peak(a)} / ${peak(b)}`, `${cpu(a)} / ${cpu(b)}`, `${all(a)} | ${all(b)}`];
  }
  const s = scaling(sizes, best(runsAt[a]).ms, best(runsAt[b]).ms);
  return [label, cell(a), cell(b), `${s.growth.toFixed(2)}×`, s.exponent.toFixed(2), ms(s.perTableA), ms(s.perTableB), ms(s.marginal), `${peak(a)} / ${peak(b)}`, `${cpu(a)} / ${cpu(b)}`, `${all(a)} | ${all(b)}`];
}

function bestMs(runs) {
  return runs.length > 0 ? best(runs).ms : undefined;
}

/** "Ferry's growth vs the peer's growth": the ratio of the two growth factors (1.00: they grow alike). */
function growthVersus(label, sizes, ferryRuns, peerRuns) {
  const [a, b] = sizes;
  const fa = bestMs(ferryRuns[a]);
  const fb = bestMs(ferryRuns[b]);
  if (fa === undefined || fb === undefined) return [label, 'not measured (a Ferry run failed)'];
  const fg = fb / fa;
  const pg = best(peerRuns[b]).ms / best(peerRuns[a]).ms;
  return [label, `${(fg / pg).toFixed(2)} (ferry ${fg.toFixed(2)}× vs peer ${pg.toFixed(2)}×; linear ${(b / a).toFixed(1)}×, quadratic ${((b / a) ** 2).toFixed(1)}×)`];
}

function median(values) {
  const s = [...values].sort((x, y) => x - y);
  return s.length === 0 ? undefined : s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

function mean(values) {
  return values.length === 0 ? undefined : values.reduce((x, y) => x + y, 0) / values.length;
}

/** What the best copy's `done` events say about its own per-table times. */
function ownTimesLine(n, run) {
  const done = run.events?.done ?? [];
  if (done.length === 0) return `${n} tables: no \`done\` events with per-table seconds`;
  const perTable = done.map((e) => e.seconds * 1000);
  const sum = perTable.reduce((x, y) => x + y, 0);
  const tenth = Math.max(1, Math.floor(done.length / 10));
  const off = done.filter((e) => e.rows !== ROWS).length;
  const notes = [];
  if (done.length !== n) notes.push(`${done.length} done events for ${n} tables`);
  if (off > 0) notes.push(`${off} done events do not say ${ROWS} rows`);
  if (run.events.failures.length > 0) notes.push(`${run.events.failures.length} failed events`);
  if (run.events.notJson > 0) notes.push(`${run.events.notJson} lines that are not JSON`);
  return `${n} tables: ${done.length} tables done, their own seconds sum to ${seconds(sum)} of the ${seconds(run.ms)} wall time `
    + `(${seconds(run.ms - sum)} outside the tables: Node, the JVM, connecting, listing); per table median ${ms(median(perTable))}, mean ${ms(sum / done.length)}, `
    + `first ${ms(perTable[0])}, tables 2…${tenth + 1} ${ms(mean(perTable.slice(1, tenth + 1)))}, last ${tenth} ${ms(mean(perTable.slice(-tenth)))}`
    + (notes.length > 0 ? ` (note: ${notes.join('; ')})` : '');
}

/** The catalog work Ferry's debug lines counted, per command and size, as a table. */
function catalogTable(sizes, results) {
  const rows = [];
  for (const command of ['copy', 'check']) {
    const at = sizes.map((n) => results[n][command].findLast((r) => !r.failure && r.debug.inspections > 0));
    if (at.some((r) => r === undefined)) {
      rows.push([`ferry ${command}`, 'not counted (a run failed, or Ferry printed no inspection lines)', '', '', '', '', '', '']);
      continue;
    }
    const [da, db] = at.map((r) => r.debug);
    const trips = db.roundTrips / da.roundTrips;
    const inspected = db.tablesInspected / da.tablesInspected;
    rows.push([
      `ferry ${command}`,
      `${count(da.inspections)} / ${count(db.inspections)}`,
      `${count(da.tablesInspected)} / ${count(db.tablesInspected)}`,
      `${count(da.roundTrips)} / ${count(db.roundTrips)}`,
      `${(da.roundTrips / da.inspections).toFixed(1)} / ${(db.roundTrips / db.inspections).toFixed(1)}`,
      `${trips.toFixed(2)}×`,
      `${inspected.toFixed(2)}×`,
      `${seconds(da.inspectMs)} / ${seconds(db.inspectMs)}`,
    ]);
  }
  const [a, b] = sizes;
  return table(['command', `inspections @${a} / @${b}`, 'tables inspected', 'catalog round trips', 'per inspection', 'round-trip growth', 'tables-inspected growth', 'inspection time (JVM)'], rows);
}

/**
 * Informational verdicts on the counted catalog work: copy's round trips and tables inspected grow
 * at most as the tables do, check's round trips do not grow at all (a fixed number per schema).
 */
function catalogVerdicts(sizes, results) {
  const [a, b] = sizes;
  const at = (command) => sizes.map((n) => results[n][command].findLast((r) => !r.failure && r.debug.inspections > 0)?.debug);
  const lines = [];
  const [ca, cb] = at('copy');
  if (ca && cb) {
    const growth = Math.max(cb.roundTrips / ca.roundTrips, cb.tablesInspected / ca.tablesInspected);
    lines.push([`ferry copy: catalog work grows ≤ ${(b / a).toFixed(1)}× (linear)`, `${verdict(growth <= (b / a) * 1.001)} (${growth.toFixed(2)}×)`]);
  }
  const [ka, kb] = at('check');
  if (ka && kb) lines.push(['ferry check: the same catalog round trips at both sizes', `${verdict(kb.roundTrips === ka.roundTrips)} (${ka.roundTrips} and ${kb.roundTrips})`]);
  return lines.length > 0 ? pairs(lines) : undefined;
}

/** Where the best copy's time went, by phase (from -Dferry.debug.copy), at each size. */
function phaseTable(sizes, results) {
  const at = sizes.map((n) => results[n].copy.filter((r) => !r.failure));
  if (at.some((runs) => runs.length === 0 || best(runs).debug.phases.size === 0)) return undefined;
  const [pa, pb] = at.map((runs) => best(runs).debug.phases);
  const [a, b] = sizes;
  const rows = [...new Set([...pa.keys(), ...pb.keys()])].map((phase) => {
    const x = pa.get(phase) ?? { ms: 0, times: 0 };
    const y = pb.get(phase) ?? { ms: 0, times: 0 };
    return [phase, `${x.times} / ${y.times}`, `${seconds(x.ms)} / ${seconds(y.ms)}`, x.ms > 0 ? `${(y.ms / x.ms).toFixed(2)}×` : '-', `${ms(x.times ? x.ms / x.times : undefined)} / ${ms(y.times ? y.ms / y.times : undefined)}`];
  });
  return table(['copy phase (as Ferry names it)', `count @${a} / @${b}`, 'total', 'growth', 'mean'], rows);
}

function report({ sizes, runs, debug, fixtures, configs, results, env }) {
  const [a, b] = sizes;
  const out = [];
  out.push(`Ferry scale benchmark: ferry copy --all and ferry check over ${a} and over ${b} PostgreSQL tables (id BIGINT primary key, name VARCHAR(40), amount NUMERIC(12,2), created_at TIMESTAMP, ref_id BIGINT; an index on name; a foreign key on every ${FK_EVERY}th table; ${ROWS} rows each)`);
  out.push('', pairs(env));
  out.push('', pairs(fixtures.map((f) => [`${f.schema}`, `${f.state} (${f.seconds.toFixed(1)} s): ${f.tables} tables, ${f.indexes} secondary indexes, ${f.foreignKeys} foreign keys, ${count(f.tables * ROWS)} rows`])));

  const failures = (command) => Object.fromEntries(sizes.map((n) => [n, results[n][command].find((r) => r.failure)]));
  const ok = (command) => Object.fromEntries(sizes.map((n) => [n, results[n][command].filter((r) => !r.failure)]));
  const peerRuns = (k) => Object.fromEntries(sizes.map((n) => [n, results[n].peers[k]]));
  const headers = ['command', `@${a} tables`, `@${b} tables`, 'growth', 'exponent', `ms/table @${a}`, `ms/table @${b}`, 'marginal ms/table', `peak RSS @${a} / @${b}`, `CPU s @${a} / @${b}`, `all runs @${a} | @${b}`];
  const linear = `growth = t(${b}) / t(${a}): ${(b / a).toFixed(1)}× is linear, ${((b / a) ** 2).toFixed(1)}× quadratic; exponent k of t ∝ N^k: 1 linear, 2 quadratic (a fixed start-up cost pulls both below)`;

  out.push('', `Copy: best of ${runs} run${runs === 1 ? '' : 's'}, wall time from spawn to exit (${linear}):`);
  out.push(table(headers, [
    scalingRow('ferry copy --all', sizes, ok('copy'), failures('copy')),
    ...Object.entries(PEERS).filter(([, p]) => p.of === 'copy').map(([k, p]) => scalingRow(p.label, sizes, peerRuns(k), {})),
  ]));
  out.push('', `Check: best of ${runs} run${runs === 1 ? '' : 's'}, wall time from spawn to exit:`);
  out.push(table(headers, [
    scalingRow('ferry check', sizes, ok('check'), failures('check')),
    ...Object.entries(PEERS).filter(([, p]) => p.of === 'check').map(([k, p]) => scalingRow(p.label, sizes, peerRuns(k), {})),
  ]));

  out.push('', "Ferry's growth vs the peer's growth (1.00: Ferry grows as the peer does; above: faster):");
  const lines = [
    growthVersus('ferry copy --all vs pg_dump --data-only', sizes, ok('copy'), peerRuns('dataOnly')),
    growthVersus('ferry copy --all vs pg_dump | sed | psql', sizes, ok('copy'), peerRuns('dumpRestore')),
    growthVersus('ferry check vs pg_dump --schema-only', sizes, ok('check'), peerRuns('schemaOnly')),
  ];
  for (const command of ['copy', 'check']) {
    const [ra, rb] = sizes.map((n) => ok(command)[n]);
    if (ra.length === 0 || rb.length === 0) continue;
    const s = scaling(sizes, best(ra).ms, best(rb).ms);
    lines.push([`ferry ${command}: ms/table @${b} ≤ ${TARGETS.perTableGrowth}× ms/table @${a} (linear or better)`, `${verdict(s.perTableB <= TARGETS.perTableGrowth * s.perTableA)} (${ms(s.perTableA)} → ${ms(s.perTableB)}, ${(s.perTableB / s.perTableA).toFixed(2)}×)`]);
  }
  out.push(pairs(lines));

  if (debug) {
    out.push('', `Catalog work Ferry counted itself (-Dferry.debug.catalog: one line per inspection with its JDBC round trips; the last successful run at each size). Linear work grows ${(b / a).toFixed(1)}×, inspecting the whole source once per table ${((b / a) ** 2).toFixed(1)}×. Only inspections are counted: copy --all's one listing of the names, and Calcite's own table lookups when it plans the chunk SELECTs, are not:`);
    out.push(catalogTable(sizes, results));
    const verdicts = catalogVerdicts(sizes, results);
    if (verdicts) out.push(verdicts);
    const phases = phaseTable(sizes, results);
    if (phases) {
      out.push('', `Where ferry copy's time goes inside the JVM (-Dferry.debug.copy, summed over the tables of the best run at each size):`);
      out.push(phases);
    }
  }

  const notes = [];
  for (const n of sizes) {
    const copies = ok('copy')[n];
    if (copies.length > 0) notes.push(`ferry copy --json, best run: ${ownTimesLine(n, best(copies))}`);
    const target = copies.at(-1)?.target;
    const made = fixtures.find((f) => f.tables === n);
    const fkNote = target && target.foreignKeys < made.foreignKeys ? ' (--create made no foreign key for the others, so ferry check reports each as dropped, K201)' : '';
    if (target) notes.push(`ferry copy ${n} tables: the target holds every table with its ${ROWS} exact rows, ${target.indexes} of the ${made.indexes} secondary indexes and ${target.foreignKeys} of the ${made.foreignKeys} foreign keys${fkNote}`);
    const checks = ok('check')[n];
    if (checks.length > 0) {
      const last = checks.at(-1);
      const codes = Object.entries(last.codes).sort(([x], [y]) => (x < y ? -1 : 1)).map(([c, k]) => `${c}×${k}`).join(' ') || 'none';
      notes.push(`ferry check ${n} tables: exit ${checks.map((r) => r.exit).join(', ')}; ${last.findings} findings (${codes}) naming ${last.named} tables, exactly what psql says differs; the other tables of the ${n} compared equal`);
    }
    for (const [k, p] of Object.entries(PEERS)) notes.push(`${p.label} ${n} tables: checked ${results[n].peers[k].at(-1).checked}`);
    for (const command of ['copy', 'check']) {
      const f = failures(command)[n];
      if (f) notes.push(`ferry ${command} ${n} tables ${f.wrong ? 'gave a WRONG result' : 'FAILED'} on run ${results[n][command].length}: ${f.failure}`);
    }
  }
  out.push('', ...notes);
  out.push('', 'Marginal ms/table is (t(B) − t(A)) / (B − A): the cost of one more table with the start-up cost taken out. CPU s is user + system time of the command and its children (not the database server\'s).');

  out.push('', 'Commands (from the repository root; ferry-N.yaml is written to a temporary folder and removed after the run):');
  const [cmdA] = sizes;
  out.push(`  ${debug ? `FERRY_JVM_OPTS='${DEBUG_OPTS.join(' ')}' ` : ''}${commandLine('node', ['bin/ferry.js', ...ferryArgs('copy', `ferry-${cmdA}.yaml`)])}`);
  out.push(`  ${debug ? `FERRY_JVM_OPTS='${DEBUG_OPTS.join(' ')}' ` : ''}${commandLine('node', ['bin/ferry.js', ...ferryArgs('check', `ferry-${cmdA}.yaml`)])}`);
  for (const p of Object.values(PEERS)) {
    const c = p.command(cmdA);
    out.push(`  ${c.line ?? commandLine(c.cmd, c.args)}`);
  }
  out.push(`    with ferry-${cmdA}.yaml holding (and likewise for ${b} tables):\n${configs[cmdA].text.trimEnd().split('\n').map((l) => `      ${l}`).join('\n')}`);
  out.push(`  The target schema (${targetSchema(cmdA)}) is dropped and created empty by psql before each copy. The sources stay for the next run; \`npm run bench -- scale --drop\` drops them.`);
  return out.join('\n');
}

function parseArgs(args) {
  const opts = { sizes: DEFAULT_SIZES, runs: DEFAULT_RUNS, debug: true, drop: false };
  const usage = 'usage: bench scale [--tables A,B] [--runs N] [--no-debug] | --drop';
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--runs') {
      const v = Number(args[++i]);
      if (!Number.isInteger(v) || v <= 0) throw new Error(`--runs needs a positive whole number (got ${args[i]})`);
      opts.runs = v;
    } else if (a === '--tables') {
      const v = String(args[++i] ?? '').split(',').map(Number);
      if (v.length !== 2 || !v.every((n) => Number.isInteger(n) && n > 0) || v[0] >= v[1] || v[1] > 9999) {
        throw new Error(`--tables needs two table counts, the smaller first, at most 9999 (e.g. --tables 20,100; got ${args[i]})`);
      }
      opts.sizes = v;
    } else if (a === '--no-debug') opts.debug = false;
    else if (a === '--drop') opts.drop = true;
    else throw new Error(`unknown argument ${a}; ${usage}`);
  }
  if (opts.drop && args.length > 1) throw new Error(`--drop drops the benchmark's schemas and measures nothing; leave out the other arguments (${usage})`);
  return opts;
}

/**
 * Runs the scale benchmark and prints the report. Throws (after printing) when a Ferry command
 * failed, hung or gave a wrong result, so the run's exit code says so; a peer that fails throws
 * at once.
 *
 * @example
 * await main(['--tables', '20,100', '--runs', '1']);
 */
export async function main(args) {
  const opts = parseArgs(args);
  if (opts.drop) {
    const dropped = await exclusive('scale', () => dropAll());
    process.stdout.write(`dropped ${dropped.length === 0 ? 'nothing (no ferry_bench_scale_* schema)' : dropped.join(', ')}\n`);
    return;
  }
  const loadAtStart = loadavg();
  const work = mkdtempSync(join(tmpdir(), 'ferry-bench-scale-'));
  try {
    const failures = await exclusive('scale', async () => {
      const env = await environment(loadAtStart);
      const result = await measure(opts.sizes, opts.runs, opts.debug, work);
      process.stdout.write(`${report({ ...opts, ...result, env })}\n`);
      return opts.sizes.flatMap((n) => ['copy', 'check'].flatMap((c) => result.results[n][c].filter((r) => r.failure).map((r) => `ferry ${c} at ${n} tables: ${r.reason}`)));
    });
    if (failures.length > 0) throw new Error(`${failures.join('; ')} (details in the report above)`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] === SELF && process.argv[2]?.startsWith('--')) {
  try {
    await childMain(process.argv.slice(2));
  } catch (e) {
    process.stderr.write(`bench scale child ${process.argv.slice(2).join(' ')}: ${e?.stack ?? e}\n`);
    process.exitCode = 1;
  }
}
