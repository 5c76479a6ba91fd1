import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { check, copy, doctor, Ferry, verify } from '../../src/api/index.js';
import type { EngineHandle } from '../../src/bridge/index.js';
import { validateConfig } from '../../src/config/index.js';
import { copyConfig, copyTable, openEngine, textRows } from './copy-fixture.js';
import { pg, tempDir } from './fixtures.js';
import { serviceAvailable } from './services.js';

const havePg = await serviceAvailable('postgres');

const T = 'duck_Order Items';
const JOB = `duck-test-${process.pid}-${Date.now()}`;
/** Compared as PostgreSQL's own text, after the round trip back into PostgreSQL. */
const COLS = 'id, "select", "MixedCase", big, CAST(ts AS VARCHAR) AS ts, CAST(d AS VARCHAR) AS d, flag, data, note, price';
const LONG_BYTES = `'\\x${'00ff7f80'.repeat(50_000)}'`;

/** The awkward-values table (issue 4's list), in PostgreSQL. */
async function createSource(): Promise<void> {
  await pg(
    `DROP TABLE IF EXISTS public."${T}"`,
    `DROP TABLE IF EXISTS public."${T} back"`,
    `CREATE TABLE public."${T}" (id BIGINT PRIMARY KEY, "select" VARCHAR(100), "MixedCase" NUMERIC(38,10), big BIGINT, ts TIMESTAMP(6), d DATE, flag BOOLEAN, data BYTEA, note TEXT, price NUMERIC(12,2))`,
    `CREATE INDEX "duck_oi_price" ON public."${T}" (price)`,
    `INSERT INTO public."${T}" VALUES
      (-9223372036854775808, E'tab\\tnl\\ncr\\rq''"\\\\ 😀 é 𝄞', -9999999999999999999999999999.9999999999, 9223372036854775807, '1000-01-01 00:00:00.000001', '1000-01-01', false, '\\x00ff10', E'line1\\nline2\\\\.\\n\\\\N', 0.01),
      (9223372036854775807, '', 0.0000000001, -9223372036854775808, '9999-12-31 23:59:59.999999', '9999-12-31', true, '\\x', '', 9999999999.99),
      (0, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
      (5, E'\\\\N', 1, 0, '2024-02-29 12:34:56.123456', '1970-01-01', true, ${LONG_BYTES}, repeat('x', 100000), -0.5),
      (6, 'select', 12345678901234567890.1234567890, 1, '1969-12-31 23:59:59.999999', '2000-02-29', false, '\\x5c4e', '\\.', 0),
      (7, 'ünïcödé 🦆', 0, 42, '1582-10-10 12:00:00', '1582-10-10', NULL, '\\x0102', 'x', 1.5)`,
  );
}

