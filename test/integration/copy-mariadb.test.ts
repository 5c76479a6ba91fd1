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
      // Every byte value, and the control characters PostgreSQL's COPY text escapes as \\f, \\v
      // and \\b (MariaDB's LOAD DATA reads \\f and \\v as plain letters).
      "INSERT INTO copy_load.bytes SELECT 4, decode(string_agg(lpad(to_hex(i), 2, '0'), ''), 'hex'), E'ff\\fvt\\x0bbs\\b\\x01\\\\N', 1, true FROM generate_series(0, 255) i",
      'CREATE TABLE copy_load.stamps (id INT PRIMARY KEY, ts TIMESTAMP(6))',
      "INSERT INTO copy_load.stamps SELECT i, TIMESTAMP '2024-01-01' + i * INTERVAL '1.000001 second' FROM generate_series(1, 10000) i",
      "UPDATE copy_load.stamps SET ts = 'infinity' WHERE id = 5000",
      'CREATE TABLE copy_load.long (id INT PRIMARY KEY, s TEXT)',
      "INSERT INTO copy_load.long VALUES (1, 'ok'), (2, 'far too long for three')",
    );
    await maria('DROP TABLE IF EXISTS copy_load_long', 'CREATE TABLE copy_load_long (id INT PRIMARY KEY, s VARCHAR(3)) CHARACTER SET utf8mb4', 'DROP TABLE IF EXISTS bytes', 'DROP TABLE IF EXISTS stamps', 'DROP TABLE IF EXISTS copy_load_later');
    ferry = await Ferry.open({
      databases: {
        src: { url: SERVICES.postgres.url, user: SERVICES.postgres.user, schema: 'copy_load' },
        tgt: { url: SERVICES.mariadb.url, user: SERVICES.mariadb.user, schema: 'test' },
      },
    });
  });
  afterAll(async () => ferry?.close());

  it('loads escapes, NUL bytes, emoji, empty strings and NULLs exactly', async () => {
    const notes: string[] = [];
    const [r] = await copy(ferry, { from: 'src', to: 'tgt', tables: ['bytes'], create: true, mode: 'replace' }, (e) => {
      if (e.kind === 'note') notes.push(e.message);
    });
    expect(r).toMatchObject({ ok: true, rows: 4 });
    // Straight from PostgreSQL's COPY, re-escaped byte by byte.
    expect(notes.join('\n')).toMatch(/re-escaped for LOAD DATA/);
    expect(rows(await ferry.query('SELECT id, b, t, n, f FROM tgt.bytes WHERE id < 4 ORDER BY id'))).toEqual([
      ['1', '00095c0a0d7f41', 'tab\there\nnew\\line\r😀', '12345678901234.5678', 'true'],
      ['2', '', '', null, 'false'],
      ['3', null, null, '-0.0001', null],
    ]);
    expect(rows(await ferry.query('SELECT t FROM tgt.bytes WHERE id = 4'))).toEqual([['ff\fvt\vbs\b\x01\\N']]);
    // verify compares every cell, the 256 bytes included.
    const [v] = await verify(ferry, { from: 'src', to: 'tgt', tables: ['bytes'] });
    expect(v).toMatchObject({ match: true, sourceRows: 4, targetRows: 4 });
  });

  it('rejects a value too long for its column and commits nothing', async () => {
    const direct = await ferry.copyJob({ from: 'src', to: 'tgt', table: 'long', targetTable: 'copy_load_long', mode: 'append' })
      .then((job) => job.run().then(() => ({ ok: true, code: '', message: '' }), (e: { code: string; message: string }) => ({ ok: false, code: e.code, message: e.message })));
    expect(direct).toMatchObject({ ok: false, code: 'COPY_VALUE_REJECTED' });
    // The fast path's load raised a warning; the chunk was copied again value by value, which
    // names the row.
    expect(direct.message).toMatch(/far too long/);
    expect(direct.message).toMatch(/id=2/);
    expect(rows(await ferry.query('SELECT COUNT(*) FROM tgt.copy_load_long'))).toEqual([['0']]);
  });

  it('a value the COPY text cannot carry, mid-chunk, sends the chunk down the typed path, which names it', async () => {
    // 'infinity' stops the re-encoding stream halfway through the chunk; the connection must
    // survive that, so the chunk can roll back and run again value by value.
    const events: string[] = [];
    const [r] = await copy(ferry, { from: 'src', to: 'tgt', tables: ['stamps'], create: true }, (e) => {
      if (e.kind === 'failed') events.push(`${e.error.code} ${e.error.message}`);
    });
    expect(r).toMatchObject({ ok: false });
    expect(events.join('\n')).toMatch(/COPY_VALUE_REJECTED .*id=5000/);
    expect(rows(await ferry.query('SELECT COUNT(*) FROM tgt.stamps'))).toEqual([['0']]);
    await pg("UPDATE copy_load.stamps SET ts = TIMESTAMP '2024-06-01 12:00:00.000001' WHERE id = 5000");
    const [again] = await copy(ferry, { from: 'src', to: 'tgt', tables: ['stamps'], mode: 'replace' });
    expect(again).toMatchObject({ ok: true, rows: 10_000 });
    const [v] = await verify(ferry, { from: 'src', to: 'tgt', tables: ['stamps'] });
    expect(v).toMatchObject({ match: true, sourceRows: 10_000, targetRows: 10_000 });
  });

  it('a table created after Ferry looked for it is found on the next query', async () => {
    const miss = await ferry.query('SELECT COUNT(*) FROM tgt.copy_load_later').catch((e: unknown) => e);
    expect((miss as { code?: string }).code).toBe('SQL_VALIDATION');
    await maria('CREATE TABLE copy_load_later (id INT)', 'INSERT INTO copy_load_later VALUES (1), (2)');
    expect(rows(await ferry.query('SELECT COUNT(*) FROM tgt.copy_load_later'))).toEqual([['2']]);
  });
});
