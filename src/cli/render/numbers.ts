/**
 * A count as people read it, with thousands separators whatever the locale.
 *
 * @example
 * thousands(8661245) // '8,661,245'
 */
export function thousands(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}
