import { FerryError, isFerryError } from '../errors/index.js';
import type { VerifyOutcome, VerifyReport } from '../verify/verify-report.js';
import type { Ferry } from './ferry.js';
import { columnsOf, mappedTarget, tableMapping, type Mapping } from '../migrate/mapping.js';
import { splitRef } from './refs.js';
import { requireTables } from './require-tables.js';

/** What to verify. */
export interface VerifyOptions {
  readonly from: string;
  readonly to: string;
  /** Source tables; with a mapping, each is compared with the target table mapped from it. */
  readonly tables?: readonly string[];
  readonly all?: boolean;
  /** Rows per checksum chunk (default `verifyRequestDefaults.chunkRows`). */
  readonly chunkRows?: number;
  /**
   * The mapping a migration copied through: target tables are found by it, computed columns
   * compared with their expressions over the source, and its row conditions applied; tables it
   * skips are not compared. Without it, tables and columns are matched by name.
   */
  readonly mapping?: Mapping;
}

/**
 * Proves tables in `to` equal those in `from`: row counts and per-chunk checksums computed
 * inside each database where the engine allows, then the differing keys of any chunk that does
 * not match. Throws on the first table that cannot be compared; {@link verifyEach} reports it
 * and goes on.
 *
 * @example
 * const reports = await verify(ferry, { from: 'shop', to: 'warehouse', tables: ['orders'] });
 * reports[0].match // true for an exact copy
 */
export async function verify(ferry: Ferry, options: VerifyOptions): Promise<VerifyReport[]> {
  const out: VerifyReport[] = [];
  for (const o of await verifyEach(ferry, options, true)) if (o.report) out.push(o.report);
  return out;
}

/**
 * Like {@link verify}, but a table that cannot be compared (missing, unreadable, a mapping that
 * does not apply) is reported with its error and the other tables are still compared.
 *
 * @example
 * const outcomes = await verifyEach(ferry, { from: 'v1', to: 'v2', all: true, mapping });
 * outcomes.filter((o) => o.error) // the tables that could not be compared, with why
 */
export async function verifyEach(ferry: Ferry, options: VerifyOptions, stopOnError = false): Promise<VerifyOutcome[]> {
  const from = splitRef(ferry, options.from);
  const to = splitRef(ferry, options.to);
  const tables = options.all ? [...(await ferry.tableNames(from.database, from.namespace)).tables] : [...(options.tables ?? [])];
  if (tables.length === 0) throw new FerryError('USAGE', 'name the tables to verify with --tables a,b, or verify every table with --all');
  // A misspelt name is a usage error before anything is compared, not a table "not compared".
  if (!options.all) await requireTables(ferry, options.from, from, tables, 'tables and views');
  const out: VerifyOutcome[] = [];
  for (const table of tables) {
    const target = mappedTarget(options.mapping, table);
    if (tableMapping(options.mapping, target)?.kind === 'skip') continue;
    const m = columnsOf(options.mapping, target);
    try {
      out.push({ table, report: await ferry.verifyTable({
        from: from.database,
        to: to.database,
        fromNamespace: from.namespace ?? null,
        toNamespace: to.namespace ?? null,
        table,
        targetTable: target,
        chunkRows: options.chunkRows,
        columns: options.mapping ? m.columns : null,
        where: m.where,
      }), error: null });
    } catch (e) {
      if (stopOnError || !isFerryError(e)) throw e;
      out.push({ table, report: null, error: { code: e.code, message: e.message } });
    }
  }
  return out;
}
