import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { check, Ferry, migrate } from '../../src/api/index.js';
import type { ExactRow } from '../../src/arrow/index.js';
import type { MigrationReport } from '../../src/migrate/events.js';
import type { VerifyReport } from '../../src/verify/verify-report.js';
import { maria, native, pg, tempDir } from './fixtures.js';
import { mariaSource, pgSource, ROWS, sqliteSource } from './migrate-fixture.js';
import { SERVICES, serviceAvailable } from './services.js';

const havePg = await serviceAvailable('postgres');
const haveMaria = await serviceAvailable('mariadb');
const dir = tempDir('ferry-migrate-');
const urls = {
  liteSrc: `jdbc:sqlite:${join(dir, 'source.db')}`,
  liteDst: `jdbc:sqlite:${join(dir, 'target.db')}`,
  duck: `jdbc:duckdb:${join(dir, 'target.duckdb')}`,
};
const PG_TARGETS = ['ferry_mig_pg', 'ferry_mig_from_maria', 'ferry_mig_from_lite', 'ferry_mig_refused'];

/** Runs SQL on the engine behind a `database[.namespace]` reference, in that namespace. */
function onTarget(ref: string, ...sql: string[]): Promise<number> {
  const [db] = ref.split('.');
  if (db === 'pg') return pg(...sql);
  if (db === 'maria') return maria(...sql);
  return native(db === 'duck' ? urls.duck : urls.liteDst, ...sql);
}

/** Every value as comparable text: numbers without trailing zeros, so 12.50 and 12.5 agree. */
function canon(rows: readonly ExactRow[]): string[][] {
  return rows.map((r) => Object.values(r).map((v) => {
    if (v === null) return 'NULL';
    const s = String(v);
    // SQLite sums REALs: its 1438.8400000000001 is the 1438.84 an exact engine gives.
    return /^-?\d+(\.\d+)?$/.test(s) ? String(Number(Number(s).toPrecision(12))) : s;
  }));
}

/** The findings check may report after a migration of each pair: the documented, unavoidable differences. */
const ALLOWED_WARNINGS: Record<string, readonly string[]> = {
  // Arrays have no equivalent outside PostgreSQL: they become text (the plan warns).
  'PostgreSQL → MariaDB': ['Y202 customers.tags'],
  'PostgreSQL → SQLite': ['Y202 customers.tags'],
  'PostgreSQL → DuckDB': ['Y202 customers.tags'],
};

