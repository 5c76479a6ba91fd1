import { describe, expect, it } from 'vitest';
import { checkSchemas } from '../../../src/compat/analyze.js';
import { statsAnswer } from '../../../src/compat/stats-evidence.js';
import { renderFindingsJson } from '../../../src/cli/render/findings-json.js';
import { renderFindingsText } from '../../../src/cli/render/findings-text.js';
import type { TableInfo } from '../../../src/schema/model.js';
import { col, id, snapshot, table, varchar } from './support.js';

/** customers as a snapshot saw it: 300 rows, names up to 100 characters, 2 NULL notes. */
const customers: TableInfo = {
  ...table('customers', [id(), col('name', varchar(100)), col('note', varchar(40))], { pk: ['id'] }),
  stats: { rowCount: 300, columns: { id: { nulls: 0, min: '1', max: '300', maxIntegerDigits: 3 }, name: { nulls: 0, maxLength: 100 }, note: { nulls: 2, maxLength: 40 } } },
};
const a = snapshot([customers]);
const b = snapshot([table('customers', [id(), col('name', varchar(12)), col('note', varchar(40), { nullable: false })], { pk: ['id'] })]);
const findings = checkSchemas(a, b, (r) => statsAnswer(r, a.tables)).findings;

describe('findings proven from a snapshot\'s statistics', () => {
  it('state a violation the statistics only show to exist as a lower bound, never as a count', () => {
    expect(findings.find((f) => f.code === 'Y101')).toEqual({
      code: 'Y101', severity: 'error', table: 'customers', column: 'name',
      message: "Column customers.name narrows from VARCHAR(100) to VARCHAR(12): the snapshot's statistics show at least 1 row of A violates it (values longer than 12 characters would not survive).",
      suggestion: 'keep VARCHAR(100) (or a wider type) in B, or shorten such values first',
      proof: { count: 1, examples: [], basis: 'stats', exact: false },
    });
  });

  it('keep the counts the statistics hold exactly', () => {
    expect(findings.find((f) => f.code === 'N101')).toMatchObject({
      message: 'Column customers.note becomes NOT NULL in B: 2 rows hold NULL in it.',
      proof: { count: 2, examples: [], basis: 'stats' },
    });
    expect(findings.find((f) => f.code === 'N101')?.proof).not.toHaveProperty('exact');
  });

  it('are rendered as lower bounds in text and JSON', () => {
    const text = renderFindingsText(findings, { color: false, from: 'v1.json', to: 'v2' });
    expect(text).toContain("proof: at least 1 found (from the snapshot's statistics)");
    expect(text).toContain("proof: 2 found (from the snapshot's statistics)");
    const doc = JSON.parse(renderFindingsJson(findings)) as { findings: { code: string; proof?: unknown }[] };
    expect(doc.findings.find((f) => f.code === 'Y101')?.proof).toEqual({ count: 1, examples: [], basis: 'stats', exact: false });
    expect(doc.findings.find((f) => f.code === 'N101')?.proof).toEqual({ count: 2, examples: [], basis: 'stats' });
  });
});
