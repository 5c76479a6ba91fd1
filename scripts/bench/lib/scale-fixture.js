// The scale benchmark's sources: for each size N, a PostgreSQL schema ferry_bench_scale_N holding
// N small tables t0001…tNNNN of one realistic shape (id BIGINT primary key, name VARCHAR(40),
// amount NUMERIC(12,2), created_at TIMESTAMP, ref_id BIGINT; a foreign key from every 5th table's
// ref_id to the previous table's id; one secondary index per table, on name) and 100 rows each,
// so that the time spent on them is catalog and planning work, not data.
//
// Everything here goes through psql, never through Ferry, so the fixture and the checks of every
// copy are independent of the code being measured. The SQL is generated here and sent in one psql
// session; a schema whose comment carries the current marker (which includes a hash of that SQL,
// so editing this file rebuilds) and whose tables hold their rows is kept between runs.
//
// Row g (1…100) of table i: name 't0042 row 007' (NULL every 25th row), an amount in cents of
// (g·7919 + i·31) mod 1,000,000, created_at one second per row from 2024-01-01 00:00:00, ref_id
// (g·13 mod 100) + 1 (an id of every table, so every foreign key holds; NULL every 10th row).
// Each table's aggregates are therefore known in advance (expectedTable), so a copy is judged
// against the definition of the data, not against another copy.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';

/** Bump to rebuild every source even when the generated SQL did not change. */
const FIXTURE_VERSION = 1;

/** Rows in every table. */
export const ROWS = 100;

/** Every 5th table has a foreign key to the previous table. */
export const FK_EVERY = 5;

/** PostgreSQL (trust auth, no password). */
export const PG = {
  url: 'jdbc:postgresql://127.0.0.1:5432/test',
  user: 'postgres',
  psqlArgs: ['-h', '127.0.0.1', '-p', '5432', '-U', 'postgres', '-d', 'test'],
};

/** Every schema this benchmark makes starts with this (sources and targets). */
export const SCHEMA_PREFIX = 'ferry_bench_scale_';

/** The source schema of `tables` tables. */
export function sourceSchema(tables) {
  return `${SCHEMA_PREFIX}${tables}`;
}

/** The target schema that copies of the `tables`-table source go to (emptied before each copy). */
export function targetSchema(tables) {
  return `${SCHEMA_PREFIX}tgt_${tables}`;
}

/** The name of table `i` (1-based) of a source of `tables` tables: t0001 … (at least 4 digits). */
export function tableName(i, tables) {
  return `t${String(i).padStart(Math.max(4, String(tables).length), '0')}`;
}

/** Every table name of a source of `tables` tables, in order. */
export function tableNames(tables) {
  return Array.from({ length: tables }, (_, k) => tableName(k + 1, tables));
}

// ---------------------------------------------------------------------------------------------
// psql

function run(cmd, args, { input, what }) {
  const r = spawnSync(cmd, args, { input, encoding: 'utf8', maxBuffer: 256 * 2 ** 20 });
  if (r.error) throw new Error(`${cmd} (${what}) could not run: ${r.error.message}`);
  if (r.status !== 0) throw new Error(`${cmd} (${what}) failed with ${r.signal ?? `exit ${r.status}`}: ${(r.stderr || r.stdout).trim()}`);
  return r.stdout;
}

/** Runs SQL through psql (stops at the first error) and returns its unaligned output. */
export function psql(sql, { what }) {
  return run('psql', ['-X', '-q', ...PG.psqlArgs, '-v', 'ON_ERROR_STOP=1', '-At', '-f', '-'], { input: sql, what });
}

function literal(s) {
  return `'${s.replace(/'/g, "''")}'`;
}

// ---------------------------------------------------------------------------------------------
// What every table must hold

/**
 * The aggregates of a correct table `i`, as strings in the form {@link tableAggregates} prints:
 * rows, non-NULL names, the exact SUM(amount), non-NULL ref_ids, the key range.
 *
 * @example
 * expectedTable(1) // { rows: '100', names: '96', amountSum: '…', refs: '90', minId: '1', maxId: '100' }
 */
export function expectedTable(i) {
  let cents = 0;
  for (let g = 1; g <= ROWS; g++) cents += (g * 7919 + i * 31) % 1_000_000;
  return {
    rows: String(ROWS),
    names: String(ROWS - Math.floor(ROWS / 25)),
    amountSum: `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`,
    refs: String(ROWS - Math.floor(ROWS / 10)),
    minId: '1',
    maxId: String(ROWS),
  };
}

