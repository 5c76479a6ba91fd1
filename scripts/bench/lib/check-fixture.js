// The check benchmark's pair of schemas: ferry_bench_a (300 tables × 20 columns, 100 rows each)
// and ferry_bench_b (the same schema after a few hundred changes, no rows), in PostgreSQL. The
// whole pair is generated from a seeded PRNG, so every run and every machine compares the same
// schemas and the same data, and the expected changes are known exactly.
//
// Built with psql (no JVM), in a few seconds; a pair whose schema comments carry the current
// marker is kept. The marker includes a hash of the generated SQL, so editing this file rebuilds.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { seededRandom } from '../../lib/seeded-random.js';

/** Bump to force a rebuild even when the generated SQL did not change. */
const FIXTURE_VERSION = 1;

/** The schema migrated from (with data) and the schema migrated to (structure only). */
export const SCHEMAS = { a: 'ferry_bench_a', b: 'ferry_bench_b' };

/** The PostgreSQL database both schemas live in (trust auth, no password). */
export const DATABASE = { url: 'jdbc:postgresql://127.0.0.1:5432/test', user: 'postgres' };

/** psql connection arguments for {@link DATABASE}. */
export const PSQL_ARGS = ['-h', '127.0.0.1', '-U', 'postgres', '-d', 'test'];

/** Tables in A, columns per table (the BIGINT id included), rows per table in A. */
export const TABLES = 300;
export const COLUMNS = 20;
export const ROWS = 100;

/**
 * The changes from A to B, by kind: `count` of them, and of those how many `violated` A's data
 * (rows longer than a narrowed VARCHAR, NULLs under a new NOT NULL, duplicates under a new
 * UNIQUE). The counts are exact; {@link ensureFixture} verifies them against the database.
 */
export const CHANGE_PLAN = {
  dropTable: { count: 10, what: 'tables dropped' },
  addTable: { count: 10, what: 'tables added (20 columns each)' },
  dropColumn: { count: 50, what: 'columns dropped' },
  addNullable: { count: 50, what: 'nullable columns added' },
  addRequired: { count: 30, what: 'NOT NULL columns with a default added' },
  narrowVarchar: { count: 60, violated: 30, what: 'VARCHAR(n) narrowed (violated: A holds longer values)' },
  widen: { count: 40, what: 'types widened (INTEGER→BIGINT, VARCHAR(n)→VARCHAR(2n), NUMERIC(p,s)→NUMERIC(p+4,s))' },
  setNotNull: { count: 30, violated: 15, what: 'NOT NULL added (violated: A holds NULLs)' },
  addUnique: { count: 20, violated: 10, what: 'UNIQUE constraints added (violated: A holds duplicates)' },
  dropIndex: { count: 20, what: 'indexes dropped' },
  changeDefault: { count: 20, what: 'defaults changed' },
};

// ---------------------------------------------------------------------------------------------
// The model: plain objects, generated from a seed, rendered to SQL below.


// VARCHAR(n) columns hold values of 1…maxLen characters, maxLen reached in every column: the
// length is 1 + (37g + k) mod maxLen, and 100 consecutive g cover every residue (maxLen ≤ 100,
// coprime with 37). So narrowing to maxLen is safe and to maxLen - 3 is violated by some rows.
const VARCHARS = [
  { length: 24, maxLen: 18 },
  { length: 40, maxLen: 30 },
  { length: 64, maxLen: 48 },
  { length: 120, maxLen: 90 },
];
const NUMERICS = [
  { precision: 8, scale: 2 },
  { precision: 10, scale: 4 },
  { precision: 12, scale: 2 },
  { precision: 18, scale: 6 },
];
// The type mix of columns 2…20 (weights out of 100).
const KINDS = [
  ['integer', 25],
  ['varchar', 25],
  ['numeric', 12],
  ['timestamp', 10],
  ['boolean', 8],
  ['text', 8],
  ['date', 12],
];
const DEFAULTS = {
  integer: ['0', '1'],
  varchar: ["'n/a'", "'none'"],
  numeric: ['0', '1.5'],
  timestamp: ["TIMESTAMP '2000-01-01 00:00:00'", "TIMESTAMP '2001-01-01 00:00:00'"],
  boolean: ['false', 'true'],
  text: ["''", "'-'"],
  date: ["DATE '2000-01-01'", "DATE '2001-01-01'"],
};

