// Where a `ferry migrate` run spends its time, read from what it prints anyway: the CLI writes
// one stderr line per table start, committed chunk and finished table, and one per structure
// phase, and the benchmark stamps each line with the time it arrived. `--profile` adds a run
// through the API (profileMigration) whose events also time each table's verification, which the
// CLI does not print.

const PHASES = ['types', 'tables', 'constraints', 'foreign-keys', 'identities', 'views'];

/**
 * Splits a migrate run into its stages from its timestamped stderr lines (`{ ms, line }`) and its
 * total wall time: start-up to the tables phase (JVM, connections, catalog, plan, CREATE TABLE),
 * the load, each later phase, and the rest (verification, cleanup, report, exit). Per table: when
 * its copy started and ended (ms since spawn), and the seconds and rate Ferry reported.
 *
 * @example
 * migrateStages([{ ms: 1900, line: 'tables: 8 done' }, …], 61000).stages // [['start-up, plan, create tables', 1900], …]
 */
export function migrateStages(lines, totalMs) {
  const phaseAt = {};
  const tables = {};
  for (const { ms, line } of lines) {
    const phase = /^([a-z-]+): (\d+) done/.exec(line);
    if (phase && PHASES.includes(phase[1])) {
      phaseAt[phase[1]] = ms;
      continue;
    }
    const start = /^(\S+): copying in (\d+) chunk/.exec(line);
    if (start) {
      tables[start[1]] = { ...tables[start[1]], startMs: ms, chunks: Number(start[2]) };
      continue;
    }
    const done = /^(\S+): done, ([\d,]+) rows in ([\d.]+) s \(([^)]+) rows\/s\)/.exec(line);
    if (done) tables[done[1]] = { ...tables[done[1]], endMs: ms, rows: Number(done[2].replace(/,/g, '')), seconds: Number(done[3]), rate: done[4] };
  }
  const starts = Object.values(tables).map((t) => t.startMs).filter((x) => x !== undefined);
  const ends = Object.values(tables).map((t) => t.endMs).filter((x) => x !== undefined);
  const loadStart = starts.length ? Math.min(...starts) : undefined;
  const loadEnd = ends.length ? Math.max(...ends) : undefined;
  const stages = [];
  let at = 0;
  const stage = (label, end) => {
    if (end === undefined) return;
    stages.push([label, end - at]);
    at = end;
  };
  stage('start-up, catalog, plan, create tables', phaseAt.tables ?? loadStart);
  stage('load (all tables)', loadEnd);
  // Into PostgreSQL with --jobs 2+, keys and foreign keys are built while tables load and both
  // phases are reported together once the last load's are done: one stage, not two.
  const together = phaseAt.constraints !== undefined && phaseAt['foreign-keys'] !== undefined && phaseAt['foreign-keys'] - phaseAt.constraints < 100;
  if (together) stage('keys and foreign keys left after the load (others built while loading)', phaseAt['foreign-keys']);
  for (const p of ['constraints', 'foreign-keys', 'identities', 'views']) if (!together || (p !== 'constraints' && p !== 'foreign-keys')) stage(`phase ${p}`, phaseAt[p]);
  stage('verify every table, cleanup, report, exit', totalMs);
  return { stages, tables, loadStart, loadEnd };
}

/**
 * Runs one migration through the API in this process and returns when each event came (ms since
 * start), so the verification of each table, which the CLI does not print, is timed too.
 */
export async function profileMigration(configFile, from, to, jobs) {
  const { Ferry, migrate, loadConfigFile } = await import('../../../dist/index.js');
  const t0 = performance.now();
  const at = () => performance.now() - t0;
  const events = [];
  const ferry = await Ferry.open(loadConfigFile(configFile));
  events.push({ ms: at(), what: 'open' });
  let report;
  try {
    report = await migrate(ferry, { from, to, jobs }, (e) => {
      if (e.kind === 'plan') events.push({ ms: at(), what: 'plan' });
      else if (e.kind === 'phase') events.push({ ms: at(), what: `phase ${e.result.phase}`, steps: e.result.steps.length });
      else if (e.kind === 'verified') events.push({ ms: at(), what: 'verified', table: e.report.table, match: e.report.match, method: e.report.method });
      else if (e.kind === 'load' && (e.event.kind === 'start' || e.event.kind === 'done')) events.push({ ms: at(), what: `load ${e.event.kind}`, table: e.event.table });
    });
  } finally {
    await ferry.close();
  }
  events.push({ ms: at(), what: 'closed' });
  return { events, ok: report.ok, tables: report.tables.map((t) => ({ table: t.source, rows: t.rows, seconds: t.seconds, match: t.verify?.match ?? null })) };
}

/**
 * Per table, the seconds its verification took: from the previous `verified` event, the first
 * one from the last structure phase before it.
 */
export function verifyTimes(events) {
  const out = [];
  let prev;
  for (const e of events) {
    if (e.what.startsWith('phase ') && e.what !== 'phase cleanup') prev = e.ms;
    if (e.what === 'verified') {
      out.push({ table: e.table, ms: prev === undefined ? undefined : e.ms - prev, match: e.match, method: e.method });
      prev = e.ms;
    }
  }
  return out;
}
