import type { FindingCode } from '../codes.js';
import type { Finding, Severity } from '../finding.js';
import type { ProofResult } from '../proofs.js';
import type { Outcome } from './analyzer.js';
import { count, examples } from './wording.js';

/**
 * Where a finding is and under which code.
 *
 * @example
 * { code: 'C101', table: 'orders', column: 'note' }
 */
export interface FindingPlace {
  readonly code: FindingCode;
  readonly table: string;
  readonly column: string | null;
}

/**
 * How a data-dependent finding reads in each outcome. The message is `subject: violated, e.g. …`,
 * `subject; clean` or `subject; risk — not proven (…)`.
 *
 * @example
 * { subject: 'Table audit is dropped in B', violated: (r) => `it holds ${r.count} rows in A`, clean: 'it is empty in A', risk: 'its rows would be lost' }
 */
export interface ProofWording {
  /** What changed, true whatever the data says. */
  readonly subject: string;
  readonly violated: (result: ProofResult) => string;
  readonly clean: string;
  readonly risk: string;
  /** Advice for a violation or an unproven risk (none when the data is clean). */
  readonly suggestion?: (outcome: Outcome) => string | undefined;
}

/**
 * A finding with no data behind it.
 *
 * @example
 * plainFinding({ code: 'T201', table: 'invoices', column: null }, 'info', 'Table invoices is new in B.')
 */
export function plainFinding(place: FindingPlace, severity: Severity, message: string, suggestion?: string): Finding {
  return suggestion === undefined ? { ...place, severity, message } : { ...place, severity, message, suggestion };
}

/**
 * A finding whose severity a proof decides: error when A's data violates the change, warning
 * when it does not or when nobody looked; the proof is attached when there is one.
 *
 * @example
 * provenFinding({ code: 'T101', table: 'audit', column: null }, { state: 'clean', result }, wording).severity // 'warning'
 */
export function provenFinding(place: FindingPlace, outcome: Outcome, wording: ProofWording): Finding {
  const suggestion = outcome.state === 'clean' ? undefined : wording.suggestion?.(outcome);
  if (outcome.state === 'unproven') {
    return plainFinding(place, 'warning', `${wording.subject}; ${wording.risk} — ${outcome.reason}.`, suggestion);
  }
  const { count: n, examples: xs, basis } = outcome.result;
  // Statistics may show that violating values exist without counting them: the count is then
  // a lower bound and is said to be one.
  const lowerBound = outcome.state === 'violated' && outcome.result.exact === false;
  const message = outcome.state === 'violated'
    ? lowerBound
      ? `${wording.subject}: the snapshot's statistics show at least ${count(n, 'row')} of A ${n === 1 ? 'violates' : 'violate'} it (${wording.risk}).`
      : `${wording.subject}: ${wording.violated(outcome.result)}${examples(xs)}.`
    : `${wording.subject}; ${wording.clean}.`;
  const finding = plainFinding(place, outcome.state === 'violated' ? 'error' : 'warning', message, suggestion);
  return { ...finding, proof: lowerBound ? { count: n, examples: [...xs], basis, exact: false } : { count: n, examples: [...xs], basis } };
}
