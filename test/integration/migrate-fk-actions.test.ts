import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { check, Ferry, migrate } from '../../src/api/index.js';
import type { MigrationReport } from '../../src/migrate/events.js';
import type { SchemaSnapshot } from '../../src/schema/model.js';
import { maria, pg, tempDir } from './fixtures.js';
import { SERVICES, serviceAvailable } from './services.js';

/*
 * Foreign-key actions and descending index columns survive a migration between PostgreSQL and
 * MariaDB both ways: the target's catalog shows them and deleting a parent cascades there; a
 * target that cannot write an action (DuckDB) gets a plan warning instead; `check` reports an
 * action or a direction that differs (K104, I102).
 */

const havePg = await serviceAvailable('postgres');
const haveMaria = await serviceAvailable('mariadb');
const dir = tempDir('ferry-fk-actions-');
const SRC = 'ferry_fka_src';
const PG_TARGETS = ['ferry_fka_pg', 'ferry_fka_from_maria', 'ferry_fka_lost'];
const MARIA_DBS = ['ferry_fka_msrc', 'ferry_fka_maria'];

const ROWS = (q: (t: string) => string): string[] => [
  `INSERT INTO ${q('parent')} (id, name) VALUES (1, 'one'), (2, 'two')`,
  `INSERT INTO ${q('child')} (id, parent_id, ts) VALUES (1, 1, '2025-01-01 10:00:00'), (2, 1, '2025-01-02 10:00:00'), (3, 2, '2025-01-03 10:00:00')`,
];

function expectOk(report: MigrationReport): void {
  expect(report.failedSteps.map((s) => `${s.object}: ${s.error}`)).toEqual([]);
  expect(report.ok).toBe(true);
}

/** What the target's catalog says of the child's foreign key and index. */
function structure(s: SchemaSnapshot): unknown {
  const child = s.tables.find((t) => t.name === 'child');
  return {
    fk: child?.foreignKeys.map((f) => [f.columns, f.refTable, f.onDelete, f.onUpdate]),
    index: child?.indexes.filter((i) => i.columns[0] === 'ts').map((i) => [i.columns, i.descending]),
  };
}

const EXPECTED = { fk: [[['parent_id'], 'parent', 'CASCADE', 'SET NULL']], index: [[['ts', 'id'], [true, false]]] };

