import type { ColumnStats, TableInfo, TableStats } from '../schema/model.js';
import { ident, path } from './sql-text.js';

const MEASURED_MIN_MAX = new Set(['integer', 'decimal', 'float', 'date', 'time', 'timestamp', 'timestamptz']);

/**
 * One aggregate query computing a table's statistics for a snapshot: row count, and per column
 * NULLs, longest value, min/max, and (for decimals) the most digits used after the point.
 * Returns the SQL and a reader for its single result row (exact text cells).
 *
 * @example
 * const { sql, read } = statsQuery(table, ['pg', 'public']);
 */
export function statsQuery(table: TableInfo, prefix: readonly string[]): { sql: string; read: (row: readonly (string | null)[]) => TableStats } {
  const parts: string[] = ['COUNT(*)'];
  const readers: ((row: readonly (string | null)[], at: number) => [ColumnStats, number])[] = [];
  for (const c of table.columns) {
    const q = ident(c.name);
    const family = c.type.family;
    const exprs = [`COUNT(*) - COUNT(${q})`];
    if (family === 'char') exprs.push(`MAX(CHAR_LENGTH(${q}))`);
    if (family === 'binary') exprs.push(`MAX(OCTET_LENGTH(${q}))`);
    const minMax = MEASURED_MIN_MAX.has(family);
    if (minMax) exprs.push(`MIN(${q})`, `MAX(${q})`);
    const scale = family === 'decimal' ? (c.type.scale ?? 0) : 0;
    if (family === 'decimal' && scale > 0) {
      // The fewest decimals that represent every value: the first k where rounding changes nothing.
      const cases = Array.from({ length: scale }, (_, k) => `WHEN ${q} = ROUND(${q}, ${k}) THEN ${k}`).join(' ');
      exprs.push(`MAX(CASE ${cases} ELSE ${scale} END)`);
    }
    parts.push(...exprs);
    const n = exprs.length;
    readers.push((row, at) => {
      let i = at;
      const num = (v: string | null | undefined): number | null => (v === null || v === undefined ? null : Number(v));
      const stats: { nulls: number; maxLength?: number | null; min?: string | null; max?: string | null; maxIntegerDigits?: number | null; maxScale?: number | null } = { nulls: num(row[i++]) ?? 0 };
      if (family === 'char' || family === 'binary') stats.maxLength = num(row[i++]);
      if (minMax) {
        stats.min = row[i++] ?? null;
        stats.max = row[i++] ?? null;
        if (family === 'integer' || family === 'decimal') {
          const digits = (v: string | null | undefined): number => (v ? v.replace(/^-/, '').split('.')[0]!.replace(/^0+/, '').length : 0);
          stats.maxIntegerDigits = stats.min === null && stats.max === null ? null : Math.max(digits(stats.min), digits(stats.max));
        }
      }
      if (family === 'decimal') stats.maxScale = scale > 0 ? num(row[i++]) : 0;
      return [stats, n];
    });
  }
  const sql = `SELECT ${parts.join(', ')} FROM ${path([...prefix, table.name])}`;
  const read = (row: readonly (string | null)[]): TableStats => {
    const columns: Record<string, ColumnStats> = {};
    let at = 1;
    table.columns.forEach((c, idx) => {
      const [s, used] = readers[idx]!(row, at);
      columns[c.name] = s;
      at += used;
    });
    return { rowCount: Number(row[0] ?? 0), columns };
  };
  return { sql, read };
}
