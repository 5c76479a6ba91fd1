import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { check, Ferry, migrate } from '../../src/api/index.js';
import type { ExactRow } from '../../src/arrow/index.js';
import type { MigrationReport } from '../../src/migrate/events.js';
import type { SchemaSnapshot } from '../../src/schema/model.js';
import { maria, native, pg, tempDir } from './fixtures.js';
import { CHINOOK, CHINOOK_ROWS, chinookMariaDb, chinookPostgres, chinookSqlite } from './samples/chinook.js';
import { SAKILA, SAKILA_ROWS, SAKILA_VIEWS, sakilaMariaDb } from './samples/sakila.js';
import { sampleOrSkip } from './samples/sample-cache.js';
import { SERVICES, serviceAvailable } from './services.js';

/*
 * Public sample databases migrated across engines: every row exact, every foreign key in the
 * target, every view answering as in the source (or skipped with a reason), `check` without
 * errors. The samples are downloaded at test time from a package registry and cached outside
 * the repository (see samples/sample-cache.ts); without them the suite is skipped.
 */

const havePg = await serviceAvailable('postgres');
const haveMaria = await serviceAvailable('mariadb');
const services = havePg && haveMaria;
const chinookJar = services ? await sampleOrSkip('Chinook', CHINOOK) : null;
const sakilaTgz = services ? await sampleOrSkip('Sakila', SAKILA) : null;

const dir = tempDir('ferry-samples-');
const file = (name: string): string => join(dir, name);
const PG_SCHEMAS = ['ferry_chinook', 'ferry_chinook_from_lite', 'ferry_chinook_from_maria', 'ferry_sakila_from_maria'];
const MARIA_DBS = ['ferry_chinook', 'ferry_chinook_from_pg', 'ferry_sakila', 'ferry_sakila_copy'];

/** A source, a target and what to expect of the migration between them. */
interface Pair {
  readonly name: string;
  readonly from: string;
  readonly to: string;
  readonly rows: Readonly<Record<string, number>>;
  readonly views: readonly string[];
}

/** Every value as comparable text: numbers without trailing zeros, binary as hex. */
function canon(rows: readonly ExactRow[]): string[] {
  return rows.map((r) => JSON.stringify(Object.values(r).map((v) => {
    if (v === null) return 'NULL';
    if (v instanceof Uint8Array) return Buffer.from(v).toString('hex');
    const s = String(v);
    return /^-?\d+(\.\d+)?$/.test(s) ? String(Number(Number(s).toPrecision(12))) : s;
  }))).sort();
}

/** A view's rows with GROUP_CONCAT lists in a settled order: the SQL leaves their order open. */
function canonLists(rows: readonly ExactRow[]): string[] {
  return canon(rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'string' && v.includes(', ') ? v.split(', ').sort().join(', ') : v]))));
}

/** Each foreign key as `table(columns) → refTable(refColumns)`, names compared without case. */
function foreignKeys(s: SchemaSnapshot): string[] {
  return s.tables.flatMap((t) => t.foreignKeys.map((f) => `${t.name}(${f.columns.join(',')}) → ${f.refTable}(${f.refColumns.join(',')})`.toLowerCase())).sort();
}

