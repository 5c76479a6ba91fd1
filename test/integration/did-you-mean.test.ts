import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { maria, native, pg, runFerry, tempDir } from './fixtures.js';
import { SERVICES, serviceAvailable } from './services.js';

const havePg = await serviceAvailable('postgres');
const haveMaria = await serviceAvailable('mariadb');

describe.runIf(havePg && haveMaria)('names not found: only real tables and views are tables, and the closest name is suggested', () => {
  const dir = tempDir('i12e-names-');
  const lite = `jdbc:sqlite:${join(dir, 'lite.db')}`;
  const h2 = `jdbc:h2:${join(dir, 'h2')}`;
  const duck = `jdbc:duckdb:${join(dir, 'duck.db')}`;

  beforeAll(async () => {
    await pg('DROP SCHEMA IF EXISTS i12e_names CASCADE', 'CREATE SCHEMA i12e_names',
      'CREATE TABLE i12e_names.orders (id SERIAL PRIMARY KEY, name TEXT, amount INT)',
      'CREATE TABLE i12e_names.customers (id INT PRIMARY KEY)',
      'CREATE SEQUENCE i12e_names.orders_seq', 'CREATE INDEX orders_idx ON i12e_names.orders (amount)',
      'CREATE TYPE i12e_names.pair AS (a INT, b INT)',
      "INSERT INTO i12e_names.orders (name, amount) VALUES ('a', 5), ('b', 7)",
      'CREATE MATERIALIZED VIEW i12e_names.order_totals AS SELECT SUM(amount) AS total FROM i12e_names.orders',
      'CREATE TABLE i12e_names.parted (id INT, k INT) PARTITION BY RANGE (k)',
      'CREATE TABLE i12e_names.parted_low PARTITION OF i12e_names.parted FOR VALUES FROM (0) TO (10)',
      'INSERT INTO i12e_names.parted VALUES (1, 1), (2, 2), (3, 3)');
    await maria('DROP DATABASE IF EXISTS i12e_names', 'CREATE DATABASE i12e_names',
      'CREATE TABLE i12e_names.orders (id INT PRIMARY KEY, amount INT)',
      'CREATE SEQUENCE i12e_names.orders_seq',
      'CREATE TABLE i12e_names.history (id INT) WITH SYSTEM VERSIONING', 'INSERT INTO i12e_names.history VALUES (1)');
    await native(lite, 'CREATE TABLE orders (id INTEGER PRIMARY KEY AUTOINCREMENT, amount INT)',
      'CREATE INDEX orders_idx ON orders (amount)', 'INSERT INTO orders (amount) VALUES (5)');
    await native(h2, 'CREATE TABLE orders (id INT PRIMARY KEY)', 'CREATE SEQUENCE orders_seq', 'CREATE INDEX orders_idx ON orders (id)');
    await native(duck, 'CREATE TABLE orders (id INT PRIMARY KEY)', 'CREATE SEQUENCE orders_seq', 'CREATE INDEX orders_idx ON orders (id)');
    writeFileSync(join(dir, 'ferry.yaml'), `databases:
  pg: { url: "${SERVICES.postgres.url}", user: ${SERVICES.postgres.user}, schema: i12e_names }
  pgall: { url: "${SERVICES.postgres.url}", user: ${SERVICES.postgres.user} }
  my: { url: "jdbc:mariadb://${SERVICES.mariadb.host}:${SERVICES.mariadb.port}/i12e_names", user: ${SERVICES.mariadb.user} }
  lite: { url: "${lite}" }
  h2: { url: "${h2}", schema: PUBLIC }
  duck: { url: "${duck}" }
`);
  });

  it('reads tables, views, materialized views and partitioned tables (and a system-versioned MariaDB table)', () => {
    const r = runFerry(['query', '-f', 'csv', `SELECT 'orders' AS t, COUNT(*) AS n FROM pg.orders UNION ALL SELECT 'order_totals', COUNT(*) FROM pg.order_totals
      UNION ALL SELECT 'parted', COUNT(*) FROM pg.parted UNION ALL SELECT 'parted_low', COUNT(*) FROM pg.parted_low UNION ALL SELECT 'history', COUNT(*) FROM my.history`], dir);
    expect(r.err).toBe('');
    expect(r.out).toBe('t,n\r\norders,2\r\norder_totals,1\r\nparted,3\r\nparted_low,3\r\nhistory,1\r\n');
  });

  it('has no indexes, sequences, types or system tables among the tables a query reads, and lists none of them', () => {
    const pgTables = ['customers', 'order_totals', 'orders', 'parted', 'parted_low'];
    const cases: [string, string, string[]][] = [
      // Before, a sequence read as an empty table (exit 0) and an index failed only when run;
      // drivers that list no indexes or sequences (SQLite's, H2's, DuckDB's) cannot name them.
      ['pg.orders_seq', "Table or schema 'orders_seq' not found in 'pg': it is a sequence there, and only tables and views are read; searched 'pg'", pgTables],
      ['pg.orders_idx', "Table or schema 'orders_idx' not found in 'pg': it is an index there, and only tables and views are read; searched 'pg'", pgTables],
      ['pg.orders_pkey', "Table or schema 'orders_pkey' not found in 'pg': it is an index there, and only tables and views are read; searched 'pg'", pgTables],
      ['pg.orders_id_seq', "Table or schema 'orders_id_seq' not found in 'pg': it is a sequence there, and only tables and views are read; searched 'pg'", pgTables],
      ['pg.pair', "Table or schema 'pair' not found in 'pg': it is a type there, and only tables and views are read; searched 'pg'", pgTables],
      ['my.i12e_names.orders_seq', "Table or schema 'orders_seq' not found in 'my.i12e_names': it is a sequence there, and only tables and views are read; searched 'my.i12e_names'", ['history', 'orders']],
      ['lite.sqlite_sequence', "Table or schema 'sqlite_sequence' not found in 'lite': it is a system table there, and only tables and views are read; searched 'lite'", ['orders']],
      ['lite.orders_idx', "Table or schema 'orders_idx' not found in 'lite'; searched 'lite'", ['orders']],
      ['h2.ORDERS_SEQ', "Table or schema 'ORDERS_SEQ' not found in 'h2'; searched 'h2'", ['ORDERS']],
      ['duck.orders_seq', "Table or schema 'orders_seq' not found in 'duck'; searched 'duck'", ['main', 'orders']],
    ];
    for (const [name, message, listed] of cases) {
      const r = runFerry(['query', `SELECT COUNT(*) FROM ${name}`], dir);
      const m = /^ferry: error \[SQL_VALIDATION\]: (.*), which has: (.*)\n$/.exec(r.err);
      expect({ name, code: r.code, message: m?.[1], listed: m?.[2]?.split(', ').sort() }).toEqual({ name, code: 2, message, listed });
    }
    const close = runFerry(['query', 'SELECT * FROM pg.ordrs'], dir);
    expect(close.err).toBe("ferry: error [SQL_VALIDATION]: Table or schema 'ordrs' not found in 'pg'; did you mean 'orders'? searched 'pg', which has: orders, parted, customers, order_totals, parted_low\n");
  });

  it('suggests a column whose two letters are swapped', () => {
    const r = runFerry(['query', 'SELECT nmae FROM pg.orders'], dir);
    expect(r.code).toBe(2);
    expect(r.err).toBe("ferry: error [SQL_VALIDATION]: Column 'nmae' not found in any table; did you mean 'name'? the tables read have: name, id, amount\n");
  });

  it('copy --tables: a name matching no table is a usage error, with the closest table, before anything is copied', () => {
    const r = runFerry(['copy', '--from', 'pg', '--to', 'my', '--tables', 'customers,ordrs,order_totals', '--create'], dir);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toBe('ferry: connecting to pg and my, planning 3 tables …\n'
      + "ferry: error [USAGE]: --tables 'ordrs' matches no table of pg; did you mean 'orders'? (there are: orders, parted, customers, parted_low)\n"
      + "--tables 'order_totals' matches no table of pg ('order_totals' is a view, and only tables are copied); there are: orders, customers, parted_low, parted (see ferry copy --help)\n");
    // customers was named correctly, yet not copied: nothing starts while a name is wrong.
    expect(runFerry(['query', 'SELECT * FROM my.customers'], dir).code).toBe(2);
    const json = runFerry(['copy', '--from', 'pg', '--to', 'my', '--tables', 'ordrs', '--format', 'json'], dir);
    expect(json.code).toBe(2);
    expect(json.out).not.toContain('"kind":"failed"');
  });

  it('verify --tables: a name matching no table or view is a usage error, with the closest name', () => {
    const r = runFerry(['verify', '--from', 'pg', '--to', 'my', '--tables', 'ordrs'], dir);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toBe("ferry: error [USAGE]: --tables 'ordrs' matches no table or view of pg; did you mean 'orders'? (there are: orders, parted, customers, order_totals, parted_low) (see ferry verify --help)\n");
  });

  it('a misspelt database or schema names the closest one: tables, check, query', () => {
    const db = runFerry(['tables', 'pgg'], dir);
    expect(db.code).toBe(2);
    expect(db.err).toBe("ferry: error [UNKNOWN_DATABASE]: no database named 'pgg' is configured; did you mean 'pg'? (there are: pg, h2, my, pgall, duck, lite)\n");
    const check = runFerry(['check', '--from', 'pgall.i12e_nmaes', '--to', 'my'], dir);
    expect(check.code).toBe(2);
    expect(check.err).toMatch(/^ferry: error \[USAGE\]: database 'pgall' has no namespace 'i12e_nmaes'; did you mean 'i12e_names'\? its schemas: (.*, )?i12e_names, .*\(or pin one with databases\.pgall\.schema\) \(see ferry check --help\)\n$/);
    const side = runFerry(['check', '--from', 'pgg', '--to', 'my'], dir);
    expect(side.err).toBe("ferry: error [UNKNOWN_DATABASE]: 'pgg' is neither a configured database (pg, pgall, my, lite, h2, duck) nor a snapshot file (*.json); did you mean 'pg'?\n");
    const tables = runFerry(['tables', 'pgall.i12e_nmaes'], dir);
    expect(tables.err).toMatch(/^ferry: error \[USAGE\]: database 'pgall' has no namespace 'i12e_nmaes'; did you mean 'i12e_names'\? /);
  });
});
