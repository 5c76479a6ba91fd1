import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backup, Ferry, migrate, restore, verify } from '../../src/api/index.js';
import type { MigrationReport } from '../../src/migrate/events.js';
import { createNamed, dropNamed, maria, pg, rows, tempDir } from './fixtures.js';
import { SERVICES, serviceAvailable } from './services.js';

/*
 * Bit strings (MariaDB BIT(n), PostgreSQL bit(n) and varbit) survive a migration into the same
 * engine and into the other one, a backup restored into both, and verify tells a changed bit.
 * Before, Ferry typed them BOOLEAN: every non-zero value came back true.
 */

const havePg = await serviceAvailable('postgres');
const haveMaria = await serviceAvailable('mariadb');
const SRC = 'ferry_bits_src';
const DST = 'ferry_bits_dst';
const dir = tempDir('ferry-bits-');
const DATABASES = {
  pg: { url: SERVICES.postgres.url, user: SERVICES.postgres.user },
  maria: { url: SERVICES.mariadb.url, user: SERVICES.mariadb.user },
};

/** MariaDB's table: BIT(1) stays a boolean, BIT(5) and BIT(64) read as unsigned integers. */
const MARIA_ROWS = [
  ['1', 'false', '0', '0'],
  ['2', 'true', '1', '1'],
  ['3', 'true', '31', '18446744073709551615'],
  ['4', null, null, null],
  ['5', 'false', '16', '9223372036854775808'],
];
/** PostgreSQL's table: bit(1) and boolean are booleans, bit(5) and varbit(10) their text. */
const PG_ROWS = [
  ['1', 'false', '00000', '', 'false'],
  ['2', 'true', '10101', '1', 'true'],
  ['3', 'true', '11111', '1111111111', 'true'],
  ['4', null, null, null, null],
  ['5', 'false', '00001', '0010', 'false'],
];

/**
 * Empties the targets and runs `run` with a Ferry opened afterwards: each case makes its own
 * table t there, which a Ferry that read the schema before would know with the old columns.
 */
async function intoEmptyTargets(run: (ferry: Ferry) => Promise<void>): Promise<void> {
  await maria(`DROP TABLE IF EXISTS ${DST}.t`);
  await pg(`DROP TABLE IF EXISTS ${DST}.t`);
  const ferry = await Ferry.open({ databases: DATABASES });
  try {
    await run(ferry);
  } finally {
    await ferry.close();
  }
}

function expectOk(report: MigrationReport): void {
  expect(report.failedSteps).toEqual([]);
  expect(report.tables.map((t) => [t.source, t.loaded, t.verify?.match])).toEqual([['t', true, true]]);
  expect(report.ok).toBe(true);
}

