import type { Table } from 'apache-arrow';
import { batchColumns, type ColumnKind } from '../../arrow/index.js';

const RIGHT: ReadonlySet<ColumnKind> = new Set(['bigint', 'decimal', 'number']);
const MAX_WIDTH = 60;

function clip(s: string): string {
  const flat = s.replace(/\r?\n/g, '↵').replace(/\t/g, '→');
  return [...flat].length > MAX_WIDTH ? `${[...flat].slice(0, MAX_WIDTH - 1).join('')}…` : flat;
}

function width(s: string): number {
  let w = 0;
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    // East Asian wide characters and emoji take two terminal cells.
    w += (cp >= 0x1100 && (cp <= 0x115f || (cp >= 0x2e80 && cp <= 0xa4cf) || (cp >= 0xac00 && cp <= 0xd7a3) || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0xfe30 && cp <= 0xfe4f) || (cp >= 0xff00 && cp <= 0xff60) || (cp >= 0xffe0 && cp <= 0xffe6) || cp >= 0x1f300)) ? 2 : 1;
  }
  return w;
}

/**
 * Renders a result as an aligned text table; NULL shows as `NULL`, numbers align right.
 *
 * @example
 * process.stdout.write(renderTable(table));
 */
export function renderTable(table: Table): string {
  const names = table.schema.fields.map((f) => f.name);
  const kinds: ColumnKind[] = [];
  const rows: string[][] = [];
  for (const batch of table.batches) {
    const cols = batchColumns(batch);
    cols.forEach((c, i) => (kinds[i] = c.kind));
    for (let r = 0; r < batch.numRows; r++) rows.push(cols.map((c) => clip(c.text(r) ?? 'NULL')));
  }
  const widths = names.map((n) => width(n));
  for (const r of rows) r.forEach((v, i) => (widths[i] = Math.max(widths[i]!, width(v))));
  const cell = (s: string, i: number): string => {
    const padN = ' '.repeat(widths[i]! - width(s));
    return RIGHT.has(kinds[i] ?? 'text') ? padN + s : s + padN;
  };
  const line = (l: string, m: string, r: string): string => l + widths.map((w) => '─'.repeat(w + 2)).join(m) + r;
  const out = [line('┌', '┬', '┐'), `│ ${names.map((n, i) => n + ' '.repeat(widths[i]! - width(n))).join(' │ ')} │`, line('├', '┼', '┤')];
  for (const r of rows) out.push(`│ ${r.map(cell).join(' │ ')} │`);
  out.push(line('└', '┴', '┘'));
  return `${out.join('\n')}\n`;
}
