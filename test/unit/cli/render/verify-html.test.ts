import { describe, expect, it } from 'vitest';
import { verdictOf, verifyReportHtml } from '../../../../src/cli/render/verify-html.js';
import type { VerifyOutcome, VerifyReport } from '../../../../src/verify/verify-report.js';

const base: VerifyReport = {
  table: 'orders', targetTable: 'orders', sourceRows: 1200, targetRows: 1200, match: true, differingKeys: [], differences: [], differingKeyCount: 0,
  missing: 0, extra: 0, changed: 0, chunks: 1, mismatchedChunks: 0, method: 'checksum-in-database', key: ['id'], columns: ['id', 'note'], millis: 1530, notes: [],
};
const EVIL = '<script>window.pwned=1</script>';
const outcomes: VerifyOutcome[] = [
  { table: 'orders', report: base, error: null },
  {
    table: EVIL,
    report: {
      ...base, table: EVIL, targetTable: 'evil_copy', match: false, sourceRows: 10, targetRows: 10, chunks: 4, mismatchedChunks: 2, method: 'checksum-in-jvm',
      differingKeys: ['id=<img src=x>', 'id=7'], differences: [{ kind: 'changed', key: 'id=<img src=x>' }, { kind: 'missing', key: 'id=7' }],
      differingKeyCount: 5, missing: 1, extra: 0, changed: 4, notes: ['different engines write values differently: rows are hashed in the JVM from one canonical text'],
    },
    error: null,
  },
  { table: 'gone', report: null, error: { code: 'TABLE_NOT_FOUND', message: "table 'gone' <not> found in maria" } },
];

describe('verifyReportHtml', () => {
  const html = verifyReportHtml(outcomes, { from: 'pg.a', to: 'maria.b', command: 'ferry verify --from pg.a --to maria.b --all --format html' });

  it('puts the outcome and counts first, with a filter by verdict', () => {
    expect(html).toContain('<p id="outcome" class="error">1 of 3 tables differs, 1 could not be compared.</p>');
    expect(html).toContain('<div>3 tables</div><div>1,210 source rows compared</div><div class="error">1 differs</div><div class="error">1 not compared</div><div class="ok">1 exact</div>');
    expect(html).toContain('data-severity="differs" checked> differs (1)');
    expect(html).toContain('data-severity="failed" checked> not compared (1)');
    expect(html).toContain('data-severity="exact" checked> exact (1)');
    expect(outcomes.map(verdictOf)).toEqual(['exact', 'differs', 'failed']);
  });

  it('words the outcome in the singular for one table, and in the plural for several that differ', () => {
    const one = verifyReportHtml([outcomes[1]!], { from: 'a', to: 'b', command: 'ferry verify' });
    expect(one).toContain('<p id="outcome" class="error">1 of 1 table differs.</p>');
    expect(one).toContain('<div>1 table</div><div>10 source rows compared</div>');
    const two = verifyReportHtml([outcomes[1]!, { ...outcomes[1]!, table: 'other' }], { from: 'a', to: 'b', command: 'ferry verify' });
    expect(two).toContain('<p id="outcome" class="error">2 of 2 tables differ.</p>');
  });

  it('shows one line per table: verdict, rows each side, chunks, the method in words and why, differing keys', () => {
    expect(html).toContain('<tr class="table" data-row-severity="exact"><td>orders</td><td class="ok">exact</td><td class="num">1,200</td><td class="num">1,200</td>'
      + '<td>1 chunk, 0 differed</td><td>checksums computed in each database</td><td class="num">0</td></tr>');
    expect(html).toContain('<td>4 chunks, 2 differed</td><td>rows hashed by Ferry from one canonical text'
      + '<div class="hint">different engines write values differently: rows are hashed in the JVM from one canonical text</div></td><td class="num">5</td></tr>');
    expect(html).toContain('<tr class="table" data-row-severity="failed"><td>gone</td><td class="error">not compared</td><td colspan="5" class="error">[TABLE_NOT_FOUND] table &#39;gone&#39; &lt;not&gt; found in maria</td></tr>');
  });

  it('lists the differing keys of each table that differs, with how many more were found', () => {
    const keys = html.slice(html.indexOf('<h2>Differing keys</h2>'));
    expect(keys.match(/<section class="differences" data-row-severity="differs">/g)).toHaveLength(1);
    expect(keys).toContain('<p><span class="error">5 differing keys (1 missing, 4 changed)</span>; key id; columns compared: id, note</p>');
    expect(keys).toContain('<tr class="difference"><td><code>id=7</code></td><td>missing</td></tr>');
    expect(keys).toContain('<p>… and 3 more keys not listed.</p>');
  });

  it('escapes table names and keys', () => {
    expect(html.match(/<script/g)).toHaveLength(1);
    expect(html).not.toContain('<img');
    expect(html).toContain('<td>&lt;script&gt;window.pwned=1&lt;/script&gt; → evil_copy</td><td class="error">differs</td>');
    expect(html).toContain('<h3>&lt;script&gt;window.pwned=1&lt;/script&gt; → evil_copy</h3>');
    expect(html).toContain('<code>id=&lt;img src=x&gt;</code>');
  });

  it('says every table matched when they did', () => {
    expect(verifyReportHtml([outcomes[0]!], { from: 'a', to: 'b', command: 'ferry verify' })).toContain('<p id="outcome" class="ok">The table matches exactly.</p>');
    expect(verifyReportHtml([outcomes[0]!, outcomes[0]!], { from: 'a', to: 'b', command: 'ferry verify' })).toContain('<p id="outcome" class="ok">All 2 tables match exactly.</p>');
  });
});
