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
 * What an error message says about a name that was not found: "did you mean X?" when one
 * candidate is close (case-insensitive, at most a third of the name's letters off), then up to
 * `max` candidates, the closest first, and how many there are in all.
 *
 * @example
 * didYouMean('ordrs', ['customers', 'orders']) // "did you mean 'orders'? (there are: orders, customers)"
 */
export function didYouMean(wanted: string, candidates: readonly string[], max = 8): string {
  if (candidates.length === 0) return 'there are none';
  const w = wanted.toLowerCase();
  const ranked = [...candidates].sort().map((c) => ({ c, d: editDistance(c.toLowerCase(), w) })).sort((x, y) => x.d - y.d);
  const best = ranked[0]!;
  const close = best.d <= Math.max(1, Math.floor(w.length / 3));
  const shown = ranked.slice(0, max).map((r) => r.c).join(', ') + (ranked.length > max ? `, … (${ranked.length} in all)` : '');
  return close ? `did you mean '${best.c}'? (there are: ${shown})` : `there are: ${shown}`;
}