function pick(rand, list) {
  return list[Math.floor(rand() * list.length)];
}

function pickKind(rand) {
  let r = rand() * 100;
  for (const [kind, weight] of KINDS) if ((r -= weight) < 0) return kind;
  return KINDS[0][0];
}

function sqlType(c) {
  switch (c.kind) {
    case 'bigint':
      return 'BIGINT';
    case 'integer':
      return 'INTEGER';
    case 'varchar':
      return c.length === null ? 'TEXT' : `VARCHAR(${c.length})`;
    case 'numeric':
      return `NUMERIC(${c.precision},${c.scale})`;
    case 'timestamp':
      return 'TIMESTAMP';
    case 'boolean':
      return 'BOOLEAN';
    case 'text':
      return 'TEXT';
    case 'date':
      return 'DATE';
    default:
      throw new Error(`unknown column kind ${c.kind}`);
  }
}

/**
 * A random column; `k` varies its values between columns. With `attributes`, some are NOT NULL,
 * some hold NULLs every few rows and some have a default; without, it is nullable and plain.
 */
function randomColumn(rand, name, k, { attributes = true } = {}) {
  const kind = pickKind(rand);
  const c = { name, kind, k, notNull: false, default: null, nullEvery: 0, unique: false };
  if (kind === 'varchar') Object.assign(c, pick(rand, VARCHARS));
  if (kind === 'numeric') Object.assign(c, pick(rand, NUMERICS));
  // INTEGER values are either all distinct or drawn from 13 values, so a UNIQUE is safe or not.
  if (kind === 'integer') c.unique = rand() < 0.5;
  if (attributes) {
    const r = rand();
    if (r < 0.15) c.notNull = true;
    else if (r < 0.55) c.nullEvery = pick(rand, [7, 11, 17]);
    if (rand() < 0.12) c.default = DEFAULTS[kind][0];
  }
  return c;
}

/** The SQL expression for column `c` in row `g` (an integer 1…ROWS). */
function valueExpr(c) {
  const { k } = c;
  let e;
  switch (c.kind) {
    case 'bigint':
      e = 'g';
      break;
    case 'integer':
      // 7919 is prime and 100003 too, so g ↦ 7919g mod 100003 is injective for g ≤ 100003.
      e = c.unique ? `((g * 7919 + ${k * 31}) % 100003)::integer` : `((g % 13) + ${k})::integer`;
      break;
    case 'varchar':
      e = `rpad('r' || g || '-', 1 + ((g * 37 + ${k}) % ${c.maxLen}), 'abcdefghij')`;
      break;
    case 'numeric':
      e = `round(((g * 7919 + ${k}) % 100000) / 100.0, ${c.scale})`;
      break;
    case 'timestamp':
      e = `TIMESTAMP '2024-01-01 00:00:00' + (g * 3607 + ${k}) * INTERVAL '1 second'`;
      break;
    case 'boolean':
      e = `(g + ${k}) % 3 <> 0`;
      break;
    case 'text':
      e = `repeat('t', (g % 7) + 1) || ' row ' || g`;
      break;
    case 'date':
      e = `DATE '2020-01-01' + ((g * 11 + ${k}) % 2000)`;
      break;
    default:
      throw new Error(`unknown column kind ${c.kind}`);
  }
  return c.nullEvery > 0 ? `CASE WHEN g % ${c.nullEvery} = 0 THEN NULL ELSE ${e} END` : e;
}

function tableName(i) {
  return `t${String(i).padStart(3, '0')}`;
}

/** A: TABLES tables, each an id plus COLUMNS - 1 random columns and one or two indexes. */
function modelA(rand) {
  const tables = [];
  for (let t = 1; t <= TABLES; t++) {
    const columns = [{ name: 'id', kind: 'bigint', k: 0, notNull: true, default: null, nullEvery: 0, unique: true, pk: true }];
    for (let i = 2; i <= COLUMNS; i++) columns.push(randomColumn(rand, `c${String(i).padStart(2, '0')}`, t * 100 + i));
    const indexes = [];
    const indexed = new Set();
    for (let n = t % 3 === 0 ? 2 : 1; indexes.length < n; ) {
      const c = columns[1 + Math.floor(rand() * (COLUMNS - 1))];
      if (indexed.has(c.name)) continue;
      indexed.add(c.name);
      indexes.push({ name: `ix_${tableName(t)}_${c.name}`, column: c.name });
    }
    tables.push({ name: tableName(t), columns, indexes, uniques: [] });
  }
  return tables;
}

