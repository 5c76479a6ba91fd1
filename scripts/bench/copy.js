// `npm run bench -- copy [pair…] [--runs N]`: how fast `ferry copy` moves a 1,000,000-row table
// SQLite → PostgreSQL, PostgreSQL → PostgreSQL, PostgreSQL → MariaDB and PostgreSQL → DuckDB, and
// how much memory it takes, next to each engine's native path measured in the same run:
//   SQLite → PostgreSQL      `sqlite3 -csv … | psql \copy … FROM STDIN`, and pgloader
//   PostgreSQL → PostgreSQL  `psql \copy (SELECT …) TO STDOUT | psql \copy … FROM STDIN`
//   PostgreSQL → MariaDB     `psql \copy (SELECT …) TO FILE`, then `LOAD DATA LOCAL INFILE` (timed apart)
//   PostgreSQL → DuckDB      `psql \copy (SELECT …) TO FILE (FORMAT csv)`, then DuckDB's own
//                            `COPY … FROM 'file'` (its parallel CSV reader), timed inside the process
//                            that runs it, so the peer pays no client start-up at all
// `npm run bench -- copy --rss` (or `--rows N`) instead measures Ferry's peak RSS copying
// PostgreSQL → PostgreSQL at 1,000,000 and at 10,000,000 (N) rows, to show whether it stays flat.
//
// Every tool runs as a whole command, the way a user runs it: the wall time from spawn to exit
// includes starting Node and the JVM (Ferry), psql, pgloader. Peak RSS is GNU time's %M of that
// command: for Ferry the Node process, which holds the embedded JVM. Runs alternate (Ferry first,
// then the peers; the peers first on the next run) so a drift on the machine hits all alike.
// After every copy the target is checked against the data's definition (row count, exact
// SUM(amount), COUNT(DISTINCT name), first and last timestamp to the microsecond, active rows, key
// range): a wrong copy fails the run. Targets are printed as PASS/MISS for information only.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { jvmRuntime } from '../../dist/bridge/index.js';
import { runChild } from './lib/child.js';
import {
  COLUMNS, MARIA, PG, ROWS, TABLE, WORK_DIR,
  assertFingerprint, ensureLocalInfile, ensurePgSource, ensureSqliteSource, expectedFingerprint,
  mariaColumns, mariaFingerprint, mariadb, pgColumns, pgFingerprint, pgSourceSchema, psql,
  resetMariaTarget, resetPgTarget, sqliteFile,
} from './lib/copy-fixture.js';
import { DUCK, duckColumns, duckFingerprint, duckSql, resetDuckTarget } from './lib/duckdb-fixture.js';
import { allLines, describeEnvironment, jarVersion, toolVersion } from './lib/environment.js';
import { exclusive } from './lib/exclusive.js';
import { GNU_TIME, assertRan, failed, hasGnuTime, measured, pipeline } from './lib/measure.js';
import { pairs, rate, seconds, table, verdict, commandLine, tail } from './lib/report.js';

const SELF = fileURLToPath(import.meta.url);
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const FERRY_BIN = join(ROOT, 'bin', 'ferry.js');

/** Runs of every tool in the standard benchmark (`--runs N`); the best is compared. */
const DEFAULT_RUNS = 3;

/** The larger table of the RSS run (`--rss`; `--rows N` picks another). */
const RSS_ROWS = 10_000_000;

/** The figures the project aims for (informational). */
const TARGETS = {
  /** Ferry's rows/s over the native pipeline's. */
  vsNative: 0.7,
  /** Ferry's rows/s over pgloader's. */
  vsPgloader: 2,
  /** Peak RSS of the ferry process (Node + JVM), MB. */
  rssMb: 600,
  /** "Flat": peak RSS at the large table ≤ this × peak RSS at 1,000,000 rows. */
  rssGrowth: 1.2,
};

/** The three copies; `from` and `to` name databases in the generated config. */
const PAIRS = {
  'sqlite-pg': { label: 'SQLite → PostgreSQL', from: 'sqlite', to: 'pg_target', target: 'pg' },
  'pg-pg': { label: 'PostgreSQL → PostgreSQL', from: 'pg', to: 'pg_target', target: 'pg' },
  'pg-maria': { label: 'PostgreSQL → MariaDB', from: 'pg', to: 'maria', target: 'maria' },
  'pg-duck': { label: 'PostgreSQL → DuckDB', from: 'pg', to: 'duck', target: 'duck' },
};

function progress(message) {
  process.stderr.write(`bench copy: ${message}\n`);
}


function mb(kb) {
  return kb === undefined ? '-' : `${Math.round(kb / 1024)} MB`;
}

// ---------------------------------------------------------------------------------------------
// The targets

function resetTarget(target, { create }) {
  if (target === 'pg') resetPgTarget({ create });
  else if (target === 'duck') resetDuckTarget({ create });
  else resetMariaTarget({ create });
}