describe.skipIf(!havePg || !haveMaria)('ferry migrate across engines', () => {
  let ferry: Ferry;

  beforeAll(async () => {
    await pg(...pgSource('ferry_mig_src'), ...PG_TARGETS.flatMap((s) => [`DROP SCHEMA IF EXISTS ${s} CASCADE`, `CREATE SCHEMA ${s}`]));
    await maria(...mariaSource('ferry_mig_src'), 'DROP DATABASE IF EXISTS ferry_mig_dst', 'CREATE DATABASE ferry_mig_dst');
    await native(urls.liteSrc, ...sqliteSource());
    ferry = await Ferry.open({
      databases: {
        pg: { url: SERVICES.postgres.url, user: SERVICES.postgres.user },
        maria: { url: SERVICES.mariadb.url, user: SERVICES.mariadb.user },
        lite: { url: urls.liteSrc },
        litedst: { url: urls.liteDst },
        duck: { url: urls.duck, schema: 'main' },
      },
    });
  }, 120_000);
  afterAll(async () => {
    await ferry?.close();
    if (havePg) await pg('DROP SCHEMA IF EXISTS ferry_mig_src CASCADE', ...PG_TARGETS.map((s) => `DROP SCHEMA IF EXISTS ${s} CASCADE`));
    if (haveMaria) await maria('DROP DATABASE IF EXISTS ferry_mig_src', 'DROP DATABASE IF EXISTS ferry_mig_dst');
  });

  const pairs = [
    ['PostgreSQL → MariaDB', 'pg.ferry_mig_src', 'maria.ferry_mig_dst'],
    ['MariaDB → PostgreSQL', 'maria.ferry_mig_src', 'pg.ferry_mig_from_maria'],
    ['SQLite → PostgreSQL', 'lite', 'pg.ferry_mig_from_lite'],
    ['PostgreSQL → PostgreSQL', 'pg.ferry_mig_src', 'pg.ferry_mig_pg'],
    ['PostgreSQL → SQLite', 'pg.ferry_mig_src', 'litedst'],
    ['PostgreSQL → DuckDB', 'pg.ferry_mig_src', 'duck'],
  ] as const;

  for (const [name, from, to] of pairs) {
    it(`${name}: a usable database that passes ferry check`, async () => {
      const verified: VerifyReport[] = [];
      const report: MigrationReport = await migrate(ferry, { from, to, jobs: 2 }, (e) => { if (e.kind === 'verified') verified.push(e.report); });
      expect(report.failedSteps).toEqual([]);
      // A source with no hash function of its own (SQLite) was hashed while it loaded: its
      // verification read only the target.
      const fromLoad = verified.filter((r) => r.notes.some((n) => /hashed while they were loaded/.test(n))).map((r) => r.table).sort();
      expect(fromLoad).toEqual(from === 'lite' ? report.plan.tables.map((t) => t.source).sort() : []);
      expect(report.tables.map((t) => [t.source, t.loaded, t.verify?.match])).toEqual(
        report.plan.tables.map((t) => [t.source, true, true]));
      expect(report.ok).toBe(true);
      // Into PostgreSQL a created table's primary key is built after its rows load (as pg_restore
      // does); elsewhere it is declared with the table (InnoDB is ordered by it).
      const keysAfter = report.plan.steps.filter((s) => s.phase === 'constraints' && s.description.startsWith('primary key (')).map((s) => s.object).sort();
      expect(keysAfter).toEqual(to.startsWith('pg.') ? report.plan.tables.map((t) => t.target).sort() : []);
      // Into PostgreSQL each table's keys are built as soon as it is loaded, its foreign keys as
      // soon as the tables they reference have theirs: both phases are reported whole, each step
      // of the plan once, in the plan's order.
      expect(report.plan.structureWhileLoading).toBe(to.startsWith('pg.'));
      for (const phase of ['constraints', 'foreign-keys'] as const) {
        const ran = report.phases.filter((p) => p.phase === phase);
        expect(ran).toHaveLength(1);
        expect(ran[0]!.steps.map((s) => s.object)).toEqual(report.plan.steps.filter((s) => s.phase === phase).map((s) => s.object));
      }
      expect(report.plan.steps.filter((s) => s.phase === 'foreign-keys').every((s) => s.references !== null)).toBe(true);
      const customers = report.plan.steps.find((s) => s.phase === 'tables' && s.object === 'customers')!;
      expect(customers.sql[0]!.includes('PRIMARY KEY')).toBe(!to.startsWith('pg.'));
      // The source's engine code is listed as not carried, with the reason.
      const code = report.plan.skipped.filter((s) => ['trigger', 'function'].includes(s.kind)).map((s) => `${s.kind} ${s.object}`);
      expect(code).toEqual(['trigger orders.orders_touch', ...(from.startsWith('pg') ? ['function touch'] : [])]);
      expect(report.plan.skipped.find((s) => s.kind === 'trigger')!.reason).toMatch(/recreate it by hand/);
      // Partitions are read through their parent, never copied again.
      if (from.startsWith('pg')) {
        expect(report.plan.tables.map((t) => t.source).sort()).toEqual(['customers', 'employees', 'measurements', 'orders']);
        expect(report.plan.skipped.filter((s) => s.kind === 'partition').map((s) => s.object).sort()).toEqual(['measurements_2024', 'measurements_2025']);
      }
      if (name === 'PostgreSQL → PostgreSQL') {
        // Into the same engine the partitioning is recreated, and rows land in their partitions.
        const parts = (await ferry.inspect('pg', 'ferry_mig_pg')).tables.filter((t) => t.partitionOf);
        expect(parts.map((t) => [t.name, t.partitionOf])).toEqual([['measurements_2024', 'measurements'], ['measurements_2025', 'measurements']]);
        const [inPart] = await ferry.rows('SELECT COUNT(*) AS n FROM pg.ferry_mig_pg.measurements_2025');
        expect(Number(inPart!.n)).toBe(7);
      }
      for (const [table, count] of Object.entries({ ...ROWS, ...(from.startsWith('pg') ? { measurements: 12 } : {}) })) {
        const [row] = await ferry.rows(`SELECT COUNT(*) AS n FROM ${to}.${table}`);
        expect([table, Number(row!.n)]).toEqual([table, count]);
      }

      const findings = (await check(ferry, from, to)).findings;
      expect(findings.filter((f) => f.severity === 'error').map((f) => `${f.code} ${f.message}`)).toEqual([]);
      const warnings = findings.filter((f) => f.severity === 'warning').map((f) => `${f.code} ${f.table}.${f.column ?? ''}`).sort();
      expect(warnings).toEqual([...(ALLOWED_WARNINGS[name] ?? [])].sort());

      // The application's next insert gets a fresh id.
      const ns = to.includes('.') ? `${to.split('.')[1]}.` : '';
      await onTarget(to, `INSERT INTO ${ns}customers (name, email) VALUES ('After Migration', 'after@example.com')`);
      await onTarget(to, `INSERT INTO ${ns}orders (customer_id, total) VALUES (1, 5)`);
      const [fresh] = await ferry.rows(`SELECT MAX(id) AS id FROM ${to}.customers`);
      expect(Number(fresh!.id)).toBe(ROWS.customers + 1);
      const [order] = await ferry.rows(`SELECT status, MAX(id) AS id FROM ${to}.orders WHERE total = 5 GROUP BY status`);
      expect([order!.status, Number(order!.id)]).toEqual(['new', ROWS.orders + 1]);
      await onTarget(to, `DELETE FROM ${ns}orders WHERE id > ${ROWS.orders}`, `DELETE FROM ${ns}customers WHERE id > ${ROWS.customers}`);

      // Views answer with the source's rows.
      const viewSql = (ref: string): string => `SELECT id, name, orders, spent FROM ${ref}.customer_totals ORDER BY id`;
      expect(canon(await ferry.rows(viewSql(to)))).toEqual(canon(await ferry.rows(viewSql(from))));

      // Ferry's bookkeeping is gone from the user's schema.
      expect((await ferry.tableNames(to.split('.')[0]!, to.split('.')[1])).tables).not.toContain('ferry_checkpoint');
    }, 180_000);
  }

  it('a foreign key the rows break is reported and removed again, the other keys kept', async () => {
    // SQLite does not enforce foreign keys unless asked: its rows can hold an orphan.
    const url = `jdbc:sqlite:${join(dir, 'orphan.db')}`;
    await native(url, 'CREATE TABLE parent (id INTEGER PRIMARY KEY, name TEXT)',
      'CREATE TABLE child (id INTEGER PRIMARY KEY, parent_id INTEGER REFERENCES parent (id), other_id INTEGER REFERENCES parent (id))',
      "INSERT INTO parent VALUES (1, 'a'), (2, 'b')", 'INSERT INTO child VALUES (1, 1, 1), (2, 2, 1), (3, 99, 2), (4, NULL, 2)');
    // Both targets exist before Ferry opens, so their names are known to it.
    await pg('DROP SCHEMA IF EXISTS ferry_mig_orphan CASCADE', 'CREATE SCHEMA ferry_mig_orphan');
    await maria('DROP DATABASE IF EXISTS ferry_mig_orphan', 'CREATE DATABASE ferry_mig_orphan');
    const local = await Ferry.open({
      databases: {
        orphan: { url },
        pg: { url: SERVICES.postgres.url, user: SERVICES.postgres.user },
        maria: { url: SERVICES.mariadb.url, user: SERVICES.mariadb.user },
      },
    });
    const keysIn = {
      pg: () => execFileSync('psql', ['-X', '-At', '-h', SERVICES.postgres.host, '-U', SERVICES.postgres.user, '-d', 'test', '-c',
        "SELECT conname || ':' || convalidated FROM pg_constraint WHERE contype = 'f' AND conrelid = 'ferry_mig_orphan.child'::regclass"], { encoding: 'utf8' }).trim(),
      // MariaDB adds its keys without its own check (in place, no table copy); Ferry's check then holds them.
      maria: () => execFileSync('mariadb', ['-N', '-B', '-h', SERVICES.mariadb.host, '-u', SERVICES.mariadb.user, '-e',
        "SELECT constraint_name FROM information_schema.referential_constraints WHERE constraint_schema = 'ferry_mig_orphan' AND table_name = 'child'"], { encoding: 'utf8' }).trim(),
    };
    const targets = [
      { to: 'pg.ferry_mig_orphan', reset: () => pg('DROP SCHEMA ferry_mig_orphan CASCADE', 'CREATE SCHEMA ferry_mig_orphan'),
        error: /violates foreign key constraint.*removed again/s, keys: keysIn.pg, kept: 'child_other_id_fkey:true' },
      { to: 'maria.ferry_mig_orphan', reset: () => maria('DROP DATABASE IF EXISTS ferry_mig_orphan', 'CREATE DATABASE ferry_mig_orphan'),
        error: /foreign key child_parent_id_fkey fails: rows of child \(parent_id\) are not in parent.*removed again/s, keys: keysIn.maria, kept: 'child_other_id_fkey' },
    ];
    try {
      for (const target of targets) {
        for (const jobs of [1, 2]) {
          await target.reset();
          const report = await migrate(local, { from: 'orphan', to: target.to, jobs });
          expect(report.ok).toBe(false);
          // The larger table loads first (SQLite's size figure: its highest rowid), parents-first order notwithstanding.
          expect(report.plan.tables.map((t) => t.source)).toEqual(['child', 'parent']);
          expect(report.failedSteps.map((s) => s.object)).toEqual(['child.parent_id']);
          expect(report.failedSteps[0]!.error).toMatch(target.error);
          // The other key is in place and checked; the broken one is not left behind unchecked.
          expect([target.to, jobs, target.keys()]).toEqual([target.to, jobs, target.kept]);
        }
      }
      // The key MariaDB now holds is enforced: an orphan insert is refused.
      await expect(maria('INSERT INTO ferry_mig_orphan.child VALUES (9, NULL, 77)')).rejects.toThrow(/foreign key constraint fails/i);
    } finally {
      await local.close();
      await pg('DROP SCHEMA IF EXISTS ferry_mig_orphan CASCADE');
      await maria('DROP DATABASE IF EXISTS ferry_mig_orphan');
    }
  }, 180_000);

  it('refuses a --tables or --exclude pattern that matches nothing, with the closest names, writing nothing', async () => {
    // ferry_mig_refused is empty, made before Ferry opened (so its name is known).
    await expect(migrate(ferry, { from: 'pg.ferry_mig_src', to: 'pg.ferry_mig_refused', exclude: ['custmers'] })).rejects.toMatchObject({
      code: 'USAGE',
      message: expect.stringMatching(/^--exclude 'custmers' matches no table or view/),
    });
    const left = execFileSync('psql', ['-X', '-At', '-h', SERVICES.postgres.host, '-U', SERVICES.postgres.user, '-d', 'test', '-c',
      "SELECT COUNT(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'ferry_mig_refused'"], { encoding: 'utf8' });
    expect(left.trim()).toBe('0');
    await expect(migrate(ferry, { from: 'pg.ferry_mig_src', to: 'pg.ferry_mig_pg', exclude: ['custmers'] })).rejects.toMatchObject({
      code: 'USAGE',
      message: expect.stringMatching(/^--exclude 'custmers' matches no table or view of database 'pg'; did you mean 'customers'\? \(there are: customers, /),
    });
    await expect(migrate(ferry, { from: 'pg.ferry_mig_src', to: 'pg.ferry_mig_pg', tables: ['orders', 'zz_*'] })).rejects.toMatchObject({
      code: 'USAGE',
      message: expect.stringMatching(/^--tables 'zz_\*' matches no table or view of database 'pg'; there are: /),
    });
  });

  it('refuses a target that already holds rows, naming the tables and --resume', async () => {
    await expect(migrate(ferry, { from: 'pg.ferry_mig_src', to: 'pg.ferry_mig_pg' })).rejects.toMatchObject({
      code: 'MIGRATE_TARGET_NOT_EMPTY',
      message: expect.stringMatching(/customers.*--resume/s),
    });
  });
});

