import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Ferry, type Analysis } from '../../src/api/index.js';
import { FerryError } from '../../src/errors/index.js';
import { maria, native, pg, rows, runFerry, tempDir } from './fixtures.js';
import { SERVICES, serviceAvailable } from './services.js';

const havePg = await serviceAvailable('postgres');
const haveMaria = await serviceAvailable('mariadb');
const dir = tempDir('ferry-analyze-');
const liteUrl = `jdbc:sqlite:${join(dir, 'parts.db')}`;

// 500 orders in PostgreSQL, 10 customers in MariaDB, 40 parts in SQLite. Each filter below is
// on one source's own columns, so Calcite can push it into that source, and the rows each filter
// keeps join exactly the rows the others keep (orders 1-300 are the north customers' orders of
// bolts), so every join reads its inputs to the end whatever algorithm it runs: a merge join
// stops reading one side when the other ends.
const ORDERS = 500;
const CUSTOMERS = 10;
const PARTS = 40;
const order = (id: number) => (id <= 300
  ? { id, customer: (id % 5) + 1, part: 2 * ((id % 20) + 1), qty: (id % 7) + 1 }
  : { id, customer: (id % 5) + 6, part: 2 * (id % 20) + 1, qty: (id % 7) + 1 });
const isBolt = (part: number) => part % 2 === 0;
const isNorth = (customer: number) => customer <= 5;

const JOIN = `
  SELECT c.region, COUNT(*) AS n, SUM(o.qty) AS qty
  FROM pg.ferry_bt_an.orders o
  JOIN maria.ferry_bt_an_customers c ON c.id = o.customer_id
  JOIN lite.parts p ON p.id = o.part_id
  WHERE o.id <= 300 AND p.kind = 'bolt' AND c.region = 'north'
  GROUP BY c.region`;

/**
 * The rows each source holds, and those its filter keeps: a statement sent to it returns the
 * filtered ones when the filter was pushed into it, else all of them.
 */
const SOURCES: Record<string, { all: number; filtered: number; filter: RegExp }> = {
  pg: { all: ORDERS, filtered: 300, filter: /"id" <= 300/ },
  maria: { all: CUSTOMERS, filtered: [...Array(CUSTOMERS).keys()].filter((i) => isNorth(i + 1)).length, filter: /'north'/ },
  lite: { all: PARTS, filtered: [...Array(PARTS).keys()].filter((i) => isBolt(i + 1)).length, filter: /'bolt'/ },
};

function expectReadsMatchTheirSql(a: Analysis): void {
  expect(new Set(a.queries.map((q) => q.database))).toEqual(new Set(['pg', 'maria', 'lite']));
  for (const q of a.queries) {
    const source = SOURCES[q.database!]!;
    expect(q.executions, q.sql).toBeGreaterThanOrEqual(1);
    expect(q.rowsRead, q.sql).toBe(q.executions * (source.filter.test(q.sql) ? source.filtered : source.all));
    expect(q.estimatedRows, q.sql).toEqual(expect.any(Number));
  }
}

