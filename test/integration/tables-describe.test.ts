import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { maria, native, pg, runFerry, tempDir } from './fixtures.js';
import { SERVICES, serviceAvailable } from './services.js';

const havePg = await serviceAvailable('postgres');
const haveMaria = await serviceAvailable('mariadb');

describe('ferry tables and ferry describe', () => {
  const dir = tempDir('i12a-tables-');
  const url = `jdbc:h2:${join(dir, 'shop')}`;

  beforeAll(async () => {
    await native(url,
      'CREATE TABLE customers (id BIGINT PRIMARY KEY, email VARCHAR(80) NOT NULL UNIQUE)',
      'CREATE TABLE orders (id INT AUTO_INCREMENT PRIMARY KEY, customer_id BIGINT NOT NULL, total DECIMAL(10,2) DEFAULT 0, CONSTRAINT orders_customer FOREIGN KEY (customer_id) REFERENCES customers (id))',
      'CREATE INDEX orders_by_customer ON orders (customer_id)',
      'CREATE SEQUENCE order_numbers',
      'CREATE VIEW big_orders AS SELECT id, total FROM orders WHERE total > 100',
      "INSERT INTO customers VALUES (1, 'a@x'), (2, 'b@x')",
      'INSERT INTO orders (customer_id, total) VALUES (1, 10), (1, 200), (2, 300)');
    writeFileSync(join(dir, 'ferry.yaml'), `databases:\n  shop: { url: "${url}", schema: PUBLIC }\n  wh: { url: "jdbc:h2:${join(dir, 'wh')}" }\n`);
  });

  it('lists tables and views with row counts, columns, keys, indexes and foreign keys', () => {
    const r = runFerry(['tables', 'shop'], dir);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const lines = r.out.split('\n');
    expect(lines[0]).toMatch(/^name\s+kind\s+rows\s+size\s+columns\s+primary key\s+indexes\s+foreign keys$/);
    expect(lines.slice(1, 4).map((l) => l.split(/\s{2,}/))).toEqual([
      ['BIG_ORDERS', 'view', '2', '2'],
      ['CUSTOMERS', 'table', '2', '2', 'ID', expect.stringMatching(/^\d+$/), '0'],
      ['ORDERS', 'table', '3', '3', 'ID', expect.stringMatching(/^\d+$/), '1'],
    ]);
    expect(lines[4]).toBe('(2 tables, 1 view in shop, H2)');
    const json = JSON.parse(runFerry(['tables', 'shop', '--format', 'json', '--no-count'], dir).out) as { tables: { name: string; rows: number | null; bytes: number | null }[] };
    // H2 cannot tell a table's size: no number is made up.
    expect(json.tables.map((t) => [t.name, t.rows, t.bytes])).toEqual([['BIG_ORDERS', null, null], ['CUSTOMERS', null, null], ['ORDERS', null, null]]);
  });

  it('gives each table its size on disk where the engine tells it: PostgreSQL, MariaDB, SQLite', async () => {
    const lite = `jdbc:sqlite:${join(dir, 'lite.db')}`;
    const setups: [string, string, string, () => Promise<number>][] = [
      ['lite', lite, 'lite', () => native(lite,
        'CREATE TABLE big (id INTEGER PRIMARY KEY, label TEXT)', 'CREATE INDEX big_label ON big (label)',
        "WITH RECURSIVE s(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s WHERE n < 5000) INSERT INTO big SELECT n, printf('%0100d', n) FROM s",
        'CREATE TABLE small (id INTEGER PRIMARY KEY)', 'INSERT INTO small VALUES (1)', 'CREATE VIEW v AS SELECT id FROM small')],
    ];
    if (havePg) {
      setups.push(['pg', SERVICES.postgres.url, 'pg.ferry_ns_tables', () => pg(
        'DROP SCHEMA IF EXISTS ferry_ns_tables CASCADE', 'CREATE SCHEMA ferry_ns_tables',
        'CREATE TABLE ferry_ns_tables.big (id INT PRIMARY KEY, label TEXT)', 'CREATE INDEX big_label ON ferry_ns_tables.big (label)',
        "INSERT INTO ferry_ns_tables.big SELECT g, lpad(g::text, 100, '0') FROM generate_series(1, 5000) g",
        'CREATE TABLE ferry_ns_tables.small (id INT PRIMARY KEY)', 'INSERT INTO ferry_ns_tables.small VALUES (1)',
        'CREATE VIEW ferry_ns_tables.v AS SELECT id FROM ferry_ns_tables.small')]);
    }
    if (haveMaria) {
      setups.push(['maria', SERVICES.mariadb.url, 'maria.ferry_ns_tables', () => maria(
        'DROP DATABASE IF EXISTS ferry_ns_tables', 'CREATE DATABASE ferry_ns_tables',
        'CREATE TABLE ferry_ns_tables.big (id INT PRIMARY KEY, label VARCHAR(100), KEY big_label (label)) ENGINE=InnoDB',
        'SET SESSION max_recursive_iterations = 10000',
        "INSERT INTO ferry_ns_tables.big WITH RECURSIVE s(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s WHERE n < 5000) SELECT n, LPAD(n, 100, '0') FROM s",
        'CREATE TABLE ferry_ns_tables.small (id INT PRIMARY KEY) ENGINE=InnoDB', 'INSERT INTO ferry_ns_tables.small VALUES (1)',
        'CREATE VIEW ferry_ns_tables.v AS SELECT id FROM ferry_ns_tables.small',
        // InnoDB's data and index lengths are statistics: brought up to date before they are read.
        'ANALYZE TABLE ferry_ns_tables.big, ferry_ns_tables.small')]);
    }
    for (const [name, url, ref, setup] of setups) {
      await setup();
      const user = name === 'pg' ? `?user=${SERVICES.postgres.user}` : name === 'maria' ? `?user=${SERVICES.mariadb.user}` : '';
      const json = runFerry(['tables', '--db', `${name}=${url}${user}`, ref, '--format', 'json'], dir);
      expect(json.err, name).toBe('');
      const listing = JSON.parse(json.out) as { tables: { name: string; kind: string; bytes: number | null }[] };
      const bytes = Object.fromEntries(listing.tables.map((t) => [t.name, t.bytes]));
      expect(Object.keys(bytes), name).toEqual(['big', 'small', 'v']);
      expect(Number.isInteger(bytes.big) && Number.isInteger(bytes.small), name).toBe(true);
      expect(bytes.small!, name).toBeGreaterThan(0);
      expect(bytes.big!, name).toBeGreaterThan(bytes.small! + 5000 * 100);
      expect(bytes.v, name).toBeNull();
      const text = runFerry(['tables', '--db', `${name}=${url}${user}`, ref, '--no-count'], dir);
      expect(text.out, name).toMatch(/\nbig +table +\d[\d.]* (kB|MB) +2 +id +/);
    }
  });

  it('describes one table: columns with native and Ferry types, keys, indexes, foreign keys', () => {
    const r = runFerry(['describe', 'shop.orders'], dir);
    expect(r.err).toBe('');
    expect(r.out).toMatch(/^shop\.ORDERS \(H2\)\n\ncolumn +native type +Ferry type +null +notes\n/);
    expect(r.out).toMatch(/\nID +INTEGER +INTEGER +not null +primary key, auto-increment/);
    expect(r.out).toMatch(/\nTOTAL +DECIMAL +DECIMAL\(10, ?2\) +null +default 0/);
    expect(r.out).toContain('\nForeign keys:\n  ORDERS_CUSTOMER (CUSTOMER_ID) → ');
    expect(r.out).toMatch(/\nIndexes:\n(.*\n)*  ORDERS_BY_CUSTOMER \(CUSTOMER_ID\)\n/);
  });

  it.runIf(havePg || haveMaria)('describes descending index columns and foreign-key actions other than the default, on PostgreSQL and MariaDB', async () => {
    const tables = (q: string): string[] => [
      `CREATE TABLE ${q}parent (id INT PRIMARY KEY)`,
      `CREATE TABLE ${q}other (id INT PRIMARY KEY)`,
      `CREATE TABLE ${q}items (id INT PRIMARY KEY, parent_id INT, other_id INT, ts TIMESTAMP NULL,
        CONSTRAINT items_parent FOREIGN KEY (parent_id) REFERENCES ${q}parent (id) ON DELETE CASCADE ON UPDATE SET NULL,
        CONSTRAINT items_other FOREIGN KEY (other_id) REFERENCES ${q}other (id))`,
      `CREATE INDEX items_ts ON ${q}items (ts DESC)`,
      `CREATE INDEX items_mixed ON ${q}items (parent_id, ts DESC)`,
    ];
    const engines: [string, string, () => Promise<number>][] = [];
    if (havePg) engines.push(['pg', `${SERVICES.postgres.url}?user=${SERVICES.postgres.user}`, () => pg('DROP SCHEMA IF EXISTS i12c_describe CASCADE', 'CREATE SCHEMA i12c_describe', ...tables('i12c_describe.'))]);
    if (haveMaria) engines.push(['maria', `${SERVICES.mariadb.url}?user=${SERVICES.mariadb.user}`, () => maria('DROP DATABASE IF EXISTS i12c_describe', 'CREATE DATABASE i12c_describe', ...tables('i12c_describe.'))]);
    for (const [name, url, setup] of engines) {
      await setup();
      const r = runFerry(['describe', '--db', `${name}=${url}`, `${name}.i12c_describe.items`], dir);
      expect(r.err, name).toBe('');
      expect(r.out, name).toContain('\n  items_ts (ts DESC)\n');
      expect(r.out, name).toContain('\n  items_mixed (parent_id, ts DESC)\n');
      expect(r.out, name).toMatch(/\n {2}items_parent \(parent_id\) → (i12c_describe\.)?parent \(id\) on delete CASCADE on update SET NULL\n/);
      // The default actions (NO ACTION, or RESTRICT as MariaDB reports it) are not spelled out.
      expect(r.out, name).toMatch(/\n {2}items_other \(other_id\) → (i12c_describe\.)?other \(id\)\n/);
      const json = JSON.parse(runFerry(['describe', '--db', `${name}=${url}`, `${name}.i12c_describe.items`, '--format', 'json'], dir).out) as
        { table: { indexes: { name: string; descending?: boolean[] | null }[]; foreignKeys: { name: string; onDelete?: string | null; onUpdate?: string | null }[] } };
      expect(json.table.indexes.find((i) => i.name === 'items_mixed')?.descending, name).toEqual([false, true]);
      expect(json.table.indexes.find((i) => i.name === 'items_pkey' || i.name === 'PRIMARY')?.descending, name).toBeNull();
      expect(json.table.foreignKeys.find((f) => f.name === 'items_parent'), name).toMatchObject({ onDelete: 'CASCADE', onUpdate: 'SET NULL' });
      expect(json.table.foreignKeys.find((f) => f.name === 'items_other')?.onDelete, name).toBe(name === 'pg' ? 'NO ACTION' : 'RESTRICT');
    }
  });

  it('answers an unknown table with the closest real tables and views, never sequences', () => {
    const r = runFerry(['describe', 'shop.ordrs'], dir);
    expect(r.code).toBe(2);
    expect(r.err).toBe("ferry: error [UNKNOWN_TABLE]: no table or view 'ordrs' in shop; did you mean 'ORDERS'? (there are: ORDERS, BIG_ORDERS, CUSTOMERS)\n");
  });

  it('copy --dry-run writes its plan to stdout; counts read 1 chunk / N chunks; verify names its method in words', () => {
    const dry = runFerry(['copy', '--from', 'shop', '--to', 'wh', '--tables', 'customers', '--create', '--dry-run'], dir);
    expect(dry.code).toBe(0);
    expect(dry.err).toBe('ferry: connecting to shop and wh, planning customers …\nferry: planning 1 table …\n');
    expect(dry.out).toMatch(/^CUSTOMERS: plan 1 chunk on ID\n {2}CREATE TABLE /);
    expect(runFerry(['copy', '--from', 'shop', '--to', 'wh', '--tables', 'customers', '--create'], dir).code).toBe(0);
    const v = runFerry(['verify', '--from', 'shop', '--to', 'wh', '--tables', 'customers'], dir);
    expect(v.out).toBe('✓ CUSTOMERS: exact (2 → 2 rows, 1 chunk, checksums computed in each database)\nthe table matches\n');
  });

  it('--quiet silences notes, --verbose adds the config and the time; --format json on copy and doctor', () => {
    const quiet = runFerry(['query', '-f', 'table', '--quiet', 'SELECT COUNT(*) AS n FROM shop.orders'], dir);
    expect(quiet.code).toBe(0);
    expect(quiet.err).toBe('');
    const normal = runFerry(['query', '-f', 'table', 'SELECT COUNT(*) AS n FROM shop.orders'], dir);
    expect(normal.err).toMatch(/^\(1 row, [\d.]+ s\)\n$/);
    const verbose = runFerry(['query', '-f', 'csv', '--verbose', 'SELECT COUNT(*) AS n FROM shop.orders'], dir);
    expect(verbose.out).toBe('n\r\n3\r\n');
    expect(verbose.err).toMatch(new RegExp(`^ferry query: config ${join(dir, 'ferry.yaml').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}; started [\\d.]+ s after launch\\nferry: finished in [\\d.]+ s, exit 0\\n$`));
    const copy = runFerry(['copy', '--from', 'shop', '--to', 'wh', '--tables', 'orders', '--create', '--mode', 'replace', '--format', 'json'], dir);
    expect(copy.code, copy.err).toBe(0);
    const events = copy.out.trim().split('\n').map((l) => JSON.parse(l) as { kind: string });
    expect(events.map((e) => e.kind)).toContain('done');
    const doctor = JSON.parse(runFerry(['doctor', '--format', 'json'], dir).out) as { ok: boolean };
    expect(doctor.ok).toBe(true);
  });

  it('copy --format json: what it is doing first, no repeated progress event, a final summary event', () => {
    const r = runFerry(['copy', '--from', 'shop', '--to', 'wh', '--tables', 'customers,orders', '--create', '--mode', 'replace', '--format', 'json'], dir);
    expect(r.code, r.err).toBe(0);
    const events = r.out.trim().split('\n').map((l) => JSON.parse(l) as { kind: string; table?: string; rows?: number; chunksDone?: number });
    expect(events[0]).toMatchObject({ kind: 'stage', stage: 'planning', tables: 2 });
    expect(events.at(-1)).toMatchObject({ kind: 'summary', tables: 2, failed: 0, rows: 5 });
    const progress = events.filter((e) => e.kind === 'progress').map((e) => JSON.stringify([e.table, e.rows, e.chunksDone]));
    expect(new Set(progress).size).toBe(progress.length);
  });
});
