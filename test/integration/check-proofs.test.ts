import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { check, Ferry } from '../../src/api/index.js';
import { queryEvidence } from '../../src/api/proof-evidence.js';
import { proofKey, type ProofRequest } from '../../src/compat/proofs.js';
import type { LogicalType, TableInfo } from '../../src/schema/model.js';
import { maria, native, pg, tempDir } from './fixtures.js';
import { SERVICES, serviceAvailable } from './services.js';

/**
 * Every kind of proof query `check` can send, run against every engine: the same table, with
 * rows whose answers are known, in PostgreSQL, MariaDB, SQLite, H2 and DuckDB.
 */

const havePg = await serviceAvailable('postgres');
const haveMaria = await serviceAvailable('mariadb');
const dir = tempDir('ferry-proofs-');
const NS = 'ferry_proofs';

/** How one engine spells the fixture. */
interface Engine {
  readonly name: string;
  readonly available: boolean;
  readonly config: { readonly url: string; readonly user?: string; readonly schema?: string };
  /** Native statements run before Ferry opens. */
  readonly setup: (statements: readonly string[]) => Promise<unknown>;
  readonly reset: readonly string[];
  /** Qualifies a table name for the native statements. */
  readonly t: (name: string) => string;
  readonly types: { readonly bin: string; readonly dbl: string; readonly ts: string; readonly tm: string; readonly tz: string | null };
  readonly hex: (hex: string) => string;
}

const ENGINES: readonly Engine[] = [
  {
    name: 'PostgreSQL',
    available: havePg,
    config: { url: SERVICES.postgres.url, user: SERVICES.postgres.user, schema: NS },
    setup: (s) => pg(...s),
    reset: [`DROP SCHEMA IF EXISTS ${NS} CASCADE`, `CREATE SCHEMA ${NS}`],
    t: (n) => `${NS}.${n}`,
    types: { bin: 'BYTEA', dbl: 'DOUBLE PRECISION', ts: 'TIMESTAMP(6)', tm: 'TIME(6)', tz: 'TIMESTAMPTZ(6)' },
    hex: (h) => `'\\x${h}'`,
  },
  {
    name: 'MariaDB',
    available: haveMaria,
    config: { url: SERVICES.mariadb.url, user: SERVICES.mariadb.user, schema: NS },
    setup: (s) => maria(...s),
    reset: [`DROP DATABASE IF EXISTS ${NS}`, `CREATE DATABASE ${NS} CHARACTER SET utf8mb4`],
    t: (n) => `${NS}.${n}`,
    types: { bin: 'VARBINARY(20)', dbl: 'DOUBLE', ts: 'DATETIME(6)', tm: 'TIME(6)', tz: null },
    hex: (h) => `X'${h}'`,
  },
  {
    name: 'SQLite',
    available: true,
    config: { url: `jdbc:sqlite:${join(dir, 'proofs.db')}` },
    setup: (s) => native(`jdbc:sqlite:${join(dir, 'proofs.db')}`, ...s),
    reset: [],
    t: (n) => n,
    types: { bin: 'BLOB', dbl: 'DOUBLE', ts: 'DATETIME', tm: 'TIME', tz: null },
    hex: (h) => `X'${h}'`,
  },
  {
    name: 'H2',
    available: true,
    config: { url: `jdbc:h2:${join(dir, 'proofs')}`, schema: 'PUBLIC' },
    setup: (s) => native(`jdbc:h2:${join(dir, 'proofs')}`, ...s),
    reset: [],
    t: (n) => n,
    types: { bin: 'VARBINARY(20)', dbl: 'DOUBLE PRECISION', ts: 'TIMESTAMP(6)', tm: 'TIME(6)', tz: 'TIMESTAMP(6) WITH TIME ZONE' },
    hex: (h) => `X'${h}'`,
  },
  {
    name: 'DuckDB',
    available: true,
    config: { url: `jdbc:duckdb:${join(dir, 'proofs.duckdb')}`, schema: 'main' },
    setup: (s) => native(`jdbc:duckdb:${join(dir, 'proofs.duckdb')}`, ...s),
    reset: [],
    t: (n) => n,
    types: { bin: 'BLOB', dbl: 'DOUBLE', ts: 'TIMESTAMP', tm: 'TIME', tz: 'TIMESTAMPTZ' },
    hex: (h) => `'${h.replace(/../g, '\\x$&')}'::BLOB`,
  },
];

