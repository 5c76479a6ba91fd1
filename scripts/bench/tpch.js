// `npm run bench -- tpch [--sf 0.1|1] [--queries 1,3,5-7] [--timeout S] [--keep] [--reuse] [--prefix P]`:
// issue 10's benchmark of Ferry's federation planner. The 22 TPC-H queries run through Ferry over
// TPC-H split across three databases (lineitem and orders in PostgreSQL; customer, nation and
// region in MariaDB; part, partsupp and supplier in SQLite), and through psql over all eight
// tables in one PostgreSQL schema; per query the report says whether the answers agree cell by
// cell, Ferry's planning time and total time, psql's time, their ratio, and the rows Ferry read
// from each database, then the issue's targets as MET/MISS.
//
// Scale factor: --sf, else FERRY_BENCH_SF, else 1. Data: io.trino.tpch's generator and the
// migrate benchmark's loaders (lib/tpch-federation.js), loaded once per run; --keep leaves the
// databases for a later --reuse (for iterating on the planner), else everything is dropped at the
// end, also after a failure or Ctrl-C. Queries: the texts io.trino.tpch ships
// (lib/tpch-queries.js). Ferry: one child process running every query through the library API
// (`ferry.analyze`, which returns the result with the plan, planning time and rows read per
// database), so the JVM starts once; "total" is the wall time of that call, rows decoded into an
// Arrow table included. A query past --timeout (default 300 s) is reported as TIMEOUT: its process
// is killed (a running execution cannot be interrupted from Node) and the next query gets a new one. psql:
// one process per query, timed by its own \timing (statement sent until the whole result is
// received; connection and start-up excluded), run before Ferry's turn at the same query; when
// it times out (Q17 and Q20 at SF 1), Ferry's answer is checked against psql running the query
// decorrelated (DECORRELATED in lib/tpch-queries.js), its time still counted as the time-out.
// Ferry's wrong answers, failures and time-outs are results, reported as MISS; only a failed
// load or a failing psql stops the benchmark.
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { withCleanUp } from './lib/clean-up.js';
import { PG, ensureLocalInfile, restoreLocalInfile } from './lib/copy-fixture.js';
import { allLines, describeEnvironment, toolVersion } from './lib/environment.js';
import { exclusive } from './lib/exclusive.js';
import { FerryWorker } from './lib/ferry-worker.js';
import { psqlQuery } from './lib/psql-query.js';
import { compareResults } from './lib/result-compare.js';
import { commandLine, pairs, table } from './lib/report.js';
import { SPLIT, dropAll, federationConfig, homeOf, load, placesOf, reuse } from './lib/tpch-federation.js';
import { mariaIn, scaleFactor } from './lib/tpch-fixture.js';
import { DECORRELATED, QUERY_NUMBERS, plainSelect, qualify, shippedQueries } from './lib/tpch-queries.js';

/** Issue 10's targets. */
const TARGETS = {
  planningMs: 1000,
  totalRatio: 2,
  queryRatio: 10,
};

function progress(message) {
  process.stderr.write(`bench tpch: ${message}\n`);
}

function parseArgs(args) {
  const opts = { sf: undefined, queries: QUERY_NUMBERS, timeoutS: 300, keep: false, reuse: false, prefix: 'ferry_bench_fed' };
  const value = (i, flag) => {
    if (args[i] === undefined) throw new Error(`${flag} needs a value`);
    return args[i];
  };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--sf') {
      process.env.FERRY_BENCH_SF = value(++i, a);
      opts.sf = scaleFactor();
    } else if (a === '--timeout') {
      opts.timeoutS = Number(value(++i, a));
      if (!(opts.timeoutS > 0)) throw new Error(`--timeout needs seconds above 0 (got ${args[i]})`);
    } else if (a === '--queries') {
      opts.queries = queryList(value(++i, a));
    } else if (a === '--prefix') {
      opts.prefix = value(++i, a);
    } else if (a === '--keep') opts.keep = true;
    else if (a === '--reuse') opts.reuse = true;
    else throw new Error(`unknown argument ${a}; usage: bench tpch [--sf 0.1|1] [--queries 1,3,5-7] [--timeout S] [--keep] [--reuse] [--prefix NAME]`);
  }
  opts.sf ??= scaleFactor();
  return opts;
}

