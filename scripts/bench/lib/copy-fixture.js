// The copy benchmark's table and its databases: the same deterministic rows in a SQLite file and
// in a PostgreSQL schema (the sources), and the targets they are copied into (a PostgreSQL schema
// of its own, MariaDB's `test` database). Everything here goes through the engines' own command
// line clients (psql, mariadb, sqlite3), never through Ferry, so the fixture and the checks of
// every copy are independent of the code being measured.
//
// Row n (1…rows): name 'customer 00000042' (NULL every 50th row), an amount cycling through
// 0.00…99,999.99, created_at one second per row from 2024-01-01 00:00:00, two thirds active.
// Every aggregate the checks compare is therefore known in advance (expectedFingerprint), so a
// copy is judged against the definition of the data, not against another copy.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Bump to rebuild every source even when the generating SQL did not change. */
const FIXTURE_VERSION = 1;

/** Rows of the standard run; the `--rss` run adds a larger PostgreSQL source. */
export const ROWS = 1_000_000;

/** The table's name in every source and target (lower case, unquoted everywhere). */
export const TABLE = 'ferry_bench_copy';

/** The columns, in order; the DDL below is the same in every database the benchmark creates. */
export const COLUMNS = ['id', 'name', 'amount', 'created_at', 'active'];

/** PostgreSQL (trust auth, no password): the sources live in their own schemas, the target in one more. */
export const PG = {
  url: 'jdbc:postgresql://127.0.0.1:5432/test',
  user: 'postgres',
  psqlArgs: ['-h', '127.0.0.1', '-p', '5432', '-U', 'postgres', '-d', 'test'],
  /** pgloader's spelling of the same database. */
  pgloaderUrl: 'postgresql://postgres@127.0.0.1:5432/test',
  targetSchema: 'ferry_bench_copy_tgt',
};

/** `pg_dump` of one schema of `test` into a directory-format dump (`-Fd`), `jobs` tables at a time. */
export function pgDumpArgs(schema, dir, jobs = 2) {
  return ['-h', '127.0.0.1', '-p', '5432', '-U', PG.user, '-Fd', '-j', String(jobs), '-n', schema, '-f', dir, 'test'];
}

/** `pg_restore` of a directory-format dump into database `db` (its schemas keep their names), `jobs` at a time. */
export function pgRestoreArgs(db, dir, jobs = 2) {
  return ['-h', '127.0.0.1', '-p', '5432', '-U', PG.user, '-j', String(jobs), '-d', db, dir];
}

/** MariaDB (root, empty password): the target is database `test`. */
export const MARIA = {
  url: 'jdbc:mariadb://127.0.0.1:3306/test',
  user: 'root',
  database: 'test',
  cliArgs: ['-h', '127.0.0.1', '-P', '3306', '-u', 'root'],
};

/** Where the SQLite sources, the export file and the lock live. */
export const WORK_DIR = join(tmpdir(), 'ferry-bench');

/** The PostgreSQL schema holding the source table of `rows` rows. */
export function pgSourceSchema(rows) {
  return rows === ROWS ? 'ferry_bench_copy_src' : `ferry_bench_copy_src_${rows}`;
}

/** The SQLite file holding the source table of `rows` rows (the version in the name: a new definition is a new file). */
export function sqliteFile(rows) {
  return join(WORK_DIR, `copy-v${FIXTURE_VERSION}-${rows}.db`);
}

// ---------------------------------------------------------------------------------------------
// Command line clients

function run(cmd, args, { input, what }) {
  const r = spawnSync(cmd, args, { input, encoding: 'utf8', maxBuffer: 64 * 2 ** 20 });
  if (r.error) throw new Error(`${cmd} (${what}) could not run: ${r.error.message}`);
  if (r.status !== 0) throw new Error(`${cmd} (${what}) failed with ${r.signal ?? `exit ${r.status}`}: ${(r.stderr || r.stdout).trim()}`);
  return r.stdout;
}

/** Runs SQL through psql in database `db` (default `test`; stops at the first error) and returns its unaligned output. */
export function psql(sql, { what, db = 'test' }) {
  return run('psql', ['-X', '-q', ...PG.psqlArgs.slice(0, -1), db, '-v', 'ON_ERROR_STOP=1', '-At', '-f', '-'], { input: sql, what });
}

/** Runs SQL through the mariadb client in database `test` and returns its tab-separated output. */
export function mariadb(sql, { what, extraArgs = [] }) {
  return run('mariadb', [...MARIA.cliArgs, ...extraArgs, '--batch', '--skip-column-names', MARIA.database], { input: sql, what });
}

function sqlite(file, sql, { what }) {
  return run('sqlite3', ['-bail', '-batch', file], { input: sql, what });
}

