// `npm run bench -- check`: how long `ferry check` takes on a pair of PostgreSQL schemas of 300
// tables × 20 columns (with data, a few hundred changes between them), from process start to
// exit, next to `liquibase diff` on the same pair in the same run.
//
// Both tools run as whole commands, the way a user or a CI job runs them: the wall time from
// spawn to exit includes Node, the JVM's start and the connections. Runs alternate (Ferry,
// Liquibase, Ferry, …) so a drift on the machine hits both alike. Targets are printed as
// PASS/MISS for information only; the run fails only when something errored (the database, the
// fixture, a tool that crashed or printed nothing sensible).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { jvmRuntime } from '../../dist/bridge/index.js';
import { runChild } from './lib/child.js';
import { CHANGE_PLAN, COLUMNS, DATABASE, PSQL_ARGS, ROWS, SCHEMAS, TABLES, ensureFixture, summarizeChanges } from './lib/check-fixture.js';
import { describeEnvironment } from './lib/environment.js';
import { exclusive } from './lib/exclusive.js';
import { pairs, seconds, table, verdict, commandLine, tail } from './lib/report.js';

const SELF = fileURLToPath(import.meta.url);
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const FERRY_BIN = join(ROOT, 'bin', 'ferry.js');
// Liquibase is the peer measured beside Ferry. The npm package that bundles it (and its JDBC
// drivers) is 120 MB, so it is installed on first use into scripts/bench/.peers (git-ignored)
// rather than on every `npm install`. 4.28.1 is the newest version that bundles the jars.
const LIQUIBASE_VERSION = '4.28.1';
const PEERS = join(ROOT, 'scripts', 'bench', '.peers');
const LIQUIBASE_PKG = join(PEERS, 'node_modules', 'liquibase');
const LIQUIBASE_HOME = join(LIQUIBASE_PKG, 'dist', 'liquibase');
const LIQUIBASE_BIN = join(LIQUIBASE_HOME, 'liquibase');

/** Runs of each tool; the best is compared, Ferry's first is shown too (cold file caches). */
const RUNS = 3;

/** The figures the project aims for (informational). */
const TARGETS = { ferryMs: 10_000 };

/** Below this share of the planned changes seen in its output, Liquibase did not really compare. */
const LIQUIBASE_MIN_COVERAGE = 0.9;

function progress(message) {
  process.stderr.write(`bench check: ${message}\n`);
}


/** Runs a command to completion and times it from spawn to exit (hrtime, so wall time). */
function timed(cmd, args, options) {
  const before = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 256 * 2 ** 20, ...options });
  const ms = Number(process.hrtime.bigint() - before) / 1e6;
  return { ms, status: r.status, signal: r.signal, error: r.error, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
}

// ---------------------------------------------------------------------------------------------
// Ferry

function ferryConfig() {
  const db = (schema) => `    url: ${DATABASE.url}\n    user: ${DATABASE.user}\n    schema: ${schema}\n`;
  return `databases:\n  a:\n${db(SCHEMAS.a)}  b:\n${db(SCHEMAS.b)}`;
}

/** Every finding in Ferry's JSON, whatever the exact envelope: an array, or `{ findings: [...] }`. */
function findingsOf(json) {
  if (Array.isArray(json)) return json;
  if (Array.isArray(json?.findings)) return json.findings;
  throw new Error(`no findings array in it (top-level keys: ${Object.keys(json ?? {}).join(', ') || 'none'})`);
}

/**
 * One `ferry check`; exit 0 (no errors) and 1 (errors found) are both successful runs. Anything
 * else, or output that is not findings, is returned as `failure` with what Ferry printed.
 */
