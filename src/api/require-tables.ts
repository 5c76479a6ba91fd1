import { matchName } from '../compat/sql-text.js';
import { didYouMean, FerryError } from '../errors/index.js';
import type { Ferry } from './ferry.js';
import type { DatabaseRef } from './refs.js';

/** Which relations a command's `--tables` may name: `copy` reads tables only, `verify` views too. */
export type TableKinds = 'tables' | 'tables and views';

/**
 * Throws USAGE, before a command touches any table, when a `--tables` name matches no table
 * (nor view, where `kinds` accepts them) of `ref`, exactly or ignoring case: the closest names
 * are suggested as `ferry query` suggests them. One listing of the database, however many names.
 * A name that was not refused resolves on the JVM as before (case-insensitively).
 *
 * @example
 * await requireTables(ferry, 'pg', { database: 'pg' }, ['ordrs'], 'tables')
 * // FerryError USAGE: --tables 'ordrs' matches no table of pg; did you mean 'orders'? (there are: orders, customers)
 */
export async function requireTables(ferry: Ferry, label: string, ref: DatabaseRef, wanted: readonly string[], kinds: TableKinds): Promise<void> {
  const names = await ferry.tableNames(ref.database, ref.namespace);
  const candidates = kinds === 'tables' ? names.tables : [...names.tables, ...names.views];
  const missing = wanted.filter((w) => matchName(candidates, w, (n) => n) === undefined);
  if (missing.length === 0) return;
  const noun = kinds === 'tables' ? 'table' : 'table or view';
  const lines = missing.map((w) => {
    const view = kinds === 'tables' ? matchName(names.views, w, (n) => n) : undefined;
    return `--tables '${w}' matches no ${noun} of ${label}${view ? ` ('${view}' is a view, and only tables are copied)` : ''}; ${didYouMean(w, candidates)}`;
  });
  throw new FerryError('USAGE', lines.join('\n'), { unmatched: missing.map((glob) => ({ option: '--tables', glob })) });
}
