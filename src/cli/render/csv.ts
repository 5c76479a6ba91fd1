import type { Table } from 'apache-arrow';
import { tableTextRows } from '../../arrow/index.js';

function field(v: string | null): string {
  if (v === null) return '';
  // Quote empty strings so they stay distinct from NULL (an empty field).
  if (v === '' || /[",\r\n]/.test(v) || v !== v.trim()) return `"${v.replace(/"/g, '""')}"`;
  return v;
}

/**
 * Renders RFC 4180 CSV with a header row. NULL is an empty field, the empty string is `""`.
 *
 * @example
 * renderCsv(table) // 'id,name\n1,"a, b"\n'
 */
export function renderCsv(table: Table): string {
  const lines = [table.schema.fields.map((f) => field(f.name)).join(',')];
  for (const row of tableTextRows(table)) lines.push(row.map(field).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
