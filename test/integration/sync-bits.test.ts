import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mariaSql, pgSql, startBinlogMariaDb, startLogicalPostgres, type BinlogMariaDb, type LogicalPostgres } from '../../scripts/lib/private-servers.js';
import { runFerry, tempDir } from './fixtures.js';
import { privateServerAvailable } from './services.js';

/*
 * ferry sync applies bit strings exactly as ferry copy writes them (issue 14, fidelity "as in
 * copy"): MariaDB's BIT(n) as its unsigned integer (Debezium sends BIT(n > 1) as little-endian
 * bytes), PostgreSQL's bit(n) and varbit as their text of 0s and 1s (leading zeros included,
 * which Debezium's bytes would lose), BIT(1) and bit(1) as booleans. The initial copy's rows and
 * the streamed changes must agree, so verify finds every table exact and a fresh copy of the
 * source holds the very same rows.
 */

const canRun = privateServerAvailable('postgres') && privateServerAvailable('mariadb');
const MAX64 = '18446744073709551615';
const ONES64 = '1'.repeat(64);

describe.runIf(canRun)('ferry sync applies bit strings as ferry copy writes them', () => {
  let maria: BinlogMariaDb;
  let postgres: LogicalPostgres;
  let dir: string;
  const my = (statement: string, db = 'test'): string => mariaSql(maria, statement, db);
  const sql = (statement: string, db: string): string => pgSql(postgres, statement, db);
  const sync = (from: string, to: string, ...more: string[]) => runFerry(['sync', '--from', from, '--to', to, '--tables', 'bits', '--until-caught-up', ...more], dir);
  const verify = (from: string, to: string) => runFerry(['verify', '--from', from, '--to', to, '--tables', 'bits'], dir);
  /** Syncs, expecting success, and returns stderr (progress and notes). */
  const synced = (from: string, to: string, ...more: string[]): string => {
    const r = sync(from, to, ...more);
    expect(r.code, r.err).toBe(0);
    expect(r.out + r.err).toMatch(/caught up/);
    return r.err;
  };
  /** The target table's column types, as PostgreSQL spells them. */
  const pgTypes = (db: string): string =>
    sql("SELECT string_agg(attname || ' ' || format_type(atttypid, atttypmod), ', ' ORDER BY attnum) FROM pg_attribute WHERE attrelid = 'public.bits'::regclass AND attnum > 0 AND NOT attisdropped", db);
  const exact = (from: string, to: string): void => {
    const v = verify(from, to);
    expect(v.code, v.out + v.err).toBe(0);
    expect(v.out).toContain('bits: exact');
  };

  beforeAll(async () => {
    [maria, postgres] = await Promise.all([startBinlogMariaDb({ name: 'ferry_sync_bits_my' }), startLogicalPostgres({ name: 'ferry_sync_bits_pg' })]);
    for (const db of ['src', 'dst', 'frommy']) sql(`CREATE DATABASE ${db}`, 'postgres');
    my('CREATE DATABASE frompg');
    my('CREATE DATABASE copymy');
    dir = tempDir('i14-sync-bits-');
    const pgAt = (db: string): string => `jdbc:postgresql://127.0.0.1:${postgres.port}/${db}`;
    const mariaAt = (db: string): string => `jdbc:mariadb://127.0.0.1:${maria.port}/${db}`;
    const databases: Record<string, [string, string]> = {
      my: [maria.url, 'root'], mydst: [mariaAt('frompg'), 'root'], mymy: [mariaAt('copymy'), 'root'],
      pg: [pgAt('src'), 'postgres'], pgdst: [pgAt('dst'), 'postgres'], frommy: [pgAt('frommy'), 'postgres'],
    };
    writeFileSync(join(dir, 'ferry.yaml'), ['databases:', ...Object.entries(databases).map(([name, [url, user]]) => `  ${name}: { url: "${url}", user: ${user} }`)].join('\n') + '\n');
    my(`CREATE TABLE bits (id INT PRIMARY KEY, b1 BIT(1), b5 BIT(5), b64 BIT(64));
      INSERT INTO bits VALUES (1, 0, 0, 0), (2, 1, 1, 1), (3, 1, 31, b'${ONES64}'), (4, NULL, NULL, NULL), (5, 0, 16, 9223372036854775808)`);
    // note: an incompressible value stored out of line, which an update that leaves it alone does
    // not carry (the row is then updated column by column, the bit strings bound as parameters).
    sql(`CREATE TABLE bits (id INT PRIMARY KEY, b1 bit(1), b7 bit(7), vb varbit(10), vu varbit, note text);
      INSERT INTO bits VALUES (1, B'0', B'0000000', B'', B'', NULL), (2, B'1', B'0000001', B'0010', B'1', 'short'),
        (3, B'1', B'1111111', B'1111111111', B'10', (SELECT string_agg(md5(g::text), '') FROM generate_series(1, 2000) g)),
        (4, NULL, NULL, NULL, NULL, NULL)`, 'src');
  }, 180_000);

  afterAll(() => {
    maria?.stop();
    postgres?.stop();
  });

  it('MariaDB → PostgreSQL: BIT(1) a boolean, BIT(5) a BIGINT, BIT(64) a NUMERIC(20, 0), copied and streamed alike', () => {
    expect(synced('my', 'frommy', '--create')).toContain('copied bits: 5 rows');
    expect(pgTypes('frommy')).toBe('id integer, b1 boolean, b5 bigint, b64 numeric(20,0)');
    my(`INSERT INTO bits VALUES (6, 1, 31, b'${ONES64}'), (7, 0, 0, 0), (8, NULL, 30, 9223372036854775807), (9, 1, b'00001', b'${'0'.repeat(63)}1');
      UPDATE bits SET b5 = 31, b64 = b'${ONES64}' WHERE id = 1;
      UPDATE bits SET b1 = 0, b5 = 0, b64 = 0 WHERE id = 3;
      UPDATE bits SET b1 = 1, b5 = 1 WHERE id = 4;
      UPDATE bits SET b64 = NULL WHERE id = 2;
      DELETE FROM bits WHERE id = 5`);
    synced('my', 'frommy');
    exact('my', 'frommy');
    expect(sql("SELECT string_agg(concat_ws('|', id, coalesce(b1::text, 'null'), coalesce(b5::text, 'null'), coalesce(b64::text, 'null')), ' ' ORDER BY id) FROM bits", 'frommy'))
      .toBe(`1|false|31|${MAX64} 2|true|1|null 3|false|0|0 4|true|1|null 6|true|31|${MAX64} 7|false|0|0 8|null|30|9223372036854775807 9|true|1|1`);
    // A fresh copy of the source now holds exactly the rows the copy and the stream made.
    sql('CREATE SCHEMA fresh', 'frommy');
    const copy = runFerry(['copy', '--from', 'my', '--to', 'frommy.fresh', '--tables', 'bits', '--create'], dir);
    expect(copy.code, copy.err).toBe(0);
    expect(sql('SELECT count(*) FROM fresh.bits', 'frommy')).toBe('8');
    expect(sql('SELECT count(*) FROM ((SELECT * FROM public.bits EXCEPT SELECT * FROM fresh.bits) UNION ALL (SELECT * FROM fresh.bits EXCEPT SELECT * FROM public.bits)) d', 'frommy')).toBe('0');
    // A target column that would read back another value (bit(5) would take 31 as the bits of
    // the digits) is refused, table and column named, and nothing of the batch is applied.
    sql('ALTER TABLE public.bits ALTER b5 TYPE bit(5) USING NULL', 'frommy');
    my('UPDATE bits SET b5 = 30 WHERE id = 6');
    const refused = sync('my', 'frommy');
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('[COPY_VALUE_REJECTED]: ferry sync cannot apply bits.b5 exactly: the source\'s bit string reads as the unsigned integer 30');
    expect(sql('SELECT count(*) FROM public.bits WHERE b5 IS NOT NULL', 'frommy')).toBe('0');
  }, 300_000);

  it('MariaDB → MariaDB: BIT(n > 1) kept with its length (BIT(1) a boolean), copied and streamed alike', () => {
    expect(synced('my', 'mymy', '--create')).toContain('copied bits: 8 rows');
    expect(my("SELECT GROUP_CONCAT(CONCAT(COLUMN_NAME, ' ', COLUMN_TYPE) ORDER BY ORDINAL_POSITION SEPARATOR ', ') FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = 'copymy' AND TABLE_NAME = 'bits'"))
      .toBe('id int(11), b1 tinyint(1), b5 bit(5), b64 bit(64)');
    my(`INSERT INTO bits VALUES (10, 1, 16, 9223372036854775808);
      UPDATE bits SET b5 = 0, b64 = 1 WHERE id = 1;
      UPDATE bits SET b1 = NULL, b5 = 31, b64 = b'${ONES64}' WHERE id = 7`);
    synced('my', 'mymy');
    exact('my', 'mymy');
    expect(my("SELECT GROUP_CONCAT(CONCAT_WS('|', id, IFNULL(b1 + 0, 'null'), IFNULL(b5 + 0, 'null'), IFNULL(b64 + 0, 'null')) ORDER BY id SEPARATOR ' ') FROM bits", 'copymy'))
      .toBe(`1|0|0|1 2|1|1|null 3|0|0|0 4|1|1|null 6|1|30|${MAX64} 7|null|31|${MAX64} 8|null|30|9223372036854775807 9|1|1|1 10|1|16|9223372036854775808`);
  }, 300_000);

  it('PostgreSQL → PostgreSQL: bit(1) a boolean, bit(7) and varbit their 0s and 1s with leading zeros, copied and streamed alike', () => {
    expect(synced('pg', 'pgdst', '--create')).toContain('copied bits: 4 rows');
    expect(pgTypes('dst')).toBe('id integer, b1 boolean, b7 bit(7), vb bit varying(10), vu bit varying, note text');
    // B'010' and B'0001' differ from B'10' and B'1' only by leading zeros, which Debezium's Bits lose.
    sql(`INSERT INTO bits VALUES (5, B'1', B'1000000', B'0', B'0001', 'new'), (6, B'0', B'0000000', B'', B'010', NULL);
      UPDATE bits SET vb = B'0010', vu = B'010' WHERE id = 1;
      UPDATE bits SET b7 = B'0000000', vb = NULL, b1 = B'0' WHERE id = 2;
      UPDATE bits SET b7 = B'0101010', vb = B'01', vu = B'' WHERE id = 3;
      UPDATE bits SET b1 = B'1', b7 = B'1111111', vb = B'1111111111', vu = B'0' WHERE id = 4`, 'src');
    synced('pg', 'pgdst');
    exact('pg', 'pgdst');
    expect(sql("SELECT string_agg(concat_ws('|', id, coalesce(b1::text, 'null'), coalesce(b7::text, 'null'), coalesce(vb::text, 'null'), coalesce(vu::text, 'null'), coalesce(length(note)::text, 'null')), ' ' ORDER BY id) FROM bits", 'dst'))
      .toBe('1|false|0000000|0010|010|null 2|false|0000000|null|1|5 3|true|0101010|01||64000 4|true|1111111|1111111111|0|null 5|true|1000000|0|0001|3 6|false|0000000||010|null');
  }, 300_000);

  it('PostgreSQL → MariaDB: bit(7) and varbit as VARCHAR holding their 0s and 1s, copied and streamed alike', () => {
    expect(synced('pg', 'mydst', '--create')).toContain('copied bits: 6 rows');
    expect(my("SELECT GROUP_CONCAT(CONCAT(COLUMN_NAME, ' ', COLUMN_TYPE) ORDER BY ORDINAL_POSITION SEPARATOR ', ') FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = 'frompg' AND TABLE_NAME = 'bits' AND COLUMN_NAME IN ('b7', 'vb')"))
      .toBe('b7 varchar(7), vb varchar(10)');
    sql(`INSERT INTO bits VALUES (7, B'1', B'0000011', B'0000000000', B'00', NULL);
      UPDATE bits SET b7 = B'0000001', vu = B'0000' WHERE id = 5;
      UPDATE bits SET vb = B'1' WHERE id = 6`, 'src');
    synced('pg', 'mydst');
    exact('pg', 'mydst');
    expect(my("SELECT GROUP_CONCAT(CONCAT_WS('|', id, IFNULL(b1, 'null'), IFNULL(b7, 'null'), IFNULL(vb, 'null'), IFNULL(vu, 'null')) ORDER BY id SEPARATOR ' ') FROM bits", 'frompg'))
      .toBe('1|0|0000000|0010|010 2|0|0000000|null|1 3|1|0101010|01| 4|1|1111111|1111111111|0 5|1|0000001|0|0000 6|0|0000000|1|010 7|1|0000011|0000000000|00');
  }, 300_000);
});
