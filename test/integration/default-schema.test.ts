import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { maria, pg, runFerry, tempDir } from './fixtures.js';
import { SERVICES, serviceAvailable } from './services.js';

const havePg = await serviceAvailable('postgres');
const haveMaria = await serviceAvailable('mariadb');

describe.runIf(havePg && haveMaria)('the URL database (MariaDB) and the current schema (PostgreSQL) as default namespaces', () => {
  const dir = tempDir('i12a-default-');

  beforeAll(async () => {
    await maria('DROP DATABASE IF EXISTS i12a_app', 'CREATE DATABASE i12a_app',
      'CREATE TABLE i12a_app.orders (id INT PRIMARY KEY, total DECIMAL(10,2) NOT NULL)',
      'INSERT INTO i12a_app.orders VALUES (1, 10.50), (2, 20.00)');
    await pg('DROP SCHEMA IF EXISTS i12a_app CASCADE', 'CREATE SCHEMA i12a_app',
      'CREATE TABLE i12a_app.orders (id INT PRIMARY KEY, total NUMERIC(10,2))');
    // No schema: pinned in either entry; MariaDB's comes from the URL, PostgreSQL's from currentSchema.
    writeFileSync(join(dir, 'ferry.yaml'), `databases:
  my: { url: "jdbc:mariadb://${SERVICES.mariadb.host}:${SERVICES.mariadb.port}/i12a_app", user: ${SERVICES.mariadb.user} }
  pg: { url: "postgres://${SERVICES.postgres.user}@${SERVICES.postgres.host}:${SERVICES.postgres.port}/test?currentSchema=i12a_app" }
`);
  });

  it('resolves db.table in the default namespace, and db.schema.table still', () => {
    const two = runFerry(['query', '-f', 'csv', 'SELECT id, total FROM my.orders ORDER BY id'], dir);
    expect(two.err).toBe('');
    expect(two.out).toBe('id,total\r\n1,10.50\r\n2,20.00\r\n');
    const three = runFerry(['query', '-f', 'csv', 'SELECT COUNT(*) AS n FROM my.i12a_app.orders AS m JOIN pg.orders AS p ON m.id = p.id'], dir);
    expect(three.err).toBe('');
    expect(three.out).toBe('n\r\n0\r\n');
  });

  it('checks and copies between entries that pin no schema', () => {
    const check = runFerry(['check', '--from', 'my', '--to', 'pg', '--tables', 'orders', '--format', 'json'], dir);
    expect(check.err).toBe('');
    const findings = JSON.parse(check.out) as { findings: { code: string; table: string; column?: string }[] };
    expect(findings.findings.map((f) => `${f.code} ${f.table}.${f.column ?? ''}`)).toEqual(['N201 orders.total']);
    const copy = runFerry(['copy', '--from', 'my', '--to', 'pg', '--tables', 'orders'], dir);
    expect(copy.code, copy.err).toBe(0);
    expect(runFerry(['query', '-f', 'csv', 'SELECT SUM(total) AS s FROM pg.orders'], dir).out).toBe('s\r\n30.50\r\n');
  });

  it('refuses a --tables or --exclude glob that matches nothing (exit 2), suggesting the close name', () => {
    const r = runFerry(['check', '--from', 'my', '--to', 'pg', '--tables', 'ordrs', '--exclude', 'tmp_*', '--format', 'json'], dir);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toBe("ferry: error [USAGE]: --tables 'ordrs' matches no table or view of my or pg; did you mean 'orders'? (there are: orders)\n"
      + "--exclude 'tmp_*' matches no table or view of my or pg; there are: orders (see ferry check --help)\n");
  });

  it('answers a misspelt table with did-you-mean over real tables and views only (no index, no sequence)', async () => {
    await pg('DROP SCHEMA IF EXISTS i12a_hints CASCADE', 'CREATE SCHEMA i12a_hints',
      'CREATE TABLE i12a_hints.orders (id SERIAL PRIMARY KEY, placed DATE)', 'CREATE INDEX orders_by_placed ON i12a_hints.orders (placed)',
      'CREATE VIEW i12a_hints.recent_orders AS SELECT * FROM i12a_hints.orders');
    const r = runFerry(['query', 'SELECT * FROM pg.i12a_hints.ordrs'], dir);
    expect(r.code).toBe(2);
    expect(r.err).toBe("ferry: error [SQL_VALIDATION]: Table or schema 'ordrs' not found in 'pg.i12a_hints'; did you mean 'orders'? searched 'pg.i12a_hints', which has: orders, recent_orders\n");
    const db = runFerry(['query', 'SELECT * FROM mi.orders'], dir);
    expect(db.err).toBe("ferry: error [SQL_VALIDATION]: Database 'mi' not found; did you mean 'my'? configured databases: my, pg\n");
    // A misspelt column: the closest columns of the tables the query reads, joins included.
    const col = runFerry(['query', 'SELECT o.placd FROM pg.i12a_hints.orders o JOIN my.i12a_app.orders m ON m.id = o.id'], dir);
    expect(col.code).toBe(2);
    expect(col.err).toMatch(/^ferry: error \[SQL_VALIDATION\]: Column 'placd' not found in table 'o'; did you mean 'placed'\? the tables read have: placed, /);
  });
});
