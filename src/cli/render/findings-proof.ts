import { examples as examplesClause } from '../../compat/analyzers/wording.js';
import type { Finding } from '../../compat/finding.js';

/**
 * A finding's proof in words, for the text and JUnit reports: the count (a lower bound says
 * "at least"), up to 5 examples passed through `shown`, and where a snapshot's numbers come from.
 *
 * @example
 * proofText({ count: 1, examples: [], basis: 'stats', exact: false }) // "at least 1 found (from the snapshot's statistics)"
 */
export function proofText(proof: NonNullable<Finding['proof']>, shown: (s: string) => string = (s) => s): string {
  const examples = proof.examples.length > 0 ? `, e.g. ${proof.examples.map(shown).join(', ')}` : '';
  const basis = proof.basis === 'stats' ? " (from the snapshot's statistics)" : '';
  return `${proof.exact === false ? 'at least ' : ''}${proof.count} found${examples}${basis}`;
}

/**
 * A finding's message without the examples its proof lists (`, e.g. id=7, id=9` as the analyzers
 * word them), for a report that shows the proof beside the message: each example shown once.
 *
 * @example
 * messageWithoutExamples({ message: 'Column t.c narrows: 2 rows hold longer values, e.g. id=7, id=9.', proof: { count: 2, examples: ['id=7', 'id=9'], basis: 'query' }, … })
 * // 'Column t.c narrows: 2 rows hold longer values.'
 */
export function messageWithoutExamples(f: Pick<Finding, 'message' | 'proof'>): string {
  if (f.proof === undefined || f.proof.examples.length === 0) return f.message;
  return f.message.replace(examplesClause(f.proof.examples), '');
}
