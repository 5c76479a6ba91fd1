import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EngineHandle } from '../../src/bridge/index.js';
import { CopyHandle } from '../../src/bridge/index.js';
import { copyConfig, copyTable, openEngine, textRows } from './copy-fixture.js';
import { maria, pg } from './fixtures.js';
import { serviceAvailable } from './services.js';

const havePg = await serviceAvailable('postgres');
const haveMaria = await serviceAvailable('mariadb');

const T = 'copy_Order Items';
/** Checkpoints of each run stay apart from earlier runs' and other tests'. */
const JOB = `copy-test-${process.pid}-${Date.now()}`;
/**
 * Dates and timestamps are compared as the database's own text: Ferry's query path reads SQLite
 * timestamps to the millisecond and H2's pre-1582 dates through java.sql.Date (known limits of
 * reading, not of copying).
 */
const COLS = 'id, "select", "MixedCase", big, CAST(ts AS VARCHAR) AS ts, CAST(d AS VARCHAR) AS d, flag, data, note, price';
const LONG_BYTES = `'\\x${'00ff7f80'.repeat(50_000)}'`;

/** The awkward-values table, in PostgreSQL. */
async function createSource(): Promise<void> {
  await pg(
    `DROP TABLE IF EXISTS public."${T}"`,
    `CREATE TABLE public."${T}" (id BIGINT PRIMARY KEY, "select" VARCHAR(100), "MixedCase" NUMERIC(38,10), big BIGINT, ts TIMESTAMP(6), d DATE, flag BOOLEAN, data BYTEA, note TEXT, price NUMERIC(12,2))`,
    `CREATE INDEX "copy_oi_price" ON public."${T}" (price)`,
    `INSERT INTO public."${T}" VALUES
      (-9223372036854775808, E'tab\\tnl\\ncr\\rq''"\\\\ 😀 é 𝄞', -9999999999999999999999999999.9999999999, 9223372036854775807, '1000-01-01 00:00:00.000001', '1000-01-01', false, '\\x00ff10', E'line1\\nline2\\\\.\\n\\\\N', 0.01),
      (9223372036854775807, '', 0.0000000001, -9223372036854775808, '9999-12-31 23:59:59.999999', '9999-12-31', true, '\\x', '', 9999999999.99),
      (0, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
      (5, E'\\\\N', 1, 0, '2024-02-29 12:34:56.123456', '1970-01-01', true, ${LONG_BYTES}, repeat('x', 100000), -0.5),
      (6, 'select', 12345678901234567890.1234567890, 1, '1969-12-31 23:59:59.999999', '2000-02-29', false, '\\x5c4e', '\\.', 0)`,
  );
}

