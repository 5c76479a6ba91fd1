import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Ferry } from '../../src/api/index.js';
import { FerryError } from '../../src/errors/index.js';
import { maria, native, pg, rows, tempDir } from './fixtures.js';
import { SERVICES, serviceAvailable } from './services.js';

const havePg = await serviceAvailable('postgres');
const haveMaria = await serviceAvailable('mariadb');
const dir = tempDir();
const liteUrl = `jdbc:sqlite:${join(dir, 'lite.db')}`;
const h2Url = `jdbc:h2:${join(dir, 'h2')}`;

describe.skipIf(!havePg || !haveMaria)('one query across SQLite, PostgreSQL, MariaDB and H2', () => {
  let ferry: Ferry;

  beforeAll(async () => {
    await native(liteUrl,
      'CREATE TABLE accounts (id BIGINT PRIMARY KEY, owner VARCHAR(40) NOT NULL)',
      "INSERT INTO accounts VALUES (9007199254740993, 'Zoë 😀'), (9223372036854775807, 'max'), (1, 'unmatched')");
    await pg(
      'DROP SCHEMA IF EXISTS ferry_it CASCADE',
      'CREATE SCHEMA ferry_it',
      'CREATE TABLE ferry_it."Order Items" (id BIGINT PRIMARY KEY, account_id BIGINT NOT NULL, "select" TEXT, amount NUMERIC(38,10) NOT NULL)',
      `INSERT INTO ferry_it."Order Items" VALUES (1, 9007199254740993, 'first', 1234567890123456789012345678.0123456789), (2, 9223372036854775807, NULL, -0.0000000001), (3, 9007199254740993, 'third', 0)`,
      'CREATE TABLE ferry_it."MixedCase" ("Id" INT PRIMARY KEY, "Label" TEXT)',
      `INSERT INTO ferry_it."MixedCase" VALUES (7, 'seven')`,
    );
    await maria(
      'DROP TABLE IF EXISTS ferry_it_rates',
      'CREATE TABLE ferry_it_rates (account_id BIGINT PRIMARY KEY, rate DECIMAL(20,6) NOT NULL, note VARCHAR(50)) CHARACTER SET utf8mb4',
      "INSERT INTO ferry_it_rates VALUES (9007199254740993, 12345678901234.123456, '𝄞 clef'), (9223372036854775807, -0.000001, NULL)",
    );
    await native(h2Url,
      'CREATE TABLE STOCK (ACCOUNT_ID BIGINT PRIMARY KEY, ON_HAND INT)',
      'INSERT INTO STOCK VALUES (9007199254740993, 5)');
    ferry = await Ferry.open({
      databases: {
        lite: { url: liteUrl },
        pg: { url: SERVICES.postgres.url, user: SERVICES.postgres.user },
        maria: { url: SERVICES.mariadb.url, user: SERVICES.mariadb.user, schema: 'test' },
        h2: { url: h2Url, schema: 'public' },
      },
    });
  });

  afterAll(async () => {
    await ferry?.close();
  });

  it('joins three engines with exact BIGINT and DECIMAL values', async () => {
    const t = await ferry.query(`
      SELECT a.id, a.owner, o."select" AS what, o.amount, r.rate, r.note
      FROM lite.accounts a
      JOIN pg.ferry_it."Order Items" o ON o.account_id = a.id
      JOIN maria.ferry_it_rates r ON r.account_id = a.id
      ORDER BY a.id, o.id`);
    expect(t.schema.fields.map((f) => f.name)).toEqual(['id', 'owner', 'what', 'amount', 'rate', 'note']);
    expect(rows(t)).toEqual([
      ['9007199254740993', 'Zoë 😀', 'first', '1234567890123456789012345678.0123456789', '12345678901234.123456', '𝄞 clef'],
      ['9007199254740993', 'Zoë 😀', 'third', '0.0000000000', '12345678901234.123456', '𝄞 clef'],
      ['9223372036854775807', 'max', null, '-0.0000000001', '-0.000001', null],
    ]);
  });

  it('matches unquoted names case-insensitively and keeps quoted names exact', async () => {
    expect(rows(await ferry.query('SELECT account_id, on_hand FROM H2.stock'))).toEqual([['9007199254740993', '5']]);
    expect(rows(await ferry.query('SELECT "Id", "Label" FROM pg.ferry_it."MixedCase"'))).toEqual([['7', 'seven']]);
    expect(rows(await ferry.query('SELECT id, label FROM pg.FERRY_IT.mixedcase'))).toEqual([['7', 'seven']]);
  });

  it('pushes filters, projections and aggregates into each source', async () => {
    const ex = await ferry.explain(`
      SELECT a.owner, SUM(o.amount) AS total
      FROM lite.accounts a JOIN pg.ferry_it."Order Items" o ON o.account_id = a.id
      WHERE o.id > 1 AND a.owner <> 'x'
      GROUP BY a.owner`);
    const pgSql = ex.queries.find((q) => q.database === 'pg')?.sql ?? '';
    const liteSql = ex.queries.find((q) => q.database === 'lite')?.sql ?? '';
    expect(pgSql).toMatch(/WHERE .*"id" > 1/s);
    expect(pgSql).not.toMatch(/"select"/);
    expect(liteSql).toMatch(/WHERE .*"owner" <> 'x'/s);
    expect(ex.plan).toMatch(/EnumerableHashJoin|EnumerableMergeJoin|EnumerableNestedLoopJoin|BindJoin/);
    const agg = await ferry.explain('SELECT account_id, COUNT(*) FROM pg.ferry_it."Order Items" GROUP BY account_id');
    expect(agg.queries).toHaveLength(1);
    expect(agg.queries[0]!.sql).toMatch(/GROUP BY/);
  });

  it('sends casts and string functions each engine understands', async () => {
    expect(rows(await ferry.query('SELECT CAST(account_id AS VARCHAR(30)) AS s, CHAR_LENGTH(note) AS n FROM maria.ferry_it_rates ORDER BY account_id'))).toEqual([['9007199254740993', '6'], ['9223372036854775807', null]]);
    expect(rows(await ferry.query("SELECT CAST(id AS VARCHAR(30)) AS s, CHAR_LENGTH(owner) AS n FROM lite.accounts WHERE owner <> 'unmatched' ORDER BY id"))).toEqual([['9007199254740993', '5'], ['9223372036854775807', '3']]);
    expect(rows(await ferry.query('SELECT CAST(on_hand AS VARCHAR(10)) AS s FROM h2.stock'))).toEqual([['5']]);
  });

  it('names what it searched when a table or database is unknown', async () => {
    const e1 = await ferry.query('SELECT * FROM pg.ferry_it.nosuch').catch((e: unknown) => e);
    expect(e1).toBeInstanceOf(FerryError);
    expect((e1 as FerryError).code).toBe('SQL_VALIDATION');
    expect((e1 as FerryError).message).toMatch(/'nosuch' not found in 'pg.ferry_it'.*Order Items/);
    const e2 = await ferry.query('SELECT * FROM nodb.t').catch((e: unknown) => e);
    expect((e2 as FerryError).message).toMatch(/Database 'nodb' not found; configured databases: lite, pg, maria, h2/);
    const e3 = await ferry.query('SELECT nocol FROM lite.accounts').catch((e: unknown) => e);
    expect((e3 as FerryError).message).toMatch(/Column 'nocol' not found/);
  });

  it('reports SQL syntax errors with line and column', async () => {
    const e = (await ferry.query('SELECT id\nFROM lite.accounts WHERE').catch((x: unknown) => x)) as FerryError;
    expect(e.code).toBe('SQL_SYNTAX');
    expect(e.meta).toMatchObject({ line: 2, column: 24 });
    expect(e.exitCode).toBe(2);
  });
});
