import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copy, Ferry, verify } from '../../src/api/index.js';
import { maria, pg, rows } from './fixtures.js';
import { SERVICES, serviceAvailable } from './services.js';

const havePg = await serviceAvailable('postgres');
const haveMaria = await serviceAvailable('mariadb');

describe.skipIf(!havePg || !haveMaria)('copy into MariaDB through LOAD DATA LOCAL', () => {
  let ferry: Ferry;
  beforeAll(async () => {
    await pg(
      'DROP SCHEMA IF EXISTS copy_load CASCADE',
      'CREATE SCHEMA copy_load',
      'CREATE TABLE copy_load.bytes (id INT PRIMARY KEY, b BYTEA, t TEXT, n NUMERIC(20,4), f BOOLEAN)',
      "INSERT INTO copy_load.bytes VALUES (1, '\\x00095c0a0d7f41'::bytea, E'tab\\there\\nnew\\\\line\\r😀', 12345678901234.5678, true), (2, '', '', NULL, false), (3, NULL, NULL, -0.0001, NULL)",
      'CREATE TABLE copy_load.long (id INT PRIMARY KEY, s TEXT)',
      "INSERT INTO copy_load.long VALUES (1, 'ok'), (2, 'far too long for three')",
    );
    await maria('DROP TABLE IF EXISTS copy_load_long', 'CREATE TABLE copy_load_long (id INT PRIMARY KEY, s VARCHAR(3)) CHARACTER SET utf8mb4', 'DROP TABLE IF EXISTS bytes');
    ferry = await Ferry.open({
      databases: {
        src: { url: SERVICES.postgres.url, user: SERVICES.postgres.user, schema: 'copy_load' },
        tgt: { url: SERVICES.mariadb.url, user: SERVICES.mariadb.user, schema: 'test' },
      },
    });
  });
  afterAll(async () => ferry?.close());

  it('loads escapes, NUL bytes, emoji, empty strings and NULLs exactly', async () => {
    const [r] = await copy(ferry, { from: 'src', to: 'tgt', tables: ['bytes'], create: true, mode: 'replace' });
    expect(r).toMatchObject({ ok: true, rows: 3 });
    expect(rows(await ferry.query('SELECT id, b, t, n, f FROM tgt.bytes ORDER BY id'))).toEqual([
      ['1', '00095c0a0d7f41', 'tab\there\nnew\\line\r😀', '12345678901234.5678', 'true'],
      ['2', '', '', null, 'false'],
      ['3', null, null, '-0.0001', null],
    ]);
    const [v] = await verify(ferry, { from: 'src', to: 'tgt', tables: ['bytes'] });
    expect(v).toMatchObject({ match: true, sourceRows: 3, targetRows: 3 });
  });

  it('rejects a value too long for its column and commits nothing', async () => {
    const direct = await ferry.copyJob({ from: 'src', to: 'tgt', table: 'long', targetTable: 'copy_load_long', mode: 'append' })
      .then((job) => job.run().then(() => ({ ok: true, code: '', message: '' }), (e: { code: string; message: string }) => ({ ok: false, code: e.code, message: e.message })));
    expect(direct).toMatchObject({ ok: false, code: 'COPY_VALUE_REJECTED' });
    expect(direct.message).toMatch(/far too long/);
    expect(rows(await ferry.query('SELECT COUNT(*) FROM tgt.copy_load_long'))).toEqual([['0']]);
  });
});