describe.skipIf(!havePg || !haveMaria)('ferry copy moves awkward values exactly', () => {
  const config = copyConfig();
  let engine: EngineHandle;
  let expected: (string | null)[][];
  // PostgreSQL and H2 are read with the casts; MariaDB without (Calcite sends it a CAST with a
  // CHARACTER SET it rejects); SQLite only for the columns Ferry's query path reads exactly
  // (timestamps to the millisecond, DECIMAL(38) through a double). The SQLite → PostgreSQL step
  // then proves every SQLite value exact.
  const LITE_COLS = 'id, "select", big, flag, data, note';
  const q = (db: string, table: string): string =>
    `SELECT ${db === 'lite' ? LITE_COLS : db === 'maria' ? COLS.replace(/CAST\((\w+) AS VARCHAR\) AS /g, '') : COLS} FROM ${db}."${table}"`;
  const sorted = async (db: string, table: string): Promise<(string | null)[][]> =>
    (await textRows(config, q(db, table))).sort((a, b) => (BigInt(a[0] ?? 0) < BigInt(b[0] ?? 0) ? -1 : 1));

  beforeAll(async () => {
    await createSource();
    await pg(`DROP TABLE IF EXISTS public."${T} sqlite"`, `DROP TABLE IF EXISTS public."${T} maria"`, `DROP TABLE IF EXISTS public."${T} pg"`);
    await maria(`DROP TABLE IF EXISTS \`${T}\``);
    engine = await openEngine(config);
    expected = await sorted('pg', T);
  });
  afterAll(async () => engine?.close());

  it('PostgreSQL → H2', async () => {
    const r = await copyTable(engine, { from: 'pg', to: 'h2', table: T, create: true, chunkRows: 2, job: JOB });
    expect(r.rows).toBe(5);
    expect(await textRows(config, q('h2', T))).toEqual(expected);
  });

  it('H2 → SQLite', async () => {
    await copyTable(engine, { from: 'h2', to: 'lite', table: T, create: true, chunkRows: 2, job: JOB });
    const liteColumns = (r: (string | null)[][]): (string | null)[][] => r.map((x) => [0, 1, 3, 6, 7, 8].map((i) => x[i] ?? null));
    expect(await sorted('lite', T)).toEqual(liteColumns(expected));
  });

  it('SQLite → PostgreSQL', async () => {
    await copyTable(engine, { from: 'lite', to: 'pg', table: T, targetTable: `${T} sqlite`, create: true, job: JOB });
    expect(await sorted('pg', `${T} sqlite`)).toEqual(expected);
  });

  it('PostgreSQL → MariaDB (utf8mb4, DATETIME(6), index after load)', async () => {
    const job = await CopyHandle.open(engine, { from: 'pg', to: 'maria', table: T, create: true, chunkRows: 3, job: JOB });
    const plan = await job.plan();
    expect(plan.ddl[0]).toContain('utf8mb4');
    expect(plan.ddl[0]).toContain('DATETIME(6)');
    expect(plan.indexes).toHaveLength(1);
    expect(plan.chunks).toHaveLength(2);
    await job.run();
    // Ferry's query path reads MariaDB's LONGBLOB as text; the MariaDB → PostgreSQL step
    // proves the bytes.
    const noData = (r: (string | null)[][]): (string | null)[][] => r.map((x) => x.filter((_, i) => i !== 7));
    expect(noData(await sorted('maria', T))).toEqual(noData(expected));
  });

  it('PostgreSQL → PostgreSQL (COPY text relayed untouched: the created columns have the source\'s types)', async () => {
    const r = await copyTable(engine, { from: 'pg', to: 'pg', table: T, targetTable: `${T} pg`, create: true, chunkRows: 2, job: JOB });
    expect(r.notes.join('\n')).toMatch(/COPY text, untouched/);
    expect(await sorted('pg', `${T} pg`)).toEqual(expected);
  });

  it('MariaDB → PostgreSQL', async () => {
    await copyTable(engine, { from: 'maria', to: 'pg', table: T, targetTable: `${T} maria`, create: true, job: JOB });
    expect(await sorted('pg', `${T} maria`)).toEqual(expected);
  });
});

describe.skipIf(!havePg || !haveMaria)('INSERT … SELECT joining two databases writes into a third', () => {
  const config = copyConfig();
  beforeAll(async () => {
    await pg(
      'DROP TABLE IF EXISTS public.copy_xi_customers',
      'CREATE TABLE public.copy_xi_customers (id INT PRIMARY KEY, name VARCHAR(40))',
      "INSERT INTO public.copy_xi_customers VALUES (1, 'Ann 😀'), (2, 'Bob'), (3, 'nobody')",
    );
    await maria(
      'DROP TABLE IF EXISTS copy_xi_orders',
      'CREATE TABLE copy_xi_orders (id INT PRIMARY KEY, customer_id INT, amount DECIMAL(10,2))',
      'INSERT INTO copy_xi_orders VALUES (1, 1, 10.25), (2, 1, 0.75), (3, 2, 99999999.99)',
    );
    const h2 = config.databases.h2!.url!;
    const { native } = await import('./fixtures.js');
    await native(h2, 'CREATE TABLE copy_xi_report (name VARCHAR(40) PRIMARY KEY, orders INT, total DECIMAL(12,2))');
  });

  it('reports the rows inserted and the target holds exactly the joined result', async () => {
    const sql = 'INSERT INTO h2.copy_xi_report (name, orders, total) SELECT c.name, COUNT(*), SUM(o.amount) FROM pg.copy_xi_customers c JOIN maria.copy_xi_orders o ON o.customer_id = c.id GROUP BY c.name';
    expect(await textRows(config, sql)).toEqual([['2']]);
    expect(await textRows(config, 'SELECT name, orders, total FROM h2.copy_xi_report ORDER BY name')).toEqual([
      ['Ann 😀', '2', '11.00'],
      ['Bob', '1', '99999999.99'],
    ]);
  });

  it('an INSERT … SELECT within one database is still pushed down whole', async () => {
    await pg('DROP TABLE IF EXISTS public.copy_xi_copy', 'CREATE TABLE public.copy_xi_copy (id INT, name VARCHAR(40))');
    expect(await textRows(config, 'INSERT INTO pg.copy_xi_copy SELECT id, name FROM pg.copy_xi_customers')).toEqual([['3']]);
  });
});