const AGGREGATE_KEYS = Object.keys(expectedTable(1));

/** The base tables of `schema` (pg_class, so a missing schema is simply none), sorted. */
export function tablesIn(schema) {
  const out = psql(
    `SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = ${literal(schema)} AND c.relkind IN ('r', 'p') ORDER BY 1;`,
    { what: `list the tables of ${schema}` },
  );
  return out.split('\n').filter(Boolean);
}

/**
 * The aggregates of each of `names` in `schema`, in one query (a UNION ALL over the tables), as
 * a Map from table name to {@link expectedTable}'s shape.
 */
export function tableAggregates(schema, names) {
  if (names.length === 0) return new Map();
  const one = (t) => `SELECT ${literal(t)}, count(*), count(name), sum(amount), count(ref_id), min(id), max(id) FROM ${schema}.${t}`;
  const out = psql(`${names.map(one).join('\nUNION ALL ')};`, { what: `count the rows of ${names.length} tables in ${schema}` });
  const result = new Map();
  for (const line of out.split('\n').filter(Boolean)) {
    const [t, ...cells] = line.split('|');
    result.set(t, Object.fromEntries(AGGREGATE_KEYS.map((k, n) => [k, cells[n]])));
  }
  return result;
}

/**
 * Checks `schema` holds exactly the `tables` tables of the fixture (plus any of `extra`, such as
 * Ferry's ferry_checkpoint), each with its exact aggregates. Returns the tables found; throws
 * naming what is missing, unexpected or wrong (the first few of each).
 */
export function assertTables(schema, tables, { extra = [], where = schema } = {}) {
  const want = tableNames(tables);
  const found = tablesIn(schema);
  const foundSet = new Set(found);
  const missing = want.filter((t) => !foundSet.has(t));
  const wantSet = new Set([...want, ...extra]);
  const unexpected = found.filter((t) => !wantSet.has(t));
  const problems = [];
  const few = (list) => `${list.slice(0, 8).join(', ')}${list.length > 8 ? `, … (${list.length} in all)` : ''}`;
  if (missing.length > 0) problems.push(`${missing.length} of the ${tables} tables are missing: ${few(missing)}`);
  if (unexpected.length > 0) problems.push(`unexpected tables: ${few(unexpected)}`);
  const present = want.filter((t) => foundSet.has(t));
  const aggregates = tableAggregates(schema, present);
  const wrong = [];
  present.forEach((t) => {
    const i = want.indexOf(t) + 1;
    const got = aggregates.get(t);
    const expected = expectedTable(i);
    const norm = (k, v) => (k === 'amountSum' && /^-?\d+\.\d{2}0+$/.test(v ?? '') ? v.replace(/(\.\d{2})0+$/, '$1') : v);
    const bad = AGGREGATE_KEYS.filter((k) => norm(k, got?.[k]) !== expected[k]);
    if (bad.length > 0) wrong.push(`${t}: ${bad.map((k) => `${k} ${got?.[k]} (expected ${expected[k]})`).join(', ')}`);
  });
  if (wrong.length > 0) problems.push(`${wrong.length} tables hold wrong rows: ${wrong.slice(0, 5).join('; ')}${wrong.length > 5 ? '; …' : ''}`);
  if (problems.length > 0) throw new Error(`${where}: ${problems.join('; ')}`);
  return found;
}

// ---------------------------------------------------------------------------------------------
// Sources

/**
 * The SQL that builds the source of `tables` tables (the schema dropped first), in one
 * transaction; VACUUM and the marker follow apart (VACUUM cannot run in a transaction).
 */
export function sourceSql(tables) {
  const s = sourceSchema(tables);
  const out = ['BEGIN;', `DROP SCHEMA IF EXISTS ${s} CASCADE;`, `CREATE SCHEMA ${s};`];
  for (let i = 1; i <= tables; i++) {
    const t = tableName(i, tables);
    const fk = i % FK_EVERY === 0 && i > 1 ? ` REFERENCES ${s}.${tableName(i - 1, tables)} (id)` : '';
    out.push(`CREATE TABLE ${s}.${t} (id BIGINT PRIMARY KEY, name VARCHAR(40), amount NUMERIC(12,2), created_at TIMESTAMP, ref_id BIGINT${fk});`);
    // The referenced table (i - 1) is filled before this one, so the foreign key holds at once.
    out.push(`INSERT INTO ${s}.${t} SELECT g, CASE WHEN g % 25 = 0 THEN NULL ELSE '${t} row ' || lpad(g::text, 3, '0') END, ((g * 7919 + ${i * 31}) % 1000000) / 100.0, TIMESTAMP '2024-01-01 00:00:00' + g * INTERVAL '1 second', CASE WHEN g % 10 = 0 THEN NULL ELSE (g * 13) % ${ROWS} + 1 END FROM generate_series(1, ${ROWS}) AS g;`);
    out.push(`CREATE INDEX ${t}_name_ix ON ${s}.${t} (name);`);
  }
  out.push('COMMIT;');
  return out.join('\n');
}