/** Checks the target table against the data's definition; throws naming every wrong aggregate. */
function verifyTarget(target, rows, who) {
  const where = target === 'pg' ? `${PG.targetSchema}.${TABLE} in PostgreSQL`
    : target === 'duck' ? `${TABLE} in DuckDB ${DUCK.file}` : `${MARIA.database}.${TABLE} in MariaDB`;
  const got = target === 'pg' ? pgFingerprint(PG.targetSchema) : target === 'duck' ? duckFingerprint() : mariaFingerprint();
  assertFingerprint(`${where} after ${who}`, got, expectedFingerprint(rows));
  return target === 'pg' ? pgColumns(PG.targetSchema) : target === 'duck' ? duckColumns() : mariaColumns();
}

// ---------------------------------------------------------------------------------------------
// Ferry

/**
 * The config of a Ferry run: the databases the given pairs use (so a missing SQLite file cannot
 * fail a PostgreSQL-only run), sources read-only, each target in a schema or database of its own.
 */
function ferryConfig(rows, pairNames) {
  const used = new Set(pairNames.flatMap((p) => [PAIRS[p].from, PAIRS[p].to]));
  const entries = {
    sqlite: [`url: jdbc:sqlite:${sqliteFile(ROWS)}`, 'readOnly: true'],
    pg: [`url: ${PG.url}`, `user: ${PG.user}`, `schema: ${pgSourceSchema(rows)}`, 'readOnly: true'],
    pg_target: [`url: ${PG.url}`, `user: ${PG.user}`, `schema: ${PG.targetSchema}`],
    maria: [`url: ${MARIA.url}`, `user: ${MARIA.user}`, `schema: ${MARIA.database}`],
    duck: [`url: ${DUCK.url}`, 'schema: main'],
  };
  const lines = ['databases:'];
  for (const [name, keys] of Object.entries(entries)) if (used.has(name)) lines.push(`  ${name}:`, ...keys.map((k) => `    ${k}`));
  return `${lines.join('\n')}\n`;
}

function ferryArgs(pair, configFile) {
  return ['copy', '--config', configFile, '--from', pair.from, '--to', pair.to, '--tables', TABLE, '--create', '--mode', 'replace', '--json'];
}

/**
 * What `--json` printed: every line should be one JSON event. Returns the count, the kinds seen
 * (by `type`, `event`, `kind` or `phase`), the last event that carries a row count, and the copy
 * time Ferry reports itself (`seconds`, or `ms`/`elapsedMs`) when an event has one.
 */
function readEvents(stdout) {
  const lines = stdout.split('\n').filter((l) => l.trim() !== '');
  const events = [];
  let notJson = 0;
  for (const l of lines) {
    try {
      events.push(JSON.parse(l));
    } catch {
      notJson++;
    }
  }
  const kinds = {};
  for (const e of events) {
    const kind = e?.type ?? e?.event ?? e?.kind ?? e?.phase ?? '?';
    kinds[kind] = (kinds[kind] ?? 0) + 1;
  }
  const last = events.findLast((e) => typeof e?.rows === 'number');
  const timed = events.findLast((e) => typeof e?.seconds === 'number' || typeof e?.elapsedMs === 'number' || typeof e?.ms === 'number');
  const copySeconds = timed ? timed.seconds ?? (timed.elapsedMs ?? timed.ms) / 1000 : undefined;
  return { count: events.length, notJson, kinds, last, copySeconds };
}

/** How long a `ferry copy` may take before it counts as hung: 5 minutes plus 1 minute per million rows. */
function ferryTimeoutMs(rows) {
  return 300_000 + rows * 0.06;
}

/**
 * One `ferry copy` of `pair` into a freshly emptied target, then the target checked. A run that
 * failed, printed something other than JSON lines, or left a wrong table is returned with
 * `failure` (and `wrong` for a wrong table) rather than thrown, so the peers are still measured
 * and reported before the benchmark fails.
 */
async function runFerry(pair, rows, configFile) {
  resetTarget(pair.target, { create: false });
  const r = await measured(process.execPath, [FERRY_BIN, ...ferryArgs(pair, configFile)], { cwd: ROOT, timeoutMs: ferryTimeoutMs(rows) });
  const run = { ms: r.ms, exit: r.status, maxRssKb: r.maxRssKb, cpuS: r.cpuS };
  const said = [r.stderr.trim() && `stderr:\n${tail(r.stderr)}`, r.stdout.trim() && `stdout:\n${tail(r.stdout)}`].filter(Boolean).join('\n') || '(it printed nothing)';
  const why = failed(r);
  if (why) return { ...run, reason: why, failure: `${why} (expected exit 0); ${said}` };
  const events = readEvents(r.stdout);
  if (events.count === 0) return { ...run, reason: 'no JSON events', failure: `exit 0 but --json printed no JSON event; ${said}` };
  try {
    const columns = verifyTarget(pair.target, rows, 'ferry copy');
    return { ...run, events, columns };
  } catch (e) {
    return { ...run, events, reason: 'WRONG COPY', wrong: true, failure: `exit 0 but the copy is wrong: ${e.message}; ${said}` };
  }
}

