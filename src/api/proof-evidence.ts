import { tableTextRows } from '../arrow/index.js';
import { proofSql, type ProofSql, type TablePrefix, type ValueTest } from '../compat/proof-sql.js';
import { proofKey, type ProofFailure, type ProofRequest, type ProofResult } from '../compat/proofs.js';
import { FerryError } from '../errors/index.js';
import type { TableInfo } from '../schema/model.js';
import type { Ferry } from './ferry.js';

/**
 * Proof queries in flight at once: Calcite plans one while another waits on the database.
 * (Batching counts into one UNION ALL was measured slower: planning a wide union costs more
 * than the round trips it saves.)
 */
const PROOF_CONCURRENCY = 4;

/** Errors that mean this statement cannot run on A, not that A cannot be reached. */
const CANNOT_RUN = new Set(['SQL_SYNTAX', 'SQL_VALIDATION', 'SQL_EXECUTION']);

/**
 * A's side of a check, as far as proofs need it: its inspected tables, where they live in
 * Ferry's namespace, and its engine's name for messages.
 *
 * @example
 * { tables: snapshot.tables, prefix: ['shop'], engine: 'SQLite' }
 */
export interface ProofSource {
  readonly tables: readonly TableInfo[];
  readonly prefix: TablePrefix;
  readonly engine: string;
}

/**
 * Answers proof requests by querying A through Calcite (a count, then examples if violated),
 * keyed by `proofKey`. A proof whose query A's engine cannot run is answered another way when
 * there is one (its rows tested in Node), else with a ProofFailure naming the engine and its
 * error, so one such proof never stops the check.
 *
 * @example
 * const answers = await queryEvidence(ferry, { tables: a.tables, prefix: ['shop'], engine: 'SQLite' }, requests);
 */
export async function queryEvidence(ferry: Pick<Ferry, 'query'>, source: ProofSource, requests: readonly ProofRequest[]): Promise<Map<string, ProofResult | ProofFailure>> {
  const answers = new Map<string, ProofResult | ProofFailure>();
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < requests.length) {
      const r = requests[next++]!;
      const result = await answer(ferry, source, r);
      if (result) answers.set(proofKey(r), result);
    }
  };
  await Promise.all(Array.from({ length: Math.min(PROOF_CONCURRENCY, requests.length) }, worker));
  return answers;
}

function cannotRun(e: unknown): e is FerryError {
  return e instanceof FerryError && CANNOT_RUN.has(e.code);
}

async function answer(ferry: Pick<Ferry, 'query'>, source: ProofSource, r: ProofRequest): Promise<ProofResult | ProofFailure | undefined> {
  const sql = proofSql(r, source.tables, source.prefix);
  if (!sql) return undefined;
  try {
    if (sql.count !== null) {
      try {
        return await counted(ferry, sql);
      } catch (e) {
        if (!sql.values || !cannotRun(e)) throw e;
      }
    }
    return sql.values ? await tested(ferry, sql.values, sql.keyColumns) : undefined;
  } catch (e) {
    if (!cannotRun(e)) throw e;
    return { failed: `the proof query cannot run on ${source.engine} (${e.message})` };
  }
}

async function counted(ferry: Pick<Ferry, 'query'>, sql: ProofSql): Promise<ProofResult> {
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

/** Tests every row's value in Node; examples are the first 5 violating rows in key order. */
async function tested(ferry: Pick<Ferry, 'query'>, test: ValueTest, keyColumns: readonly string[]): Promise<ProofResult> {
  let count = 0;
  const examples: string[] = [];
  for (const row of tableTextRows(await ferry.query(test.sql))) {
    const value = row[row.length - 1];
    if (value === null || value === undefined || !test.violates(value)) continue;
    count++;
    if (examples.length < 5) examples.push(test.showValue ? `${describeKey(keyColumns, row)} (${JSON.stringify(value)})` : describeKey(keyColumns, row));
  }
  return { count, examples, basis: 'query' };
}
