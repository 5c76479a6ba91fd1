import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maria, runFerry, tempDir } from './fixtures.js';
import { SERVICES, serviceAvailable } from './services.js';

/*
 * A MariaDB table read through JDBC is hashed from the Arrow vectors its rows were read into,
 * not by reading each cell of the result set again: the checksums must be the very ones the
 * row-by-row hash gives, for every MariaDB type and its awkward values.
 */

const haveMaria = await serviceAvailable('mariadb');
const dir = tempDir('ferry-bkhash-');
const DB = 'ferry_bkhash';
const ROW_HASH = { FERRY_JVM_OPTS: '-Dferry.backup.rowHash=true' };

const TABLE = `CREATE TABLE ${DB}.awkward (id BIGINT PRIMARY KEY, ti TINYINT, si SMALLINT, mi MEDIUMINT, i INT,
  ub BIGINT UNSIGNED, dec38 DECIMAL(38,10), dec12 DECIMAL(12,2), f FLOAT, d DOUBLE, flag BOOLEAN, bits BIT(1),
  dt DATE, tm TIME(6), dtm DATETIME(6), ts TIMESTAMP(6) NULL, yr YEAR, c CHAR(5), vc VARCHAR(40), tx MEDIUMTEXT,
  bl BLOB, bin BINARY(4), vb VARBINARY(10), e ENUM('a','b','ç'), st SET('x','y'), j JSON)`;
const ROWS = `INSERT INTO ${DB}.awkward VALUES
  (-9223372036854775808, -128, -32768, -8388608, -2147483648, 0, -9999999999999999999999999999.9999999999, -9999999999.99,
   -3.4e38, -1.7976931348623157e308, FALSE, b'0', '1000-01-01', '-838:59:59.000000', '1000-01-01 00:00:00.000001',
   '1970-01-02 00:00:00.000001', 1901, '', '', '', '', x'00000000', '', 'a', '', '[]'),
  (9223372036854775807, 127, 32767, 8388607, 2147483647, 18446744073709551615, 9999999999999999999999999999.9999999999,
   9999999999.99, 1.5, 0.1, TRUE, b'1', '9999-12-31', '838:59:59.999999', '9999-12-31 23:59:59.999999',
   '2038-01-19 03:14:07.999999', 2155, 'ab', 'é 😀 𝄞', 'tab\\tnl\\nbackslash\\\\ quote''', x'00ff10', x'5c4e0000', x'00', 'ç', 'x,y', '{"é": [1, 2.5]}'),
  (0, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
  (5, 0, 0, 0, 0, 1, 0.0000000001, 0.01, 0, -0.0, TRUE, b'1', '2024-02-29', '00:00:00.5', '2024-02-29 12:34:56.5',
   '2024-02-29 12:34:56.5', 2024, 'a  ', ' lead', REPEAT('x', 70000), x'', x'ff', x'', 'b', 'y', '{"a": null}')`;
const MORE = `INSERT INTO ${DB}.awkward SELECT seq + 100, seq % 100, seq, seq * 3, seq * 7, seq * 11, seq / 7, seq / 3, seq / 9, seq / 13,
  seq % 2 = 0, seq % 2, '2000-01-01' + INTERVAL seq DAY, SEC_TO_TIME(seq * 37), '2000-01-01' + INTERVAL seq * 61 SECOND,
  '2001-01-01' + INTERVAL seq * 67 SECOND, 1901 + seq % 250, CONCAT('c', seq % 10), CONCAT('row ', seq), MD5(seq),
  UNHEX(MD5(seq)), UNHEX(LPAD(HEX(seq), 8, '0')), UNHEX(HEX(seq)), ELT(1 + seq % 3, 'a', 'b', 'ç'), ELT(1 + seq % 3, '', 'x', 'x,y'),
  JSON_OBJECT('n', seq) FROM seq_1_to_3000`;

interface Manifest { tables: { name: string; rows: number; checksum: string; chunks: { rows: number; checksum: string; min?: string | null; max?: string | null }[] }[] }

function sums(folder: string): unknown {
  const m = JSON.parse(readFileSync(join(folder, 'manifest.json'), 'utf8')) as Manifest;
  return m.tables.map((t) => ({ name: t.name, rows: t.rows, checksum: t.checksum, chunks: t.chunks.map((c) => [c.rows, c.checksum, c.min, c.max]) }));
}

describe.skipIf(!haveMaria)('backups hashed from the vectors', () => {
  beforeAll(async () => {
    await maria(`DROP DATABASE IF EXISTS ${DB}`, `CREATE DATABASE ${DB}`, TABLE, ROWS, MORE);
    writeFileSync(join(dir, 'ferry.yaml'), `databases:\n  my: { url: "${SERVICES.mariadb.url}", user: ${SERVICES.mariadb.user} }\n`);
  }, 60_000);
  afterAll(async () => {
    if (haveMaria) await maria(`DROP DATABASE IF EXISTS ${DB}`);
  });

  it('gives MariaDB rows the checksums the row-by-row hash gives, in one chunk or many, and verify agrees', () => {
    for (const chunkRows of ['1000000', '700']) {
      const vectors = join(dir, `vectors-${chunkRows}`);
      const rows = join(dir, `rows-${chunkRows}`);
      const a = runFerry(['backup', `my.${DB}`, '--output', vectors, '--jobs', '2', '--chunk-rows', chunkRows], dir);
      expect(a.code, a.err).toBe(0);
      const b = runFerry(['backup', `my.${DB}`, '--output', rows, '--jobs', '2', '--chunk-rows', chunkRows], dir, ROW_HASH);
      expect(b.code, b.err).toBe(0);
      expect(sums(vectors)).toEqual(sums(rows));
    }
    const v = runFerry(['verify', '--from', join(dir, 'vectors-700'), '--to', `my.${DB}`, '--all'], dir);
    expect(v.code, v.err + v.out).toBe(0);
    expect(v.out).toMatch(/awkward: exact \(3,004 → 3,004 rows/);
  }, 120_000);

  it('is queried as a database with its widest numbers whole (DECIMAL(38, 10), BIGINT UNSIGNED)', () => {
    writeFileSync(join(dir, 'bk.yaml'), `databases:\n  bk: { backup: "${join(dir, 'vectors-700')}" }\n`);
    const q = runFerry(['query', 'SELECT max(ub) AS ub, min(dec38) AS low, max(dec38) AS high FROM bk.awkward', '--config', join(dir, 'bk.yaml')], dir);
    expect(q.code, q.err).toBe(0);
    expect(q.out.trim().split(/\r?\n/)).toEqual(['ub,low,high',
      '18446744073709551615,-9999999999999999999999999999.9999999999,9999999999999999999999999999.9999999999']);
  }, 60_000);
});