// ---------------------------------------------------------------------------------------------
// The native paths and pgloader (a failure or a wrong copy here is an error: the run stops)

const SELECT_ALL = (schema) => `SELECT ${COLUMNS.join(', ')} FROM ${schema}.${TABLE}`;
const PSQL = ['psql', '-X', ...PG.psqlArgs, '-v', 'ON_ERROR_STOP=1'];
const TARGET_TABLE = `${PG.targetSchema}.${TABLE}`;

function copiedRows(stdout, what, rows) {
  const n = Number(/^COPY (\d+)$/m.exec(stdout)?.[1]);
  if (n !== rows) throw new Error(`${what} copied ${Number.isNaN(n) ? 'an unknown number of' : n} rows, expected exactly ${rows} (stdout: ${stdout.trim().slice(0, 300)})`);
}

const NATIVE = {
  /** PostgreSQL → PostgreSQL: text COPY out of one psql into another. */
  psqlPipe: {
    label: 'psql \\copy | psql \\copy',
    command: (rows) => pipeline(
      [...PSQL, '-c', `\\copy (${SELECT_ALL(pgSourceSchema(rows))}) TO STDOUT`],
      [...PSQL, '-c', `\\copy ${TARGET_TABLE} FROM STDIN`],
    ),
    target: 'pg',
    async run(rows) {
      resetPgTarget({ create: true });
      const c = this.command(rows);
      const r = await measured(c.cmd, c.args);
      assertRan(r, c.line);
      copiedRows(r.stdout, 'psql \\copy FROM STDIN', rows);
      return { ...r, columns: verifyTarget('pg', rows, this.label) };
    },
  },
  /** SQLite → PostgreSQL: the sqlite3 shell's CSV into psql's CSV COPY. */
  sqlitePipe: {
    label: 'sqlite3 -csv | psql \\copy',
    command: (rows) => pipeline(
      ['sqlite3', '-csv', sqliteFile(rows), `SELECT ${COLUMNS.join(', ')} FROM ${TABLE}`],
      [...PSQL, '-c', `\\copy ${TARGET_TABLE} (${COLUMNS.join(', ')}) FROM STDIN (FORMAT csv)`],
    ),
    target: 'pg',
    async run(rows) {
      resetPgTarget({ create: true });
      const c = this.command(rows);
      const r = await measured(c.cmd, c.args);
      assertRan(r, c.line);
      copiedRows(r.stdout, 'psql \\copy FROM STDIN', rows);
      return { ...r, columns: verifyTarget('pg', rows, this.label) };
    },
  },
  /**
   * SQLite → PostgreSQL with pgloader's defaults (it creates the table: VARCHAR becomes text, the
   * key a unique index built after the load), into the target schema through search_path.
   */
  pgloader: {
    label: 'pgloader',
    loadFile: (rows) => [
      'LOAD DATABASE',
      `  FROM sqlite://${sqliteFile(rows)}`,
      `  INTO ${PG.pgloaderUrl}`,
      '  WITH include drop, create tables, create indexes, reset sequences',
      `  SET search_path TO '${PG.targetSchema}'`,
      `  INCLUDING ONLY TABLE NAMES LIKE '${TABLE}';`,
      '',
    ].join('\n'),
    target: 'pg',
    async run(rows, work) {
      resetPgTarget({ create: false });
      const file = join(work, 'sqlite.load');
      writeFileSync(file, this.loadFile(rows));
      const args = ['--root-dir', join(work, 'pgloader'), file];
      const r = await measured('pgloader', args);
      assertRan(r, commandLine('pgloader', args));
      // The summary line of the table: name, errors, rows, bytes, time.
      const m = new RegExp(`^\\s*${TABLE}\\s+(\\d+)\\s+(\\d+)\\s`, 'm').exec(r.stdout + r.stderr);
      if (!m) throw new Error(`pgloader printed no summary line for ${TABLE}:\n${tail(r.stdout + r.stderr, 30)}`);
      if (Number(m[1]) !== 0 || Number(m[2]) !== rows) throw new Error(`pgloader reports ${m[1]} errors and ${m[2]} rows for ${TABLE}, expected 0 and ${rows}:\n${tail(r.stdout + r.stderr, 30)}`);
      return { ...r, columns: verifyTarget('pg', rows, this.label) };
    },
  },
  /** PostgreSQL → file, for LOAD DATA (booleans as 0/1, the rest in COPY's text format, which LOAD DATA reads as is). */
  pgExport: {
    label: 'psql \\copy TO file (export)',
    file: join(WORK_DIR, 'copy-export.tsv'),
    command(rows) {
      const select = `SELECT id, name, amount, created_at, active::int FROM ${pgSourceSchema(rows)}.${TABLE}`;
      return { cmd: PSQL[0], args: [...PSQL.slice(1), '-c', `\\copy (${select}) TO '${this.file}'`] };
    },
    async run(rows) {
      rmSync(this.file, { force: true });
      const c = this.command(rows);
      const r = await measured(c.cmd, c.args);
      assertRan(r, commandLine(c.cmd, c.args));
      copiedRows(r.stdout, 'psql \\copy TO file', rows);
      return r;
    },
  },
  /** The export file → MariaDB (the client needs --local-infile=1, the server local_infile ON). */
  loadData: {
    label: 'LOAD DATA LOCAL INFILE',
    command() {
      const sql = `LOAD DATA LOCAL INFILE '${NATIVE.pgExport.file}' INTO TABLE ${TABLE} (${COLUMNS.join(', ')}); SELECT ROW_COUNT(), @@warning_count;`;
      return { cmd: 'mariadb', args: [...MARIA.cliArgs, '--local-infile=1', '--batch', '--skip-column-names', MARIA.database, '-e', sql] };
    },
    target: 'maria',
    async run(rows) {
      resetMariaTarget({ create: true });
      const c = this.command();
      const r = await measured(c.cmd, c.args);
      assertRan(r, commandLine(c.cmd, c.args));
      // LOCAL turns data errors into warnings (a value clipped, a row skipped), so both are checked.
      const [loaded, warnings] = r.stdout.trim().split('\t').map(Number);
      if (loaded !== rows || warnings !== 0) throw new Error(`LOAD DATA loaded ${loaded} rows with ${warnings} warnings, expected ${rows} and none`);
      return { ...r, columns: verifyTarget('maria', rows, this.label) };
    },
  },
};

