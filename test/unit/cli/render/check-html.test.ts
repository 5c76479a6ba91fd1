import { describe, expect, it } from 'vitest';
import type { CheckReport } from '../../../../src/api/index.js';
import { checkReportHtml, findingsOfSeverity } from '../../../../src/cli/render/check-html.js';
import { summarize, type Finding } from '../../../../src/compat/finding.js';

const EVIL = '<script>window.pwned=1</script>';
const findings: Finding[] = [
  { code: 'Y101', severity: 'error', table: 'orders', column: 'note', message: 'VARCHAR(50) → VARCHAR(10): 1 value is longer', suggestion: 'shorten the values first', proof: { count: 1, examples: ['id=<b>2</b>'], basis: 'query' } },
  { code: 'T101', severity: 'error', table: EVIL, column: null, message: 'table dropped with 1 row & "data"' },
  { code: 'C101', severity: 'warning', table: 'Customers', column: '<img src=x onerror=alert(1)>', message: 'column dropped' },
  { code: 'T101', severity: 'warning', table: 'audit', column: null, message: 'empty table dropped' },
  { code: 'K102', severity: 'error', table: 'Customers', column: 'email', message: 'new unique key over duplicates', proof: { count: 2, examples: ['email=a@example.com'], basis: 'stats', exact: false } },
  { code: 'C201', severity: 'info', table: 'Customers', column: 'phone', message: 'column added' },
];
const report = (list: readonly Finding[], suppressed: readonly Finding[] = []): CheckReport => ({
  from: 'pg.v1', to: 'maria.v2', findings: list, suppressed, summary: summarize(list), tables: ['orders', 'Customers', 'audit', EVIL], mapping: { tables: [], droppedTables: [], newTables: [] },
});

describe('checkReportHtml', () => {
  const html = checkReportHtml(report(findings, [findings[5]!]), 'ferry check --from pg.v1 --to maria.v2 --format html -o check.html');

  it('puts the outcome and counts first, then the filter with a count per severity', () => {
    expect(html).toContain('<p id="outcome" class="error">3 errors, 2 warnings, 1 info — pg.v1 → maria.v2</p>');
    expect(html).toContain('<div>4 tables checked</div><div class="error">3 errors</div><div class="warning">2 warnings</div><div class="info">1 info</div><div>1 suppressed by the baseline</div>');
    expect(html).toContain('data-severity="error" checked> errors (3)');
    expect(html).toContain('data-severity="warning" checked> warnings (2)');
    expect(html.indexOf('id="outcome"')).toBeLessThan(html.indexOf('class="filter"'));
  });

  it('groups findings by severity, each group marked for the filter, tables in name order, table-level first', () => {
    const sections = [...html.matchAll(/<section id="(\w+)" data-row-severity="(\w+)">/g)].map((m) => [m[1], m[2]]);
    expect(sections).toEqual([['error', 'error'], ['warning', 'warning'], ['info', 'info']]);
    const errors = html.slice(html.indexOf('<section id="error"'), html.indexOf('<section id="warning"'));
    expect([...errors.matchAll(/data-code="(\w+)"/g)].map((m) => m[1])).toEqual(['T101', 'K102', 'Y101']);
    expect(findingsOfSeverity(findings, 'warning').map((f) => f.table)).toEqual(['audit', 'Customers']);
    expect(findingsOfSeverity([{ ...findings[4]!, column: 'z' }, { ...findings[4]!, column: null }], 'error').map((f) => f.column)).toEqual([null, 'z']);
  });

  it('shows each finding with code, table, column, message, hint and proof examples', () => {
    expect(html).toContain('<tr class="finding" data-code="Y101"><td><code>Y101</code></td><td>orders</td><td>note</td>'
      + '<td>VARCHAR(50) → VARCHAR(10): 1 value is longer<div class="hint">hint: shorten the values first</div></td>'
      + '<td>1 found, e.g. <code>id=&lt;b&gt;2&lt;/b&gt;</code></td></tr>');
    expect(html).toContain("<td>at least 2 found, e.g. <code>email=a@example.com</code> (from the snapshot's statistics)</td>");
  });

  it('shows proof examples once: in the proof column, not again in a message that quotes them', () => {
    const quoting: Finding = { code: 'Y101', severity: 'error', table: 't', column: 'name', message: 'Column t.name narrows from VARCHAR(40) to VARCHAR(20): 2 rows hold values longer than 20 characters, e.g. id=7, id=9.', proof: { count: 2, examples: ['id=7', 'id=9'], basis: 'query' } };
    const page = checkReportHtml(report([quoting]), 'ferry check');
    const row = page.slice(page.indexOf('<tr class="finding"'), page.indexOf('</tr>', page.indexOf('<tr class="finding"')));
    expect(row).toContain('<td>Column t.name narrows from VARCHAR(40) to VARCHAR(20): 2 rows hold values longer than 20 characters.</td>');
    expect(row).toContain('<td>2 found, e.g. <code>id=7</code>, <code>id=9</code></td>');
    expect(row.match(/id=7/g)).toHaveLength(1);
  });

  it('escapes every name and value: no markup but its own', () => {
    expect(html.match(/<script/g)).toHaveLength(1);
    expect(html).not.toContain('<img');
    expect(html).toContain('<td>&lt;script&gt;window.pwned=1&lt;/script&gt;</td>');
    expect(html).toContain('<td>&lt;img src=x onerror=alert(1)&gt;</td>');
    expect(html).toContain('table dropped with 1 row &amp; &quot;data&quot;');
  });

  it('says so when nothing matters', () => {
    const empty = checkReportHtml(report([]), 'ferry check --from a --to b --format html');
    expect(empty).toContain('<p id="outcome" class="ok">no differences that matter — pg.v1 → maria.v2</p>');
    expect(empty).toContain('<p class="ok">No differences that matter.</p>');
    expect(empty).not.toContain('<section');
  });
});
