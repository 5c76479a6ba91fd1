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
 * A count with its noun, singular for one: `1 chunk`, `3 chunks`, `1,024 rows`.
 *
 * @example
 * counted(1, 'chunk') // '1 chunk'
 */
export function counted(n: number, noun: string): string {
  return `${thousands(n)} ${noun}${n === 1 ? '' : 's'}`;
}