/** PostgreSQL → CSV file, for DuckDB's CSV reader. */
NATIVE.pgCsvExport = {
  label: 'psql \\copy TO file CSV (export)',
  file: join(WORK_DIR, 'copy-export.csv'),
  command(rows) {
    return { cmd: PSQL[0], args: [...PSQL.slice(1), '-c', `\\copy (${SELECT_ALL(pgSourceSchema(rows))}) TO '${this.file}' WITH (FORMAT csv)`] };
  },
  async run(rows) {
    rmSync(this.file, { force: true });
    const c = this.command(rows);
    const r = await measured(c.cmd, c.args);
    assertRan(r, commandLine(c.cmd, c.args));
    copiedRows(r.stdout, 'psql \\copy TO file', rows);
    return r;
  },
};

/**
 * The CSV file → DuckDB with its own `COPY … FROM`: the time is DuckDB's, measured inside the
 * process around that one statement (the JVM that hosts the driver starts outside the clock).
 */
NATIVE.duckCopy = {
  label: "DuckDB COPY FROM 'file.csv' (in-process time)",
  target: 'duck',
  command() {
    return { cmd: 'java', args: ['-cp', 'jars/duckdb_jdbc-*.jar', 'scripts/bench/lib/DuckDbSql.java', DUCK.url, `COPY ${TABLE} FROM '${NATIVE.pgCsvExport.file}' (FORMAT csv)`] };
  },
  async run(rows) {
    resetDuckTarget({ create: true });
    const r = duckSql([`COPY ${TABLE} FROM '${NATIVE.pgCsvExport.file}' (FORMAT csv)`, `SELECT COUNT(*) FROM ${TABLE}`], { what: this.label });
    if (Number(r.rows[0]?.[0]) !== rows) throw new Error(`DuckDB COPY loaded ${r.rows[0]?.[0]} rows, expected ${rows}`);
    return { ms: r.ms[0], status: 0, maxRssKb: undefined, cpuS: undefined, columns: verifyTarget('duck', rows, this.label) };
  },
};

/** The peers of each pair, in the order they run; `native` is the pipeline the 0.7× target compares with. */
const PEERS = {
  'sqlite-pg': ['sqlitePipe', 'pgloader'],
  'pg-pg': ['psqlPipe'],
  'pg-maria': ['pgExport', 'loadData'],
  'pg-duck': ['pgCsvExport', 'duckCopy'],
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
  const server = (() => {
    try {
      return mariadb('SELECT VERSION();', { what: 'read the server version' }).trim();
    } catch (e) {
      return `unavailable (${e.message.split('\n')[0]})`;
    }
  })();
  return [
    ...describeEnvironment({ java, loadAtStart, psql: PG.psqlArgs }),
    ['mariadb', `${server} (client ${toolVersion('mariadb', ['--version'], (v) => /Distrib ([^,\s]+)/.exec(v)?.[1] ?? v.trim())})`],
    ['mariadb-java-client / sqlite-jdbc', `${jarVersion('mariadb-java-client')} / ${jarVersion('sqlite-jdbc')}`],
    ['sqlite3', toolVersion('sqlite3', ['--version'], (s) => s.split(' ')[0])],
    ['pgloader', toolVersion('pgloader', ['--version'], allLines)],
    ['peak RSS from', hasGnuTime ? `${GNU_TIME} -f %M (the command and everything it waited for)` : 'VmHWM of the direct child, polled every 50 ms (/usr/bin/time is not installed)'],
    ...(process.env.FERRY_JVM_OPTS ? [['FERRY_JVM_OPTS', process.env.FERRY_JVM_OPTS]] : []),
  ];
}