/** `1,3,5-7` → [1, 3, 5, 6, 7], each between 1 and 22. */
function queryList(text) {
  const out = new Set();
  for (const part of text.split(',')) {
    const m = /^(\d+)(?:-(\d+))?$/.exec(part.trim());
    const [from, to] = m ? [Number(m[1]), Number(m[2] ?? m[1])] : [NaN, NaN];
    if (!(from >= 1 && to <= 22 && from <= to)) throw new Error(`--queries takes numbers from 1 to 22, such as 1,3,5-7 (got ${text})`);
    for (let n = from; n <= to; n++) out.add(n);
  }
  return [...out].sort((a, b) => a - b);
}

// ---------------------------------------------------------------------------------------------
// Measuring

async function measure(opts, places, work, worker) {
  const shipped = shippedQueries();
  const results = [];
  try {
    for (const n of opts.queries) {
      const plain = plainSelect(shipped[n]);
      const ferrySql = qualify(plain, (t) => `${homeOf(t)}.${t}`);
      progress(`Q${n}: psql…`);
      const psql = await psqlQuery(plain, places.oneSchema, work, opts.timeoutS * 1000);
      // PostgreSQL runs Q17's and Q20's correlated subqueries row by row: at SF 1 they can take
      // hours. Its time then counts as the time-out (a lower bound), and Ferry's answer is
      // checked against psql running the same query decorrelated, where there is such a form.
      let reference = psql;
      if (psql.timedOut) {
        psql.ms = opts.timeoutS * 1000;
        if (DECORRELATED[n]) {
          progress(`Q${n}: psql gave no answer within ${opts.timeoutS} s; psql, decorrelated…`);
          reference = await psqlQuery(DECORRELATED[n], places.oneSchema, work, opts.timeoutS * 1000);
          if (!reference.timedOut) psql.checkedBy = reference;
        }
      }
      progress(`Q${n}: ferry…`);
      const ferry = await worker.run(ferrySql, opts.timeoutS * 1000);
      const r = { n, sql: ferrySql, psql, ferry };
      if (!ferry.timedOut && !ferry.error && !reference.timedOut) r.compared = compareResults(ferry, reference);
      results.push(r);
      progress(`Q${n}: ${verdictOf(r)}${ferry.ms ? ` in ${(ferry.ms / 1000).toFixed(2)} s (psql ${(psql.ms / 1000).toFixed(3)} s)` : ''}`);
    }
  } finally {
    worker.stop();
  }
  return { results, java: worker.java };
}

function verdictOf(r) {
  if (r.ferry.timedOut) return 'TIMEOUT';
  if (r.ferry.error) return 'ERROR';
  if (!r.compared) return 'unchecked';
  return r.compared.exact ? 'exact' : 'DIFFERS';
}

// ---------------------------------------------------------------------------------------------
// The report

const fmt = (n, digits) => n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

function rowsRead(analysis) {
  return Object.keys(SPLIT).map((db) => {
    const reads = analysis.queries.filter((q) => q.database === db);
    return reads.length === 0 ? '-' : fmt(reads.reduce((s, q) => s + q.rowsRead, 0), 0);
  }).join(' / ');
}

