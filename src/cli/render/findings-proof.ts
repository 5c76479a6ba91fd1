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
