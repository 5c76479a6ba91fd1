// `npm run bench -- query [source…]`: how fast Ferry reads a 1,000,000-row table into an Arrow
// Table, from PostgreSQL and from an H2 file, next to psql's own \copy of the same rows.
//
// Each source is measured in a fresh `node query.js --child <source>` process, because "first
// result after process start" and peak RSS are only meaningful for a process that did nothing
// before, and the embedded JVM cannot be restarted. Targets are printed as PASS/MISS for
// information only: timings depend on the machine, so nothing here fails on them.
import { spawnSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Ferry } from '../../dist/index.js';
import { readIpcChunks } from '../../dist/arrow/index.js';
import { jvmRuntime } from '../../dist/bridge/index.js';
import { runChild } from './lib/child.js';
import { cliLatency } from './lib/cli-latency.js';
import { describeEnvironment } from './lib/environment.js';
import { exclusive } from './lib/exclusive.js';
import { ensureTable, selectAll, COLUMNS, PSQL_ARGS, ROWS, SOURCES, TABLE } from './lib/query-fixture.js';
import { pairs, rate, seconds, table, verdict } from './lib/report.js';

const SELF = fileURLToPath(import.meta.url);

/** Full reads after the cold one; the best is reported so a stray GC or noisy neighbour does not. */
const WARM_READS = 3;

/** The figures the project aims for (informational). */
const TARGETS = {
  warmRowsPerSecond: 800_000,
  firstResultMs: 1500,
  // Issue 12: a small query's answer from the `ferry` command within a second.
  cliSmallQueryMs: 1000,
};

function progress(message) {
  process.stderr.write(`bench query: ${message}\n`);
}

// ---------------------------------------------------------------------------------------------
// Child side: runs in a fresh process and prints one JSON line.

/**
 * Reads `sql` the way {@link Ferry.query} does (IPC chunks → readIpcChunks → Table), timing
 * the wait for each chunk separately: that wait is the JVM's work (the JDBC driver, Calcite
 * when the query is not read directly, filling Arrow vectors, writing IPC to the Unix socket)
 * plus Node reading the socket; the rest is Node decoding.
 */
async function timedRead(ferry, sql) {
  const startAt = performance.now();
  let firstChunkAt;
  let waitMs = 0;
  let chunks = 0;
  let bytes = 0;
  const source = ferry.queryChunks(sql);
  async function* timed() {
    try {
      for (;;) {
        const before = performance.now();
        const step = await source.next();
        waitMs += performance.now() - before;
        if (step.done) return;
        firstChunkAt ??= performance.now();
        chunks++;
        bytes += step.value.byteLength;
        yield step.value;
      }
    } finally {
      await source.return(undefined);
    }
  }
  const result = await readIpcChunks(timed());
  const totalMs = performance.now() - startAt;
  if (result.numRows !== ROWS) {
    throw new Error(`${sql} returned ${result.numRows} rows, expected exactly ${ROWS}`);
  }
  const names = result.schema.fields.map((f) => f.name.toLowerCase());
  if (names.join() !== COLUMNS.join()) {
    throw new Error(`${sql} returned columns ${names.join(', ')}, expected ${COLUMNS.join(', ')}`);
  }
  return {
    startAt,
    firstChunkAt,
    totalMs,
    waitMs,
    chunks,
    bytes,
    rowsPerSecond: ROWS / (totalMs / 1000),
    schema: result.schema.fields.map((f) => `${f.name}:${f.type}`).join(', '),
  };
}

/** `--child <source>`: one cold read, then the warm ones, then peak RSS. */
async function measureChild(source) {
  // performance.now() counts from this process's start, so module loading is included.
  const modulesLoadedAt = performance.now();
  const ferry = await Ferry.open({ databases: { [source]: SOURCES[source].database } });
  const openedAt = performance.now();
  const cold = await timedRead(ferry, selectAll(source));
  const warm = [];
  for (let i = 0; i < WARM_READS; i++) warm.push(await timedRead(ferry, selectAll(source)));
  await ferry.close();
  return {
    source,
    timeOrigin: performance.timeOrigin,
    modulesLoadedAt,
    openedAt,
    cold,
    warm,
    // maxRSS is in KiB and covers the whole process, so the embedded JVM's heap is included.
    maxRssKb: process.resourceUsage().maxRSS,
  };
}

/** `--setup <source…>`: builds missing tables in a process of its own, so no measured one does. */
async function setupChild(sources) {
  const tables = {};
  for (const s of sources) tables[s] = await ensureTable(s);
  return { tables, java: await jvmRuntime() };
}