/** The fixture: one parent row (id 1) and five rows whose answers the table below states. */
function fixture(e: Engine): string[] {
  const { types: ty, t, hex } = e;
  const tz = (v: string): string[] => (ty.tz ? [v === 'NULL' ? 'NULL' : `'${v}+00:00'`] : []);
  const row = (id: number, txt: string, bin: string, num: number, amount: string, ts: string, tm: string, parent: string): string =>
    `(${[id, txt, bin, num, amount, amount, ts === 'NULL' ? ts : `'${ts}'`, tm === 'NULL' ? tm : `'${tm}'`, ...tz(ts), parent].join(', ')})`;
  return [
    ...e.reset,
    `DROP TABLE IF EXISTS ${t('proofs')}`,
    `DROP TABLE IF EXISTS ${t('parent')}`,
    `CREATE TABLE ${t('parent')} (id INTEGER NOT NULL PRIMARY KEY)`,
    `INSERT INTO ${t('parent')} VALUES (1)`,
    `CREATE TABLE ${t('proofs')} (id INTEGER NOT NULL PRIMARY KEY, txt VARCHAR(20), bin ${ty.bin}, num INTEGER, amount DECIMAL(10,3), dbl ${ty.dbl}, ts ${ty.ts}, tm ${ty.tm}${ty.tz ? `, tz ${ty.tz}` : ''}, parent_id INTEGER)`,
    `INSERT INTO ${t('proofs')} VALUES ${[
      row(1, "'abc'", hex('0102'), 5, '1.5', '2024-01-01 10:00:00', '10:00:00', '1'),
      row(2, "'abcdefgh'", hex('0102030405060708'), 100000, '12345.125', '2024-01-01 10:00:00.123', '10:00:00.5', '99'),
      row(3, 'NULL', 'NULL', -40000, '2.25', '2024-01-01 10:00:00.123456', '10:00:00.123456', 'NULL'),
      row(4, "'abc'", hex('01'), 0, '-0.001', 'NULL', 'NULL', '2'),
      row(5, "'42'", hex('0a0b'), 32767, '0', '2024-06-30 23:59:59.999', '23:59:59.999', '1'),
    ].join(', ')}`,
  ];
}

const INTEGER: LogicalType = { family: 'integer', sqlType: 'INTEGER', precision: null, scale: null, display: 'INTEGER' };
const T = 'proofs';

/** Each request with the count and examples it must get on every engine. */
const CASES: readonly (readonly [string, ProofRequest, number, (readonly string[])?])[] = [
  ['rows', { kind: 'rows', table: T }, 5],
  ['nonNull', { kind: 'nonNull', table: T, column: 'txt' }, 4],
  ['nulls', { kind: 'nulls', table: T, column: 'txt' }, 1, ['id=3']],
  ['tooLong text', { kind: 'tooLong', table: T, column: 'txt', maxLength: 5 }, 1, ['id=2']],
  ['tooLong binary', { kind: 'tooLong', table: T, column: 'bin', maxLength: 4 }, 1, ['id=2']],
  ['outOfRange integer', { kind: 'outOfRange', table: T, column: 'num', min: '-32768', max: '32767' }, 2, ['id=2', 'id=3']],
  ['outOfRange decimal', { kind: 'outOfRange', table: T, column: 'amount', min: '-9999', max: '9999' }, 1, ['id=2']],
  ['outOfRange double', { kind: 'outOfRange', table: T, column: 'dbl', min: '-9999', max: '9999' }, 1, ['id=2']],
  ['tooManyDigits decimal', { kind: 'tooManyDigits', table: T, column: 'amount', integerDigits: 4, scale: 2 }, 2, ['id=2', 'id=4']],
  ['tooManyDigits decimal to integer', { kind: 'tooManyDigits', table: T, column: 'amount', integerDigits: 5, scale: 0 }, 4, ['id=1', 'id=2', 'id=3', 'id=4']],
  ['tooManyDigits double', { kind: 'tooManyDigits', table: T, column: 'dbl', integerDigits: 4, scale: 2 }, 2, ['id=2', 'id=4']],
  ['tooManyDigits double to integer', { kind: 'tooManyDigits', table: T, column: 'dbl', integerDigits: 5, scale: 0 }, 4, ['id=1', 'id=2', 'id=3', 'id=4']],
  ['fractionLost timestamp to 3', { kind: 'fractionLost', table: T, column: 'ts', precision: 3 }, 1, ['id=3']],
  ['fractionLost timestamp to 0', { kind: 'fractionLost', table: T, column: 'ts', precision: 0 }, 3, ['id=2', 'id=3', 'id=5']],
  ['fractionLost time to 3', { kind: 'fractionLost', table: T, column: 'tm', precision: 3 }, 1, ['id=3']],
  ['fractionLost time to 0', { kind: 'fractionLost', table: T, column: 'tm', precision: 0 }, 3, ['id=2', 'id=3', 'id=5']],
  ['fractionLost timestamp with time zone to 3', { kind: 'fractionLost', table: T, column: 'tz', precision: 3 }, 1, ['id=3']],
  ['fractionLost timestamp with time zone to 0', { kind: 'fractionLost', table: T, column: 'tz', precision: 0 }, 3, ['id=2', 'id=3', 'id=5']],
  ['notConvertible', { kind: 'notConvertible', table: T, column: 'txt', to: INTEGER }, 3, ['id=1 ("abc")', 'id=2 ("abcdefgh")', 'id=4 ("abc")']],
  ['duplicates', { kind: 'duplicates', table: T, columns: ['txt'], primaryKey: false }, 1, ['txt=abc']],
  ['duplicates of a primary key (NULLs count)', { kind: 'duplicates', table: T, columns: ['txt'], primaryKey: true }, 2, ['txt=abc']],
  ['duplicates on two columns', { kind: 'duplicates', table: T, columns: ['txt', 'parent_id'], primaryKey: false }, 0, []],
  ['orphans', { kind: 'orphans', table: T, columns: ['parent_id'], refTable: 'parent', refColumns: ['id'] }, 2, ['id=2', 'id=4']],
  ['orphans of a table new in B', { kind: 'orphans', table: T, columns: ['parent_id'], refTable: 'new_parent', refColumns: ['id'] }, 4, ['id=1', 'id=2', 'id=4', 'id=5']],
];