// ---------------------------------------------------------------------------------------------
// What every copy must hold

/**
 * The aggregates of a correct table of `rows` rows, as strings in the form the fingerprint
 * queries print: row and name counts, the exact SUM(amount), the first and last timestamp (to the
 * microsecond, so a time-zone shift shows), the number of active rows and the key range.
 *
 * @example
 * expectedFingerprint(1_000_000).amountSum // '49991795000.00'
 */
export function expectedFingerprint(rows) {
  let cents = 0; // below 2^53 for any row count this benchmark uses (≤ 10^7 per row)
  for (let n = 1; n <= rows; n++) cents += (n * 7919) % 10_000_000;
  const at = (n) => new Date(Date.UTC(2024, 0, 1) + n * 1000).toISOString().replace('T', ' ').replace(/\.\d+Z$/, '.000000');
  const named = rows - Math.floor(rows / 50);
  return {
    rows: String(rows),
    names: String(named),
    distinctNames: String(named),
    amountSum: `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`,
    firstCreatedAt: at(1),
    lastCreatedAt: at(rows),
    active: String(rows - Math.floor(rows / 3)),
    minId: '1',
    maxId: String(rows),
  };
}

const FINGERPRINT_KEYS = Object.keys(expectedFingerprint(1));

function parseFingerprint(line, sep) {
  const cells = line.trim().split(sep);
  if (cells.length !== FINGERPRINT_KEYS.length) throw new Error(`unexpected fingerprint row: ${line.trim()}`);
  return Object.fromEntries(FINGERPRINT_KEYS.map((k, i) => [k, cells[i]]));
}

/** `schema.table` in PostgreSQL database `db`: the aggregates of {@link expectedFingerprint}, read with psql. */
export function pgFingerprint(schema, table = TABLE, db = 'test') {
  const q = `${schema}.${table}`;
  const ts = (e) => `to_char(${e}, 'YYYY-MM-DD HH24:MI:SS.US')`;
  const out = psql(
    `SELECT count(*), count(name), count(DISTINCT name), sum(amount), ${ts('min(created_at)')}, ${ts('max(created_at)')}, count(*) FILTER (WHERE active), min(id), max(id) FROM ${q};`,
    { what: `fingerprint ${db}.${q}`, db },
  );
  return parseFingerprint(out, '|');
}

/** `test.table` in MariaDB: the aggregates of {@link expectedFingerprint}, read with the mariadb client. */
export function mariaFingerprint(table = TABLE) {
  const ts = (e) => `DATE_FORMAT(${e}, '%Y-%m-%d %H:%i:%s.%f')`;
  const out = mariadb(
    `SELECT COUNT(*), COUNT(name), COUNT(DISTINCT name), SUM(amount), ${ts('MIN(created_at)')}, ${ts('MAX(created_at)')}, SUM(CASE WHEN active THEN 1 ELSE 0 END), MIN(id), MAX(id) FROM ${table};`,
    { what: `fingerprint ${MARIA.database}.${table}` },
  );
  return parseFingerprint(out, '\t');
}

/**
 * The SQLite source's aggregates. SQLite stores DECIMAL(12,2) as REAL (its NUMERIC affinity), so
 * the sum is taken over exact cents; timestamps are the text SQLite's datetime() writes.
 */
function sqliteFingerprint(file) {
  const out = sqlite(
    file,
    `.separator |\nSELECT count(*), count(name), count(DISTINCT name), printf('%d.%02d', sum(CAST(round(amount * 100) AS INTEGER)) / 100, sum(CAST(round(amount * 100) AS INTEGER)) % 100), min(created_at) || '.000000', max(created_at) || '.000000', sum(active), min(id), max(id) FROM ${TABLE};`,
    { what: `fingerprint ${file}` },
  );
  return parseFingerprint(out, '|');
}

/**
 * Throws, naming every differing aggregate, unless `got` equals `expected`. A DECIMAL sum printed
 * with trailing zeros (a NUMERIC without scale) still counts as equal.
 */
export function assertFingerprint(where, got, expected) {
  const norm = (k, v) => (k === 'amountSum' && /^-?\d+\.\d{2}0+$/.test(v) ? v.replace(/(\.\d{2})0+$/, '$1') : v);
  const wrong = FINGERPRINT_KEYS.filter((k) => norm(k, got[k]) !== expected[k]);
  if (wrong.length > 0) {
    throw new Error(`${where} is not an exact copy: ${wrong.map((k) => `${k} ${got[k]} (expected ${expected[k]})`).join(', ')}`);
  }
}

// ---------------------------------------------------------------------------------------------
// Sources

