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
 * A count with its noun, singular for one, with thousands separators: `1 chunk`, `3 chunks`,
 * `1,024 rows`; `many` defaults to the noun with an `s`.
 *
 * @example
 * counted(1, 'chunk') // '1 chunk'
 * counted(2, 'entry', 'entries') // '2 entries'
 */
export function counted(n: number, one: string, many = `${one}s`): string {
  return `${thousands(n)} ${n === 1 ? one : many}`;
}