/** Runs every tool of every pair `runs` times, alternating who goes first. */
async function measureStandard(pairNames, runs, work) {
  progress('making sure the sources hold their rows (a first run builds them, a few seconds)…');
  const fixtures = [];
  if (pairNames.includes('sqlite-pg')) fixtures.push({ what: `SQLite ${sqliteFile(ROWS)}`, ...ensureSqliteSource(ROWS) });
  if (pairNames.some((p) => p.startsWith('pg-'))) fixtures.push({ what: `PostgreSQL ${pgSourceSchema(ROWS)}.${TABLE}`, ...ensurePgSource(ROWS) });
  const localInfile = pairNames.includes('pg-maria') ? ensureLocalInfile() : undefined;

  const configFile = join(work, 'ferry.yaml');
  const config = ferryConfig(ROWS, pairNames);
  writeFileSync(configFile, config);
  const results = Object.fromEntries(pairNames.map((p) => [p, { ferry: [], peers: Object.fromEntries(PEERS[p].map((k) => [k, []])) }]));
  try {
    for (let i = 1; i <= runs; i++) {
      for (const p of pairNames) {
        const res = results[p];
        const ferryFirst = i % 2 === 1;
        const ferry = async () => {
          // One failed run says all there is to say about this pair; its peers are still measured.
          if (res.ferry.some((r) => r.failure)) return;
          progress(`${PAIRS[p].label}: ferry copy, run ${i} of ${runs}…`);
          res.ferry.push(await runFerry(PAIRS[p], ROWS, configFile));
        };
        if (ferryFirst) await ferry();
        for (const k of PEERS[p]) {
          progress(`${PAIRS[p].label}: ${NATIVE[k].label}, run ${i} of ${runs}…`);
          res.peers[k].push(await NATIVE[k].run(ROWS, work));
        }
        if (!ferryFirst) await ferry();
      }
    }
  } finally {
    // The sources stay for the next run; the export file and the last copies go.
    rmSync(NATIVE.pgExport.file, { force: true });
    for (const target of new Set(pairNames.map((p) => PAIRS[p].target))) {
      try {
        resetTarget(target, { create: false });
      } catch (e) {
        progress(`could not clean up the ${target} target: ${e.message}`);
      }
    }
  }
  return { fixtures, localInfile, results, config, configFile };
}

/** Ferry and the psql pipeline PostgreSQL → PostgreSQL at 1,000,000 and at `bigRows` rows, once each. */
async function measureRss(bigRows, work) {
  const sizes = [ROWS, bigRows];
  const fixtures = [];
  for (const rows of sizes) {
    progress(`making sure ${pgSourceSchema(rows)}.${TABLE} holds ${rows.toLocaleString('en-US')} rows (a first run builds it: about 10 s per million rows)…`);
    fixtures.push({ what: `PostgreSQL ${pgSourceSchema(rows)}.${TABLE}`, ...ensurePgSource(rows) });
  }
  const results = [];
  for (const rows of sizes) {
    const configFile = join(work, `ferry-${rows}.yaml`);
    const config = ferryConfig(rows, ['pg-pg']);
    writeFileSync(configFile, config);
    progress(`${rows.toLocaleString('en-US')} rows: ${NATIVE.psqlPipe.label}…`);
    const native = await NATIVE.psqlPipe.run(rows);
    progress(`${rows.toLocaleString('en-US')} rows: ferry copy…`);
    const ferry = await runFerry(PAIRS['pg-pg'], rows, configFile);
    results.push({ rows, native, ferry, config, configFile });
  }
  // The large source stays for the next run (rebuilding it takes minutes); the target goes.
  resetPgTarget({ create: false });
  return { fixtures, results };
}

function best(list) {
  return list.reduce((a, b) => (b.ms < a.ms ? b : a));
}

function rowsPerSecond(rows, ms) {
  return rows / (ms / 1000);
}

function ferryRow(label, runs, rows) {
  const failure = runs.find((r) => r.failure);
  const ok = runs.filter((r) => !r.failure);
  if (ok.length === 0) return [label, failure.wrong ? 'WRONG COPY' : 'FAILED', '-', '-', failure.reason, '-', '-'];
  const b = best(ok);
  return [label, seconds(b.ms), rate(rowsPerSecond(rows, b.ms)), seconds(ok[0].ms), ok.map((r) => seconds(r.ms)).join(', ') + (failure ? `, then ${failure.reason}` : ''), mb(Math.max(...ok.map((r) => r.maxRssKb ?? 0)) || undefined), b.cpuS?.toFixed(1) ?? '-'];
}

function peerRow(label, runs, rows) {
  const b = best(runs);
  return [label, seconds(b.ms), rate(rowsPerSecond(rows, b.ms)), seconds(runs[0].ms), runs.map((r) => seconds(r.ms)).join(', '), mb(Math.max(...runs.map((r) => r.maxRssKb ?? 0)) || undefined), b.cpuS?.toFixed(1) ?? '-'];
}