function runFerry(args, outputFile) {
  rmSync(outputFile, { force: true });
  const r = timed(process.execPath, [FERRY_BIN, ...args], { cwd: ROOT });
  const run = { ms: r.ms, exit: r.status };
  const said = [r.stderr.trim() && `stderr:\n${tail(r.stderr)}`, r.stdout.trim() && `stdout:\n${tail(r.stdout)}`].filter(Boolean).join('\n') || '(it printed nothing)';
  if (r.error) return { ...run, reason: r.error.message, failure: `could not run: ${r.error.message}` };
  if (r.status !== 0 && r.status !== 1) {
    const how = r.signal ? `killed by ${r.signal}` : `exit ${r.status}`;
    return { ...run, reason: how, failure: `${how} (expected 0 = no errors or 1 = errors found); ${said}` };
  }
  // The file --output names; stdout when this build of the command ignored --output.
  const text = existsSync(outputFile) ? readFileSync(outputFile, 'utf8') : r.stdout;
  const where = existsSync(outputFile) ? 'the --output file' : 'stdout (no --output file was written)';
  let findings;
  try {
    findings = findingsOf(JSON.parse(text));
  } catch (e) {
    return { ...run, reason: `unreadable findings (${e.message})`, failure: `exit ${r.status} but ${where} is not findings JSON: ${e.message}; ${said}` };
  }
  const bySeverity = { error: 0, warning: 0, info: 0 };
  for (const f of findings) bySeverity[f?.severity] = (bySeverity[f?.severity] ?? 0) + 1;
  const codes = {};
  for (const f of findings) codes[f?.code] = (codes[f?.code] ?? 0) + 1;
  return { ...run, findings: findings.length, bySeverity, codes, where };
}

// ---------------------------------------------------------------------------------------------
// Liquibase

