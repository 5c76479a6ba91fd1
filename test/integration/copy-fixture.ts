import { join } from 'node:path';
import type { Table } from 'apache-arrow';
import { Ferry, engineDatabases } from '../../src/api/index.js';
import { CopyHandle, EngineHandle } from '../../src/bridge/index.js';
import type { CopyRequest } from '../../src/api/index.js';
import type { CopyResult } from '../../src/copy/events.js';
import { validateConfig, type FerryConfigInput } from '../../src/config/index.js';
import { rows, tempDir } from './fixtures.js';
import { SERVICES } from './services.js';

/** A config over PostgreSQL, MariaDB, and fresh H2 and SQLite files, for copy tests. */
export function copyConfig(extra: FerryConfigInput['databases'] = {}): FerryConfigInput {
  const dir = tempDir('ferry-copy-');
  return {
    databases: {
      pg: { url: SERVICES.postgres.url, user: SERVICES.postgres.user, schema: 'public' },
      maria: { url: SERVICES.mariadb.url, user: SERVICES.mariadb.user, schema: 'test' },
      h2: { url: `jdbc:h2:${join(dir, 'copy')}`, schema: 'PUBLIC' },
      lite: { url: `jdbc:sqlite:${join(dir, 'copy.db')}` },
      ...extra,
    },
  };
}

/** Opens the JVM-side engine directly, as the copy command will. */
export function openEngine(config: FerryConfigInput): Promise<EngineHandle> {
  return EngineHandle.open(engineDatabases(validateConfig(config, process.cwd())));
}

/** Runs one table copy to the end. */
export async function copyTable(engine: EngineHandle, request: CopyRequest): Promise<CopyResult> {
  return (await CopyHandle.open(engine, request)).run();
}

/** Every row of a query as exact text, through a fresh Ferry (tables created since are seen). */
export async function textRows(config: FerryConfigInput, sql: string): Promise<(string | null)[][]> {
  const ferry = await Ferry.open(config);
  try {
    const t: Table = await ferry.query(sql);
    return rows(t);
  } finally {
    await ferry.close();
  }
}

/** An unpinned entry for the shared PostgreSQL, to read Ferry's own schema: `pgall.ferry.ferry_checkpoint`. */
export const PG_ALL = { pgall: { url: SERVICES.postgres.url, user: SERVICES.postgres.user } };

/**
 * How many checkpoints of `job` the `ferry_checkpoint` table `ref` names holds (0 when there is
 * no such table): what a copy must not leave beside the user's tables.
 */
export async function checkpointsIn(config: FerryConfigInput, ref: string, job: string): Promise<number> {
  return textRows(config, `SELECT COUNT(*) FROM ${ref} WHERE job = '${job}'`).then((r) => Number(r[0]?.[0]), (e: Error) => {
    if (!/not found/i.test(e.message)) throw e;
    return 0;
  });
}
