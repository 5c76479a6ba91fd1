import type { LogicalType } from '../schema/model.js';

/**
 * A question about A's data that decides a finding's severity. Analyzers ask; the API answers
 * by querying A through Calcite (or from a snapshot's statistics); analyzers stay pure.
 */
export type ProofRequest =
  /** Rows in the table (a dropped table holding data is an error). */
  | { readonly kind: 'rows'; readonly table: string }
  /** Rows where the column is not NULL (a dropped column holding data is an error). */
  | { readonly kind: 'nonNull'; readonly table: string; readonly column: string }
  /** Rows where the column is NULL (NOT NULL added). */
  | { readonly kind: 'nulls'; readonly table: string; readonly column: string }
  /** Values longer than `maxLength` characters (text) or bytes (binary). */
  | { readonly kind: 'tooLong'; readonly table: string; readonly column: string; readonly maxLength: number }
  /** Values outside [min, max] (integer range narrowed; bounds as exact text). */
  | { readonly kind: 'outOfRange'; readonly table: string; readonly column: string; readonly min: string; readonly max: string }
  /** Values needing more than `integerDigits` digits before the point or more than `scale` after it. */
  | { readonly kind: 'tooManyDigits'; readonly table: string; readonly column: string; readonly integerDigits: number; readonly scale: number }
  /** Values with more fractional-second digits than `precision` (TIME/TIMESTAMP precision narrowed). */
  | { readonly kind: 'fractionLost'; readonly table: string; readonly column: string; readonly precision: number }
  /** Non-NULL values that cannot be cast to `to` (incompatible family, e.g. VARCHAR → INTEGER). */
  | { readonly kind: 'notConvertible'; readonly table: string; readonly column: string; readonly to: LogicalType }
  /** Groups of rows sharing a value of `columns` (new primary key or unique constraint); a NULL in a new primary key counts too. */
  | { readonly kind: 'duplicates'; readonly table: string; readonly columns: readonly string[]; readonly primaryKey: boolean }
  /** Rows whose non-NULL `columns` have no match in `refTable.refColumns` (new foreign key). */
  | { readonly kind: 'orphans'; readonly table: string; readonly columns: readonly string[]; readonly refTable: string; readonly refColumns: readonly string[] };

/** How a proof was obtained. */
export type ProofBasis = 'query' | 'stats';

/** The answer to a ProofRequest. */
export interface ProofResult {
  /** Violating rows (or rows/values, for `rows` and `nonNull`). */
  readonly count: number;
  /** Up to 5 example key values of violating rows, e.g. `id=17`; empty when only counted. */
  readonly examples: readonly string[];
  readonly basis: ProofBasis;
  /** False when only "at least one" is known (statistics prove a violation but not how many). */
  readonly exact?: boolean;
}

/**
 * A proof that could not be obtained because its query cannot run on A's engine; the reason
 * names the engine and what it said, and the finding stays an unproven warning.
 *
 * @example
 * { failed: 'the proof query cannot run on SQLite: near "FROM": syntax error' }
 */
export interface ProofFailure {
  readonly failed: string;
}

/** Stable identity of a request, to key answers. */
export function proofKey(r: ProofRequest): string {
  return JSON.stringify(r);
}

/**
 * Looks up answers; undefined means the question was not answered (`--no-data`, snapshot
 * without stats), a ProofFailure that it was asked and could not be answered.
 */
export type Evidence = (request: ProofRequest) => ProofResult | ProofFailure | undefined;
