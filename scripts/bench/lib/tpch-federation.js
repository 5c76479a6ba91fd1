// The tpch benchmark's databases: TPC-H (io.trino.tpch, through the migrate benchmark's
// generator and loaders) split over three engines as issue 10 describes it — lineitem and orders
// in a PostgreSQL schema, customer, nation and region in a MariaDB database, part, partsupp and
// supplier in a SQLite file — and all eight tables again in one PostgreSQL schema, the baseline.
// Each part has its primary keys, the foreign keys among its own tables (MariaDB indexes their
// columns) and fresh statistics. `--keep` leaves everything in place with a state file beside
// the SQLite file, which `--reuse` reads to skip generating and loading.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { attemptAll } from './clean-up.js';
import { setUpTimer } from './set-up-timer.js';
import { MARIA, PG, WORK_DIR } from './copy-fixture.js';
import {
  assertCounts, generate, loadMaria, loadPg, loadSqlite, mariaIn, mariaSourceCounts, pgSourceCounts, psqlIn, sqliteSourceCounts,
} from './tpch-fixture.js';
import { TPCH_TABLES, tablesAmong } from './tpch-schema.js';

/** Which tables each engine of the federation holds. */
export const SPLIT = {
  pg: ['lineitem', 'orders'],
  maria: ['customer', 'nation', 'region'],
  lite: ['part', 'partsupp', 'supplier'],
};

/** The configured database (of the federation) that holds `table`. */
export function homeOf(table) {
  const home = Object.keys(SPLIT).find((db) => SPLIT[db].includes(table));
  if (!home) throw new Error(`no database of the split holds ${table}`);
  return home;
}

/**
 * The names of everything a run makes, all starting with `prefix` (default `ferry_bench_fed`),
 * so runs with different prefixes can share the servers.
 *
 * @example
 * placesOf('ferry_bench_fed').pgSchema // 'ferry_bench_fed_pg'
 */
export function placesOf(prefix) {
  if (!/^[a-z][a-z0-9_]{0,40}$/.test(prefix)) throw new Error(`--prefix must be a lower-case SQL name of at most 41 characters (got ${prefix})`);
  return {
    prefix,
    pgSchema: `${prefix}_pg`,
    mariaDatabase: `${prefix}_maria`,
    oneSchema: `${prefix}_one`,
    sqliteFile: join(WORK_DIR, `${prefix}.db`),
    stateFile: join(WORK_DIR, `${prefix}.json`),
  };
}

/**
 * Generates TPC-H at scale factor `sf` under `work` and loads the split and the one schema,
 * checking every table's row count against the generator's; writes the state file that
 * {@link reuse} reads. Returns the rows per table and the set-up steps with their seconds.
 */
export async function load(sf, places, work, progress) {
  const setup = [];
  const timed = setUpTimer(progress, setup);
  const dataDir = join(work, 'data');
  const { rows } = await timed(`generate TPC-H SF ${sf} (io.trino.tpch)`, () => generate(sf, dataDir));
  const pg = tablesAmong(SPLIT.pg);
  const maria = tablesAmong(SPLIT.maria);
  const lite = tablesAmong(SPLIT.lite);
  await timed(`PostgreSQL ${places.pgSchema} (${SPLIT.pg.join(', ')}): COPY, keys, VACUUM (FREEZE, ANALYZE)`, () => loadPg(dataDir, places.pgSchema, pg));
  assertCounts(`PostgreSQL ${places.pgSchema}`, pgSourceCounts(places.pgSchema, 'test', pg), rows, pg);
  await timed(`MariaDB ${places.mariaDatabase} (${SPLIT.maria.join(', ')}): LOAD DATA LOCAL INFILE, keys, ANALYZE TABLE`, () => loadMaria(dataDir, places.mariaDatabase, maria));
  assertCounts(`MariaDB ${places.mariaDatabase}`, mariaSourceCounts(places.mariaDatabase, maria), rows, maria);
  mkdirSync(WORK_DIR, { recursive: true });
  rmSync(places.sqliteFile, { force: true });
  await timed(`SQLite ${places.sqliteFile} (${SPLIT.lite.join(', ')}): .import, keys, ANALYZE`, () => loadSqlite(dataDir, places.sqliteFile, lite));
  assertCounts(places.sqliteFile, sqliteSourceCounts(places.sqliteFile, lite), rows, lite);
  await timed(`PostgreSQL ${places.oneSchema} (all ${TPCH_TABLES.length} tables): COPY, keys, VACUUM (FREEZE, ANALYZE)`, () => loadPg(dataDir, places.oneSchema));
  assertCounts(`PostgreSQL ${places.oneSchema}`, pgSourceCounts(places.oneSchema), rows);
  rmSync(dataDir, { recursive: true, force: true });
  writeFileSync(places.stateFile, `${JSON.stringify({ sf, rows }, null, 2)}\n`);
  return { rows, setup };
}

