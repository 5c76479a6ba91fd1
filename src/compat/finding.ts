/** How bad a finding is; see the README's severity policy. */
export type Severity = 'error' | 'warning' | 'info';

/**
 * One thing `ferry check` reports.
 *
 * @example
 * { code: 'Y101', severity: 'error', table: 'orders', column: 'note', message: '…', suggestion: '…', proof: { count: 3, examples: ['id=7'] } }
 */
export interface Finding {
  /** Stable code, listed in the README. */
  readonly code: string;
  readonly severity: Severity;
  /** The table's own unqualified name. */
  readonly table: string;
  /** The column concerned; for a constraint its first column; null for table-level findings. */
  readonly column: string | null;
  readonly message: string;
  readonly suggestion?: string;
  /**
   * The data that decided the severity, when it was looked at; `exact: false` when `count` is
   * only a lower bound (a snapshot's statistics show violating values exist, not how many).
   */
  readonly proof?: { readonly count: number; readonly examples: readonly string[]; readonly basis: 'query' | 'stats'; readonly exact?: false };
}

/** Findings per severity. */
export interface FindingSummary {
  readonly error: number;
  readonly warning: number;
  readonly info: number;
}

/** Counts findings per severity. */
export function summarize(findings: readonly Finding[]): FindingSummary {
  const s = { error: 0, warning: 0, info: 0 };
  for (const f of findings) s[f.severity]++;
  return s;
}
