// The copy benchmark's DuckDB target: a database file of its own, reset and checked through
// DuckDB's own JDBC driver run by a tiny Java program (DuckDbSql.java, no Ferry code), so the
// checks of every copy into DuckDB are independent of the code being measured.
import { spawnSync } from 'node:child_process';
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TABLE, WORK_DIR, createTableSql, expectedFingerprint } from './copy-fixture.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const JARS = join(ROOT, 'jars');
const PROGRAM = join(ROOT, 'scripts', 'bench', 'lib', 'DuckDbSql.java');

/** The target database file and its JDBC URL. */
export const DUCK = {
  file: join(WORK_DIR, 'copy-target.duckdb'),
  get url() {
    return `jdbc:duckdb:${this.file}`;
  },
};

function driverJar() {
  const jar = readdirSync(JARS).find((f) => f.startsWith('duckdb_jdbc-') && f.endsWith('.jar'));
  if (!jar) throw new Error(`no duckdb_jdbc jar in ${JARS}; run npm run build:java`);
  return join(JARS, jar);
}

/**
 * Runs SQL statements on the target file in one JVM: returns each result row's cells and each
 * statement's time in milliseconds as DuckDB ran it (measured inside the process).
 *
 * @example
 * duckSql(['SELECT 42']).rows // [['42']]
 */
export function duckSql(statements, { what = 'DuckDB' } = {}) {
  const java = process.env.JAVA_HOME ? join(process.env.JAVA_HOME, 'bin', 'java') : 'java';
  const r = spawnSync(java, ['-cp', driverJar(), PROGRAM, DUCK.url, ...statements], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.error || r.status !== 0) throw new Error(`${what} failed (exit ${r.status ?? r.error?.message}): ${(r.stderr || '').trim().split('\n').slice(-5).join('\n')}`);
  const rows = r.stdout.split('\n').filter((l) => l !== '').map((l) => l.split('\t'));
  const ms = [...r.stderr.matchAll(/^ms \d+ ([\d.]+)$/gm)].map((m) => Number(m[1]));
  return { rows, ms };
}

/** Deletes the target database (its write-ahead log too); `create` creates the table again. */
export function resetDuckTarget({ create }) {
  rmSync(DUCK.file, { force: true });
  rmSync(`${DUCK.file}.wal`, { force: true });
  if (create) duckSql([createTableSql(TABLE)], { what: 'create the DuckDB target table' });
}

/** The target's aggregates of `expectedFingerprint`, read by DuckDB itself. */
export function duckFingerprint() {
  const ts = (e) => `strftime(${e}, '%Y-%m-%d %H:%M:%S.%f')`;
  const { rows } = duckSql([
    `SELECT count(*), count(name), count(DISTINCT name), sum(amount), ${ts('min(created_at)')}, ${ts('max(created_at)')}, count(*) FILTER (WHERE active), min(id), max(id) FROM ${TABLE}`,
  ], { what: `fingerprint ${TABLE} in ${DUCK.file}` });
  const keys = Object.keys(expectedFingerprint(1));
  return Object.fromEntries(keys.map((k, i) => [k, rows[0]?.[i]]));
}

/** The target table's columns as created, for the report. */
export function duckColumns() {
  const { rows } = duckSql([`SELECT column_name || ' ' || data_type FROM duckdb_columns() WHERE table_name = '${TABLE}' ORDER BY column_index`], { what: 'describe the DuckDB target' });
  return rows.map((r) => r[0]).join(', ');
}
