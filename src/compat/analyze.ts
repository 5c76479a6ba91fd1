import type { SchemaSnapshot } from '../schema/model.js';
import type { Analyzer, Draft, Outcome, SchemaPair } from './analyzers/analyzer.js';
import { autoIncrementAnalyzer } from './analyzers/auto-increment-analyzer.js';
import { columnAnalyzer } from './analyzers/column-analyzer.js';
import { defaultAnalyzer } from './analyzers/default-analyzer.js';
import { foreignKeyAnalyzer } from './analyzers/foreign-key-analyzer.js';
import { indexAnalyzer } from './analyzers/index-analyzer.js';
import { nullabilityAnalyzer } from './analyzers/nullability-analyzer.js';
import { primaryKeyAnalyzer } from './analyzers/primary-key-analyzer.js';
import { renameAnalyzer } from './analyzers/rename-analyzer.js';
import { tableAnalyzer } from './analyzers/table-analyzer.js';
import { typeAnalyzer } from './analyzers/type-analyzer.js';
import { uniqueAnalyzer } from './analyzers/unique-analyzer.js';
import { viewAnalyzer } from './analyzers/view-analyzer.js';
import type { Change } from './changes.js';
import { compareNames, diff } from './diff.js';
import type { Finding, Severity } from './finding.js';
import type { Evidence, ProofRequest } from './proofs.js';
import { proofKey } from './proofs.js';

/**
 * Every analyzer `check` runs, one per concern.
 *
 * @example
 * ANALYZERS.flatMap((a) => a.codes) // ['T101', 'T201', 'C101', …]
 */
export const ANALYZERS: readonly Analyzer[] = [
  tableAnalyzer,
  columnAnalyzer,
  renameAnalyzer,
  autoIncrementAnalyzer,
  typeAnalyzer,
  nullabilityAnalyzer,
  defaultAnalyzer,
  primaryKeyAnalyzer,
  uniqueAnalyzer,
  foreignKeyAnalyzer,
  indexAnalyzer,
  viewAnalyzer,
];

/**
 * What `analyze` needs besides the changes: both schemas, and whether A's data may be looked at
 * (`false` for `--no-data`).
 *
 * @example
 * { a, b, dataChecked: true }
 */
export interface AnalyzeContext extends SchemaPair {
  readonly dataChecked: boolean;
}

function drafts(changes: readonly Change[], schemas: SchemaPair): Draft[] {
  return ANALYZERS.flatMap((analyzer) => analyzer.drafts(changes, schemas));
}

/**
 * The questions about A's data that decide the changes' findings, each asked once (by
 * `proofKey`), in a stable order (analyzer by analyzer, each in the order of the changes).
 *
 * @example
 * proofsNeeded(diff(a, b), a, b) // [{ kind: 'tooLong', table: 'orders', column: 'note', maxLength: 20 }]
 */
export function proofsNeeded(changes: readonly Change[], a: SchemaSnapshot, b: SchemaSnapshot): ProofRequest[] {
  const seen = new Map<string, ProofRequest>();
  for (const d of drafts(changes, { a, b })) {
    if (d.kind === 'pending' && !seen.has(proofKey(d.request))) seen.set(proofKey(d.request), d.request);
  }
  return [...seen.values()];
}

function outcomeOf(request: ProofRequest, evidence: Evidence, dataChecked: boolean): Outcome {
  if (!dataChecked) return { state: 'unproven', reason: 'not proven (--no-data)' };
  const result = evidence(request);
  if (!result) return { state: 'unproven', reason: 'not proven: no data available' };
  if ('failed' in result) return { state: 'unproven', reason: `not proven: ${result.failed}` };
  return result.count > 0 ? { state: 'violated', result } : { state: 'clean', result };
}

const SEVERITY_ORDER: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 };

/**
 * Orders findings most severe first, then by table, column (table-level first) and code; the
 * message breaks the remaining ties so the order never depends on the analyzers' order.
 *
 * @example
 * findings.sort(compareFindings)
 */
export function compareFindings(x: Finding, y: Finding): number {
  return SEVERITY_ORDER[x.severity] - SEVERITY_ORDER[y.severity]
    || compareNames(x.table, y.table)
    || (x.column === null ? (y.column === null ? 0 : -1) : y.column === null ? 1 : compareNames(x.column, y.column))
    || compareNames(x.code, y.code)
    || compareNames(x.message, y.message);
}

/**
 * Classifies changes into findings, answering data questions from `evidence`: a violation is an
 * error, no violation a warning, and an unanswered question (or `dataChecked: false`) a warning
 * that says it is not proven.
 *
 * @example
 * analyze(diff(a, b), (r) => answers.get(proofKey(r)), { a, b, dataChecked: true })
 */
export function analyze(changes: readonly Change[], evidence: Evidence, ctx: AnalyzeContext): Finding[] {
  return drafts(changes, ctx)
    .map((d) => (d.kind === 'final' ? d.finding : d.decide(outcomeOf(d.request, evidence, ctx.dataChecked))))
    .sort(compareFindings);
}

/**
 * What {@link checkSchemas} found: the changes, the questions it asked and the findings.
 *
 * @example
 * { changes: [...], proofs: [...], findings: [...] }
 */
export interface SchemaCheck {
  readonly changes: readonly Change[];
  readonly proofs: readonly ProofRequest[];
  readonly findings: readonly Finding[];
}

/**
 * Diffs two snapshots and analyzes the changes in one call, for callers whose evidence is ready
 * (snapshot statistics, tests).
 *
 * @example
 * checkSchemas(a, b, (r) => statsAnswer(r, a.tables)).findings
 */
export function checkSchemas(a: SchemaSnapshot, b: SchemaSnapshot, evidence: Evidence, opts: { readonly dataChecked?: boolean } = {}): SchemaCheck {
  const changes = diff(a, b);
  return { changes, proofs: proofsNeeded(changes, a, b), findings: analyze(changes, evidence, { a, b, dataChecked: opts.dataChecked ?? true }) };
}
