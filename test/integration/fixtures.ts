import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Table } from 'apache-arrow';
import { tableTextRows } from '../../src/arrow/index.js';
import { runNativeScript } from '../../src/bridge/index.js';
import { SERVICES } from './services.js';

/** A fresh temporary folder for embedded databases. */
export function tempDir(prefix = 'ferry-it-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Every row as exact text cells, for whole-result comparisons. */
export function rows(table: Table): (string | null)[][] {
  return [...tableTextRows(table)];
}

/** Runs native SQL on PostgreSQL's test database. */
export function pg(...statements: string[]): Promise<number> {
  return runNativeScript({ url: SERVICES.postgres.url, user: SERVICES.postgres.user, statements });
}

/** Runs native SQL on MariaDB's test database. */
export function maria(...statements: string[]): Promise<number> {
  return runNativeScript({ url: SERVICES.mariadb.url, user: SERVICES.mariadb.user, statements });
}

/** Runs native SQL on an embedded database by URL. */
export function native(url: string, ...statements: string[]): Promise<number> {
  return runNativeScript({ url, statements });
}

/** The `ferry` command, for tests that run the CLI as a user does. */
export const FERRY_BIN = fileURLToPath(new URL('../../bin/ferry.js', import.meta.url));

/** Writes a config naming the shared PostgreSQL (`pg`) and MariaDB (`maria`) into `dir`; returns its path. */
export function serviceConfig(dir: string): string {
  const file = join(dir, 'ferry.yaml');
  writeFileSync(file, `databases:
  pg: { url: "${SERVICES.postgres.url}", user: ${SERVICES.postgres.user} }
  maria: { url: "${SERVICES.mariadb.url}", user: ${SERVICES.mariadb.user} }
`);
  return file;
}

/**
 * The configured databases of a federation test named `name`: PostgreSQL's schema `name`,
 * MariaDB's database `name` and a SQLite file in `dir`.
 *
 * @example
 * Ferry.open({ databases: { ...namedEngines('ferry_x_it', dir), h2: { url: 'jdbc:h2:…' } } })
 */
export function namedEngines(name: string, dir: string) {
  return {
    pg: { url: SERVICES.postgres.url, user: SERVICES.postgres.user, schema: name },
    maria: { url: `jdbc:mariadb://127.0.0.1:3306/${name}`, user: SERVICES.mariadb.user },
    lite: { url: `jdbc:sqlite:${join(dir, 'lite.db')}` },
  } as const;
}

/** Creates PostgreSQL's schema and MariaDB's database `name` anew, each running `tables(prefix)`. */
export async function createNamed(name: string, tables: (prefix: string) => string[]): Promise<void> {
  await pg(`DROP SCHEMA IF EXISTS ${name} CASCADE`, `CREATE SCHEMA ${name}`, ...tables(`${name}.`));
  await maria(`DROP DATABASE IF EXISTS ${name}`, `CREATE DATABASE ${name}`, ...tables(`${name}.`));
}

/** Drops PostgreSQL's schema and MariaDB's database `name`. */
export async function dropNamed(name: string): Promise<void> {
  await pg(`DROP SCHEMA IF EXISTS ${name} CASCADE`);
  await maria(`DROP DATABASE IF EXISTS ${name}`);
}

/** What one run of the real `ferry` binary gave: exit code, stdout and stderr. */
export interface FerryRun {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

/** Runs the real `ferry` binary in `cwd`, with `env` added to this process's environment. */
export function runFerry(args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = {}): FerryRun {
  const r = spawnSync(process.execPath, [FERRY_BIN, ...args], { cwd, env: { ...process.env, ...env }, encoding: 'utf8', timeout: 120_000 });
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
}
