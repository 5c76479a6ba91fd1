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

/**
 * Bytes in the unit a person reads (decimal units, three significant digits).
 *
 * @example
 * sizeText(41_200_000) // '41.2 MB'
 */
export function sizeText(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  const units = ['kB', 'MB', 'GB', 'TB'];
  let v = bytes / 1000;
  let i = 0;
  while (v >= 1000 && i < units.length - 1) {
    v /= 1000;
    i++;
  }
  return `${v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2)} ${units[i]}`;
}