describe.skipIf(!havePg)('DuckDB is a full engine: source and target of copy, verify, check and federated queries', () => {
  const dir = tempDir('ferry-duck-');
  const duckFile = join(dir, 'lake.duckdb');
  const config = copyConfig({ duck: { url: `jdbc:duckdb:${duckFile}`, schema: 'main' }, duck2: { url: `jdbc:duckdb:${join(dir, 'other.duckdb')}`, schema: 'main' } });
  let engine: EngineHandle;
  let expected: (string | null)[][];
  const sorted = async (table: string): Promise<(string | null)[][]> =>
    (await textRows(config, `SELECT ${COLS} FROM pg."${table}"`)).sort((a, b) => (BigInt(a[0] ?? 0) < BigInt(b[0] ?? 0) ? -1 : 1));

  beforeAll(async () => {
    await createSource();
    engine = await openEngine(config);
    expected = await sorted(T);
  });
  afterAll(async () => engine?.close());

  it('PostgreSQL → DuckDB with --create: DuckDB types, the appender, the index after the load', async () => {
    const r = await copyTable(engine, { from: 'pg', to: 'duck', table: T, create: true, chunkRows: 2, job: JOB });
    expect(r.rows).toBe(6);
    expect(r.created).toBe(true);
    // Exact values read back from DuckDB itself, for the columns whose text needs no cast.
    const direct = await textRows(config, `SELECT id, "select", "MixedCase", big, price FROM duck."${T}" ORDER BY id`);
    const fromPg = await textRows(config, `SELECT id, "select", "MixedCase", big, price FROM pg."${T}" ORDER BY id`);
    expect(direct).toEqual(fromPg);
  });

  it('DuckDB → PostgreSQL: the round trip is exact, including microseconds, years 1000–9999, binary and \'\' vs NULL', async () => {
    await copyTable(engine, { from: 'duck', to: 'pg', table: T, targetTable: `${T} back`, create: true, chunkRows: 4, job: JOB });
    expect(await sorted(`${T} back`)).toEqual(expected);
  });

  it('verify passes in both directions, and names a planted difference by key', async () => {
    const ferry = await Ferry.open(config);
    try {
      const there = await verify(ferry, { from: 'pg', to: 'duck', tables: [T] });
      expect(there[0]).toMatchObject({ match: true, sourceRows: 6, targetRows: 6, method: 'checksum-in-jvm' });
      const back = await verify(ferry, { from: 'duck', to: 'pg', tables: [T] });
      expect(back[0]).toMatchObject({ match: true, sourceRows: 6, targetRows: 6 });
      await ferry.query(`INSERT INTO duck."${T}" (id, "select") VALUES (8, 'extra')`);
      const differs = await verify(ferry, { from: 'pg', to: 'duck', tables: [T] });
      expect(differs[0]).toMatchObject({ match: false, differingKeys: ['id=8'], extra: 1 });
    } finally {
      await ferry.close();
    }
  });

  it('DuckDB → DuckDB is verified with in-database checksums', async () => {
    await copyTable(engine, { from: 'duck', to: 'duck2', table: T, create: true, job: JOB });
    const ferry = await Ferry.open(config);
    try {
      const [r] = await verify(ferry, { from: 'duck', to: 'duck2', tables: [T] });
      expect(r).toMatchObject({ match: true, method: 'checksum-in-database', sourceRows: 7 });
      await ferry.query(`INSERT INTO duck2."${T}" (id, note) VALUES (9, 'only here')`);
      const [d] = await verify(ferry, { from: 'duck', to: 'duck2', tables: [T] });
      expect(d).toMatchObject({ match: false, differingKeys: ['id=9'], method: 'checksum-in-database' });
    } finally {
      await ferry.close();
    }
  });

  it('upserts merge by key, and incremental copies follow a watermark', async () => {
    await pg(
      'DROP TABLE IF EXISTS public.duck_events',
      'CREATE TABLE public.duck_events (id INT PRIMARY KEY, v TEXT, updated_at TIMESTAMP(6))',
      "INSERT INTO public.duck_events VALUES (1, 'a', '2024-01-01 00:00:00.000001'), (2, 'b', '2024-01-02 00:00:00')",
    );
    await copyTable(engine, { from: 'pg', to: 'duck', table: 'duck_events', create: true, mode: 'incremental', watermark: 'updated_at', job: JOB });
    await pg("UPDATE public.duck_events SET v = 'b2', updated_at = '2024-01-03 00:00:00.5' WHERE id = 2", "INSERT INTO public.duck_events VALUES (3, 'c', '2024-01-04 00:00:00')");
    const r = await copyTable(engine, { from: 'pg', to: 'duck', table: 'duck_events', mode: 'incremental', watermark: 'updated_at', job: JOB });
    expect(r.rows).toBe(2);
    expect(await textRows(config, 'SELECT id, v FROM duck.duck_events ORDER BY id')).toEqual([['1', 'a'], ['2', 'b2'], ['3', 'c']]);
    await copyTable(engine, { from: 'pg', to: 'duck', table: 'duck_events', mode: 'upsert', job: JOB });
    expect(await textRows(config, 'SELECT COUNT(*) FROM duck.duck_events')).toEqual([['3']]);
  });

  it('joins DuckDB with PostgreSQL in one query, pushing each side down', async () => {
    const ferry = await Ferry.open(config);
    try {
      const sql = `SELECT p.id, d."select" FROM pg."${T}" p JOIN duck."${T}" d ON d.id = p.id WHERE d.big = 42`;
      const plan = await ferry.explain(sql);
      expect(plan.queries.map((q) => q.database).sort()).toEqual(['duck', 'pg']);
      expect(plan.queries.find((q) => q.database === 'duck')?.sql).toMatch(/WHERE .*"big" = 42/);
      expect(await textRows(config, sql)).toEqual([['7', 'ünïcödé 🦆']]);
    } finally {
      await ferry.close();
    }
  });

  it('check compares PostgreSQL with its DuckDB copy through one type system', async () => {
    const ferry = await Ferry.open(config);
    try {
      const report = await check(ferry, 'pg', 'duck', { tables: [T] });
      expect(report.tables).toEqual([T]);
      // DuckDB keeps no VARCHAR length: a widening, never an error; the primary key is found.
      expect(report.findings.filter((f) => f.severity === 'error')).toEqual([]);
      expect(report.findings.some((f) => f.code.startsWith('K1'))).toBe(false);
    } finally {
      await ferry.close();
    }
  });

  it('doctor names the DuckDB dialect and its appender', async () => {
    const report = await doctor(validateConfig(config, process.cwd()));
    const line = report.checks.find((c) => c.name === 'database duck');
    expect(line?.ok).toBe(true);
    expect(line?.detail).toMatch(/DuckDB .*dialect duckdb: bulk load by appender, one writer at a time, transactional DDL/);
  });

  it('an in-memory DuckDB is one database for every connection of its pool', async () => {
    const memConfig = { databases: { mem: { url: 'jdbc:duckdb:', schema: 'main' }, pg: config.databases['pg']! } };
    const ferry = await Ferry.open(memConfig);
    try {
      // The copy creates the table on one connection, loads it on another and counts on a third.
      const [r] = await copy(ferry, { from: 'pg', to: 'mem', tables: [T], create: true, chunkRows: 2 });
      expect(r).toMatchObject({ ok: true, rows: 6 });
      expect((await ferry.query(`SELECT COUNT(*) AS n FROM mem."${T}"`)).getChild('n')?.get(0)).toBe(6n);
    } finally {
      await ferry.close();
    }
  });
});
