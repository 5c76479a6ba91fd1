import type { Table } from 'apache-arrow';
import { batchColumns, type ColumnView } from '../../arrow/index.js';

function literal(c: ColumnView, row: number): string {
  const v = c.text(row);
  if (v === null) return 'null';
  switch (c.kind) {
    case 'bigint':
      // Exact digits as a JSON number, never through a double.
      return v;
    case 'number':
      return /^-?\d/.test(v) && Number.isFinite(Number(v)) ? v : JSON.stringify(v);
    case 'boolean':
      return v;
    default:
      // DECIMAL keeps its scale as a string ("10.50"); dates, times, text and hex binary too.
      return JSON.stringify(v);
  }
}

/**
 * Renders an array of objects keyed by column label. BIGINT values are exact JSON numbers,
 * DECIMAL values are strings with their scale, binary is hex.
 *
 * @example
 * renderJson(table) // '[{"id":9007199254740993,"price":"10.50"}]'
 */
export function renderJson(table: Table): string {
  const names = table.schema.fields.map((f) => JSON.stringify(f.name));
  const rows: string[] = [];
  for (const batch of table.batches) {
    const cols = batchColumns(batch);
    for (let r = 0; r < batch.numRows; r++) rows.push(`{${cols.map((c, i) => `${names[i]}:${literal(c, r)}`).join(',')}}`);
  }
  return rows.length === 0 ? '[]\n' : `[\n${rows.join(',\n')}\n]\n`;
}