function report(opts, ctx, measured, env) {
  const { results } = measured;
  const out = [`Ferry tpch benchmark: the 22 TPC-H queries at SF ${opts.sf}, federated over three databases, against psql over one PostgreSQL schema`];
  out.push('', pairs(env));
  out.push('', 'Set-up (not measured):', pairs([...ctx.setup, ['rows per table', Object.entries(ctx.rows).map(([t, n]) => `${t} ${fmt(n, 0)}`).join(', ')]]));
  const rows = results.map((r) => {
    const f = r.ferry;
    const done = !f.timedOut && !f.error;
    const ratio = done ? `${r.psql.timedOut ? '<' : ''}${fmt(f.ms / r.psql.ms, 1)}×` : '-';
    return [`Q${r.n}`, verdictOf(r), done ? fmt(f.analysis.planningMs, 0) : '-', f.timedOut ? `>${opts.timeoutS}` : done ? fmt(f.ms / 1000, 2) : '-', r.psql.timedOut ? `>${opts.timeoutS}` : fmt(r.psql.ms / 1000, 3), ratio, done ? rowsRead(f.analysis) : '-'];
  });
  out.push('', `Per query (${Object.entries(SPLIT).map(([db, t]) => `${db}: ${t.join(', ')}`).join('; ')}):`);
  out.push(table(['query', 'result', 'planning ms', 'total s', 'psql s', 'ratio', `rows read ${Object.keys(SPLIT).join(' / ')}`], rows));
  const notes = [];
  for (const r of results) {
    if (r.ferry.timedOut) notes.push(`Q${r.n}: no answer within ${opts.timeoutS} s; its worker process was killed`);
    if (r.psql.timedOut) {
      notes.push(`Q${r.n}: psql gave no answer within ${opts.timeoutS} s (counted as ${opts.timeoutS} s, a lower bound); ${r.psql.checkedBy
        ? `Ferry's answer is checked against psql running the query decorrelated (lib/tpch-queries.js, DECORRELATED: ${fmt(r.psql.checkedBy.ms / 1000, 3)} s)`
        : "Ferry's answer is unchecked"}`);
    }
    if (r.ferry.error) notes.push(`Q${r.n}: ferry failed: ${r.ferry.error}`);
    if (r.compared?.difference) notes.push(`Q${r.n}: ${r.compared.difference}`);
    if (r.compared?.rounded.length > 0) notes.push(`Q${r.n}: decimals compared at the less precise scale, rounding ${r.compared.rounded.map((x) => `${x.side}'s ${x.column} (${x.from} → ${x.to} digits)`).join(', ')}`);
  }
  if (notes.length > 0) out.push('', 'Notes:', ...notes.map((n) => `  ${n}`));
  out.push('', 'Targets (issue 10; informational, they never fail the run):', pairs(targets(opts, results)));
  out.push('', 'How it is measured: total = wall time of ferry.analyze() in a Node process that opened Ferry once (result decoded into an Arrow table included); planning = parse, validate, optimize and generate code, until the statement is ready to run (from the analysis); psql = psql\'s own \\timing of the statement in a process of its own (statement sent until the whole result is received), run just before Ferry\'s turn; rows read = rows Ferry fetched from each database, over every statement it sent there.');
  out.push('', 'Commands (from the repository root):', `  npm run bench -- tpch ${['--sf', String(opts.sf), '--timeout', String(opts.timeoutS), ...(opts.queries.length < 22 ? ['--queries', opts.queries.join(',')] : [])].join(' ')}`);
  out.push(`  psql (each query, tables unqualified): PGOPTIONS='-c search_path=${ctx.places.oneSchema}' ${commandLine('psql', ['-X', '-A', ...PG.psqlArgs])} with \\timing on`);
  out.push(`  ferry: Ferry.open(${JSON.stringify(federationConfig(ctx.places))}) then ferry.analyze(sql) per query, tables as pg.lineitem, maria.customer, lite.part`);
  return out.join('\n');
}

function targets(opts, results) {
  const done = results.filter((r) => !r.ferry.timedOut && !r.ferry.error);
  const exact = done.filter((r) => r.compared?.exact);
  const notExact = results.filter((r) => !exact.includes(r)).map((r) => `Q${r.n} ${verdictOf(r)}`);
  const slowPlans = results.filter((r) => r.ferry.timedOut || r.ferry.error || r.ferry.analysis.planningMs >= TARGETS.planningMs)
    .map((r) => `Q${r.n} ${done.includes(r) ? `${fmt(r.ferry.analysis.planningMs, 0)} ms` : verdictOf(r)}`);
  const ferryMs = results.reduce((s, r) => s + (r.ferry.timedOut || r.ferry.error ? opts.timeoutS * 1000 : r.ferry.ms), 0);
  const psqlMs = results.reduce((s, r) => s + r.psql.ms, 0);
  const partial = done.length < results.length ? ' (a time-out or failure counts as the time-out, so the true figure is higher)' : '';
  const over = results.filter((r) => !done.includes(r) || (!r.psql.timedOut && r.ferry.ms > TARGETS.queryRatio * r.psql.ms))
    .map((r) => `Q${r.n} ${done.includes(r) ? `${fmt(r.ferry.ms / r.psql.ms, 0)}×` : verdictOf(r)}`);
  const met = (ok) => (ok ? 'MET' : 'MISS');
  return [
    [`${results.length}/${results.length} exact${results.length < 22 ? ' (the queries run)' : ''}`, `${met(notExact.length === 0)} (${exact.length}/${results.length}${notExact.length ? `; not: ${notExact.join(', ')}` : ''})`],
    [`planning < ${TARGETS.planningMs / 1000} s for every query`, `${met(slowPlans.length === 0)}${slowPlans.length ? ` (${slowPlans.join(', ')})` : ''}`],
    [`total federated ≤ ${TARGETS.totalRatio}× psql's total`, `${met(ferryMs <= TARGETS.totalRatio * psqlMs)} (ferry ${fmt(ferryMs / 1000, 1)} s, psql ${fmt(psqlMs / 1000, 2)} s: ${fmt(ferryMs / psqlMs, 1)}×${partial})`],
    [`no query over ${TARGETS.queryRatio}× its psql time`, `${met(over.length === 0)}${over.length ? ` (${over.join(', ')})` : ''}`],
  ];
}

// ---------------------------------------------------------------------------------------------
// Entry point

/**
 * Runs the tpch benchmark and prints the report; throws only when loading or psql fails.
 *
 * @example
 * await main(['--sf', '0.1', '--queries', '1,6', '--keep']);
 */
export async function main(args) {
  const opts = parseArgs(args);
  const places = placesOf(opts.prefix);
  const loadAtStart = loadavg();
  const work = mkdtempSync(join(tmpdir(), 'ferry-bench-tpch-'));
  const state = { localInfile: undefined };
  const worker = new FerryWorker(federationConfig(places));
  const cleanUp = () => {
    worker.stop();
    const failed = opts.keep ? [] : dropAll(places);
    try {
      restoreLocalInfile(state.localInfile);
    } catch (e) {
      failed.push(`local_infile: ${e.message}`);
    }
    rmSync(work, { recursive: true, force: true });
    if (opts.keep) progress(`kept the databases (prefix ${places.prefix}); rerun with --reuse --sf ${opts.sf}${opts.prefix === 'ferry_bench_fed' ? '' : ` --prefix ${opts.prefix}`}, and without --keep to drop them at the end`);
    return failed;
  };
  await withCleanUp(progress, cleanUp, () => exclusive('tpch', async () => {
    let ctx;
    if (opts.reuse) {
      progress(`reusing the databases kept under the prefix ${places.prefix}…`);
      ctx = { places, rows: reuse(opts.sf, places), setup: [['data', `reused (kept by an earlier --keep run, prefix ${places.prefix}); row counts checked`]] };
    } else {
      state.localInfile = ensureLocalInfile();
      ctx = { places, ...(await load(opts.sf, places, work, progress)) };
    }
    const measured = await measure(opts, places, work, worker);
    const env = [
      ...describeEnvironment({ java: measured.java, loadAtStart, psql: PG.psqlArgs }),
      ['mariadb', mariaIn('SELECT VERSION();', 'server version').trim()],
      ['sqlite3', toolVersion('sqlite3', ['--version'], allLines)],
    ];
    process.stdout.write(`${report(opts, ctx, measured, env)}\n`);
  }));
}
