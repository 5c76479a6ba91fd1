import type { ColumnStats, TableInfo } from '../schema/model.js';
import type { ProofRequest, ProofResult } from './proofs.js';
import { matchName } from './sql-text.js';

function cmp(a: string, b: string): number {
  // Exact comparison of decimal texts without floating point.
  const neg = (s: string): boolean => s.startsWith('-');
  if (neg(a) !== neg(b)) return neg(a) ? -1 : 1;
  const [ai = '', af = ''] = a.replace(/^-/, '').split('.');
  const [bi = '', bf = ''] = b.replace(/^-/, '').split('.');
  const ia = ai.replace(/^0+/, '');
  const ib = bi.replace(/^0+/, '');
  let r = ia.length !== ib.length ? ia.length - ib.length : ia < ib ? -1 : ia > ib ? 1 : 0;
  if (r === 0) {
    const n = Math.max(af.length, bf.length);
    const fa = af.padEnd(n, '0');
    const fb = bf.padEnd(n, '0');
    r = fa < fb ? -1 : fa > fb ? 1 : 0;
  }
  return neg(a) ? -r : r;
}

/**
 * Answers a proof request from a snapshot's statistics, when they can decide it. Row counts and
 * NULLs are exact; a longest value, a min/max or a digit count only shows that some value
 * violates a narrowing, not how many do, so such a violation has count 1 with `exact: false`
 * (a lower bound, worded "at least 1 row") and no examples.
 *
 * @example
 * statsAnswer({ kind: 'nulls', table: 'orders', column: 'note' }, snapshot.tables)
 */
export function statsAnswer(r: ProofRequest, tables: readonly TableInfo[]): ProofResult | undefined {
  const table = matchName(tables, r.table, (t) => t.name);
  const stats = table?.stats;
  if (!table || !stats) return undefined;
  const column = (name: string): ColumnStats | undefined => {
    const c = matchName(table.columns, name, (x) => x.name);
    return c ? stats.columns[c.name] : undefined;
  };
  const verdict = (violated: boolean | undefined, count?: number): ProofResult | undefined =>
    violated === undefined ? undefined : { count: violated ? (count ?? 1) : 0, examples: [], basis: 'stats', exact: !violated || count !== undefined };
  switch (r.kind) {
    case 'rows':
      return { count: stats.rowCount, examples: [], basis: 'stats' };
    case 'nonNull': {
      const c = column(r.column);
      return c ? { count: stats.rowCount - c.nulls, examples: [], basis: 'stats' } : undefined;
    }
    case 'nulls': {
      const c = column(r.column);
      return c ? verdict(c.nulls > 0, c.nulls) : undefined;
    }
    case 'tooLong': {
      const c = column(r.column);
      return c && c.maxLength !== undefined ? verdict((c.maxLength ?? 0) > r.maxLength) : undefined;
    }
    case 'outOfRange': {
      const c = column(r.column);
      if (!c || c.min === undefined || c.max === undefined) return undefined;
      if (c.min === null || c.max === null) return verdict(false);
      return verdict(cmp(c.min, r.min) < 0 || cmp(c.max, r.max) > 0);
    }
    case 'tooManyDigits': {
      const c = column(r.column);
      if (!c || c.maxIntegerDigits === undefined || c.maxScale === undefined) return undefined;
      return verdict((c.maxIntegerDigits ?? 0) > r.integerDigits || (c.maxScale ?? 0) > r.scale);
    }
    default:
      // Duplicates, orphans, fractional seconds and conversions need the rows themselves.
      return undefined;
  }
}