describe.skipIf(!chinookJar && !sakilaTgz)('ferry migrate on public sample databases', () => {
  let ferry: Ferry;

  beforeAll(async () => {
    const started = performance.now();
    // Ferry's own `ferry` namespace (checkpoints) is left alone: migrate.test.ts may be using it.
    await pg(...PG_SCHEMAS.flatMap((s) => [`DROP SCHEMA IF EXISTS ${s} CASCADE`, `CREATE SCHEMA ${s}`]));
    await maria(...MARIA_DBS.flatMap((d) => [`DROP DATABASE IF EXISTS ${d}`, `CREATE DATABASE ${d} CHARACTER SET utf8mb4`]));
    await Promise.all([
      chinookJar && pg(...chinookPostgres(chinookJar, 'ferry_chinook')),
      chinookJar && native(`jdbc:sqlite:${file('chinook.db')}`, ...chinookSqlite(chinookJar)),
      (async () => {
        if (chinookJar) await maria(...chinookMariaDb(chinookJar, 'ferry_chinook'));
        if (sakilaTgz) await maria(...sakilaMariaDb(sakilaTgz, 'ferry_sakila'));
      })(),
    ]);
    console.info(`samples loaded in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    ferry = await Ferry.open({
      databases: {
        pg: { url: SERVICES.postgres.url, user: SERVICES.postgres.user },
        maria: { url: SERVICES.mariadb.url, user: SERVICES.mariadb.user },
        chinook_lite: { url: `jdbc:sqlite:${file('chinook.db')}` },
        chinook_duck: { url: `jdbc:duckdb:${file('chinook.duckdb')}`, schema: 'main' },
        sakila_lite: { url: `jdbc:sqlite:${file('sakila.db')}` },
        sakila_duck: { url: `jdbc:duckdb:${file('sakila.duckdb')}`, schema: 'main' },
      },
    });
  }, 300_000);
  afterAll(async () => {
    await ferry?.close();
    await pg(...PG_SCHEMAS.map((s) => `DROP SCHEMA IF EXISTS ${s} CASCADE`));
    await maria(...MARIA_DBS.map((d) => `DROP DATABASE IF EXISTS ${d}`));
  });

  /*
   * Known Ferry bugs these samples expose, by pair and check (the test fails until fixed):
   * - GEOMETRY: Sakila's address.location is read through the federation as byte[].toString()
   *   ("[B@5c64c61a", a new text each read) and loaded as the bytes' hex (PostgreSQL TEXT holding
   *   '\x000000000101…'), not as the geometry's text the plan promises: verify differs on all rows.
   */
  const GEOMETRY = 'GEOMETRY read as "[B@…" and loaded as hex';
  const KNOWN: Record<string, Partial<Record<Check, string>>> = {
    'Sakila MariaDB → PostgreSQL': { 'tables exact': GEOMETRY },
    'Sakila MariaDB → SQLite': { 'tables exact': GEOMETRY },
    'Sakila MariaDB → DuckDB': { 'tables exact': GEOMETRY },
  };

  type Check = 'tables exact' | 'rows' | 'foreign keys' | 'views' | 'warnings' | 'check';

  /** Migrates one pair once, then asserts each thing the issue asks of it as its own test. */
  function migratePair(p: Pair, sample: Buffer | null): void {
    describe.skipIf(!sample)(p.name, () => {
      let report: MigrationReport;
      beforeAll(async () => {
        const started = performance.now();
        report = await migrate(ferry, { from: p.from, to: p.to, jobs: 2 });
        console.info(`${p.name}: migrated in ${((performance.now() - started) / 1000).toFixed(1)} s; skipped ${JSON.stringify(report.plan.skipped)}; warnings ${JSON.stringify(report.plan.warnings)}`);
      }, 240_000);
      const known = KNOWN[p.name] ?? {};
      const test = (check: Check, title: string, body: () => Promise<void>): void => {
        if (known[check]) it.fails(`${title} (known bug: ${known[check]})`, body, 120_000);
        else it(title, body, 120_000);
      };

      test('tables exact', 'every table loaded and verified exact, every structure step done', async () => {
        expect(report.failedSteps.map((s) => `${s.object}: ${s.error}`)).toEqual([]);
        expect(report.tables.map((t) => [t.source, t.loaded, t.verify?.match, t.error?.message])).toEqual(report.plan.tables.map((t) => [t.source, true, true, undefined]));
        expect(report.ok).toBe(true);
      });

      test('rows', 'every table holds the sample\'s rows', async () => {
        const counts: Record<string, number> = {};
        for (const table of Object.keys(p.rows)) {
          const [row] = await ferry.rows(`SELECT COUNT(*) AS n FROM ${p.to}."${table}"`);
          counts[table] = Number(row!.n);
        }
        expect(counts).toEqual(p.rows);
      });

      test('foreign keys', 'every foreign key is in the target, or skipped with a reason', async () => {
        const [fromDb, fromNs] = p.from.split('.');
        const [toDb, toNs] = p.to.split('.');
        const target = foreignKeys(await ferry.inspect(toDb!, toNs));
        const missing = foreignKeys(await ferry.inspect(fromDb!, fromNs)).filter((k) => !target.includes(k));
        const skipped = report.plan.skipped.filter((s) => s.kind === 'foreign key' && s.reason);
        // A skipped key is named `table.constraint`; the missing one must be of that table.
        expect(missing.filter((k) => !skipped.some((s) => k.startsWith(`${s.object.split('.')[0]!.toLowerCase()}(`)))).toEqual([]);
        expect(missing.length).toBe(report.plan.skipped.filter((s) => s.kind === 'foreign key').length);
      });

      test('views', 'every view is created and answers as in the source, or is skipped with a reason', async () => {
        const [toDb, toNs] = p.to.split('.');
        const created = (await ferry.tableNames(toDb!, toNs)).views.map((v) => v.toLowerCase());
        const skipped = report.plan.skipped.filter((s) => s.kind === 'view');
        expect(p.views.filter((v) => !created.includes(v) && !skipped.some((s) => s.object === v && s.reason))).toEqual([]);
        for (const view of p.views.filter((v) => created.includes(v))) {
          const sql = (ref: string): string => `SELECT * FROM ${ref}."${view}"`;
          expect([view, canonLists(await ferry.rows(sql(p.to)))]).toEqual([view, canonLists(await ferry.rows(sql(p.from)))]);
        }
      });

      if (p.from.startsWith('maria.ferry_sakila')) {
        test('warnings', 'a SET column becoming text is a warning of the plan', async () => {
          expect(report.plan.warnings.filter((w) => w.object === 'film.special_features').map((w) => w.message))
            .toEqual([expect.stringMatching(/^SET becomes .* comma-separated: which members are allowed is no longer checked$/)]);
        });
      }

      test('check', 'ferry check finds no error', async () => {
        const findings = (await check(ferry, p.from, p.to)).findings;
        const warnings = findings.filter((f) => f.severity === 'warning').map((f) => `${f.code} ${f.table}.${f.column ?? ''}`);
        if (warnings.length) console.info(`${p.name}: check warns ${warnings.join(', ')}`);
        expect(findings.filter((f) => f.severity === 'error').map((f) => `${f.code} ${f.table}.${f.column ?? ''} ${f.message}`)).toEqual([]);
      });
    });
  }

  const chinook = (name: string, from: string, to: string): Pair => ({ name: `Chinook ${name}`, from, to, rows: CHINOOK_ROWS, views: [] });
  const sakila = (name: string, to: string): Pair => ({ name: `Sakila ${name}`, from: 'maria.ferry_sakila', to, rows: SAKILA_ROWS, views: SAKILA_VIEWS });
  const pairs: readonly (Pair & { readonly sample: Buffer | null })[] = [
    { ...chinook('SQLite → PostgreSQL', 'chinook_lite', 'pg.ferry_chinook_from_lite'), sample: chinookJar },
    { ...chinook('PostgreSQL → MariaDB', 'pg.ferry_chinook', 'maria.ferry_chinook_from_pg'), sample: chinookJar },
    { ...chinook('MariaDB → PostgreSQL', 'maria.ferry_chinook', 'pg.ferry_chinook_from_maria'), sample: chinookJar },
    { ...chinook('PostgreSQL → DuckDB', 'pg.ferry_chinook', 'chinook_duck'), sample: chinookJar },
    { ...sakila('MariaDB → PostgreSQL', 'pg.ferry_sakila_from_maria'), sample: sakilaTgz },
    { ...sakila('MariaDB → MariaDB', 'maria.ferry_sakila_copy'), sample: sakilaTgz },
    { ...sakila('MariaDB → SQLite', 'sakila_lite'), sample: sakilaTgz },
    { ...sakila('MariaDB → DuckDB', 'sakila_duck'), sample: sakilaTgz },
  ];
  for (const p of pairs) migratePair(p, p.sample);
});