function ratioLine(label, ferryMs, peerMs, target) {
  if (ferryMs === undefined) return [label, 'not measured (ferry copy failed)'];
  const ratio = peerMs / ferryMs;
  return [label, `${verdict(ratio >= target)} (${ratio.toFixed(2)}×: ferry ${seconds(ferryMs)}, peer ${seconds(peerMs)})`];
}

/** What the last run's `--json` events said, and whether their row count agrees with the table's. */
function eventsLine(ferryRuns, rows) {
  const r = ferryRuns.findLast((x) => x.events);
  if (!r) return undefined;
  const e = r.events;
  const kinds = Object.entries(e.kinds).map(([k, n]) => `${k}×${n}`).join(' ');
  const last = e.last ? JSON.stringify(e.last) : 'none with a numeric "rows"';
  const disagree = e.last && e.last.rows !== rows ? ` (note: it says ${e.last.rows} rows; the target holds ${rows})` : '';
  return `${e.count} events (${kinds})${e.notJson ? `, ${e.notJson} non-JSON lines` : ''}; last with rows: ${last.length > 240 ? `${last.slice(0, 240)}…` : last}${disagree}`;
}

function reportStandard({ pairNames, runs, fixtures, localInfile, results, config, env }) {
  const out = [];
  out.push(`Ferry copy benchmark: ${TABLE}, ${ROWS.toLocaleString('en-US')} rows (id BIGINT primary key, name VARCHAR(40), amount DECIMAL(12,2), created_at TIMESTAMP, active BOOLEAN)`);
  out.push('', pairs([
    ...env,
    ...(localInfile ? [['mariadb local_infile', localInfile.changed ? 'was OFF, turned ON by this run (SET GLOBAL local_infile = 1)' : 'ON']] : []),
  ]));
  out.push('', pairs(fixtures.map((f) => [f.what, `${f.state} (${f.seconds.toFixed(1)} s)`])));

  const rows = [];
  const ratios = [];
  const notes = [];
  for (const p of pairNames) {
    const { ferry, peers } = results[p];
    const ok = ferry.filter((r) => !r.failure);
    const ferryMs = ok.length > 0 ? best(ok).ms : undefined;
    rows.push(ferryRow(`${PAIRS[p].label}: ferry copy`, ferry, ROWS));
    for (const k of PEERS[p]) rows.push(peerRow(`${PAIRS[p].label}: ${NATIVE[k].label}`, peers[k], ROWS));
    const label = PAIRS[p].label;
    if (p === 'sqlite-pg') {
      ratios.push(ratioLine(`${label}: ferry ≥ ${TARGETS.vsPgloader}× pgloader`, ferryMs, best(peers.pgloader).ms, TARGETS.vsPgloader));
      ratios.push(ratioLine(`${label}: ferry ≥ ${TARGETS.vsNative}× sqlite3 | psql`, ferryMs, best(peers.sqlitePipe).ms, TARGETS.vsNative));
    } else if (p === 'pg-pg') {
      ratios.push(ratioLine(`${label}: ferry ≥ ${TARGETS.vsNative}× psql | psql`, ferryMs, best(peers.psqlPipe).ms, TARGETS.vsNative));
    } else if (p === 'pg-duck') {
      const load = best(peers.duckCopy).ms;
      const both = best(peers.pgCsvExport).ms + load;
      rows.push([`${label}: export + DuckDB COPY`, seconds(both), rate(rowsPerSecond(ROWS, both)), '-', 'best export + best load', '-', '-']);
      ratios.push(ratioLine(`${label}: ferry ≥ ${TARGETS.vsNative}× export + DuckDB COPY`, ferryMs, both, TARGETS.vsNative));
    } else {
      const load = best(peers.loadData).ms;
      const both = best(peers.pgExport).ms + load;
      rows.push([`${label}: export + LOAD DATA`, seconds(both), rate(rowsPerSecond(ROWS, both)), '-', 'best export + best load', '-', '-']);
      ratios.push(ratioLine(`${label}: ferry ≥ ${TARGETS.vsNative}× LOAD DATA alone`, ferryMs, load, TARGETS.vsNative));
      ratios.push(ratioLine(`${label}: ferry ≥ ${TARGETS.vsNative}× export + LOAD DATA`, ferryMs, both, TARGETS.vsNative));
    }
    if (ok.length > 0) {
      const peak = Math.max(...ok.map((r) => r.maxRssKb ?? 0));
      ratios.push([`${label}: ferry peak RSS < ${TARGETS.rssMb} MB`, peak ? `${verdict(peak / 1024 < TARGETS.rssMb)} (${mb(peak)})` : 'not measured']);
      const own = ok.map((r) => r.events?.copySeconds).filter((s) => s !== undefined);
      if (own.length > 0) notes.push(`${label}: ferry reports its copy itself took ${own.map((s) => `${s.toFixed(2)} s`).join(', ')} (the rest of the wall time is Node, the JVM and connecting); ${rate(rowsPerSecond(ROWS, Math.min(...own) * 1000))} rows/s by that`);
      const ev = eventsLine(ferry, ROWS);
      if (ev) notes.push(`${label}: ferry --json: ${ev}`);
    }
    const fail = ferry.find((r) => r.failure);
    if (fail) notes.push(`${label}: ferry copy ${fail.wrong ? 'made a WRONG COPY' : 'FAILED'} on run ${ferry.length}: ${fail.failure}`);
  }
  out.push('', `Copies, wall time from spawn to exit (${runs} run${runs === 1 ? '' : 's'} each, alternating; every copy checked exact: rows, SUM(amount), COUNT(DISTINCT name), first/last created_at, active rows, key range):`);
  out.push(table(['pair: tool', `best of ${runs}`, 'rows/s', 'first run', 'all runs', 'peak RSS', 'CPU s (best)'], rows));

  out.push('', 'Target tables as created:');
  const columns = [];
  for (const p of pairNames) {
    const f = results[p].ferry.findLast((r) => r.columns);
    columns.push([`${PAIRS[p].label}: ferry copy`, f ? f.columns : 'not shown (no exact ferry copy)']);
    for (const k of PEERS[p]) if (NATIVE[k].target) columns.push([`${PAIRS[p].label}: ${NATIVE[k].label}`, results[p].peers[k].at(-1).columns]);
  }
  out.push(pairs(columns));

  out.push('', 'Ratios and targets (informational; timings never fail the run):');
  out.push(pairs([...ratios, ['peak RSS flat from 1M to 10M rows', 'measured by `npm run bench -- copy --rss`']]));
  if (notes.length > 0) out.push('', ...notes);
  out.push('', 'CPU s is user + system time of the command and its children (not the database servers\'); peak RSS of a pipeline is its larger side.');
  out.push('', 'Commands (from the repository root; the temporary config is removed after the run):');
  for (const p of pairNames) {
    out.push(`  ${commandLine('node', ['bin/ferry.js', ...ferryArgs(PAIRS[p], 'ferry.yaml')])}`);
    for (const k of PEERS[p]) {
      const n = NATIVE[k];
      if (k === 'pgloader') out.push(`  pgloader sqlite.load   # sqlite.load:\n${n.loadFile(ROWS).trimEnd().split('\n').map((l) => `      ${l}`).join('\n')}`);
      else {
        const c = n.command(ROWS);
        out.push(`  ${c.line ?? commandLine(c.cmd, c.args)}`);
      }
    }
  }
  out.push(`    with ferry.yaml holding:\n${config.trimEnd().split('\n').map((l) => `      ${l}`).join('\n')}`);
  return out.join('\n');
}

