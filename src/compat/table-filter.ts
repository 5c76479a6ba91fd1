import type { SchemaSnapshot } from '../schema/model.js';

/** Which tables a check covers: `--tables` globs (all when empty) minus `--exclude` globs. */
export interface TableFilter {
  readonly include: readonly string[];
  readonly exclude: readonly string[];
}

function globToRegExp(glob: string): RegExp {
  const body = glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${body}$`, 'i');
}

/**
 * Builds a predicate over table names; globs use `*` and `?` and match case-insensitively.
 *
 * @example
 * tableMatcher({ include: ['sales_*'], exclude: ['sales_tmp'] })('SALES_2024') // true
 */
export function tableMatcher(filter: TableFilter): (name: string) => boolean {
  const inc = filter.include.map(globToRegExp);
  const exc = filter.exclude.map(globToRegExp);
  return (name) => (inc.length === 0 || inc.some((r) => r.test(name))) && !exc.some((r) => r.test(name));
}

/**
 * Whether a finding about the table (or view) `name` belongs to the selection: any name `keep`
 * accepts, and names neither schema has (a query's misspelt table is still worth reporting);
 * a table of A or B that `--tables`/`--exclude` leave out is not.
 *
 * @example
 * selectedTables(tableMatcher({ include: ['child'], exclude: [] }), [a, b])('parent') // false
 */
export function selectedTables(keep: (name: string) => boolean, schemas: readonly SchemaSnapshot[]): (name: string) => boolean {
  const known = new Set(schemas.flatMap((s) => [...s.tables, ...s.views].map((t) => t.name.toLowerCase())));
  return (name) => keep(name) || !known.has(name.toLowerCase());
}

/** A `--tables` or `--exclude` glob that matches no table or view. */
export interface UnmatchedGlob {
  readonly option: '--tables' | '--exclude';
  readonly glob: string;
}

/**
 * The globs of `filter` that match none of `names`: a pattern that selects nothing is almost
 * always a typo, and a check over nothing would report "no differences".
 *
 * @example
 * unmatchedGlobs({ include: ['sales_*', 'ordrs'], exclude: [] }, ['orders', 'sales_2024']) // [{ option: '--tables', glob: 'ordrs' }]
 */
export function unmatchedGlobs(filter: TableFilter, names: readonly string[]): UnmatchedGlob[] {
  const none = (glob: string): boolean => !names.some((n) => globToRegExp(glob).test(n));
  return [
    ...filter.include.filter(none).map((glob) => ({ option: '--tables' as const, glob })),
    ...filter.exclude.filter(none).map((glob) => ({ option: '--exclude' as const, glob })),
  ];
}
