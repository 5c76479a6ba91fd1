import type { SchemaSnapshot } from '../../schema/model.js';
import type { Change } from '../changes.js';
import type { FindingCode } from '../codes.js';
import type { Finding } from '../finding.js';
import type { ProofRequest, ProofResult } from '../proofs.js';

/**
 * The two schemas a set of changes came from, for analyzers that need more than the change
 * (A's spelling of a column a new key names, the table a foreign key references).
 *
 * @example
 * { a: postgresSnapshot, b: h2Snapshot }
 */
export interface SchemaPair {
  readonly a: SchemaSnapshot;
  readonly b: SchemaSnapshot;
}

/**
 * What the answer to a proof request means for a finding: a violation (error), none (warning),
 * or no answer, with the reason the message gives (`not proven (--no-data)`).
 *
 * @example
 * { state: 'violated', result: { count: 3, examples: ['id=7'], basis: 'query' } }
 */
export type Outcome =
  | { readonly state: 'violated'; readonly result: ProofResult }
  | { readonly state: 'clean'; readonly result: ProofResult }
  | { readonly state: 'unproven'; readonly reason: string };

/**
 * A finding as an analyzer works it out: final, or waiting for the answer to one proof request.
 * One draft serves both `proofsNeeded` (which collects the requests) and `analyze` (which
 * decides them), so the questions asked and the findings made can never drift apart.
 *
 * @example
 * { kind: 'pending', request: { kind: 'rows', table: 'audit' }, decide: (outcome) => finding }
 */
export type Draft =
  | { readonly kind: 'final'; readonly finding: Finding }
  | { readonly kind: 'pending'; readonly request: ProofRequest; readonly decide: (outcome: Outcome) => Finding };

/**
 * One concern of `ferry check` (tables, column types, keys, …): turns the changes it cares about
 * into drafts. Analyzers are pure: no I/O, and data questions go through proof requests.
 *
 * @example
 * viewAnalyzer.drafts([{ kind: 'addView', view }], schemas) // [{ kind: 'final', finding: { code: 'V201', … } }]
 */
export interface Analyzer {
  /** Short name, for tests and debugging. */
  readonly name: string;
  /** Every code it can report. */
  readonly codes: readonly FindingCode[];
  drafts(changes: readonly Change[], schemas: SchemaPair): readonly Draft[];
}

/**
 * Wraps a finding that needs no proof.
 *
 * @example
 * final({ code: 'T201', severity: 'info', table: 'invoices', column: null, message: 'Table invoices is new in B.' })
 */
export function final(finding: Finding): Draft {
  return { kind: 'final', finding };
}
