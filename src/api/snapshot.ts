import { tableTextRows } from '../arrow/index.js';
import { statsQuery } from '../compat/stats-sql.js';
import type { SchemaSnapshot } from '../schema/model.js';
import type { Ferry } from './ferry.js';
import { splitRef } from './refs.js';

/** Options of {@link snapshot}. */
export interface SnapshotOptions {
  /** Compute the data statistics `check` uses to prove findings from a snapshot (default true). */
  readonly stats?: boolean;
}

/**
 * Inspects one configured database (or `database.schema`) into a snapshot, with per-table data
 * statistics computed through Calcite, so `check --from FILE` can prove findings without access
 * to the database.
 *
 * @example
 * writeSnapshot('v1.json', await snapshot(ferry, 'prod'));
 */
export async function snapshot(ferry: Ferry, ref: string, options: SnapshotOptions = {}): Promise<SchemaSnapshot> {
  const { database, namespace } = splitRef(ferry, ref);
  const base = await ferry.inspect(database, namespace);
  if (options.stats === false) return base;
  const prefix = namespace ? [database, namespace] : [database];
  const tables = [];
  for (const t of base.tables) {
    const { sql, read } = statsQuery(t, prefix);
    const row = [...tableTextRows(await ferry.query(sql))][0] ?? [];
    tables.push({ ...t, stats: read(row) });
  }
  return { ...base, tables };
}
