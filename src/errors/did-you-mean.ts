/**
 * Levenshtein distance between two strings: the fewest one-character insertions, deletions and
 * substitutions turning `a` into `b`.
 *
 * @example
 * editDistance('ordres', 'orders') // 2
 */
export function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min((prev[j] as number) + 1, (row[j - 1] as number) + 1, (prev[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = row;
  }
  return prev[b.length] as number;
}

/**
 * Optimal-string-alignment distance: like {@link editDistance}, but a swap of two adjacent
 * letters is one edit (no letter edited twice). A swap is the commonest typo, and Levenshtein's
 * two edits for it exceed a short name's share, so `nmae` found no `name`.
 *
 * @example
 * typoDistance('nmae', 'name') // 1
 */
export function typoDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]!;
}

/**
 * The candidates ranked by {@link typoDistance} to `wanted` (case-insensitive), the closest
 * first (ties alphabetical), each with whether it is close enough to suggest: at most a third
 * of the name's letters off.
 *
 * @example
 * rankNames('ordrs', ['customers', 'orders'])[0] // { name: 'orders', close: true }
 */
export function rankNames(wanted: string, candidates: readonly string[]): { readonly name: string; readonly close: boolean }[] {
  const w = wanted.toLowerCase();
  const limit = Math.max(1, Math.floor(w.length / 3));
  return [...candidates].sort().map((c) => ({ c, d: typoDistance(c.toLowerCase(), w) })).sort((x, y) => x.d - y.d).map((r) => ({ name: r.c, close: r.d <= limit }));
}

/**
 * What an error message says about a name that was not found: "did you mean X?" when one
 * candidate is close ({@link rankNames}), then up to `max` candidates, the closest first, and
 * how many there are in all.
 *
 * @example
 * didYouMean('ordrs', ['customers', 'orders']) // "did you mean 'orders'? (there are: orders, customers)"
 */
export function didYouMean(wanted: string, candidates: readonly string[], max = 8): string {
  if (candidates.length === 0) return 'there are none';
  const ranked = rankNames(wanted, candidates);
  const best = ranked[0]!;
  const shown = ranked.slice(0, max).map((r) => r.name).join(', ') + (ranked.length > max ? `, … (${ranked.length} in all)` : '');
  return best.close ? `did you mean '${best.name}'? (there are: ${shown})` : `there are: ${shown}`;
}