/** Lower-cased key names, since H2 reports upper-case column names. */
function lowerKeys(examples: readonly string[]): string[] {
  return examples.map((x) => x.replace(/^[^=]+=/, (k) => k.toLowerCase()));
}

describe('every proof query runs on every engine and gives the right count', () => {
  let ferry: Ferry;
  const live = ENGINES.filter((e) => e.available);
  const tables = new Map<string, readonly TableInfo[]>();

  beforeAll(async () => {
    for (const e of live) await e.setup(fixture(e));
    ferry = await Ferry.open({ databases: Object.fromEntries(live.map((e) => [e.name.toLowerCase(), e.config])) });
    for (const e of live) tables.set(e.name, (await ferry.inspect(e.name.toLowerCase())).tables);
  });
  afterAll(async () => ferry?.close());

  for (const e of ENGINES) {
    describe.skipIf(!e.available)(e.name, () => {
      for (const [label, request, count, examples] of CASES) {
        const needsTz = 'column' in request && request.column === 'tz';
        it.skipIf(needsTz && !e.types.tz)(label, async () => {
          const answers = await queryEvidence(ferry, { tables: tables.get(e.name)!, prefix: [e.name.toLowerCase()], engine: e.name }, [request]);
          const result = answers.get(proofKey(request));
          expect(result && 'count' in result ? { ...result, examples: lowerKeys(result.examples) } : result).toEqual({ count, examples: examples ?? [], basis: 'query' });
        });
      }
    });
  }
});

describe('check of a SQLite side with DATETIME and TIME columns', () => {
  const a = `jdbc:sqlite:${join(dir, 'dates-a.db')}`;
  const b = `jdbc:h2:${join(dir, 'dates-b')}`;
  let ferry: Ferry;

  beforeAll(async () => {
    await native(a, 'DROP TABLE IF EXISTS events', 'CREATE TABLE events (id INTEGER NOT NULL PRIMARY KEY, at DATETIME, tm TIME)',
      "INSERT INTO events VALUES (1, '2024-01-01 10:00:00', '10:00:00'), (2, '2024-01-01 10:00:00.25', '10:00:00.5'), (3, NULL, NULL)");
    await native(b, 'DROP TABLE IF EXISTS events', 'CREATE TABLE events (id INTEGER NOT NULL PRIMARY KEY, at TIMESTAMP(0), tm TIME(0))');
    ferry = await Ferry.open({ databases: { lite: { url: a }, h2: { url: b, schema: 'PUBLIC' } } });
  });
  afterAll(async () => ferry?.close());

  it('proves the fractional seconds TIMESTAMP(0) and TIME(0) lose instead of failing', async () => {
    const report = await check(ferry, 'lite', 'h2');
    const y104 = report.findings.filter((f) => f.code === 'Y104').map((f) => [f.column, f.severity, f.proof]);
    expect(y104).toEqual([
      ['at', 'error', { count: 1, examples: ['id=2'], basis: 'query' }],
      ['tm', 'error', { count: 1, examples: ['id=2'], basis: 'query' }],
    ]);
  });
});