function marker(tables) {
  const hash = createHash('sha256').update(`${FIXTURE_VERSION}\n${sourceSql(tables)}`).digest('hex').slice(0, 16);
  return `ferry bench scale fixture v${FIXTURE_VERSION} tables=${tables} rows=${ROWS} ${hash}`;
}

/**
 * Makes sure PostgreSQL holds the source of `tables` tables: kept when its schema carries the
 * current marker and every table holds its rows, rebuilt otherwise (a few seconds for 500
 * tables), then vacuumed and analyzed so no command pays for hint bits or empty statistics.
 *
 * @example
 * ensureSource(500) // { state: 'existing', seconds: 0.4, schema: 'ferry_bench_scale_500', foreignKeys: 100, indexes: 500 }
 */
export function ensureSource(tables) {
  const started = performance.now();
  const schema = sourceSchema(tables);
  const current = psql(`SELECT coalesce(obj_description(oid, 'pg_namespace'), '') FROM pg_namespace WHERE nspname = ${literal(schema)};`, { what: `read the marker of ${schema}` }).trim();
  let state = 'created';
  if (current === marker(tables)) {
    try {
      assertTables(schema, tables);
      return { state: 'existing', seconds: (performance.now() - started) / 1000, schema, ...catalogCounts(schema) };
    } catch (e) {
      state = `rebuilt (${e.message.slice(0, 200)})`;
    }
  } else if (current !== '') {
    state = 'rebuilt (older fixture)';
  }
  // The marker is written last, so a half-built schema is rebuilt by the next run.
  psql(sourceSql(tables), { what: `build ${schema}` });
  psql(`VACUUM (FREEZE, ANALYZE) ${tableNames(tables).map((t) => `${schema}.${t}`).join(', ')};`, { what: `vacuum ${schema}` });
  assertTables(schema, tables, { where: `${schema} (just built)` });
  psql(`COMMENT ON SCHEMA ${schema} IS ${literal(marker(tables))};`, { what: `mark ${schema}` });
  return { state, seconds: (performance.now() - started) / 1000, schema, ...catalogCounts(schema) };
}

/** Foreign keys and secondary (non-primary-key) indexes in `schema`, for the report and the checks. */
export function catalogCounts(schema) {
  const out = psql(
    `SELECT (SELECT count(*) FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace WHERE n.nspname = ${literal(schema)} AND c.contype = 'f'),
            (SELECT count(*) FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = ${literal(schema)} AND NOT i.indisprimary);`,
    { what: `count the constraints and indexes of ${schema}` },
  ).trim();
  const [foreignKeys, indexes] = out.split('|').map(Number);
  return { foreignKeys, indexes };
}

// ---------------------------------------------------------------------------------------------
// Targets and clean-up

/**
 * Drops the target schema of the `tables`-table source with everything in it (Ferry's checkpoint
 * table included) and, unless `create` is false, creates it empty; then a CHECKPOINT, so the
 * previous copy's writes are not flushed during the next one.
 */
export function resetTarget(tables, { create = true } = {}) {
  const s = targetSchema(tables);
  psql([`DROP SCHEMA IF EXISTS ${s} CASCADE;`, ...(create ? [`CREATE SCHEMA ${s};`] : []), 'CHECKPOINT;'].join('\n'), { what: `reset ${s}` });
}

/** Every schema this benchmark made (sources and targets), by name. */
export function benchSchemas() {
  const out = psql(`SELECT nspname FROM pg_namespace WHERE nspname LIKE ${literal(`${SCHEMA_PREFIX.replace(/_/g, '\\_')}%`)} ORDER BY 1;`, { what: 'list the scale schemas' });
  return out.split('\n').filter(Boolean);
}

/** Drops every schema of {@link benchSchemas}, one transaction each; returns their names. */
export function dropAll() {
  const schemas = benchSchemas();
  for (const s of schemas) psql(`DROP SCHEMA IF EXISTS ${s} CASCADE;`, { what: `drop ${s}` });
  return schemas;
}
