import { describe, expect, it } from 'vitest';
import type { Analysis, ExplainResult } from '../../../../src/api/index.js';
import { analysisJson, renderAnalysis, renderExplanation } from '../../../../src/cli/render/plan-text.js';

const PLAN = 'EnumerableHashJoin(condition=[=($0, $2)], joinType=[inner])\n  JdbcToEnumerableConverter\n    JdbcTableScan(table=[[pg, orders]])\n  JdbcToEnumerableConverter\n    JdbcTableScan(table=[[lite, parts]])';

const analysis: Analysis = {
  plan: PLAN,
  direct: false,
  planningMs: 1234.56,
  executionMs: 88,
  rows: 1,
  queries: [
    { database: 'pg', sql: 'SELECT *\nFROM "orders"\nWHERE "id" <= 300', estimatedRows: 50, executions: 1, rowsRead: 1300 },
    { database: null, sql: 'SELECT * FROM "parts" WHERE "id" = ?', estimatedRows: null, executions: 3, rowsRead: 1 },
  ],
};

describe('renderExplanation', () => {
  it('lists the SQL sent to each database with the rows Calcite expects', () => {
    const ex: ExplainResult = { plan: PLAN, queries: [{ database: 'pg', sql: 'SELECT *\nFROM "orders"', estimatedRows: 1 }, { database: null, sql: 'SELECT 1', estimatedRows: null }] };
    expect(renderExplanation(ex)).toBe(`Plan:\n${PLAN}\n\nSQL sent to pg (estimated 1 row):\n  SELECT *\n  FROM "orders"\n\nSQL sent to a database (no estimate):\n  SELECT 1\n`);
  });
});

describe('renderAnalysis', () => {
  it('puts the estimate beside the rows read, then planning, execution and result', () => {
    expect(renderAnalysis(analysis)).toBe([
      'Plan:', PLAN, '',
      'SQL sent to pg (estimated 50 rows, read 1,300 rows):', '  SELECT *', '  FROM "orders"', '  WHERE "id" <= 300', '',
      'SQL sent to a database (no estimate, read 1 row, 3 executions):', '  SELECT * FROM "parts" WHERE "id" = ?', '',
      'Planning: 1,234.6 ms', 'Execution: 88.0 ms', 'Result: 1 row', '',
    ].join('\n'));
  });

  it('says when the query was pushed whole into one database', () => {
    const direct: Analysis = { ...analysis, direct: true, rows: 2, queries: [{ database: 'pg', sql: 'SELECT 1', estimatedRows: 100, executions: 1, rowsRead: 2 }] };
    expect(renderAnalysis(direct)).toContain('\nPushed whole into pg and read straight from its driver.\n\nPlanning:');
  });
});

describe('analysisJson', () => {
  it('writes the documented fields in a fixed order, and no others', () => {
    const extra = { ...analysis, later: 'a field the JVM added', queries: analysis.queries.map((q) => ({ ...q, more: 1 })) } as Analysis;
    const doc = JSON.parse(analysisJson(extra)) as Record<string, unknown> & { queries: Record<string, unknown>[] };
    expect(Object.keys(doc)).toEqual(['plan', 'direct', 'planningMs', 'executionMs', 'rows', 'queries']);
    expect(doc.queries[0]).toEqual({ database: 'pg', sql: analysis.queries[0]!.sql, estimatedRows: 50, executions: 1, rowsRead: 1300 });
    expect(Object.keys(doc.queries[1]!)).toEqual(['database', 'sql', 'estimatedRows', 'executions', 'rowsRead']);
  });
});
