import type { Table } from 'apache-arrow';
import { batchColumns, type ColumnView } from './columns.js';

/**
 * One value of an {@link ExactRow}: `bigint` for BIGINT; `number` for INTEGER, SMALLINT, TINYINT,
 * DOUBLE and REAL; `string` for DECIMAL (with its scale, `'42861428.70'`), text, DATE
 * (`'2024-02-29'`, `'-0043-03-15'` for 44 BC), TIME (`'12:34:56.123456'`) and TIMESTAMP
 * (`'2024-02-29 12:34:56.123456'`); `boolean`; `Uint8Array` for binary; `null` for SQL NULL.
 */
export type ExactValue = bigint | number | string | boolean | Uint8Array | null;

/** One result row keyed by column label, with the exact values `ferry query` prints. */
export interface ExactRow {
  readonly [column: string]: ExactValue;
}

/** A cell's exact text as the JavaScript value of its family. */
function exactValue(column: ColumnView, row: number): ExactValue {
  const text = column.text(row);
  if (text === null) return null;
  switch (column.kind) {
    case 'bigint':
      return BigInt(text);
    case 'number':
      return Number(text);
    case 'boolean':
      return text === 'true';
    case 'binary':
      return new Uint8Array(Buffer.from(text, 'hex'));
    default:
      // DECIMAL keeps its scale as text; dates, times and timestamps are the CLI's text.
      return text;
  }
}

/**
 * Every row of a table as a plain object keyed by column label, with exact values read through
 * {@link batchColumns} — the same text the CLI prints, typed as {@link ExactValue}.
 *
 * @example
 * tableRows(await ferry.query('SELECT price, placed_at FROM shop.orders'))
 * // [{ price: '42861428.70', placed_at: '2024-02-29 12:34:56.123456' }]
 */
export function tableRows(table: Table): ExactRow[] {
  const rows: ExactRow[] = [];
  for (const batch of table.batches) {
    const columns = batchColumns(batch);
    for (let r = 0; r < batch.numRows; r++) {
      const row: Record<string, ExactValue> = {};
      for (const c of columns) {
        // Assignment to a key named __proto__ would set the prototype instead of a property.
        if (c.name === '__proto__') Object.defineProperty(row, c.name, { value: exactValue(c, r), enumerable: true, writable: true, configurable: true });
        else row[c.name] = exactValue(c, r);
      }
      rows.push(row);
    }
  }
  return rows;
}