/** Installs the pinned Liquibase package into scripts/bench/.peers unless it is there already. */
function ensureLiquibase() {
  if (existsSync(join(LIQUIBASE_HOME, 'liquibase'))) return;
  progress(`installing liquibase@${LIQUIBASE_VERSION} (npm, ~120 MB) into scripts/bench/.peers …`);
  const r = spawnSync('npm', ['install', '--no-save', '--no-audit', '--no-fund', '--prefix', PEERS, `liquibase@${LIQUIBASE_VERSION}`], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (r.status !== 0) throw new Error(`npm could not install liquibase@${LIQUIBASE_VERSION} (exit ${r.status})`);
}

function liquibaseArgs() {
  const url = (schema) => `${DATABASE.url}?currentSchema=${schema}`;
  // Liquibase's "reference" is the model and "url" the database compared with it, so A (the
  // schema migrated from) is the reference and B the target, as in `ferry check --from a --to b`.
  return [
    '--show-banner=false',
    `--url=${url(SCHEMAS.b)}`,
    `--username=${DATABASE.user}`,
    `--reference-url=${url(SCHEMAS.a)}`,
    `--reference-username=${DATABASE.user}`,
    'diff',
  ];
}

function liquibaseVersion() {
  const jar = join(LIQUIBASE_HOME, 'internal', 'lib', 'liquibase-core.jar');
  const r = spawnSync('unzip', ['-p', jar, 'META-INF/MANIFEST.MF'], { encoding: 'utf8' });
  const core = /Liquibase-Version:\s*(\S+)/.exec(r.stdout ?? '')?.[1] ?? 'unknown';
  const pkg = JSON.parse(readFileSync(join(LIQUIBASE_PKG, 'package.json'), 'utf8')).version;
  const pg = spawnSync('unzip', ['-p', join(LIQUIBASE_HOME, 'internal', 'lib', 'postgresql.jar'), 'META-INF/MANIFEST.MF'], { encoding: 'utf8' });
  const driver = /Implementation-Version:\s*(\S+)/.exec(pg.stdout ?? '')?.[1] ?? 'unknown';
  return { core, pkg, driver };
}

/**
 * Splits `liquibase diff` output into its sections ("Missing Column(s)", …) with their entries,
 * so the report can show what it found and the run can check it compared the right schemas.
 */
function parseDiff(stdout) {
  const sections = {};
  let current;
  for (const line of stdout.split('\n')) {
    const head = /^(Missing|Unexpected|Changed) ([A-Za-z ]+)\(s\):\s*(NONE)?\s*$/.exec(line);
    if (head) {
      current = `${head[1]} ${head[2].trim()}`;
      sections[current] = [];
    } else if (current && /^ {5}\S/.test(line)) {
      sections[current].push(line.trim());
    } else if (current && /^ {6,}\S/.test(line) && sections[current].length > 0) {
      // A detail of the entry above ("type changed from … to …").
      sections[current][sections[current].length - 1] += ` | ${line.trim()}`;
    } else if (line.trim() !== '') {
      current = undefined;
    }
  }
  return sections;
}

/** How many of the planned changes the diff output names (the column, table, index or constraint). */
function coverage(stdout, changes) {
  const seen = (ch) => {
    switch (ch.kind) {
      case 'dropTable':
      case 'addTable':
        return new RegExp(`^ {5}${ch.table}$`, 'm').test(stdout);
      case 'dropIndex':
        return stdout.includes(`ix_${ch.table}_${ch.column} ON`);
      case 'addUnique':
        return stdout.includes(`uq_${ch.table}_${ch.column} on`);
      default:
        return stdout.includes(`${SCHEMAS.a}.${ch.table}.${ch.column}\n`) || stdout.includes(`${SCHEMAS.b}.${ch.table}.${ch.column}\n`);
    }
  };
  const missed = changes.filter((ch) => !seen(ch));
  return { seen: changes.length - missed.length, of: changes.length, missed };
}

function runLiquibase(args, workDir, changes) {
  // In an empty folder, so no liquibase.properties lying around changes what it does.
  const r = timed(LIQUIBASE_BIN, args, { cwd: workDir });
  if (r.error) throw new Error(`liquibase could not run: ${r.error.message}`);
  if (r.status !== 0) throw new Error(`liquibase diff failed (${r.signal ?? `exit ${r.status}`}):\n${tail(r.stderr + r.stdout, 30)}`);
  const compared = /^Compared Schemas: (.*)$/m.exec(r.stdout)?.[1];
  if (compared !== `${SCHEMAS.a} -> ${SCHEMAS.b}`) {
    throw new Error(`liquibase diff compared ${compared ?? 'nothing it named'}, expected ${SCHEMAS.a} -> ${SCHEMAS.b}; its output:\n${tail(r.stdout, 30)}`);
  }
  const cover = coverage(r.stdout, changes);
  if (cover.seen < cover.of * LIQUIBASE_MIN_COVERAGE) {
    throw new Error(`liquibase diff names only ${cover.seen} of the ${cover.of} planned changes, so it did not compare the fixture; first missed: ${cover.missed.slice(0, 5).map((c) => `${c.kind} ${c.table}.${c.column}`).join(', ')}`);
  }
  return { ms: r.ms, sections: parseDiff(r.stdout), coverage: cover };
}

// ---------------------------------------------------------------------------------------------
// Child side: Ferry's JVM describes itself in a process of its own, so the parent starts none.

async function childMain(argv) {
  if (argv[0] !== '--java') throw new Error(`unknown child mode ${argv[0]}`);
  process.stdout.write(`${JSON.stringify(await jvmRuntime())}\n`);
}

// ---------------------------------------------------------------------------------------------
// Parent side

function javaOnPath() {
  const java = process.env.JAVA_HOME ? join(process.env.JAVA_HOME, 'bin', 'java') : 'java';
  const r = spawnSync(java, ['-version'], { encoding: 'utf8' });
  return r.error ? `unavailable (${r.error.message})` : `${(r.stderr.split('\n')[0] ?? '').trim()} (${java})`;
}

async function measure() {
  progress(`making sure ${SCHEMAS.a} and ${SCHEMAS.b} hold the fixture (a first run builds them, a few seconds)…`);
  const fixture = await ensureFixture();
  const java = await runChild(SELF, ['--java']);

  const work = mkdtempSync(join(tmpdir(), 'ferry-bench-check-'));
  try {
    const configFile = join(work, 'ferry.yaml');
    const outputFile = join(work, 'findings.json');
    writeFileSync(configFile, ferryConfig());
    const ferryArgs = ['check', '--from', 'a', '--to', 'b', '--config', configFile, '--format', 'json', '--output', outputFile];
    ensureLiquibase();
    const lbArgs = liquibaseArgs();

    const ferry = [];
    const liquibase = [];
    for (let i = 1; i <= RUNS; i++) {
      // One failed `ferry check` says all there is to say; Liquibase is still measured.
      if (!ferry.some((r) => r.failure)) {
        progress(`ferry check, run ${i} of ${RUNS}…`);
        ferry.push(runFerry(ferryArgs, outputFile));
      }
      progress(`liquibase diff, run ${i} of ${RUNS}…`);
      liquibase.push(runLiquibase(lbArgs, work, fixture.plan.changes));
    }
    return {
      fixture,
      java,
      ferry,
      liquibase,
      config: ferryConfig(),
      commands: {
        ferry: commandLine('node', ['bin/ferry.js', ...ferryArgs]),
        liquibase: commandLine('scripts/bench/.peers/node_modules/liquibase/dist/liquibase/liquibase', lbArgs),
      },
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function report({ fixture, java, ferry, liquibase, config, commands, loadAtStart }) {
  const out = [];
  const changes = summarizeChanges(fixture.plan.changes);
  const total = fixture.plan.changes.length;
  const lb = liquibaseVersion();
  out.push(`Ferry check benchmark: ${SCHEMAS.a} → ${SCHEMAS.b} in PostgreSQL, ${TABLES} tables × ${COLUMNS} columns, ${ROWS} rows per table in A, ${total} changes`);
  out.push('', pairs([
    ...describeEnvironment({ java, loadAtStart, psql: PSQL_ARGS }),
    ['liquibase', `${lb.core} (npm liquibase@${lb.pkg}, bundled pgjdbc ${lb.driver})`],
    ['liquibase java', javaOnPath()],
    ...(process.env.JAVA_OPTS ? [['JAVA_OPTS (liquibase)', process.env.JAVA_OPTS]] : []),
    ...(process.env.FERRY_JVM_OPTS ? [['FERRY_JVM_OPTS', process.env.FERRY_JVM_OPTS]] : []),
  ]));

  const v = fixture.verified;
  out.push('', `Fixture: ${fixture.state} in ${fixture.seconds.toFixed(1)} s (checked against its plan: ${v.a.tables} tables / ${v.a.columns} columns / ${v.a.indexes} secondary indexes / ${v.rowsA.toLocaleString('en-US')} rows in A; ${v.b.tables} tables / ${v.b.columns} columns / ${v.b.indexes} secondary indexes / ${v.b.uniques} unique constraints / no rows in B)`);
  out.push(table(
    ['change A → B', 'count', 'violated by A\'s data'],
    Object.entries(CHANGE_PLAN).map(([kind, p]) => [p.what, changes[kind]?.count ?? 0, p.violated === undefined ? '-' : changes[kind]?.violated ?? 0]),
  ));

  const ferryOk = ferry.filter((r) => !r.failure);
  const ferryFailed = ferry.find((r) => r.failure);
  const lbBest = Math.min(...liquibase.map((r) => r.ms));
  const ferryBest = ferryOk.length > 0 ? Math.min(...ferryOk.map((r) => r.ms)) : undefined;

  const rows = [];
  if (ferryFailed) {
    rows.push(['ferry check', 'FAILED', '-', '-', `${ferryFailed.exit ?? '-'}`, '-']);
  } else {
    const last = ferryOk.at(-1);
    const sev = `${last.findings} (${last.bySeverity.error} error, ${last.bySeverity.warning} warning, ${last.bySeverity.info} info)`;
    rows.push(['ferry check', seconds(ferryBest), seconds(ferryOk[0].ms), ferryOk.map((r) => seconds(r.ms)).join(', '), ferryOk.map((r) => r.exit).join(', '), sev]);
  }
  const lbEntries = Object.values(liquibase.at(-1).sections).reduce((n, list) => n + list.length, 0);
  rows.push(['liquibase diff', seconds(lbBest), seconds(liquibase[0].ms), liquibase.map((r) => seconds(r.ms)).join(', '), '0', `${lbEntries} entries`]);
  out.push('', `Wall time from spawn to exit (JVM start included; ${RUNS} runs each, alternating):`);
  out.push(table(['tool', `best of ${RUNS}`, 'first run', 'all runs', 'exit', 'reported'], rows));

  if (ferryFailed) {
    out.push('', `ferry check FAILED on run ${ferry.length}: ${ferryFailed.failure}`);
  } else {
    const last = ferryOk.at(-1);
    const codes = Object.entries(last.codes).sort(([a], [b]) => (a < b ? -1 : 1)).map(([c, n]) => `${c}×${n}`).join(' ');
    out.push('', `ferry findings by code: ${codes || 'none'} (read from ${last.where})`);
    const violated = Object.values(changes).reduce((n, c) => n + c.violated, 0);
    if (ferryOk.some((r) => r.exit !== 1)) out.push(`note: ferry check exited ${ferryOk.map((r) => r.exit).join(', ')}; 1 (errors found) was expected, since A's data violates ${violated} of the changes`);
  }

  const cover = liquibase.at(-1).coverage;
  const sections = Object.entries(liquibase.at(-1).sections).filter(([, list]) => list.length > 0);
  out.push('', `liquibase diff entries by section: ${sections.map(([s, list]) => `${s} ${list.length}`).join(', ')}`);
  out.push(`liquibase diff names ${cover.seen} of the ${cover.of} planned changes${cover.missed.length > 0 ? ` (not: ${cover.missed.slice(0, 8).map((c) => `${c.kind} ${c.table}${c.column ? `.${c.column}` : ''}`).join(', ')}${cover.missed.length > 8 ? ', …' : ''})` : ''}; it compares structure only and reads no data, so it cannot tell which changes A's data violates`);

  out.push('', 'Ratios and targets (informational; timings never fail the run):');
  const lines = [];
  if (ferryBest !== undefined) {
    lines.push(['liquibase ÷ ferry (best runs)', `${(lbBest / ferryBest).toFixed(2)}×`]);
    lines.push([`ferry ≤ ${seconds(TARGETS.ferryMs)} (best)`, `${verdict(ferryBest <= TARGETS.ferryMs)} (${seconds(ferryBest)})`]);
    lines.push([`ferry ≤ ${seconds(TARGETS.ferryMs)} (first run)`, `${verdict(ferryOk[0].ms <= TARGETS.ferryMs)} (${seconds(ferryOk[0].ms)})`]);
    lines.push(['ferry faster than liquibase (best runs)', `${verdict(ferryBest < lbBest)} (${seconds(ferryBest)} vs ${seconds(lbBest)})`]);
  } else {
    lines.push([`ferry ≤ ${seconds(TARGETS.ferryMs)}`, 'not measured (ferry check failed)']);
    lines.push(['ferry faster than liquibase', `not measured (ferry check failed; liquibase best ${seconds(lbBest)})`]);
  }
  out.push(pairs(lines));

  out.push('', 'Commands (run from the repository root; the temporary folder is removed after the run):');
  out.push(`  ${commands.ferry}`);
  out.push(`    with --config holding:\n${config.trimEnd().split('\n').map((l) => `      ${l}`).join('\n')}`);
  out.push(`  ${commands.liquibase}`);
  return out.join('\n');
}

/**
 * Runs the check benchmark and prints the report. Throws (after printing) when `ferry check`
 * failed, so the run's exit code says so.
 *
 * @example
 * await main([]);
 */
export async function main(args) {
  if (args.length > 0) throw new Error(`bench check takes no arguments (got ${args.join(' ')})`);
  const loadAtStart = loadavg();
  const result = await exclusive('check', () => measure());
  process.stdout.write(`${report({ ...result, loadAtStart })}\n`);
  const failed = result.ferry.find((r) => r.failure);
  if (failed) throw new Error(`ferry check failed: ${failed.reason} (details in the report above)`);
}

if (process.argv[1] === SELF && process.argv[2]?.startsWith('--')) {
  try {
    await childMain(process.argv.slice(2));
  } catch (e) {
    process.stderr.write(`bench check child ${process.argv.slice(2).join(' ')}: ${e?.stack ?? e}\n`);
    process.exitCode = 1;
  }
}