describe.skipIf(!havePg || !haveMaria)('foreign-key actions and index directions in migrate and check', () => {
  let ferry: Ferry;

  beforeAll(async () => {
    await pg(
      `DROP SCHEMA IF EXISTS ${SRC} CASCADE`, `CREATE SCHEMA ${SRC}`,
      ...PG_TARGETS.flatMap((s) => [`DROP SCHEMA IF EXISTS ${s} CASCADE`, `CREATE SCHEMA ${s}`]),
      `CREATE TABLE ${SRC}.parent (id int PRIMARY KEY, name text)`,
      `CREATE TABLE ${SRC}.child (id int PRIMARY KEY, parent_id int REFERENCES ${SRC}.parent (id) ON DELETE CASCADE ON UPDATE SET NULL, ts timestamp)`,
      `CREATE INDEX child_ts_desc ON ${SRC}.child (ts DESC, id)`,
      ...ROWS((t) => `${SRC}.${t}`),
    );
    await maria(
      ...MARIA_DBS.flatMap((d) => [`DROP DATABASE IF EXISTS ${d}`, `CREATE DATABASE ${d}`]),
      'CREATE TABLE ferry_fka_msrc.parent (id int PRIMARY KEY, name varchar(20))',
      'CREATE TABLE ferry_fka_msrc.child (id int PRIMARY KEY, parent_id int, ts datetime, INDEX child_ts_desc (ts DESC, id),'
        + ' CONSTRAINT child_parent FOREIGN KEY (parent_id) REFERENCES ferry_fka_msrc.parent (id) ON DELETE CASCADE ON UPDATE SET NULL)',
      ...ROWS((t) => `ferry_fka_msrc.${t}`),
    );
    ferry = await Ferry.open({
      databases: {
        pg: { url: SERVICES.postgres.url, user: SERVICES.postgres.user },
        maria: { url: SERVICES.mariadb.url, user: SERVICES.mariadb.user },
        duck: { url: `jdbc:duckdb:${join(dir, 'fka.duckdb')}`, schema: 'main' },
      },
    });
  }, 60_000);
  afterAll(async () => {
    await ferry?.close();
    if (havePg) await pg(`DROP SCHEMA IF EXISTS ${SRC} CASCADE`, ...PG_TARGETS.map((s) => `DROP SCHEMA IF EXISTS ${s} CASCADE`));
    if (haveMaria) await maria(...MARIA_DBS.map((d) => `DROP DATABASE IF EXISTS ${d}`));
  });

  it('the plan writes the actions and the direction', async () => {
    const plan = (await migrate(ferry, { from: `pg.${SRC}`, to: 'maria.ferry_fka_maria', dryRun: true })).plan;
    const fk = plan.steps.find((s) => s.phase === 'foreign-keys');
    expect(fk?.description).toBe('foreign key (parent_id) → parent, on delete cascade, on update set null');
    expect(fk?.sql[0]).toContain('REFERENCES `ferry_fka_maria`.`parent` (`id`) ON DELETE CASCADE ON UPDATE SET NULL');
    expect(plan.steps.flatMap((s) => s.sql).filter((x) => x.includes('child_ts_desc'))).toEqual([
      'CREATE INDEX IF NOT EXISTS `child_ts_desc` ON `ferry_fka_maria`.`child` (`ts` DESC, `id`)',
    ]);
    expect(plan.warnings).toEqual([]);
  });

  for (const [name, from, to, target] of [
    ['PostgreSQL → PostgreSQL', `pg.${SRC}`, 'pg.ferry_fka_pg', 'pg'],
    ['PostgreSQL → MariaDB', `pg.${SRC}`, 'maria.ferry_fka_maria', 'maria'],
    ['MariaDB → PostgreSQL', 'maria.ferry_fka_msrc', 'pg.ferry_fka_from_maria', 'pg'],
  ] as const) {
    it(`${name}: the target keeps ON DELETE CASCADE, ON UPDATE SET NULL and ts DESC, and check finds nothing`, async () => {
      expectOk(await migrate(ferry, { from, to }));
      const ns = to.slice(to.indexOf('.') + 1);
      expect(structure(await ferry.inspect(target, ns))).toEqual(EXPECTED);
      const findings = (await check(ferry, from, to, {})).findings.filter((f) => f.code === 'K104' || f.code === 'I102');
      expect(findings).toEqual([]);
      // The application's delete still cascades, its key update still sets NULL.
      await (target === 'pg' ? pg : maria)(`UPDATE ${ns}.parent SET id = 20 WHERE id = 2`, `DELETE FROM ${ns}.parent WHERE id = 1`);
      const left = await ferry.rows(`SELECT id AS i, parent_id AS p FROM ${target}.${ns}.child ORDER BY id`);
      expect(left.map((r) => [Number(r.i), r.p === null ? null : Number(r.p)])).toEqual([[3, null]]);
    }, 60_000);
  }

  it('into DuckDB, which has no CASCADE: the key is kept with NO ACTION and the plan says so', async () => {
    const plan = (await migrate(ferry, { from: `pg.${SRC}`, to: 'duck', dryRun: true })).plan;
    expect(plan.warnings.map((w) => [w.object, w.message])).toEqual([
      ['child.child_parent_id_fkey', 'ON DELETE CASCADE has no equivalent in the target: the foreign key is created with NO ACTION, so deleting a referenced row is refused instead of changing the rows that reference it'],
      ['child.child_parent_id_fkey', 'ON UPDATE SET NULL has no equivalent in the target: the foreign key is created with NO ACTION, so updating the key of a referenced row is refused instead of changing the rows that reference it'],
    ]);
    const create = plan.steps.find((s) => s.phase === 'tables' && s.object === 'child');
    expect(create?.sql[0]).toMatch(/FOREIGN KEY \("parent_id"\) REFERENCES "main"\."parent" \("id"\)\)$/);
    expect(plan.steps.flatMap((s) => s.sql).filter((x) => x.includes('child_ts_desc'))).toEqual([
      'CREATE INDEX IF NOT EXISTS "child_ts_desc" ON "main"."child" ("ts" DESC, "id")',
    ]);
  });

  it('check: a lost CASCADE is an error (K104), an index sorted the other way a warning (I102)', async () => {
    await pg(
      `CREATE TABLE ferry_fka_lost.parent (id int PRIMARY KEY, name text)`,
      `CREATE TABLE ferry_fka_lost.child (id int PRIMARY KEY, parent_id int REFERENCES ferry_fka_lost.parent (id) ON UPDATE SET NULL, ts timestamp)`,
      `CREATE INDEX child_ts_desc ON ferry_fka_lost.child (ts, id)`,
    );
    const report = await check(ferry, `pg.${SRC}`, 'pg.ferry_fka_lost', {});
    expect(report.findings.map((f) => [f.code, f.severity, f.table, f.column, f.message])).toEqual([
      ['K104', 'error', 'child', 'parent_id', 'Foreign key child (parent_id) → parent (id) changes ON DELETE from CASCADE to NO ACTION in B: deleting a row of parent no longer deletes the rows that reference it; it is refused while they exist.'],
      ['I102', 'warning', 'child', 'ts', 'Index child_ts_desc on child (ts, id) sorts ts ascending in B instead of descending: queries that read it in that order may get slower.'],
    ]);
  });
});
