import type { ColumnInfo } from '../../schema/model.js';

// Shared phrasing for finding messages, so every analyzer names things the same way.

const PLAIN = /^[A-Za-z_][A-Za-z0-9_$]*$/;

/**
 * A name as messages print it: plain identifiers as they are, anything else double-quoted.
 *
 * @example
 * name('Order Items') // '"Order Items"'
 */
export function name(identifier: string): string {
  return PLAIN.test(identifier) ? identifier : `"${identifier.replace(/"/g, '""')}"`;
}

/**
 * `table.column` (or just the table) as messages print it.
 *
 * @example
 * ref('Order Items', 'qty') // '"Order Items".qty'
 */
export function ref(table: string, column?: string): string {
  return column === undefined ? name(table) : `${name(table)}.${name(column)}`;
}

/**
 * A column list in parentheses.
 *
 * @example
 * columnList(['order_id', 'line']) // '(order_id, line)'
 */
export function columnList(columns: readonly string[]): string {
  return `(${columns.map(name).join(', ')})`;
}

/**
 * A count with its noun, singular or plural.
 *
 * @example
 * count(1, 'row') // '1 row'
 */
export function count(n: number, noun: string, plural = `${noun}s`): string {
  return `${n} ${n === 1 ? noun : plural}`;
}

/**
 * `, e.g. id=7, id=9` for a proof's examples, or nothing.
 *
 * @example
 * examples(['id=7', 'id=9']) // ', e.g. id=7, id=9'
 */
export function examples(xs: readonly string[]): string {
  return xs.length === 0 ? '' : `, e.g. ${xs.join(', ')}`;
}

/**
 * A column's type and constraints in short, for add and drop messages.
 *
 * @example
 * columnShape(coupon) // 'VARCHAR(20), nullable'
 */
export function columnShape(c: ColumnInfo): string {
  const parts = [c.type.display, c.nullable ? 'nullable' : 'NOT NULL'];
  if (c.default !== null) parts.push(`default ${c.default}`);
  if (c.autoIncrement) parts.push('auto-increment');
  return parts.join(', ');
}

/**
 * `1 row holds` or `3 rows hold`, to open a violation.
 *
 * @example
 * rowsHold(3) // '3 rows hold'
 */
export function rowsHold(n: number): string {
  return `${count(n, 'row')} ${n === 1 ? 'holds' : 'hold'}`;
}