const DDL_COLUMNS = 'id BIGINT PRIMARY KEY, name VARCHAR(40), amount DECIMAL(12,2), created_at TIMESTAMP, active BOOLEAN';

/** The CREATE TABLE every benchmark-made table uses (PostgreSQL, SQLite). */
export function createTableSql(qualified) {
  return `CREATE TABLE ${qualified} (${DDL_COLUMNS})`;
}

function pgFillSql(schema, rows) {
  return [
    `DROP SCHEMA IF EXISTS ${schema} CASCADE;`,
    `CREATE SCHEMA ${schema};`,
    `${createTableSql(`${schema}.${TABLE}`)};`,
    `INSERT INTO ${schema}.${TABLE} SELECT g, CASE WHEN g % 50 = 0 THEN NULL ELSE 'customer ' || lpad(g::text, 8, '0') END, ((g * 7919) % 10000000) / 100.0, TIMESTAMP '2024-01-01 00:00:00' + g * INTERVAL '1 second', g % 3 <> 0 FROM generate_series(1, ${rows}::bigint) AS g;`,
  ].join('\n');
}

function sqliteFillSql(rows) {
  return [
    'PRAGMA journal_mode = OFF;',
    'PRAGMA synchronous = OFF;',
    `${createTableSql(TABLE)};`,
    'BEGIN;',
    `INSERT INTO ${TABLE} WITH RECURSIVE g(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM g WHERE n < ${rows}) SELECT n, CASE WHEN n % 50 = 0 THEN NULL ELSE 'customer ' || substr('00000000' || n, -8) END, ((n * 7919) % 10000000) / 100.0, datetime('2024-01-01 00:00:00', '+' || n || ' seconds'), n % 3 <> 0 FROM g;`,
    'COMMIT;',
  ].join('\n');
}

function pgMarker(rows) {
  return `ferry bench copy fixture v${FIXTURE_VERSION} rows=${rows}`;
}

/**
 * Makes sure PostgreSQL holds the source table of `rows` rows in {@link pgSourceSchema}: kept when
 * its schema carries the current marker and its aggregates are exact, rebuilt otherwise (about
 * 10 s per million rows), then vacuumed so no copy pays for setting hint bits.
 *
 * @example
 * ensurePgSource(1_000_000) // { state: 'existing', seconds: 0.9, schema: 'ferry_bench_copy_src' }
 */
export function ensurePgSource(rows) {
  const started = performance.now();
  const schema = pgSourceSchema(rows);
  const expected = expectedFingerprint(rows);
  const marker = psql(`SELECT coalesce(obj_description(oid, 'pg_namespace'), '') FROM pg_namespace WHERE nspname = '${schema}';`, { what: `read the marker of ${schema}` }).trim();
  let state = 'created';
  if (marker === pgMarker(rows)) {
    try {
      assertFingerprint(`${schema}.${TABLE}`, pgFingerprint(schema), expected);
      return { state: 'existing', seconds: (performance.now() - started) / 1000, schema };
    } catch (e) {
      state = `rebuilt (${e.message})`;
    }
  }
  // The marker is written last, so a half-built schema is rebuilt by the next run.
  buildPgSource(schema, rows);
  psql(`COMMENT ON SCHEMA ${schema} IS '${pgMarker(rows)}';`, { what: `mark ${schema}` });
  return { state, seconds: (performance.now() - started) / 1000, schema };
}

/**
 * Creates `schema` anew holding {@link TABLE} with `rows` rows of the definition above, vacuums it
 * (so no reader pays for setting hint bits) and checks it exact; about 10 s per million rows.
 *
 * @example
 * buildPgSource('ferry_bench_bk2m', 2_000_000)
 */
export function buildPgSource(schema, rows) {
  psql(`BEGIN;\n${pgFillSql(schema, rows)}\nCOMMIT;`, { what: `build ${schema}.${TABLE}` });
  psql(`VACUUM (FREEZE, ANALYZE) ${schema}.${TABLE};`, { what: `vacuum ${schema}.${TABLE}` });
  assertFingerprint(`${schema}.${TABLE} (just built)`, pgFingerprint(schema), expectedFingerprint(rows));
}

/**
 * Makes sure the SQLite source file of `rows` rows exists and is exact; builds it (into a temporary
 * name, renamed when complete) otherwise.
 *
 * @example
 * ensureSqliteSource(1_000_000) // { state: 'existing', seconds: 0.6, file: '/tmp/ferry-bench/copy-v1-1000000.db' }
 */