function clone(tables) {
  return tables.map((t) => ({
    ...t,
    columns: t.columns.map((c) => ({ ...c })),
    indexes: t.indexes.map((i) => ({ ...i })),
    uniques: [...t.uniques],
  }));
}

/**
 * B: A with {@link CHANGE_PLAN} applied. Every column gets at most one change and indexed
 * columns none (so an index is only ever dropped on purpose); returns B and the change list.
 */
function modelB(a, rand) {
  const b = clone(a);
  const changes = [];
  const note = (kind, table, column, detail, violated = false) => changes.push({ kind, table, column, detail, violated });

  // Whole tables first; the dropped ones take no other change.
  const order = b.map((_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  const dropped = new Set(order.slice(0, CHANGE_PLAN.dropTable.count).map((i) => b[i].name));
  for (const name of dropped) note('dropTable', name, null, 'table dropped');
  const kept = b.filter((t) => !dropped.has(t.name));

  const touched = new Set();
  const key = (t, c) => `${t.name}.${c.name}`;
  for (const t of kept) for (const ix of t.indexes) touched.add(`${t.name}.${ix.column}`);
  /** Picks `n` distinct untouched non-id columns satisfying `ok`, spread at random over the tables. */
  function pickColumns(n, ok) {
    const pool = [];
    for (const t of kept) for (const c of t.columns) if (!c.pk && !touched.has(key(t, c)) && ok(c)) pool.push([t, c]);
    if (pool.length < n) throw new Error(`fixture: only ${pool.length} columns qualify, ${n} needed`);
    const chosen = [];
    while (chosen.length < n) {
      const i = Math.floor(rand() * pool.length);
      const [t, c] = pool[i];
      pool.splice(i, 1);
      touched.add(key(t, c));
      chosen.push([t, c]);
    }
    // Table order, so the rendered SQL and the change list read naturally.
    return chosen.sort(([t1, c1], [t2, c2]) => (t1.name + c1.name < t2.name + c2.name ? -1 : 1));
  }
  for (const [t, c] of pickColumns(CHANGE_PLAN.dropColumn.count, () => true)) {
    t.columns = t.columns.filter((x) => x !== c);
    note('dropColumn', t.name, c.name, `${sqlType(c)} dropped`);
  }

  const narrow = CHANGE_PLAN.narrowVarchar;
  const narrowed = pickColumns(narrow.count, (c) => c.kind === 'varchar');
  narrowed.forEach(([t, c], i) => {
    // Every other one, up to the planned number, so both kinds spread over the tables.
    const violated = i % 2 === 0 && i / 2 < narrow.violated;
    const from = sqlType(c);
    c.length = violated ? c.maxLen - 3 : c.maxLen;
    note('narrowVarchar', t.name, c.name, `${from} → ${sqlType(c)} (A's longest value: ${c.maxLen})`, violated);
  });

  pickColumns(CHANGE_PLAN.widen.count, (c) => ['integer', 'varchar', 'numeric'].includes(c.kind)).forEach(([t, c]) => {
    const from = sqlType(c);
    if (c.kind === 'integer') c.kind = 'bigint';
    else if (c.kind === 'varchar') c.length *= 2;
    else c.precision += 4;
    note('widen', t.name, c.name, `${from} → ${sqlType(c)}`);
  });

  const setNN = CHANGE_PLAN.setNotNull;
  const withNulls = pickColumns(setNN.violated, (c) => !c.notNull && c.nullEvery > 0);
  const withoutNulls = pickColumns(setNN.count - setNN.violated, (c) => !c.notNull && c.nullEvery === 0);
  for (const [t, c] of [...withNulls, ...withoutNulls]) {
    c.notNull = true;
    const violated = c.nullEvery > 0;
    note('setNotNull', t.name, c.name, `NOT NULL added (A: ${violated ? `NULL every ${c.nullEvery}th row` : 'no NULLs'})`, violated);
  }

  const uq = CHANGE_PLAN.addUnique;
  const dupes = pickColumns(uq.violated, (c) => c.kind === 'integer' && !c.unique);
  const distinct = pickColumns(uq.count - uq.violated, (c) => c.kind === 'integer' && c.unique);
  for (const [t, c] of [...dupes, ...distinct]) {
    t.uniques.push(c.name);
    note('addUnique', t.name, c.name, `UNIQUE (${c.name}) added (A: ${c.unique ? 'all distinct' : '13 distinct values'})`, !c.unique);
  }

  for (const [t, c] of pickColumns(CHANGE_PLAN.changeDefault.count, (c) => c.default !== null)) {
    const [first, second] = DEFAULTS[c.kind];
    const from = c.default;
    c.default = c.default === first ? second : first;
    note('changeDefault', t.name, c.name, `DEFAULT ${from} → DEFAULT ${c.default}`);
  }

  // Indexes: any table's, since indexed columns took no other change.
  const allIndexes = kept.flatMap((t) => t.indexes.map((ix) => [t, ix]));
  for (let n = 0; n < CHANGE_PLAN.dropIndex.count; n++) {
    const [t, ix] = allIndexes.splice(Math.floor(rand() * allIndexes.length), 1)[0];
    t.indexes = t.indexes.filter((x) => x !== ix);
    note('dropIndex', t.name, ix.column, `index ${ix.name} dropped`);
  }

  // Added columns: appended, on tables at random (a table may get several).
  const addTo = (count, kind, make) => {
    for (let n = 1; n <= count; n++) {
      const t = kept[Math.floor(rand() * kept.length)];
      const c = make(`${kind === 'addNullable' ? 'added' : 'required'}_${String(n).padStart(2, '0')}`, 9000 + n);
      t.columns.push(c);
      note(kind, t.name, c.name, `${sqlType(c)}${c.notNull ? ' NOT NULL' : ''}${c.default === null ? '' : ` DEFAULT ${c.default}`} added`);
    }
  };
  addTo(CHANGE_PLAN.addNullable.count, 'addNullable', (name, k) => randomColumn(rand, name, k, { attributes: false }));
  addTo(CHANGE_PLAN.addRequired.count, 'addRequired', (name, k) => {
    const c = randomColumn(rand, name, k, { attributes: false });
    return { ...c, notNull: true, default: DEFAULTS[c.kind][0] };
  });

  const result = kept;
  for (let n = 1; n <= CHANGE_PLAN.addTable.count; n++) {
    const t = TABLES + n;
    const columns = [{ name: 'id', kind: 'bigint', k: 0, notNull: true, default: null, nullEvery: 0, unique: true, pk: true }];
    for (let i = 2; i <= COLUMNS; i++) columns.push(randomColumn(rand, `c${String(i).padStart(2, '0')}`, t * 100 + i));
    result.push({ name: tableName(t), columns, indexes: [], uniques: [] });
    note('addTable', tableName(t), null, `table added (${COLUMNS} columns)`);
  }
  return { b: result, changes };
}

// ---------------------------------------------------------------------------------------------
// SQL

function columnDdl(c) {
  const parts = [c.name, sqlType(c)];
  if (c.default !== null) parts.push(`DEFAULT ${c.default}`);
  if (c.pk) parts.push('PRIMARY KEY');
  else if (c.notNull) parts.push('NOT NULL');
  return parts.join(' ');
}

function createSql(schema, tables, { data }) {
  const out = [`CREATE SCHEMA ${schema};`];
  for (const t of tables) {
    const q = `${schema}.${t.name}`;
    const defs = [...t.columns.map(columnDdl), ...t.uniques.map((col) => `CONSTRAINT uq_${t.name}_${col} UNIQUE (${col})`)];
    out.push(`CREATE TABLE ${q} (\n  ${defs.join(',\n  ')}\n);`);
    if (data) {
      out.push(`INSERT INTO ${q} (${t.columns.map((c) => c.name).join(', ')})\nSELECT ${t.columns.map(valueExpr).join(',\n  ')}\nFROM generate_series(1, ${ROWS}) AS g;`);
    }
    for (const ix of t.indexes) out.push(`CREATE INDEX ${ix.name} ON ${q} (${ix.column});`);
  }
  // Fresh statistics, so nothing reading pg_stats or reltuples sees empty tables.
  if (data) out.push(...tables.map((t) => `ANALYZE ${schema}.${t.name};`));
  return out.join('\n');
}

/**
 * The whole fixture, computed (no database needed): both models, the change list, and the SQL
 * that builds each schema. Deterministic: the same on every call and every machine.
 */
export function planFixture() {
  const rand = seededRandom(0x5eed_c0de);
  const a = modelA(rand);
  const { b, changes } = modelB(a, rand);
  const sqlA = createSql(SCHEMAS.a, a, { data: true });
  const sqlB = createSql(SCHEMAS.b, b, { data: false });
  const hash = createHash('sha256').update(`${FIXTURE_VERSION}\n${sqlA}\n${sqlB}`).digest('hex').slice(0, 16);
  return { a, b, changes, sqlA, sqlB, marker: `ferry bench check fixture v${FIXTURE_VERSION} ${hash}` };
}

// ---------------------------------------------------------------------------------------------
// Database side

function psql(sql, { what }) {
  const r = spawnSync('psql', ['-X', '-q', ...PSQL_ARGS, '-v', 'ON_ERROR_STOP=1', '-At', '-f', '-'], {
    input: sql,
    encoding: 'utf8',
    maxBuffer: 64 * 2 ** 20,
  });
  if (r.error) throw new Error(`psql (${what}) could not run: ${r.error.message}`);
  if (r.status !== 0) throw new Error(`psql (${what}) failed with exit ${r.status}: ${r.stderr.trim()}`);
  return r.stdout;
}

function literal(s) {
  return `'${s.replace(/'/g, "''")}'`;
}

function markers() {
  const out = psql(
    `SELECT n.nspname || '=' || coalesce(obj_description(n.oid, 'pg_namespace'), '') FROM pg_namespace n WHERE n.nspname IN (${literal(SCHEMAS.a)}, ${literal(SCHEMAS.b)}) ORDER BY 1;`,
    { what: 'read the fixture markers' },
  );
  return Object.fromEntries(out.trim().split('\n').filter(Boolean).map((l) => l.split(/=(.*)/s).slice(0, 2)));
}

/**
 * Compares the database with the plan: tables and columns per schema, rows per table in A, and
 * for every change that A's data should or should not violate, whether it does. Returns the
 * measured figures; throws listing every mismatch.
 */
function verify(plan) {
  const inSchemas = `IN (${literal(SCHEMAS.a)}, ${literal(SCHEMAS.b)})`;
  const catalog = psql(
    `SELECT 'columns', table_schema, count(DISTINCT table_name), count(*) FROM information_schema.columns WHERE table_schema ${inSchemas} GROUP BY table_schema;
SELECT 'indexes', schemaname, count(*), 0 FROM pg_indexes WHERE schemaname ${inSchemas} AND indexname LIKE 'ix\\_%' GROUP BY schemaname;
SELECT 'uniques', n.nspname, count(*), 0 FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace WHERE n.nspname ${inSchemas} AND c.contype = 'u' GROUP BY n.nspname;`,
    { what: 'count the fixture catalog' },
  );
  const found = {};
  for (const line of catalog.trim().split('\n').filter(Boolean)) {
    const [what, schema, n, m] = line.split('|');
    found[schema] ??= { tables: 0, columns: 0, indexes: 0, uniques: 0 };
    if (what === 'columns') Object.assign(found[schema], { tables: Number(n), columns: Number(m) });
    else found[schema][what] = Number(n);
  }

  // One row per checked change: how many rows of A break it (0 when it is safe).
  const probes = [];
  const byName = new Map(plan.a.map((t) => [t.name, t]));
  for (const ch of plan.changes) {
    const col = ch.column && byName.get(ch.table)?.columns.find((c) => c.name === ch.column);
    const from = `${SCHEMAS.a}.${ch.table}`;
    if (ch.kind === 'narrowVarchar') {
      const to = plan.b.find((t) => t.name === ch.table).columns.find((c) => c.name === ch.column).length;
      probes.push([ch, `SELECT count(*) FROM ${from} WHERE length(${col.name}) > ${to}`]);
    } else if (ch.kind === 'setNotNull') {
      probes.push([ch, `SELECT count(*) FROM ${from} WHERE ${col.name} IS NULL`]);
    } else if (ch.kind === 'addUnique') {
      probes.push([ch, `SELECT count(${col.name}) - count(DISTINCT ${col.name}) FROM ${from}`]);
    }
  }
  const rowCounts = plan.a.map((t) => `SELECT count(*) FROM ${SCHEMAS.a}.${t.name}`);
  const counts = psql(
    `SELECT ${[...probes.map(([, q]) => `(${q})`), ...rowCounts.map((q) => `(${q})`)].join(' || \',\' || ')};`,
    { what: 'probe the fixture data' },
  ).trim().split(',').map(Number);
  const probeCounts = counts.slice(0, probes.length);
  const rows = counts.slice(probes.length);

  const problems = [];
  const expected = Object.fromEntries(
    [[SCHEMAS.a, plan.a], [SCHEMAS.b, plan.b]].map(([s, tables]) => [s, {
      tables: tables.length,
      columns: tables.reduce((n, t) => n + t.columns.length, 0),
      indexes: tables.reduce((n, t) => n + t.indexes.length, 0),
      uniques: tables.reduce((n, t) => n + t.uniques.length, 0),
    }]),
  );
  for (const [s, want] of Object.entries(expected)) {
    for (const [what, n] of Object.entries(want)) {
      const got = found[s]?.[what] ?? 0;
      if (got !== n) problems.push(`${s}: ${got} ${what === 'indexes' ? 'secondary indexes' : what === 'uniques' ? 'unique constraints' : what}, expected ${n}`);
    }
  }
  rows.forEach((n, i) => n !== ROWS && problems.push(`${SCHEMAS.a}.${plan.a[i].name}: ${n} rows, expected ${ROWS}`));
  const violated = {};
  probes.forEach(([ch], i) => {
    const broken = probeCounts[i];
    if ((broken > 0) !== ch.violated) problems.push(`${ch.table}.${ch.column} (${ch.kind}): ${broken} rows of A break it, expected ${ch.violated ? 'some' : 'none'}`);
    if (broken > 0) violated[ch.kind] = (violated[ch.kind] ?? 0) + 1;
  });
  if (problems.length > 0) throw new Error(`the check fixture does not match its plan:\n  ${problems.join('\n  ')}`);
  return {
    a: found[SCHEMAS.a],
    b: found[SCHEMAS.b],
    rowsA: rows.reduce((sum, n) => sum + n, 0),
    violated,
  };
}

/** Changes per kind, and how many of each A's data violates, from a plan's change list. */
export function summarizeChanges(changes) {
  const out = {};
  for (const ch of changes) {
    out[ch.kind] ??= { count: 0, violated: 0 };
    out[ch.kind].count++;
    if (ch.violated) out[ch.kind].violated++;
  }
  return out;
}

function build(plan) {
  // One transaction per step keeps the lock table small (each table takes several locks), and
  // the markers, written last, make a half-built pair look stale to the next run.
  psql(
    [
      `BEGIN; DROP SCHEMA IF EXISTS ${SCHEMAS.a} CASCADE; COMMIT;`,
      `BEGIN; DROP SCHEMA IF EXISTS ${SCHEMAS.b} CASCADE; COMMIT;`,
      `BEGIN;\n${plan.sqlA}\nCOMMIT;`,
      `BEGIN;\n${plan.sqlB}\nCOMMIT;`,
      `COMMENT ON SCHEMA ${SCHEMAS.a} IS ${literal(plan.marker)};`,
      `COMMENT ON SCHEMA ${SCHEMAS.b} IS ${literal(plan.marker)};`,
    ].join('\n'),
    { what: `build ${SCHEMAS.a} and ${SCHEMAS.b}` },
  );
}

/**
 * Makes sure both schemas exist as planned, then verifies the database against the plan. The
 * pair is rebuilt (a few seconds) when either marker is missing or stale, and when a marked pair
 * fails verification (someone changed it by hand).
 *
 * @example
 * await ensureFixture() // { state: 'existing', seconds: 0.6, plan, verified }
 */
export async function ensureFixture({ rebuild = false } = {}) {
  const started = performance.now();
  const plan = planFixture();
  const found = markers();
  let state = 'existing';
  let verified;
  if (!rebuild && found[SCHEMAS.a] === plan.marker && found[SCHEMAS.b] === plan.marker) {
    try {
      verified = verify(plan);
    } catch (e) {
      state = `rebuilt (the existing pair failed verification: ${e.message.split('\n')[1]?.trim()})`;
    }
  } else {
    state = 'created';
  }
  if (verified === undefined) {
    build(plan);
    verified = verify(plan);
  }
  return { state, seconds: (performance.now() - started) / 1000, plan, verified };
}
