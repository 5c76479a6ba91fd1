import { tableTextRows } from '../arrow/index.js';
import { statsQuery } from '../compat/stats-sql.js';
import { FerryError } from '../errors/index.js';
import type { SchemaSnapshot } from '../schema/model.js';
import type { Ferry } from './ferry.js';

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
  const dot = ref.indexOf('.');
  const database = dot < 0 ? ref : ref.slice(0, dot);
  const namespace = dot < 0 ? undefined : ref.slice(dot + 1);
  if (!ferry.databases.includes(database)) {
    throw new FerryError('UNKNOWN_DATABASE', `no database named '${database}' is configured; configured: ${ferry.databases.join(', ')}`, { database });
  }
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