function reportRss({ bigRows, fixtures, results, env }) {
  const out = [];
  out.push(`Ferry copy benchmark, peak RSS: PostgreSQL → PostgreSQL, ${TABLE} at ${ROWS.toLocaleString('en-US')} and ${bigRows.toLocaleString('en-US')} rows, one run each`);
  out.push('', pairs(env));
  out.push('', pairs(fixtures.map((f) => [f.what, `${f.state} (${f.seconds.toFixed(1)} s)`])));
  const rows = [];
  for (const r of results) {
    const n = r.rows.toLocaleString('en-US');
    rows.push(r.ferry.failure
      ? [`${n} rows: ferry copy`, r.ferry.wrong ? 'WRONG COPY' : 'FAILED', '-', '-', '-']
      : [`${n} rows: ferry copy`, seconds(r.ferry.ms), rate(rowsPerSecond(r.rows, r.ferry.ms)), mb(r.ferry.maxRssKb), r.ferry.cpuS?.toFixed(1) ?? '-']);
    rows.push([`${n} rows: ${NATIVE.psqlPipe.label}`, seconds(r.native.ms), rate(rowsPerSecond(r.rows, r.native.ms)), mb(r.native.maxRssKb), r.native.cpuS?.toFixed(1) ?? '-']);
  }
  out.push('', 'Copies, wall time from spawn to exit (each checked exact against the data\'s definition):');
  out.push(table(['rows: tool', 'time', 'rows/s', 'peak RSS', 'CPU s'], rows));

  out.push('', 'Targets (informational; figures never fail the run):');
  const [small, big] = results;
  const lines = [];
  for (const r of results) {
    const label = `ferry peak RSS < ${TARGETS.rssMb} MB at ${r.rows.toLocaleString('en-US')} rows`;
    lines.push([label, r.ferry.failure || !r.ferry.maxRssKb ? 'not measured' : `${verdict(r.ferry.maxRssKb / 1024 < TARGETS.rssMb)} (${mb(r.ferry.maxRssKb)})`]);
  }
  if (!small.ferry.failure && !big.ferry.failure && small.ferry.maxRssKb && big.ferry.maxRssKb) {
    const growth = big.ferry.maxRssKb / small.ferry.maxRssKb;
    lines.push([`flat: peak at ${big.rows.toLocaleString('en-US')} ≤ ${TARGETS.rssGrowth}× peak at ${small.rows.toLocaleString('en-US')}`, `${verdict(growth <= TARGETS.rssGrowth)} (${growth.toFixed(2)}×: ${mb(small.ferry.maxRssKb)} → ${mb(big.ferry.maxRssKb)})`]);
  } else {
    lines.push(['flat from 1M to the large table', 'not measured (ferry copy failed)']);
  }
  for (const r of results) {
    if (!r.ferry.failure) lines.push([`ferry ≥ ${TARGETS.vsNative}× psql | psql at ${r.rows.toLocaleString('en-US')} rows`, `${verdict(r.native.ms / r.ferry.ms >= TARGETS.vsNative)} (${(r.native.ms / r.ferry.ms).toFixed(2)}×)`]);
  }
  out.push(pairs(lines));
  for (const r of results) {
    if (r.ferry.failure) out.push('', `${r.rows.toLocaleString('en-US')} rows: ferry copy ${r.ferry.wrong ? 'made a WRONG COPY' : 'FAILED'}: ${r.ferry.failure}`);
    else if (r.ferry.events) out.push('', `${r.rows.toLocaleString('en-US')} rows: ferry --json: ${eventsLine([r.ferry], r.rows)}`);
  }
  out.push('', 'Commands (from the repository root):');
  for (const r of results) {
    out.push(`  ${commandLine('node', ['bin/ferry.js', ...ferryArgs(PAIRS['pg-pg'], `ferry-${r.rows}.yaml`)])}`);
    out.push(`  ${NATIVE.psqlPipe.command(r.rows).line}`);
  }
  out.push(`    with ferry-${bigRows}.yaml holding:\n${big.config.trimEnd().split('\n').map((l) => `      ${l}`).join('\n')}`);
  return out.join('\n');
}