describe.skipIf(!havePg || !haveMaria)('ferry.analyze and ferry query --analyze', () => {
  let ferry: Ferry;
  const config = {
    databases: {
      pg: { url: SERVICES.postgres.url, user: SERVICES.postgres.user },
      maria: { url: SERVICES.mariadb.url, user: SERVICES.mariadb.user, schema: 'test' },
      lite: { url: liteUrl },
    },
  };

  beforeAll(async () => {
    await native(liteUrl,
      'CREATE TABLE parts (id INTEGER PRIMARY KEY, kind VARCHAR(10) NOT NULL)',
      `INSERT INTO parts VALUES ${[...Array(PARTS).keys()].map((i) => `(${i + 1}, '${isBolt(i + 1) ? 'bolt' : 'nut'}')`).join(', ')}`);
    await pg('DROP SCHEMA IF EXISTS ferry_bt_an CASCADE', 'CREATE SCHEMA ferry_bt_an',
      'CREATE TABLE ferry_bt_an.orders (id INT PRIMARY KEY, customer_id INT NOT NULL, part_id INT NOT NULL, qty INT NOT NULL)',
      `INSERT INTO ferry_bt_an.orders VALUES ${[...Array(ORDERS).keys()].map((i) => order(i + 1)).map((o) => `(${o.id}, ${o.customer}, ${o.part}, ${o.qty})`).join(', ')}`);
    await maria('DROP TABLE IF EXISTS ferry_bt_an_customers',
      'CREATE TABLE ferry_bt_an_customers (id INT PRIMARY KEY, region VARCHAR(10) NOT NULL)',
      `INSERT INTO ferry_bt_an_customers VALUES ${[...Array(CUSTOMERS).keys()].map((i) => `(${i + 1}, '${isNorth(i + 1) ? 'north' : 'south'}')`).join(', ')}`);
    writeFileSync(join(dir, 'ferry.yaml'), JSON.stringify(config));
    ferry = await Ferry.open(config);
  });

  afterAll(async () => {
    await ferry?.close();
    await pg('DROP SCHEMA IF EXISTS ferry_bt_an CASCADE');
    await maria('DROP TABLE IF EXISTS ferry_bt_an_customers');
  });

  it('returns the result and counts the rows each database sent for a three-engine join', async () => {
    const { table, analysis } = await ferry.analyze(JOIN);
    const kept = [...Array(ORDERS).keys()].map((i) => order(i + 1)).filter((o) => o.id <= 300 && isBolt(o.part) && isNorth(o.customer));
    expect(kept).toHaveLength(300);
    expect(rows(table)).toEqual([['north', String(kept.length), String(kept.reduce((n, o) => n + o.qty, 0))]]);
    expect(analysis.rows).toBe(1);
    expect(analysis.direct).toBe(false);
    expect(analysis.plan).toMatch(/JdbcToEnumerableConverter/);
    expectReadsMatchTheirSql(analysis);
    // Every filter is on one source's columns: Calcite pushes each into its source today.
    expect(analysis.queries.map((q) => [q.database, q.rowsRead]).sort()).toEqual([['lite', 20], ['maria', 5], ['pg', 300]]);
    expect(analysis.planningMs).toBeGreaterThan(0);
    expect(analysis.executionMs).toBeGreaterThan(0);
  });

  it('reads a query pushed whole into one database straight from it, and counts its rows', async () => {
    const { table, analysis } = await ferry.analyze('SELECT id FROM pg.ferry_bt_an.orders WHERE id <= 42');
    expect(table.numRows).toBe(42);
    expect(analysis).toMatchObject({ direct: true, rows: 42 });
    expect(analysis.queries).toEqual([{ database: 'pg', sql: expect.stringMatching(/"id" <= 42/), estimatedRows: expect.any(Number), executions: 1, rowsRead: 42 }]);
  });

  it('shows the estimated rows of each statement with --explain', async () => {
    const ex = await ferry.explain(JOIN);
    expect(ex.queries.map((q) => q.database).sort()).toEqual(['lite', 'maria', 'pg']);
    for (const q of ex.queries) expect(q.estimatedRows).toEqual(expect.any(Number));
  });

  it('refuses to analyze a statement that changes data, and runs nothing', async () => {
    const e = await ferry.analyze('INSERT INTO pg.ferry_bt_an.orders VALUES (9999, 1, 1, 1)').catch((x: unknown) => x);
    expect(e).toBeInstanceOf(FerryError);
    expect((e as FerryError).code).toBe('USAGE');
    expect(rows(await ferry.query('SELECT COUNT(*) AS n FROM pg.ferry_bt_an.orders'))).toEqual([[String(ORDERS)]]);
  });

  it('prints the analysis as text and as a stable JSON object', () => {
    const text = runFerry(['query', '--analyze', JOIN], dir);
    expect(text.code, text.err).toBe(0);
    expect(text.out).toMatch(/^Plan:\n/);
    for (const db of ['pg', 'maria', 'lite']) expect(text.out).toMatch(new RegExp(`^SQL sent to ${db} \\(estimated [\\d,]+ rows?, read [\\d,]+ rows?\\):$`, 'm'));
    expect(text.out).toMatch(/\nPlanning: [\d,]+\.\d ms\nExecution: [\d,]+\.\d ms\nResult: 1 row\n$/);
    expect(text.out).not.toMatch(/^region/m);

    const json = runFerry(['query', '--analyze', '--format', 'json', JOIN], dir);
    expect(json.code, json.err).toBe(0);
    const doc = JSON.parse(json.out) as Analysis;
    expect(Object.keys(doc)).toEqual(['plan', 'direct', 'planningMs', 'executionMs', 'rows', 'queries']);
    expect(doc.queries.map((q) => Object.keys(q))).toEqual(doc.queries.map(() => ['database', 'sql', 'estimatedRows', 'executions', 'rowsRead']));
    expectReadsMatchTheirSql(doc);

    const both = runFerry(['query', '--analyze', '--explain', JOIN], dir);
    expect(both.code).toBe(2);
    expect(both.err).toMatch(/USAGE/);
  });
});
