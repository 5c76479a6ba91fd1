// The query benchmark's table: the same 1,000,000 deterministic rows in every source, so figures
// differ by engine and driver, never by data. Each source's dialect lives in its entry below.
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ferry } from '../../../dist/index.js';
import { runNativeScript } from '../../../dist/bridge/index.js';

/** Rows the table must hold; any other count is an error, never a figure. */
export const ROWS = 1_000_000;

/** The table name, the same in every source (unquoted, so H2 stores it upper-case). */
export const TABLE = 'ferry_bench_query';

/** The columns read, in a fixed order so every source returns the same Arrow schema. */
export const COLUMNS = ['id', 'name', 'amount', 'created_at', 'active'];

/** psql connection arguments for the PostgreSQL source (trust auth, no password). */
export const PSQL_ARGS = ['-h', '127.0.0.1', '-U', 'postgres', '-d', 'test'];

const H2_DIR = join(tmpdir(), 'ferry-bench', 'h2');

// Row n: a name (NULL every 50th row, so the null path is measured too), an amount that cycles
// through 0.00–99,999.99, one second per row from 2024-01-01, and two thirds active.
const CREATE = `CREATE TABLE IF NOT EXISTS ${TABLE} (id BIGINT PRIMARY KEY, name VARCHAR(40), amount DECIMAL(12,2), created_at TIMESTAMP, active BOOLEAN)`;

/** The databases the benchmark reads, each with the native SQL that fills its table. */
export const SOURCES = {
  pg: {
    label: 'PostgreSQL',
    database: { url: 'jdbc:postgresql://127.0.0.1:5432/test', user: 'postgres', schema: 'public' },
    fill: [
      `INSERT INTO ${TABLE} SELECT g, CASE WHEN g % 50 = 0 THEN NULL ELSE 'customer ' || lpad(g::text, 7, '0') END, ((g * 7919) % 10000000) / 100.0, TIMESTAMP '2024-01-01 00:00:00' + g * INTERVAL '1 second', g % 3 <> 0 FROM generate_series(1, ${ROWS}::bigint) AS g`,
      // Fresh statistics, so the planner sees a 1M-row table from the first read.
      `ANALYZE ${TABLE}`,
    ],
  },
  h2: {
    label: 'H2 (file)',
    database: { url: `jdbc:h2:${join(H2_DIR, 'bench')}`, schema: 'PUBLIC' },
    prepare: () => mkdirSync(H2_DIR, { recursive: true }),
    fill: [
      `INSERT INTO ${TABLE} SELECT X, CASE WHEN MOD(X, 50) = 0 THEN NULL ELSE 'customer ' || LPAD(CAST(X AS VARCHAR), 7, '0') END, CAST(MOD(X * 7919, 10000000) AS DECIMAL(12,2)) / 100, DATEADD(SECOND, X, TIMESTAMP '2024-01-01 00:00:00'), MOD(X, 3) <> 0 FROM SYSTEM_RANGE(1, ${ROWS})`,
    ],
  },
};

/** The statement every source is read with, through Ferry's namespace. */
export function selectAll(source) {
  return `SELECT ${COLUMNS.join(', ')} FROM ${source}.${TABLE}`;
}

async function countRows(source) {
  const ferry = await Ferry.open({ databases: { [source]: SOURCES[source].database } });
  try {
    const t = await ferry.query(`SELECT COUNT(*) AS n FROM ${source}.${TABLE}`);
    return Number(t.get(0).n);
  } finally {
    await ferry.close();
  }
}

/**
 * Makes sure `source` holds the table with exactly {@link ROWS} rows, rebuilding it otherwise
 * (a rebuild takes seconds to minutes, so an existing full table is kept).
 *
 * @example
 * await ensureTable('h2') // { state: 'existing', seconds: 0.4 }
 */
export async function ensureTable(source) {
  const s = SOURCES[source];
  const started = performance.now();
  s.prepare?.();
  const native = { url: s.database.url, user: s.database.user };
  // Created first only so the count below has a table to read; a wrong count rebuilds it.
  await runNativeScript({ ...native, statements: [CREATE] });
  let state = 'existing';
  if ((await countRows(source)) !== ROWS) {
    state = 'created';
    await runNativeScript({ ...native, statements: [`DROP TABLE ${TABLE}`, CREATE, ...s.fill] });
    const n = await countRows(source);
    if (n !== ROWS) throw new Error(`${s.label}: ${TABLE} has ${n} rows after filling, expected ${ROWS}`);
  }
  return { state, seconds: (performance.now() - started) / 1000 };
}
