import { existsSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { validateStatements } from '../bridge/index.js';
import { analyze, compareFindings, proofsNeeded } from '../compat/analyze.js';
import { applyBaseline, type Baseline } from '../compat/baseline.js';
import { changeSubject } from '../compat/changes.js';
import { diff } from '../compat/diff.js';
import { summarize, type Finding, type FindingSummary } from '../compat/finding.js';
import { proofKey, type ProofFailure, type ProofResult } from '../compat/proofs.js';
import { queryFindings } from '../compat/query-findings.js';
import { splitStatements } from '../compat/statements.js';
import { statsAnswer } from '../compat/stats-evidence.js';
import { selectedTables, tableMatcher, unmatchedGlobs, type TableFilter } from '../compat/table-filter.js';
import { didYouMean, FerryError, rankNames } from '../errors/index.js';
import { suggestMapping, type MappingSuggestion } from '../migrate/mapping-suggestion.js';
import type { SchemaSnapshot } from '../schema/model.js';
import { readSnapshot } from '../schema/snapshot-file.js';
import type { Ferry } from './ferry.js';
import { queryEvidence } from './proof-evidence.js';
import { splitRef } from './refs.js';

/** Options of {@link check}. */
export interface CheckOptions {
  /** Table globs to check (all when empty), e.g. `sales_*`. */
  readonly tables?: readonly string[];
  /** Table globs to leave out. */
  readonly exclude?: readonly string[];
  /** Query A's data to prove data-dependent findings (default true; `--no-data` sets false). */
  readonly data?: boolean;
  /** A file of the application's SQL statements, separated by `;`. */
  readonly queriesFile?: string;
  /** Accepted findings to suppress. */
  readonly baseline?: Baseline;
}

/** What `check` found. */
export interface CheckReport {
  readonly from: string;
  readonly to: string;
  /** Findings after the baseline, most severe first. */
  readonly findings: readonly Finding[];
  /** Findings the baseline suppressed. */
  readonly suppressed: readonly Finding[];
  readonly summary: FindingSummary;
  /** Every table checked (A's and B's, by name), for per-table reports. */
  readonly tables: readonly string[];
  /** A first draft of a mapping file from the same changes (`--suggest-mapping`). */
  readonly mapping: MappingSuggestion;
}

/** A side of the comparison: a snapshot, and where its live tables are when it is a database. */
interface Side {
  readonly label: string;
  readonly snapshot: SchemaSnapshot;
  readonly prefix: readonly string[] | null;
}

/** Throws USAGE when a `--tables`/`--exclude` glob matches no table or view of A or B. */
function refuseUnmatched(filter: TableFilter, a: Side, b: Side): void {
  const names = [...new Set([a, b].flatMap((s) => [...s.snapshot.tables, ...s.snapshot.views].map((t) => t.name)))];
  const missing = unmatchedGlobs(filter, names);
  if (missing.length === 0) return;
  const what = missing.map((m) => `${m.option} '${m.glob}' matches no table or view of ${a.label} or ${b.label}; ${didYouMean(m.glob, names)}`);
  throw new FerryError('USAGE', what.join('\n'), { unmatched: missing });
}

/**
 * Resolves `--from`/`--to`: a snapshot file (`*.json`), a configured database, or
 * `database.schema` for a database whose entry does not pin one.
 */
async function side(ferry: Ferry, ref: string): Promise<Side> {
  if (ref.toLowerCase().endsWith('.json') || (existsSync(ref) && !ferry.databases.includes(ref))) {
    return { label: ref, snapshot: readSnapshot(ref), prefix: null };
  }
  const known = ferry.databases.some((d) => d.toLowerCase() === ref.split('.')[0]!.toLowerCase());
  if (!known) {
    const best = rankNames(ref.split('.')[0]!, ferry.databases)[0];
    throw new FerryError('UNKNOWN_DATABASE', `'${ref}' is neither a configured database (${ferry.databases.join(', ')}) nor a snapshot file (*.json)${best?.close ? `; did you mean '${best.name}'?` : ''}`, { ref });
  }
  const { database: name, namespace } = splitRef(ferry, ref);
  const snapshot = await ferry.inspect(name, namespace);
  return { label: ref, snapshot, prefix: namespace ? [name, namespace] : [name] };
}

/**
 * Compares A (`from`: the current schema and its data) with B (`to`: the new version, or the
 * same schema on another engine) and reports every difference that matters, classified.
 *
 * @example
 * const report = await check(ferry, 'prod', 'v2.json', { queriesFile: 'app.sql' });
 */
export async function check(ferry: Ferry, from: string, to: string, options: CheckOptions = {}): Promise<CheckReport> {
  const filter = { include: options.tables ?? [], exclude: options.exclude ?? [] };
  const keep = tableMatcher(filter);
  const a = await side(ferry, from);
  const b = await side(ferry, to);
  refuseUnmatched(filter, a, b);
  // Both whole schemas are diffed and analyzed, so a foreign key to a table outside the
  // selection still finds its counterpart and its referenced rows; only the findings about
  // selected tables are kept.
  const changes = diff(a.snapshot, b.snapshot).filter((c) => keep(changeSubject(c)));
  const dataChecked = options.data !== false;
  let answers = new Map<string, ProofResult | ProofFailure>();
  if (dataChecked) {
    const requests = proofsNeeded(changes, a.snapshot, b.snapshot);
    if (a.prefix) answers = await queryEvidence(ferry, { tables: a.snapshot.tables, prefix: a.prefix, engine: a.snapshot.engine }, requests);
    else for (const r of requests) {
      const s = statsAnswer(r, a.snapshot.tables);
      if (s) answers.set(proofKey(r), s);
    }
  }
  let findings: Finding[] = analyze(changes, (r) => answers.get(proofKey(r)), { a: a.snapshot, b: b.snapshot, dataChecked });
  if (options.queriesFile) {
    const selected = selectedTables(keep, [a.snapshot, b.snapshot]);
    const queries = (await checkQueries(options.queriesFile, a.snapshot, b.snapshot)).filter((f) => selected(f.table));
    findings = [...findings, ...queries].sort(compareFindings);
  }
  const { kept, suppressed } = options.baseline ? applyBaseline(findings, options.baseline) : { kept: findings, suppressed: [] as Finding[] };
  const [aTables, bTables] = [a.snapshot.tables.filter((t) => keep(t.name)), b.snapshot.tables.filter((t) => keep(t.name))];
  const tables = [...new Set([...aTables.map((t) => t.name), ...bTables.filter((t) => !aTables.some((x) => x.name.toLowerCase() === t.name.toLowerCase())).map((t) => t.name)])].sort();
  const mapping = suggestMapping(changes, { a: a.snapshot, b: b.snapshot });
  return { from, to, findings: kept, suppressed, summary: summarize(kept), tables, mapping };
}

async function checkQueries(file: string, a: SchemaSnapshot, b: SchemaSnapshot): Promise<Finding[]> {
  if (!existsSync(file)) throw new FerryError('CONFIG_NOT_FOUND', `--queries ${file} not found`, { file });
  const statements = splitStatements(readFileSync(file, 'utf8'));
  if (statements.length === 0) return [];
  const plain = statements.map((s) => ({ sql: s.sql, line: s.line, column: s.column }));
  const [onA, onB] = [await validateStatements(a, plain), await validateStatements(b, plain)];
  return queryFindings(basename(file), statements, onA, onB);
}
