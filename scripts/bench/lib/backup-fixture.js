// The backup benchmark's sources, restore targets and peers, per engine. Sources are built by the
// fixtures the copy and migrate benchmarks already use (a generated table, TPC-H by
// io.trino.tpch); restores are checked through the engines' own clients, never through Ferry.
//
// Where each restore lands:
//   ferry restore → PostgreSQL  an empty schema of `test` (ferry_bench_bk_restore), so Ferry's
//                               restore into `pg.<schema>` is what a user would run.
//   pg_restore                  an empty database of its own (ferry_bench_bk_restore_db), created
//                               before and dropped after: a dump made with `pg_dump -n S`
//                               recreates schema S by name, and S still exists in `test` (it is
//                               the source), so a fresh database is the only correct empty target;
//                               renaming the source schema away during the run would change what
//                               the next backup reads.
//   MariaDB, both tools         an empty database (ferry_bench_bk_restore), dropped and created
//                               before each restore; a mariadb-dump without --databases names no
//                               database, so the client's default database is where it lands.
import { lstatSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { attemptAll } from './clean-up.js';
import { MARIA, PG, mariadb, pgDumpArgs, pgRestoreArgs, psql, resetPgTarget } from './copy-fixture.js';
import { toolVersion } from './environment.js';
import { pipeline } from './measure.js';
import { commandLine } from './report.js';
import { mariaSourceCounts, pgSourceCounts, resetTarget } from './tpch-fixture.js';

/** Every schema and database this benchmark makes; the names say who made them. */
export const BK = {
  /** The generated table's PostgreSQL schema. */
  pg2m: 'ferry_bench_bk2m',
  /** TPC-H: a PostgreSQL schema of `test`, and a MariaDB database, of this name. */
  tpch: 'ferry_bench_bk_tpch',
  /** Ferry's restore target (a schema of `test`; in MariaDB a database) and mariadb's. */
  restore: 'ferry_bench_bk_restore',
  /** pg_restore's target database. */
  restoreDb: 'ferry_bench_bk_restore_db',
};

/**
 * Rows of the generated table: FERRY_BENCH_ROWS, default 2,000,000 (20,000 for a quick run).
 *
 * @example
 * benchRows() // 2000000
 */
export function benchRows() {
  const raw = process.env.FERRY_BENCH_ROWS ?? '2000000';
  const rows = Number(raw);
  if (!Number.isInteger(rows) || rows < 1) throw new Error(`FERRY_BENCH_ROWS must be a whole number of at least 1 (got ${raw})`);
  return rows;
}

/**
 * Bytes and files under `path` (a folder, walked; or a single file), the way a user sizes a
 * backup: regular files only, their apparent sizes added up.
 *
 * @example
 * folderSize('/tmp/bk') // { bytes: 41234567, files: 3 }
 */
export function folderSize(path) {
  const st = lstatSync(path);
  if (st.isFile()) return { bytes: st.size, files: 1 };
  let bytes = 0;
  let files = 0;
  if (st.isDirectory()) {
    for (const name of readdirSync(path)) {
      const inner = folderSize(join(path, name));
      bytes += inner.bytes;
      files += inner.files;
    }
  }
  return { bytes, files };
}

function resetMariaDatabase(db) {
  mariadb(`DROP DATABASE IF EXISTS ${db};\nCREATE DATABASE ${db} CHARACTER SET utf8mb4;`, { what: `reset MariaDB ${db}` });
}

/**
 * What differs per engine: the versions of its tools, its Ferry config entry, how each side's restore target is emptied and
 * where it is, the peer's backup and restore commands, how TPC-H rows are counted, and what the
 * clean-up drops. `place` is where a restored
 * table is read back: `{ db, schema }` (PostgreSQL) or `{ db }` (MariaDB).
 */
export const ENGINES = {
  pg: {
    label: 'PostgreSQL',
    versions: () => [['pg_dump / pg_restore', `${toolVersion('pg_dump', ['--version'])} / ${toolVersion('pg_restore', ['--version'])}`]],
    peerBackup: (jobs) => `pg_dump -Fd -j ${jobs}`,
    peerRestore: (jobs) => `pg_restore -j ${jobs}`,
    /** Its name in the Ferry config. */
    database: 'pg',
    config: ['  pg:', `    url: ${PG.url}`, `    user: ${PG.user}`],
    ferryTarget: `pg.${BK.restore}`,
    ferryPlace: { db: 'test', schema: BK.restore },
    peerPlace: (source) => ({ db: BK.restoreDb, schema: source }),
    peerOutput: (dir) => join(dir, 'pg_dump'),
    /** Rows per TPC-H table at a restore's place. */
    tpchCounts: (place) => pgSourceCounts(place.schema, place.db),
    /** Flushes earlier writes so no measured command pays for them. */
    settle: () => psql('CHECKPOINT;', { what: 'checkpoint' }),
    resetFerryTarget: () => resetPgTarget({ create: false, schema: BK.restore }),
    resetPeerTarget: () => resetTarget(BK.restoreDb),
    dropPeerTarget: () => psql(`DROP DATABASE IF EXISTS ${BK.restoreDb} WITH (FORCE);`, { what: `drop ${BK.restoreDb}` }),
    backupCommand(source, out, jobs) {
      const args = pgDumpArgs(source, out, jobs);
      return { cmd: 'pg_dump', args, line: commandLine('pg_dump', args) };
    },
    restoreCommand(out, jobs) {
      const args = pgRestoreArgs(BK.restoreDb, out, jobs);
      return { cmd: 'pg_restore', args, line: commandLine('pg_restore', args) };
    },
    dropSteps: (sources) => [
      ...sources.map((s) => [`schema ${s}`, () => psql(`DROP SCHEMA IF EXISTS ${s} CASCADE;`, { what: `drop ${s}` })]),
      [`schema ${BK.restore}`, () => psql(`DROP SCHEMA IF EXISTS ${BK.restore} CASCADE;`, { what: `drop ${BK.restore}` })],
      [`database ${BK.restoreDb}`, () => ENGINES.pg.dropPeerTarget()],
    ],
  },
  maria: {
    label: 'MariaDB',
    versions: () => [
      ['mariadb', mariadb('SELECT VERSION();', { what: 'read the server version' }).trim()],
      ['mariadb-dump / zstd', `${toolVersion('mariadb-dump', ['--version'])} / ${toolVersion('zstd', ['--version'])}`],
    ],
    peerBackup: () => 'mariadb-dump --single-transaction | zstd',
    peerRestore: () => 'zstd -dc | mariadb',
    database: 'maria',
    config: ['  maria:', `    url: ${MARIA.url}`, `    user: ${MARIA.user}`],
    ferryTarget: `maria.${BK.restore}`,
    ferryPlace: { db: BK.restore },
    peerPlace: () => ({ db: BK.restore }),
    peerOutput: (dir) => join(dir, 'mariadb-dump.sql.zst'),
    tpchCounts: (place) => mariaSourceCounts(place.db),
    settle: () => undefined,
    resetFerryTarget: () => resetMariaDatabase(BK.restore),
    resetPeerTarget: () => resetMariaDatabase(BK.restore),
    dropPeerTarget: () => mariadb(`DROP DATABASE IF EXISTS ${BK.restore};`, { what: `drop MariaDB ${BK.restore}` }),
    // mariadb-dump has no parallel mode; zstd at its default level, as Ferry's chunks.
    backupCommand: (source, out) => pipeline(['mariadb-dump', ...MARIA.cliArgs, '--single-transaction', source], ['zstd', '-q', '-o', out]),
    restoreCommand: (out) => pipeline(['zstd', '-dc', out], ['mariadb', ...MARIA.cliArgs, BK.restore]),
    dropSteps: (sources) => [
      ...sources.map((s) => [`MariaDB database ${s}`, () => mariadb(`DROP DATABASE IF EXISTS ${s};`, { what: `drop MariaDB ${s}` })]),
      [`MariaDB database ${BK.restore}`, () => ENGINES.maria.dropPeerTarget()],
    ],
  },
};

/**
 * Drops everything the benchmark made for the datasets run (`used`: engine and source name per
 * dataset); returns what could not be dropped.
 */
export function dropEverything(used) {
  const steps = [];
  for (const engine of new Set(used.map((u) => u.engine))) steps.push(...engine.dropSteps(used.filter((u) => u.engine === engine).map((u) => u.source)));
  return attemptAll(steps);
}

/**
 * The Ferry config of a run: the engines' entries the datasets use (Ferry connects to every
 * configured database, so MariaDB is left out of a PostgreSQL-only run).
 */
export function ferryConfig(engines) {
  return `${['databases:', ...[...engines].flatMap((e) => e.config)].join('\n')}\n`;
}