function parseArgs(args) {
  const opts = { pairs: [], runs: DEFAULT_RUNS, rssRows: undefined };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const value = () => {
      const v = Number(args[++i]);
      if (!Number.isInteger(v) || v <= 0) throw new Error(`${a} needs a positive whole number (got ${args[i]})`);
      return v;
    };
    if (a === '--runs') opts.runs = value();
    else if (a === '--rss') opts.rssRows = RSS_ROWS;
    else if (a === '--rows') {
      opts.rssRows = value();
      if (opts.rssRows <= ROWS) throw new Error(`--rows measures peak RSS against the ${ROWS.toLocaleString('en-US')}-row run, so it needs more rows than that (got ${opts.rssRows})`);
    } else if (Object.hasOwn(PAIRS, a)) opts.pairs.push(a);
    else throw new Error(`unknown argument ${a}; usage: bench copy [${Object.keys(PAIRS).join(' | ')} …] [--runs N] | --rss | --rows N`);
  }
  if (opts.rssRows !== undefined && (opts.pairs.length > 0 || args.includes('--runs'))) {
    throw new Error('--rss and --rows copy PostgreSQL → PostgreSQL once per size; leave out pair names and --runs');
  }
  if (opts.pairs.length === 0) opts.pairs = Object.keys(PAIRS);
  return opts;
}

/**
 * Runs the copy benchmark and prints the report. Throws (after printing) when `ferry copy` failed
 * or made a wrong copy, so the run's exit code says so; a peer that fails or copies wrongly throws
 * at once.
 *
 * @example
 * await main(['pg-pg', '--runs', '1']);
 */
export async function main(args) {
  const opts = parseArgs(args);
  const loadAtStart = loadavg();
  mkdirSync(WORK_DIR, { recursive: true });
  const work = mkdtempSync(join(tmpdir(), 'ferry-bench-copy-'));
  try {
    const failures = await exclusive('copy', async () => {
      const env = await environment(loadAtStart);
      if (opts.rssRows !== undefined) {
        const result = await measureRss(opts.rssRows, work);
        process.stdout.write(`${reportRss({ bigRows: opts.rssRows, ...result, env })}\n`);
        return result.results.filter((r) => r.ferry.failure).map((r) => `${r.rows} rows: ${r.ferry.reason}`);
      }
      const result = await measureStandard(opts.pairs, opts.runs, work);
      process.stdout.write(`${reportStandard({ pairNames: opts.pairs, runs: opts.runs, ...result, env })}\n`);
      return opts.pairs.flatMap((p) => result.results[p].ferry.filter((r) => r.failure).map((r) => `${PAIRS[p].label}: ${r.reason}`));
    });
    if (failures.length > 0) throw new Error(`ferry copy failed: ${failures.join('; ')} (details in the report above)`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] === SELF && process.argv[2]?.startsWith('--')) {
  try {
    await childMain(process.argv.slice(2));
  } catch (e) {
    process.stderr.write(`bench copy child ${process.argv.slice(2).join(' ')}: ${e?.stack ?? e}\n`);
    process.exitCode = 1;
  }
}