export function ensureSqliteSource(rows) {
  const started = performance.now();
  const file = sqliteFile(rows);
  const expected = expectedFingerprint(rows);
  let state = 'created';
  if (existsSync(file)) {
    try {
      assertFingerprint(file, sqliteFingerprint(file), expected);
      return { state: 'existing', seconds: (performance.now() - started) / 1000, file };
    } catch (e) {
      state = `rebuilt (${e.message})`;
    }
  }
  mkdirSync(WORK_DIR, { recursive: true });
  const partial = `${file}.partial`;
  rmSync(partial, { force: true });
  sqlite(partial, sqliteFillSql(rows), { what: `build ${partial}` });
  assertFingerprint(`${partial} (just built)`, sqliteFingerprint(partial), expected);
  renameSync(partial, file);
  return { state, seconds: (performance.now() - started) / 1000, file };
}

// ---------------------------------------------------------------------------------------------
// Targets

/**
 * Empties the PostgreSQL target schema (`schema`, by default the copy benchmark's: dropping it with
 * everything in it, Ferry's checkpoint table included), then runs a CHECKPOINT so the previous
 * copy's writes are not flushed during the next one. `create` also creates the table with the
 * sources' DDL (for the native pipelines; Ferry and pgloader create their own).
 */
export function resetPgTarget({ create, schema: s = PG.targetSchema }) {
  psql(
    [`DROP SCHEMA IF EXISTS ${s} CASCADE;`, `CREATE SCHEMA ${s};`, ...(create ? [`${createTableSql(`${s}.${TABLE}`)};`] : []), 'CHECKPOINT;'].join('\n'),
    { what: `reset ${s}` },
  );
}

/**
 * Drops the MariaDB target table (and Ferry's checkpoint rows for it, if Ferry keeps any in
 * `test`). `create` also creates it: utf8mb4 InnoDB, DATETIME(6) for TIMESTAMP (MariaDB's
 * TIMESTAMP converts through the session time zone and ends in 2038).
 */
export function resetMariaTarget({ create }) {
  const statements = [`DROP TABLE IF EXISTS ${TABLE};`];
  const checkpoint = mariadb(
    `SELECT COUNT(*) FROM information_schema.columns WHERE table_schema = '${MARIA.database}' AND table_name = 'ferry_checkpoint' AND column_name = 'tbl';`,
    { what: 'look for ferry_checkpoint' },
  ).trim();
  if (checkpoint === '1') statements.push(`DELETE FROM ferry_checkpoint WHERE tbl LIKE '%${TABLE}%';`);
  if (create) {
    statements.push(`CREATE TABLE ${TABLE} (id BIGINT PRIMARY KEY, name VARCHAR(40), amount DECIMAL(12,2), created_at DATETIME(6), active BOOLEAN) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;`);
  }
  mariadb(statements.join('\n'), { what: `reset ${MARIA.database}.${TABLE}` });
}

/** The target table's columns as created (`name type`, in order), for the report. */
export function pgColumns(schema, table = TABLE) {
  return psql(
    `SELECT a.attname || ' ' || format_type(a.atttypid, a.atttypmod) FROM pg_attribute a WHERE a.attrelid = '${schema}.${table}'::regclass AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum;`,
    { what: `describe ${schema}.${table}` },
  ).trim().split('\n').join(', ');
}

/** The MariaDB target table's columns as created, for the report. */
export function mariaColumns(table = TABLE) {
  return mariadb(
    `SELECT CONCAT(column_name, ' ', column_type) FROM information_schema.columns WHERE table_schema = '${MARIA.database}' AND table_name = '${table}' ORDER BY ordinal_position;`,
    { what: `describe ${MARIA.database}.${table}` },
  ).trim().split('\n').join(', ');
}

/**
 * Makes sure the MariaDB server accepts LOAD DATA LOCAL INFILE (`local_infile`), turning it on
 * when it is off; returns what it found and whether this run changed it.
 */
export function ensureLocalInfile() {
  const before = mariadb('SELECT @@GLOBAL.local_infile;', { what: 'read local_infile' }).trim();
  if (before === '1' || before === 'ON') return { before: 'ON', changed: false };
  mariadb('SET GLOBAL local_infile = 1;', { what: 'turn local_infile on' });
  const after = mariadb('SELECT @@GLOBAL.local_infile;', { what: 'read local_infile' }).trim();
  if (after !== '1' && after !== 'ON') throw new Error(`MariaDB's local_infile is still ${after} after SET GLOBAL local_infile = 1`);
  return { before: 'OFF', changed: true };
}

/** Turns `local_infile` back off when {@link ensureLocalInfile} turned it on (`found` is what it returned). */
export function restoreLocalInfile(found) {
  if (found?.changed) mariadb('SET GLOBAL local_infile = 0;', { what: 'turn local_infile back off' });
}
