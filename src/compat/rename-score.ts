import type { ColumnInfo, LogicalType, TypeFamily } from '../schema/model.js';
import { editDistance } from '../errors/index.js';
import { sameType } from './type-change.js';

/**
 * How alike a dropped column of A and an added column of B are, as a rename candidate: the
 * weighted sum of four parts in 0..1, or null when their types cannot hold the same values.
 *
 * @example
 * { total: 0.83, name: 0.67, type: 1, position: 1, nullability: 1 } // email → email_address, same type and place
 */
export interface RenameScore {
  readonly total: number;
  readonly name: number;
  readonly type: number;
  readonly position: number;
  readonly nullability: number;
}

/**
 * The least total score a pair needs to count as a probable rename. The name weighs half, so a
 * pair whose names share nothing (similarity below 0.2) stays under it however alike the rest is.
 */
export const RENAME_THRESHOLD = 0.6;

const WEIGHTS = { name: 0.5, type: 0.25, position: 0.15, nullability: 0.1 } as const;

/** Families whose values usually survive a change between them; any other change of family rules a pair out. */
const FAMILY_GROUPS: readonly (readonly TypeFamily[])[] = [
  ['integer', 'decimal', 'float'],
  ['date', 'timestamp', 'timestamptz'],
];

/**
 * 1 for the same type, 0.7 for the same family (VARCHAR(10) and VARCHAR(20)), 0.4 for related
 * families (INTEGER and DECIMAL, DATE and TIMESTAMP), null otherwise. Family `other` holds
 * unrelated types (JSON, UUID), so there only the same SQL type is related.
 *
 * @example
 * typeAffinity(INTEGER, BIGINT) // 0.7
 */
export function typeAffinity(a: LogicalType, b: LogicalType): number | null {
  if (sameType(a, b)) return 1;
  if (a.family === b.family) return a.family !== 'other' || a.sqlType.toUpperCase() === b.sqlType.toUpperCase() ? 0.7 : null;
  return FAMILY_GROUPS.some((g) => g.includes(a.family) && g.includes(b.family)) ? 0.4 : null;
}

/**
 * A name's words, lower-cased: split at `_`, `-`, spaces, dots, digits and camelCase humps.
 *
 * @example
 * nameTokens('billingAddress_2') // ['billing', 'address', '2']
 */
export function nameTokens(name: string): string[] {
  return name
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/([A-Za-z])(\d)|(\d)([A-Za-z])/g, '$1$3 $2$4')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/**
 * How alike two column names are, 0..1: the better of the normalized edit distance between the
 * names' words run together (`mail`/`email` 0.8, `e_mail`/`email` 1) and the share of words
 * they have in common (Dice: `email`/`email_address` 0.67).
 *
 * @example
 * nameSimilarity('created', 'created_at') // 0.78
 */
export function nameSimilarity(a: string, b: string): number {
  const ta = nameTokens(a);
  const tb = nameTokens(b);
  const [ja, jb] = [ta.join(''), tb.join('')];
  const longest = Math.max(ja.length, jb.length);
  const edit = longest === 0 ? 0 : 1 - editDistance(ja, jb) / longest;
  const common = ta.filter((t) => tb.includes(t)).length;
  const dice = ta.length + tb.length === 0 ? 0 : (2 * common) / (ta.length + tb.length);
  return Math.max(edit, dice);
}

/**
 * Scores a dropped column of A against an added column of B as a rename: name similarity (0.5),
 * type affinity (0.25), closeness of position (0.15: 1 for the same place, 1/2 one apart, …) and
 * the same nullability (0.1). Null when the types are unrelated.
 *
 * @example
 * renameScore(col('created', TIMESTAMP), col('created_at', TIMESTAMP))?.total // 0.89 (same place)
 */
export function renameScore(from: ColumnInfo, to: ColumnInfo): RenameScore | null {
  const type = typeAffinity(from.type, to.type);
  if (type === null) return null;
  const name = nameSimilarity(from.name, to.name);
  const position = 1 / (1 + Math.abs(from.position - to.position));
  const nullability = from.nullable === to.nullable ? 1 : 0;
  const total = WEIGHTS.name * name + WEIGHTS.type * type + WEIGHTS.position * position + WEIGHTS.nullability * nullability;
  return { total, name, type, position, nullability };
}
