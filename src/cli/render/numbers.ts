/**
 * A count as people read it, with thousands separators whatever the locale.
 *
 * @example
 * thousands(8661245) // '8,661,245'
 */
export function thousands(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

/**
 * A count with its noun, singular or plural as the count asks, with thousands separators.
 *
 * @example
 * counted(1, 'chunk', 'chunks') // '1 chunk'
 * counted(1200, 'row', 'rows') // '1,200 rows'
 */
export function counted(n: number, one: string, many: string): string {
  return `${thousands(n)} ${n === 1 ? one : many}`;
}
