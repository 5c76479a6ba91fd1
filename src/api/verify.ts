import { FerryError } from '../errors/index.js';
import type { VerifyReport } from '../verify/verify-report.js';
import type { Ferry } from './ferry.js';
import { splitRef } from './refs.js';

/** What to verify. */
export interface VerifyOptions {
  readonly from: string;
  readonly to: string;
  readonly tables?: readonly string[];
  readonly all?: boolean;
  /** Rows per checksum chunk (default `verifyRequestDefaults.chunkRows`). */
  readonly chunkRows?: number;
}

/**
 * Proves tables in `to` equal those in `from`: row counts and per-chunk checksums computed
 * inside each database where the engine allows, then the differing keys of any chunk that does
 * not match.
 *
 * @example
 * const reports = await verify(ferry, { from: 'shop', to: 'warehouse', tables: ['orders'] });
 */
export async function verify(ferry: Ferry, options: VerifyOptions): Promise<VerifyReport[]> {
  const from = splitRef(ferry, options.from);
  const to = splitRef(ferry, options.to);
  const tables = options.all ? [...(await ferry.tableNames(from.database, from.namespace)).tables] : [...(options.tables ?? [])];
  if (tables.length === 0) throw new FerryError('USAGE', 'name the tables to verify with --tables a,b, or verify every table with --all');
  const out: VerifyReport[] = [];
  for (const table of tables) {
    out.push(await ferry.verifyTable({
      from: from.database,
      to: to.database,
      fromNamespace: from.namespace ?? null,
      toNamespace: to.namespace ?? null,
      table,
      targetTable: table,
      chunkRows: options.chunkRows,
    }));
  }
  return out;
}
