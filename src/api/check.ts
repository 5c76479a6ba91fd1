import { existsSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { tableTextRows } from '../arrow/index.js';
import { validateStatements } from '../bridge/index.js';
import { analyze, compareFindings, proofsNeeded } from '../compat/analyze.js';
import { applyBaseline, type Baseline } from '../compat/baseline.js';
import { convertible } from '../compat/convertible.js';
import { diff } from '../compat/diff.js';
import { summarize, type Finding, type FindingSummary } from '../compat/finding.js';
import { proofSql } from '../compat/proof-sql.js';
import { proofKey, type ProofRequest, type ProofResult } from '../compat/proofs.js';
import { queryFindings } from '../compat/query-findings.js';
import { splitStatements } from '../compat/statements.js';
import { statsAnswer } from '../compat/stats-evidence.js';
import { tableMatcher } from '../compat/table-filter.js';
import { FerryError } from '../errors/index.js';
import type { SchemaSnapshot } from '../schema/model.js';
import { readSnapshot } from '../schema/snapshot-file.js';
import type { Ferry } from './ferry.js';
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
}

/** A side of the comparison: a snapshot, and where its live tables are when it is a database. */
interface Side {
  readonly label: string;
  readonly snapshot: SchemaSnapshot;
  readonly prefix: readonly string[] | null;
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
    throw new FerryError('UNKNOWN_DATABASE', `'${ref}' is neither a configured database (${ferry.databases.join(', ')}) nor a snapshot file (*.json)`, { ref });
  }
  const { database: name, namespace } = splitRef(ferry, ref);
  const snapshot = await ferry.inspect(name, namespace);
  return { label: ref, snapshot, prefix: namespace ? [name, namespace] : [name] };
}

function filtered(s: SchemaSnapshot, keep: (name: string) => boolean): SchemaSnapshot {
  return { ...s, tables: s.tables.filter((t) => keep(t.name)), views: s.views.filter((v) => keep(v.name)) };
}

/**
 * Proof queries in flight at once: Calcite plans one while another waits on the database.
 * (Batching counts into one UNION ALL was measured slower: planning a wide union costs more
 * than the round trips it saves.)
 */
const PROOF_CONCURRENCY = 4;

/** Answers proof requests by querying A through Calcite: a count, then examples if violated. */
async function queryEvidence(ferry: Ferry, a: Side, requests: readonly ProofRequest[]): Promise<Map<string, ProofResult>> {
  const answers = new Map<string, ProofResult>();
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < requests.length) {
      const r = requests[next++]!;
      const result = await answer(ferry, a, r);
      if (result) answers.set(proofKey(r), result);
    }
  };
  await Promise.all(Array.from({ length: Math.min(PROOF_CONCURRENCY, requests.length) }, worker));
  return answers;
}

async function answer(ferry: Ferry, a: Side, r: ProofRequest): Promise<ProofResult | undefined> {
  const sql = proofSql(r, a.snapshot.tables, a.prefix!);
  if (!sql) return undefined;
  if (sql.values && r.kind === 'notConvertible') return conversions(ferry, sql.values, sql.keyColumns, r.to);
  const countRow = [...tableTextRows(await ferry.query(sql.count!))][0];
  const count = Number(countRow?.[0] ?? 0);
  const examples = count > 0 && sql.examples ? [...tableTextRows(await ferry.query(sql.examples))].map((row) => describeKey(sql.keyColumns, row)) : [];
  return { count, examples, basis: 'query' };
}

/** `id=7`, or `(a=1, b=2)` for a key of several columns. */
function describeKey(keyColumns: readonly string[], row: readonly (string | null)[]): string {
  const parts = keyColumns.map((k, i) => `${k}=${row[i] ?? 'NULL'}`);
  return parts.length === 1 ? parts[0]! : `(${parts.join(', ')})`;
}

/** Tests every non-NULL value for conversion to `to`, in Node (SQL has no portable TRY_CAST). */
async function conversions(ferry: Ferry, sql: string, keyColumns: readonly string[], to: Parameters<typeof convertible>[1]): Promise<ProofResult> {
  let count = 0;
  const examples: string[] = [];
  for (const row of tableTextRows(await ferry.query(sql))) {
    const value = row[row.length - 1];
    if (value === null || value === undefined || convertible(value, to)) continue;
    count++;
    if (examples.length < 5) examples.push(`${describeKey(keyColumns, row)} (${JSON.stringify(value)})`);
  }
  return { count, examples, basis: 'query' };
}

/**
 * Compares A (`from`: the current schema and its data) with B (`to`: the new version, or the
 * same schema on another engine) and reports every difference that matters, classified.
 *
 * @example
 * const report = await check(ferry, 'prod', 'v2.json', { queriesFile: 'app.sql' });
 */
export async function check(ferry: Ferry, from: string, to: string, options: CheckOptions = {}): Promise<CheckReport> {
  const keep = tableMatcher({ include: options.tables ?? [], exclude: options.exclude ?? [] });
  const a0 = await side(ferry, from);
  const b0 = await side(ferry, to);
  const a = { ...a0, snapshot: filtered(a0.snapshot, keep) };
  const b = { ...b0, snapshot: filtered(b0.snapshot, keep) };
  const changes = diff(a.snapshot, b.snapshot);
  const dataChecked = options.data !== false;
  let answers = new Map<string, ProofResult>();
  if (dataChecked) {
    const requests = proofsNeeded(changes, a.snapshot, b.snapshot);
    if (a.prefix) answers = await queryEvidence(ferry, a, requests);
    else for (const r of requests) {
      const s = statsAnswer(r, a.snapshot.tables);
      if (s) answers.set(proofKey(r), s);
    }
  }
  let findings: Finding[] = analyze(changes, (r) => answers.get(proofKey(r)), { a: a.snapshot, b: b.snapshot, dataChecked });
  if (options.queriesFile) findings = [...findings, ...(await checkQueries(options.queriesFile, a.snapshot, b.snapshot))].sort(compareFindings);
  const { kept, suppressed } = options.baseline ? applyBaseline(findings, options.baseline) : { kept: findings, suppressed: [] as Finding[] };
  const tables = [...new Set([...a.snapshot.tables.map((t) => t.name), ...b.snapshot.tables.filter((t) => !a.snapshot.tables.some((x) => x.name.toLowerCase() === t.name.toLowerCase())).map((t) => t.name)])].sort();
  return { from, to, findings: kept, suppressed, summary: summarize(kept), tables };
}

async function checkQueries(file: string, a: SchemaSnapshot, b: SchemaSnapshot): Promise<Finding[]> {
  if (!existsSync(file)) throw new FerryError('CONFIG_NOT_FOUND', `--queries ${file} not found`, { file });
  const statements = splitStatements(readFileSync(file, 'utf8'));
  if (statements.length === 0) return [];
  const plain = statements.map((s) => ({ sql: s.sql, line: s.line, column: s.column }));
  const [onA, onB] = [await validateStatements(a, plain), await validateStatements(b, plain)];
  return queryFindings(basename(file), statements, onA, onB);
}