async function childMain(argv) {
  const [mode, ...rest] = argv;
  const result = mode === '--setup' ? await setupChild(rest) : await measureChild(rest[0]);
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

// ---------------------------------------------------------------------------------------------
// Parent side: prepares, measures the native reference, spawns the children, reports.

/**
 * Times psql's own `\copy … TO '/dev/null'`: the PostgreSQL server and wire protocol with no
 * JVM, Calcite or Arrow in between. The time includes starting psql and connecting (a few ms).
 */
function measurePsqlCopy() {
  const copy = `\\copy (SELECT ${COLUMNS.join(', ')} FROM ${TABLE}) TO '/dev/null'`;
  const runs = [];
  for (let i = 0; i < WARM_READS; i++) {
    const before = process.hrtime.bigint();
    const r = spawnSync('psql', ['-X', ...PSQL_ARGS, '-v', 'ON_ERROR_STOP=1', '-c', copy], { encoding: 'utf8' });
    const ms = Number(process.hrtime.bigint() - before) / 1e6;
    if (r.error || r.status !== 0) throw new Error(`psql ${copy} failed: ${r.error?.message ?? r.stderr.trim()}`);
    const copied = Number(/COPY (\d+)/.exec(r.stdout)?.[1]);
    if (copied !== ROWS) throw new Error(`psql ${copy} copied ${copied} rows, expected exactly ${ROWS} (stdout: ${r.stdout.trim()})`);
    runs.push(ms);
  }
  const best = Math.min(...runs);
  return { runs, bestMs: best, rowsPerSecond: ROWS / (best / 1000) };
}


function report({ sources, setup, psqlCopy, results, cli, loadAtStart }) {
  const out = [];
  out.push(`Ferry query benchmark: SELECT ${COLUMNS.join(', ')} FROM <source>.${TABLE} (${ROWS.toLocaleString('en-US')} rows) into an Arrow Table`);
  out.push('', pairs(describeEnvironment({ java: setup.java, loadAtStart, psql: PSQL_ARGS })));
  out.push('', pairs(sources.map((s) => [`table in ${s}`, `${setup.tables[s].state} (${setup.tables[s].seconds.toFixed(1)} s)`])));

  const rows = results.map((r) => [
    SOURCES[r.source].label,
    seconds(r.cold.firstChunkAt),
    rate(r.cold.rowsPerSecond),
    rate(r.bestWarm.rowsPerSecond),
    `${Math.round(r.maxRssKb / 1024)} MB`,
  ]);
  if (psqlCopy) rows.push(["psql \\copy TO '/dev/null'", '-', '-', rate(psqlCopy.rowsPerSecond), '-']);
  out.push('', table(['source', 'first result', 'cold rows/s', `warm rows/s (best of ${WARM_READS})`, 'peak RSS (Node+JVM)'], rows));

  out.push('', 'Where the time goes (ms since the child process started, then per full read):');
  out.push(table(
    ['source', 'modules loaded', 'Ferry.open', 'first chunk', 'cold read done', 'spawn→first chunk', 'warm: JVM wait', 'warm: Node decode', 'chunks', 'IPC MB'],
    results.map((r) => [
      SOURCES[r.source].label,
      r.modulesLoadedAt.toFixed(0),
      r.openedAt.toFixed(0),
      r.cold.firstChunkAt.toFixed(0),
      (r.cold.startAt + r.cold.totalMs).toFixed(0),
      r.spawnToFirstChunkMs.toFixed(0),
      r.bestWarm.waitMs.toFixed(0),
      (r.bestWarm.totalMs - r.bestWarm.waitMs).toFixed(0),
      r.bestWarm.chunks,
      (r.bestWarm.bytes / 2 ** 20).toFixed(1),
    ]),
  ));
  out.push(pairs(results.map((r) => [`arrow schema (${r.source})`, r.cold.schema])));

  out.push('', 'Ratios and targets (informational; timings never fail the run):');
  const lines = [];
  for (const r of results) {
    const label = SOURCES[r.source].label;
    if (r.source === 'pg' && psqlCopy) {
      lines.push([`${label} warm ÷ psql \\copy`, `${(r.bestWarm.rowsPerSecond / psqlCopy.rowsPerSecond).toFixed(2)}×`]);
    }
    lines.push([`${label} warm ÷ cold`, `${(r.bestWarm.rowsPerSecond / r.cold.rowsPerSecond).toFixed(2)}×`]);
    const warmOk = r.bestWarm.rowsPerSecond >= TARGETS.warmRowsPerSecond;
    lines.push([`${label} warm ≥ ${rate(TARGETS.warmRowsPerSecond)} rows/s`, `${verdict(warmOk)} (${rate(r.bestWarm.rowsPerSecond)})`]);
    const firstOk = r.cold.firstChunkAt <= TARGETS.firstResultMs;
    lines.push([`${label} first result ≤ ${seconds(TARGETS.firstResultMs)}`, `${verdict(firstOk)} (${seconds(r.cold.firstChunkAt)})`]);
  }
  if (cli) {
    lines.push([`ferry query (small) answer ≤ ${seconds(TARGETS.cliSmallQueryMs)}`, `${verdict(cli.ferryFirstOutputMs <= TARGETS.cliSmallQueryMs)} (${seconds(cli.ferryFirstOutputMs)})`]);
  }
  out.push(pairs(lines));
  if (cli) {
    out.push('', `A small query through the \`ferry\` command, a fresh process per run as a user runs it (median of ${cli.runs}, after one unmeasured round): \`${cli.sql}\``,
      table(['command', 'first output', 'exit'], [
        ['ferry query', seconds(cli.ferryFirstOutputMs), seconds(cli.ferryExitMs)],
        ['psql -c', '', seconds(cli.psqlExitMs)],
        ['ferry --help', '', seconds(cli.helpExitMs)],
      ]),
      `ferry query first output, every run: ${cli.ferryAllFirstOutputMs.map((ms) => seconds(ms)).join(', ')}; ratio to psql -c: ${(cli.ferryFirstOutputMs / cli.psqlExitMs).toFixed(1)}×`);
  }
  if (psqlCopy) out.push('', `psql \\copy runs: ${psqlCopy.runs.map((ms) => seconds(ms)).join(', ')} (includes psql start and connect)`);
  return out.join('\n');
}

/** Prepares the tables, then measures psql and each source; the caller holds the run lock. */
async function measure(sources) {
  progress(`making sure ${TABLE} holds ${ROWS.toLocaleString('en-US')} rows in ${sources.join(', ')} (a first run creates it)…`);
  const setup = await runChild(SELF, ['--setup', ...sources]);

  // Before Ferry's reads, so PostgreSQL's caches are equally warm for every Ferry read.
  let psqlCopy;
  if (sources.includes('pg')) {
    progress(`psql \\copy reference (best of ${WARM_READS})…`);
    psqlCopy = measurePsqlCopy();
  }

  const results = [];
  for (const source of sources) {
    progress(`reading ${source} in a fresh process (1 cold + ${WARM_READS} warm reads)…`);
    const spawnedAt = performance.timeOrigin + performance.now();
    const r = await runChild(SELF, ['--child', source]);
    results.push({
      ...r,
      bestWarm: r.warm.reduce((a, b) => (b.rowsPerSecond > a.rowsPerSecond ? b : a)),
      // Both clocks are this machine's wall clock, so this adds exec and Node's own bootstrap.
      spawnToFirstChunkMs: r.timeOrigin + r.cold.firstChunkAt - spawnedAt,
    });
  }
  let cli;
  if (sources.includes('pg')) {
    progress('a small query through the ferry command, beside psql -c…');
    cli = await cliLatency({ database: SOURCES.pg.database, table: TABLE, psqlArgs: PSQL_ARGS });
  }
  return { setup, psqlCopy, results, cli };
}

/**
 * Runs the query benchmark over the given sources (default: all) and prints the report.
 *
 * @example
 * await main(['pg']);
 */
export async function main(args) {
  const loadAtStart = loadavg();
  const sources = args.length > 0 ? args : Object.keys(SOURCES);
  const unknown = sources.filter((s) => !Object.hasOwn(SOURCES, s));
  if (unknown.length > 0) throw new Error(`unknown source ${unknown.join(', ')}; valid: ${Object.keys(SOURCES).join(', ')}`);

  const { setup, psqlCopy, results, cli } = await exclusive('query', () => measure(sources));
  process.stdout.write(`${report({ sources, setup, psqlCopy, results, cli, loadAtStart })}\n`);
}

if (process.argv[1] === SELF && process.argv[2]?.startsWith('--')) {
  try {
    await childMain(process.argv.slice(2));
  } catch (e) {
    process.stderr.write(`bench query child ${process.argv.slice(2).join(' ')}: ${e?.stack ?? e}\n`);
    process.exitCode = 1;
  }
}
