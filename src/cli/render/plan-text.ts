import type { Analysis, ExplainResult } from '../../api/index.js';
import { counted } from './numbers.js';

/** One statement as `--explain` and `--analyze` list it; `figures` says what is known of its rows. */
function statement(database: string | null, sql: string, figures: string): string[] {
  return [`SQL sent to ${database ?? 'a database'} (${figures}):`, `  ${sql.replace(/\n/g, '\n  ')}`, ''];
}

function estimated(rows: number | null): string {
  return rows === null ? 'no estimate' : `estimated ${counted(rows, 'row')}`;
}

/** Milliseconds as people compare them: one decimal, thousands separated. */
function ms(n: number): string {
  return `${n.toLocaleString('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 })} ms`;
}

/**
 * Renders `ferry query --explain`: Calcite's physical plan, then the SQL sent to each database
 * with the rows Calcite expects it to return.
 *
 * @example
 * renderExplanation({ plan: 'JdbcToEnumerableConverter…', queries: [{ database: 'pg', sql: 'SELECT 1', estimatedRows: 100 }] })
 * // 'Plan:\nJdbcToEnumerableConverter…\n\nSQL sent to pg (estimated 100 rows):\n  SELECT 1\n'
 */
export function renderExplanation(ex: ExplainResult): string {
  const lines = ['Plan:', ex.plan, ''];
  for (const q of ex.queries) lines.push(...statement(q.database, q.sql, estimated(q.estimatedRows)));
  return `${lines.join('\n').trimEnd()}\n`;
}

/**
 * Renders `ferry query --analyze`: the plan, the SQL sent to each database with the rows Calcite
 * expected next to the rows read (and how often it ran), then planning time, execution time and
 * the result's row count.
 *
 * @example
 * renderAnalysis(analysis).split('\n').slice(-3) // ['Planning: 412.5 ms', 'Execution: 88.0 ms', 'Result: 10 rows']
 */
export function renderAnalysis(a: Analysis): string {
  const lines = ['Plan:', a.plan, ''];
  for (const q of a.queries) {
    const runs = q.executions === 1 ? '' : `, ${counted(q.executions, 'execution')}`;
    lines.push(...statement(q.database, q.sql, `${estimated(q.estimatedRows)}, read ${counted(q.rowsRead, 'row')}${runs}`));
  }
  if (a.direct) lines.push(`Pushed whole into ${a.queries[0]?.database ?? 'one database'} and read straight from its driver.`, '');
  lines.push(`Planning: ${ms(a.planningMs)}`, `Execution: ${ms(a.executionMs)}`, `Result: ${counted(a.rows, 'row')}`);
  return `${lines.join('\n')}\n`;
}

/**
 * The stable JSON document of `ferry query --analyze --format json` (documented in the README):
 * the fields in a fixed order, whatever the JVM adds later.
 *
 * @example
 * JSON.parse(analysisJson(analysis)).queries[0].rowsRead // 59987
 */
export function analysisJson(a: Analysis): string {
  const doc = {
    plan: a.plan,
    direct: a.direct,
    planningMs: a.planningMs,
    executionMs: a.executionMs,
    rows: a.rows,
    queries: a.queries.map((q) => ({ database: q.database, sql: q.sql, estimatedRows: q.estimatedRows, executions: q.executions, rowsRead: q.rowsRead })),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
