import type { ProofRequest } from '../proofs.js';
import type { Draft, SchemaPair } from './analyzer.js';
import type { FindingPlace, ProofWording } from './proven-finding.js';
import { provenFinding } from './proven-finding.js';
import { columnsInA } from './schema-lookup.js';
import { name } from './wording.js';

/**
 * The draft for a key new in B (primary, unique or foreign): a proof request over A's spelling
 * of its columns, or, when some column is new in B and A's data cannot answer, a warning that
 * says which columns (`alsoMissing`: others already worded, such as a referenced column).
 *
 * @example
 * keyDraft(schemas, 'orders', ['ID'], place, wording, (cols) => ({ kind: 'duplicates', table: 'orders', columns: cols, primaryKey: true }))
 */
export function keyDraft(
  schemas: SchemaPair,
  table: string,
  bColumns: readonly string[],
  place: FindingPlace,
  wording: ProofWording,
  ask: (aColumns: readonly string[]) => ProofRequest,
  alsoMissing: readonly string[] = [],
): Draft {
  const inA = columnsInA(schemas, table, bColumns);
  const missing = [...inA.missing.map((c) => name(c)), ...alsoMissing];
  if (missing.length > 0) {
    const reason = `not proven: (${missing.join(', ')}) ${missing.length === 1 ? 'is' : 'are'} new in B`;
    return { kind: 'final', finding: provenFinding(place, { state: 'unproven', reason }, wording) };
  }
  return { kind: 'pending', request: ask(inA.columns), decide: (outcome) => provenFinding(place, outcome, wording) };
}