describe.skipIf(!havePg || !haveMaria)('bit strings keep their values', () => {
  let ferry: Ferry;
  beforeAll(async () => {
    await maria(`DROP DATABASE IF EXISTS ${SRC}`, `CREATE DATABASE ${SRC}`,
      `CREATE TABLE ${SRC}.t (id INT PRIMARY KEY, b1 BIT(1), b5 BIT(5), b64 BIT(64))`,
      `INSERT INTO ${SRC}.t VALUES (1, 0, 0, 0), (2, 1, 1, 1), (3, 1, 31, b'${'1'.repeat(64)}'), (4, NULL, NULL, NULL), (5, 0, 16, 9223372036854775808)`);
    await pg(`DROP SCHEMA IF EXISTS ${SRC} CASCADE`, `CREATE SCHEMA ${SRC}`,
      `CREATE TABLE ${SRC}.t (id INT PRIMARY KEY, b1 bit(1), b5 bit(5), vb varbit(10), bo boolean)`,
      `INSERT INTO ${SRC}.t VALUES (1, B'0', B'00000', B'', false), (2, B'1', B'10101', B'1', true), (3, B'1', B'11111', B'1111111111', true), (4, NULL, NULL, NULL, NULL), (5, B'0', B'00001', B'0010', false)`);
    await createNamed(DST, () => []);
    ferry = await Ferry.open({ databases: DATABASES });
  }, 60_000);
  afterAll(async () => {
    await ferry?.close();
    await dropNamed(SRC);
    await dropNamed(DST);
  });

  it('ferry query reads MariaDB BIT(n) as its unsigned integer and PostgreSQL bit strings as their text', async () => {
    expect(rows(await ferry.query(`SELECT * FROM maria.${SRC}.t ORDER BY id`))).toEqual(MARIA_ROWS);
    expect(rows(await ferry.query(`SELECT * FROM pg.${SRC}.t ORDER BY id`))).toEqual(PG_ROWS);
    const t = await ferry.query(`SELECT m.id, m.b5, p.b5 AS p5, m.b64 FROM maria.${SRC}.t m JOIN pg.${SRC}.t p ON m.id = p.id WHERE m.b5 > 1 AND p.b5 <> '00000' ORDER BY m.id`);
    expect(rows(t)).toEqual([['3', '31', '11111', '18446744073709551615'], ['5', '16', '00001', '9223372036854775808']]);
    expect(t.schema.fields.map((f) => String(f.type))).toEqual(['Int32', 'Int64', 'Utf8', 'Decimal[20e0]']);
  });

  const cases = [
    { from: 'maria', to: 'maria', expected: MARIA_ROWS, ddl: '`b5` BIT(5), `b64` BIT(64)', warnings: [] },
    { from: 'maria', to: 'pg', expected: MARIA_ROWS, ddl: '"b5" BIGINT, "b64" NUMERIC(20, 0)', warnings: ['t.b5: BIT(5)', 't.b64: BIT(64)'] },
    { from: 'pg', to: 'pg', expected: PG_ROWS, ddl: '"b5" bit(5), "vb" varbit(10)', warnings: [] },
    { from: 'pg', to: 'maria', expected: PG_ROWS, ddl: '`b5` VARCHAR(5), `vb` VARCHAR(10)', warnings: ['t.b5: BIT(5)', 't.vb: VARBIT(10)'] },
  ] as const;

  for (const c of cases) {
    it(`migrates ${c.from} → ${c.to}: the plan names the mapping, the rows arrive, verify says exact`, () => intoEmptyTargets(async (f) => {
      const plan = (await migrate(f, { from: `${c.from}.${SRC}`, to: `${c.to}.${DST}`, dryRun: true })).plan;
      expect(plan.steps.find((s) => s.phase === 'tables')?.sql[0]).toContain(c.ddl);
      expect(plan.warnings.map((w) => `${w.object}: ${w.message.split(' ')[0]}`)).toEqual(c.warnings);
      expectOk(await migrate(f, { from: `${c.from}.${SRC}`, to: `${c.to}.${DST}` }));
      expect(rows(await f.query(`SELECT * FROM ${c.to}.${DST}.t ORDER BY id`))).toEqual(c.expected);
      expect((await verify(f, { from: `${c.from}.${SRC}`, to: `${c.to}.${DST}`, all: true })).map((r) => r.match)).toEqual([true]);
    }), 60_000);
  }

  it('verify tells a changed bit in the same engine and across engines', () => intoEmptyTargets(async (f) => {
    expectOk(await migrate(f, { from: `maria.${SRC}`, to: `maria.${DST}` }));
    expectOk(await migrate(f, { from: `maria.${SRC}`, to: `pg.${DST}` }));
    await maria(`UPDATE ${DST}.t SET b64 = b'0${'1'.repeat(63)}' WHERE id = 3`, `UPDATE ${DST}.t SET b5 = 17 WHERE id = 5`);
    await pg(`UPDATE ${DST}.t SET b64 = 18446744073709551614 WHERE id = 3`);
    const same = (await verify(f, { from: `maria.${SRC}`, to: `maria.${DST}`, all: true }))[0];
    expect([same?.match, same?.differingKeys]).toEqual([false, ['id=3', 'id=5']]);
    const across = (await verify(f, { from: `maria.${SRC}`, to: `pg.${DST}`, all: true }))[0];
    expect([across?.match, across?.differingKeys]).toEqual([false, ['id=3']]);
  }), 60_000);

  for (const [engine, expected] of [['maria', MARIA_ROWS], ['pg', PG_ROWS]] as const) {
    it(`backs up ${engine} and restores it into MariaDB and PostgreSQL exactly`, async () => {
      const folder = join(dir, engine);
      await backup(ferry, { database: `${engine}.${SRC}`, output: folder });
      for (const to of ['maria', 'pg']) {
        await intoEmptyTargets(async () => {
          const f = await Ferry.open({ databases: { ...DATABASES, bk: { backup: folder } } });
          try {
            expectOk(await restore(f, { from: 'bk', to: `${to}.${DST}` }));
            expect(rows(await f.query(`SELECT * FROM ${to}.${DST}.t ORDER BY id`)), to).toEqual(expected);
          } finally {
            await f.close();
          }
        });
      }
    }, 60_000);
  }
});
