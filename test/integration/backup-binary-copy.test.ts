import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataType, tableFromIPC } from 'apache-arrow';
import { pg, runFerry, tempDir } from './fixtures.js';
import { SERVICES, serviceAvailable } from './services.js';

/*
 * PostgreSQL tables backed up through binary COPY (decoded straight into Arrow, hashed from the
 * vectors) give the very chunk files and checksums the JDBC path gives, for every type the
 * binary path reads and its awkward values; a restore of them is exact.
 */

const havePg = await serviceAvailable('postgres');
const dir = tempDir('ferry-bkbin-');
const SRC = 'ferry_bkbin_src';
const INF = 'ferry_bkbin_inf';
const BACK = 'ferry_bkbin_back';
const WHOLE = 'ferry_bkbin_whole';
const BIN = 'ferry_bkbin_bin';
const TXT = 'ferry_bkbin_txt';
const OFF = { FERRY_JVM_OPTS: '-Dferry.postgres.binaryCopy=false' };

const EDGE = `CREATE TABLE ${SRC}.edge (id BIGINT PRIMARY KEY, i INT, s SMALLINT, name VARCHAR(40), t TEXT, c CHAR(5), nm NAME,
  amount NUMERIC(12,2), wide NUMERIC(38,10), r REAL, f DOUBLE PRECISION, flag BOOLEAN, d DATE, tm TIME, ts TIMESTAMP, b BYTEA)`;
const ROWS = `INSERT INTO ${SRC}.edge VALUES
  (-9223372036854775808, -2147483648, -32768, '', '', 'a', 'n', -0.01, -9999999999999999999999999999.9999999999,
   '-0', 'NaN', false, '0999-12-31', '00:00:00', '0999-12-31 23:59:59.000001', '\\x00'),
  (9223372036854775807, 2147483647, 32767, 'é 😀 𝄞', E'tab\\tnl\\n\\\\N', 'ab', 'é😀', 9999999999.99, 0.0000000001,
   'Infinity', '-0', true, '1969-07-20', '23:59:59.999999', '1969-12-31 23:59:59.999999', '\\x00ff10'),
  (0, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
  (5, 1, 1, 'x', repeat('y😀', 50000), '', 'x', 0, 1, '-Infinity', 1e308, true,
   '2024-02-29', '23:00:00', '0044-03-15 12:00:00.5', '\\x'),
  (6, -1, -1, ' lead', 'NaN', ' ', '', -1.5, -0.5, 'NaN', '-Infinity', false,
   '0001-01-01', '12:00:00.000001', '1583-10-15 00:00:00.999999', '\\x5c4e00'),
  (7, 7, 7, 'é', 'z', 'ü', 'z', 1.10, 2.5, 0.1, 0.1, true, '1900-03-01', '00:00:00.5', '0001-01-01 00:00:00', '\\xffff')`;
const MORE = `INSERT INTO ${SRC}.edge SELECT g + 100, g, g % 300, 'row ' || g, md5(g::text), 'c' || (g % 10), 'n' || g,
  g / 7.0, g / 3.0, g / 3.0, g / 7.0, g % 2 = 0, DATE '1960-01-01' + g, TIME '00:00:00' + g * INTERVAL '1.000001 second',
  TIMESTAMP '1965-01-01' + g * INTERVAL '1 hour 0.000001 second', decode(lpad(to_hex(g), 8, '0'), 'hex') FROM generate_series(1, 500) g`;

// Text of few values, written dictionary-encoded: 40,000 rows are several record batches, so the
// dictionaries are replaced along the file; code is few-valued in the first 16,384 rows only.
const MANY = `CREATE TABLE ${SRC}.many AS SELECT g AS id,
  (ARRAY['shipped', '', E'tab\\there \\\\N', 'é 😀', NULL])[1 + g % 5] AS status,
  CASE WHEN g <= 16384 THEN 'c' || (g % 3) ELSE 'code ' || g END::VARCHAR(20) AS code,
  'note ' || g AS note FROM generate_series(1, 40000) g`;

// Every type a restore sends as binary COPY (edge's NAME column sends edge as text).
const TYPED = `CREATE TABLE ${SRC}.typed AS SELECT id, i, s, name, t, c, amount, wide, r, f, flag, d, tm, ts, b FROM ${SRC}.edge`;