/**
 * The rows per table of what an earlier `--keep` run left under these names, after checking that
 * it was made at scale factor `sf` and that every table still holds its rows.
 */
export function reuse(sf, places) {
  if (!existsSync(places.stateFile)) throw new Error(`--reuse: no earlier run kept its databases under the prefix ${places.prefix} (${places.stateFile} is missing); run once with --keep`);
  const state = JSON.parse(readFileSync(places.stateFile, 'utf8'));
  if (state.sf !== sf) throw new Error(`--reuse: the kept databases are at scale factor ${state.sf}, not ${sf}; pass --sf ${state.sf} or load anew without --reuse`);
  const pg = tablesAmong(SPLIT.pg);
  const maria = tablesAmong(SPLIT.maria);
  const lite = tablesAmong(SPLIT.lite);
  assertCounts(`PostgreSQL ${places.pgSchema}`, pgSourceCounts(places.pgSchema, 'test', pg), state.rows, pg);
  assertCounts(`MariaDB ${places.mariaDatabase}`, mariaSourceCounts(places.mariaDatabase, maria), state.rows, maria);
  assertCounts(places.sqliteFile, sqliteSourceCounts(places.sqliteFile, lite), state.rows, lite);
  assertCounts(`PostgreSQL ${places.oneSchema}`, pgSourceCounts(places.oneSchema), state.rows);
  return state.rows;
}

/** Drops everything {@link load} made under these names; returns what could not be dropped. */
export function dropAll(places) {
  return attemptAll([
    [`PostgreSQL ${places.pgSchema}`, () => psqlIn('test', `DROP SCHEMA IF EXISTS ${places.pgSchema} CASCADE;`, `drop ${places.pgSchema}`)],
    [`PostgreSQL ${places.oneSchema}`, () => psqlIn('test', `DROP SCHEMA IF EXISTS ${places.oneSchema} CASCADE;`, `drop ${places.oneSchema}`)],
    [`MariaDB ${places.mariaDatabase}`, () => mariaIn(`DROP DATABASE IF EXISTS ${places.mariaDatabase};`, `drop ${places.mariaDatabase}`)],
    [places.sqliteFile, () => rmSync(places.sqliteFile, { force: true })],
    [places.stateFile, () => rmSync(places.stateFile, { force: true })],
  ]);
}

/** The Ferry config of the federation: the three parts, read-only, tables addressed as `pg.lineitem`. */
export function federationConfig(places) {
  return {
    databases: {
      pg: { url: PG.url, user: PG.user, schema: places.pgSchema, readOnly: true },
      maria: { url: `jdbc:mariadb://127.0.0.1:3306/${places.mariaDatabase}`, user: MARIA.user, schema: places.mariaDatabase, readOnly: true },
      lite: { url: `jdbc:sqlite:${places.sqliteFile}`, readOnly: true },
    },
  };
}
