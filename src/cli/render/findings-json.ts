import type { Finding } from '../../compat/finding.js';
import { summarize } from '../../compat/finding.js';

/**
 * Copies a finding with its keys in the documented order, dropping absent optional keys and any
 * extra properties so the output never changes shape behind a consumer's back.
 */
function ordered(f: Finding): Record<string, unknown> {
  const out: Record<string, unknown> = { code: f.code, severity: f.severity, table: f.table, column: f.column, message: f.message };
  if (f.suggestion !== undefined) out.suggestion = f.suggestion;
  if (f.proof !== undefined) {
    out.proof = { count: f.proof.count, examples: [...f.proof.examples], basis: f.proof.basis, ...(f.proof.exact === false ? { exact: false } : {}) };
  }
  return out;
}

/**
 * Renders the stable `ferry check --format json` document, pretty-printed with two spaces and a
 * trailing newline. Findings keep the order given; keys always appear in this order:
 *
 * ```
 * {
 *   "findings": [
 *     { "code": "Y101", "severity": "error", "table": "orders", "column": "note",   // column: null for table-level findings
 *       "message": "…",
 *       "suggestion": "…",                                                       // omitted when absent
 *       "proof": { "count": 3, "examples": ["id=7"], "basis": "query" } }         // omitted when absent; basis "query" | "stats";
 *                                                                                // "exact": false when count is only a lower bound
 *   ],
 *   "summary": { "error": 1, "warning": 0, "info": 0 }
 * }
 * ```
 *
 * The same document is accepted as a baseline by `loadBaseline`.
 *
 * @example
 * renderFindingsJson([]) // '{\n  "findings": [],\n  "summary": {\n    "error": 0,\n    "warning": 0,\n    "info": 0\n  }\n}\n'
 */
export function renderFindingsJson(findings: readonly Finding[]): string {
  const s = summarize(findings);
  const doc = { findings: findings.map(ordered), summary: { error: s.error, warning: s.warning, info: s.info } };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