/** A table's rows as PostgreSQL prints them, ordered. */
function copyText(ns: string, table: string): string {
  const sql = `COPY (SELECT * FROM ${ns}."${table}" ORDER BY 1) TO STDOUT`;
  return execFileSync('psql', ['-h', SERVICES.postgres.host, '-U', SERVICES.postgres.user, '-d', 'test', '-X', '-q', '-c', sql], { encoding: 'utf8', maxBuffer: 1 << 28 });
}

interface Chunk { file: string; rows: number; checksum: string; sha256: string; min?: string | null; max?: string | null }
interface Manifest { tables: { name: string; rows: number; checksum: string; chunks: Chunk[] }[] }

function manifest(folder: string): Manifest {
  return JSON.parse(readFileSync(join(folder, 'manifest.json'), 'utf8')) as Manifest;
}

/** What must not depend on the read path: every table's rows and checksums, every chunk file's bytes. */
function essence(m: Manifest): unknown {
  return m.tables.map((t) => ({ name: t.name, rows: t.rows, checksum: t.checksum, chunks: t.chunks.map((c) => [c.file, c.rows, c.checksum, c.sha256, c.min, c.max]) }));
}

describe.skipIf(!havePg)('backups read through binary COPY', () => {
  beforeAll(async () => {
    await pg(...[SRC, INF, BACK, WHOLE, BIN, TXT].flatMap((s) => [`DROP SCHEMA IF EXISTS ${s} CASCADE`, `CREATE SCHEMA ${s}`]),
      EDGE, ROWS, MORE, MANY, TYPED, `ALTER TABLE ${SRC}.typed ADD PRIMARY KEY (id)`,
      // Types binary COPY does not read (an unbounded NUMERIC is typed DECIMAL(38,18): its values
      // would be rounded): the table goes through JDBC, in the same backup.
      `CREATE TABLE ${SRC}.other (id INT PRIMARY KEY, u UUID, tz TIMESTAMPTZ, j JSONB, n NUMERIC(5,1))`,
      `INSERT INTO ${SRC}.other VALUES (1, '00000000-0000-0000-0000-000000000001', '1999-12-31 23:59:59.999999+05:30', '{"a": 1}', -1.5),
        (2, NULL, NULL, NULL, NULL)`,
      // Values both paths read alike but a restore does not give back as they were (yet): dates
      // and timestamps before Christ, 24:00:00 (pgjdbc's LocalTime.MAX), an unbounded NUMERIC
      // (typed DECIMAL(38,18), so this table goes through JDBC).
      `CREATE TABLE ${SRC}.lossy (id INT PRIMARY KEY, d DATE, ts TIMESTAMP, tm TIME, free NUMERIC)`,
      `INSERT INTO ${SRC}.lossy VALUES (1, '0001-01-01 BC', '0044-03-15 12:00:00.5 BC', '24:00:00', -12345678901234567890.123456789),
        (2, '4713-01-01 BC', '4713-01-01 00:00:00.000001 BC', NULL, 0)`,
      `CREATE TABLE ${SRC}.late (id INT PRIMARY KEY, d DATE, ts TIMESTAMP, tm TIME)`,
      `INSERT INTO ${SRC}.late VALUES (1, '0001-01-01 BC', '0044-03-15 12:00:00.5 BC', '24:00:00')`,
      `CREATE TABLE ${INF}.stamps (id INT PRIMARY KEY, ts TIMESTAMP)`,
      `INSERT INTO ${INF}.stamps VALUES (1, '2024-01-01'), (2, 'infinity')`);
    writeFileSync(join(dir, 'ferry.yaml'), `databases:\n  pg: { url: "${SERVICES.postgres.url}", user: ${SERVICES.postgres.user} }\n`);
  }, 60_000);
  afterAll(async () => {
    if (havePg) await pg(...[SRC, INF, BACK, WHOLE, BIN, TXT].map((s) => `DROP SCHEMA IF EXISTS ${s} CASCADE`));
  });

  it('writes the same chunk files and checksums as the JDBC path (hashed from the vectors or row by row), in one chunk or many', () => {
    for (const chunkRows of ['1000000', '7']) {
      const fast = join(dir, `fast-${chunkRows}`);
      const jdbc = join(dir, `jdbc-${chunkRows}`);
      const a = runFerry(['backup', `pg.${SRC}`, '--output', fast, '--jobs', '2', '--chunk-rows', chunkRows], dir);
      expect(a.code, a.err).toBe(0);
      const b = runFerry(['backup', `pg.${SRC}`, '--output', jdbc, '--jobs', '2', '--chunk-rows', chunkRows], dir, OFF);
      expect(b.code, b.err).toBe(0);
      // The JDBC path hashing each row from the result set, as verify reads a database.
      const byRow = join(dir, `rows-${chunkRows}`);
      const c = runFerry(['backup', `pg.${SRC}`, '--output', byRow, '--jobs', '2', '--chunk-rows', chunkRows], dir, { FERRY_JVM_OPTS: `${OFF.FERRY_JVM_OPTS} -Dferry.backup.rowHash=true` });
      expect(c.code, c.err).toBe(0);
      expect(essence(manifest(byRow))).toEqual(essence(manifest(jdbc)));
      expect(Object.fromEntries(manifest(fast).tables.map((t) => [t.name, t.rows]))).toEqual({ edge: 506, many: 40000, typed: 506, other: 2, lossy: 2, late: 1 });
      expect(essence(manifest(fast))).toEqual(essence(manifest(jdbc)));
    }
  }, 120_000);

  it('restores the binary-read backup exactly, every table verified', () => {
    const r = runFerry(['restore', join(dir, 'fast-7'), '--to', `pg.${BACK}`, '--jobs', '2', '--exclude', 'lossy,late'], dir);
    expect(r.code, r.err + r.out).toBe(0);
    for (const t of ['edge', 'other']) expect(copyText(BACK, t)).toBe(copyText(SRC, t));
  }, 120_000);

  it('writes few-valued text dictionary-encoded, which another Arrow reader reads as the same values, and restores it exactly', async () => {
    const plain = join(dir, 'plain');
    const a = runFerry(['backup', `pg.${SRC}`, '--output', plain, '--compress', 'none', '--tables', 'edge,many'], dir);
    expect(a.code, a.err).toBe(0);
    const many = manifest(plain).tables.find((t) => t.name === 'many')!;
    const tables = many.chunks.map((c) => tableFromIPC(readFileSync(join(plain, c.file))));
    for (const table of tables) {
      expect(table.schema.fields.map((f) => [f.name, DataType.isDictionary(f.type)])).toEqual([['id', false], ['status', true], ['code', true], ['note', false]]);
    }
    expect(tables.reduce((n, t) => n + t.batches.length, 0)).toBeGreaterThanOrEqual(3);
    const pgRows = execFileSync('psql', ['-h', SERVICES.postgres.host, '-U', SERVICES.postgres.user, '-d', 'test', '-X', '-q', '-A', '-t', '-F', '|', '-c',
      `SELECT id, coalesce(status, '<null>'), code FROM ${SRC}.many ORDER BY id`], { encoding: 'utf8' }).split('\n').slice(0, -1);
    const arrowRows = tables.flatMap((t) => [...t]).map((r) => [Number(r.id), `${r.id}|${r.status ?? '<null>'}|${r.code}`] as const)
      .sort((x, y) => x[0] - y[0]).map((x) => x[1]);
    expect(arrowRows.length).toBe(40000);
    expect(arrowRows).toEqual(pgRows);

    const r = runFerry(['restore', join(dir, 'fast-1000000'), '--to', `pg.${WHOLE}`, '--jobs', '2', '--tables', 'edge,many'], dir);
    expect(r.code, r.err + r.out).toBe(0);
    for (const t of ['edge', 'many']) expect(copyText(WHOLE, t)).toBe(copyText(SRC, t));
  }, 120_000);

  it('restores through binary COPY exactly what COPY text restores: the source', () => {
    for (const [schema, env] of [[BIN, {}], [TXT, { FERRY_JVM_OPTS: '-Dferry.postgres.binaryLoad=false' }]] as const) {
      const r = runFerry(['restore', join(dir, 'fast-1000000'), '--to', `pg.${schema}`, '--jobs', '2', '--tables', 'typed,many'], dir, env);
      expect(r.code, r.err + r.out).toBe(0);
      for (const t of ['typed', 'many']) expect(copyText(schema, t), `${schema}.${t}`).toBe(copyText(SRC, t));
    }
  }, 120_000);

  it('refuses, naming the column, a value the chunk files cannot hold (so the binary path did read it)', () => {
    const r = runFerry(['backup', `pg.${INF}`, '--output', join(dir, 'inf')], dir);
    expect(r.code).not.toBe(0);
    expect(r.err).toMatch(/column ts \(timestamp\) holds infinity/);
  }, 60_000);
});
