import { verifyMethodWords } from '../../verify/verify-method.js';
import type { VerifyOutcome, VerifyReport } from '../../verify/verify-report.js';
import { escapeHtml, htmlPage, severityFilter, summaryBoxes } from './html-page.js';
import { counted, thousands } from './numbers.js';
import { verifyOutcomeLine } from './verify-outcome.js';

/** A table's verdict in a verify report, which is also its filter key. */
export type VerifyVerdict = 'differs' | 'failed' | 'exact';

const VERDICTS: readonly { readonly key: VerifyVerdict; readonly label: string; readonly tone: 'error' | 'ok' }[] = [
  { key: 'differs', label: 'differs', tone: 'error' },
  { key: 'failed', label: 'not compared', tone: 'error' },
  { key: 'exact', label: 'exact', tone: 'ok' },
];

/**
 * Whether a table matched, differed or could not be compared.
 *
 * @example
 * verdictOf({ table: 'orders', report, error: null }) // 'exact' when report.match
 */
export function verdictOf(o: VerifyOutcome): VerifyVerdict {
  return !o.report ? 'failed' : o.report.match ? 'exact' : 'differs';
}


function tableTitle(o: VerifyOutcome): string {
  const target = o.report && o.report.targetTable !== o.report.table ? ` → ${o.report.targetTable}` : '';
  return `${o.table}${target}`;
}

/** One table's line of the overview: verdict, rows each side, chunks, method (with why) and differing keys. */
function overviewRow(o: VerifyOutcome): string {
  const verdict = verdictOf(o);
  const v = VERDICTS.find((x) => x.key === verdict)!;
  const cells = [`<td>${escapeHtml(tableTitle(o))}</td>`, `<td class="${v.tone}">${v.label}</td>`];
  const r = o.report;
  if (r) {
    const notes = r.notes.map((n) => `<div class="hint">${escapeHtml(n)}</div>`).join('');
    cells.push(
      `<td class="num">${thousands(r.sourceRows)}</td><td class="num">${thousands(r.targetRows)}</td>`,
      `<td>${counted(r.chunks, 'chunk', 'chunks')}, ${thousands(r.mismatchedChunks)} differed</td>`,
      `<td>${escapeHtml(verifyMethodWords(r.method))}${notes}</td>`,
      `<td class="num">${thousands(r.differingKeyCount)}</td>`,
    );
  } else {
    cells.push(`<td colspan="5" class="error">[${escapeHtml(o.error?.code ?? '')}] ${escapeHtml(o.error?.message ?? '')}</td>`);
  }
  return `<tr class="table" data-row-severity="${verdict}">${cells.join('')}</tr>`;
}

/** A differing table's keys: what differs, the keys listed, how many more were found. */
function differences(o: VerifyOutcome, r: VerifyReport): string[] {
  const kinds = (['missing', 'extra', 'changed'] as const).filter((k) => r[k] > 0).map((k) => `${thousands(r[k])} ${k}`).join(', ');
  const key = r.key.length > 0 ? `key ${r.key.join(', ')}` : 'no key: compared as one chunk, no keys named';
  const out = [
    `<section class="differences" data-row-severity="differs"><h3>${escapeHtml(tableTitle(o))}</h3>`,
    `<p><span class="error">${counted(r.differingKeyCount, 'differing key', 'differing keys')}${kinds ? ` (${kinds})` : ''}</span>; ${escapeHtml(key)}; columns compared: ${escapeHtml(r.columns.join(', '))}</p>`,
  ];
  if (r.differences.length > 0) {
    out.push('<table><thead><tr><th>key</th><th>how it differs in the target</th></tr></thead><tbody>');
    for (const d of r.differences) out.push(`<tr class="difference"><td><code>${escapeHtml(d.key)}</code></td><td>${d.kind}</td></tr>`);
    out.push('</tbody></table>');
  }
  const unlisted = r.differingKeyCount - r.differences.length;
  if (unlisted > 0) out.push(`<p>… and ${counted(unlisted, 'more key', 'more keys')} not listed.</p>`);
  out.push('</section>');
  return out;
}

/**
 * `ferry verify`'s report as one self-contained HTML page (no network): the outcome and counts at
 * the top, then one line per table — its verdict, rows on each side, chunks compared, the method
 * in words, or why it could not be compared — behind a filter by verdict, the differing keys of
 * each table that differs, and the command that produced it (passwords already masked by the caller).
 *
 * @example
 * writeFileSync('verify.html', verifyReportHtml(outcomes, { from: 'pg', to: 'maria', command: 'ferry verify --from pg --to maria --all --format html' }))
 */
export function verifyReportHtml(outcomes: readonly VerifyOutcome[], opts: { readonly from: string; readonly to: string; readonly command: string }): string {
  const count = (v: VerifyVerdict): number => outcomes.filter((o) => verdictOf(o) === v).length;
  const bad = count('differs') + count('failed');
  const outcome = bad === 0 ? (outcomes.length === 1 ? 'The table matches exactly.' : `All ${thousands(outcomes.length)} tables match exactly.`)
    : `${verifyOutcomeLine(outcomes.length, count('differs'), count('failed'))}.`;
  const rows = outcomes.reduce((a, o) => a + (o.report?.sourceRows ?? 0), 0);
  const body = [
    `<p id="outcome" class="${bad === 0 ? 'ok' : 'error'}">${escapeHtml(outcome)}</p>`,
    summaryBoxes([
      { text: counted(outcomes.length, 'table', 'tables') },
      { text: `${counted(rows, 'source row', 'source rows')} compared` },
      ...VERDICTS.map((v) => ({ text: `${thousands(count(v.key))} ${v.label}`, tone: v.tone })),
    ]),
    '<h2>Tables</h2>',
    severityFilter(VERDICTS.map((v) => ({ key: v.key, label: v.label, count: count(v.key), tone: v.tone }))),
  ];
  body.push(
    '<table class="overview"><thead><tr><th>table</th><th>verdict</th><th>source rows</th><th>target rows</th><th>chunks</th><th>method</th><th>differing keys</th></tr></thead><tbody>',
    ...outcomes.map(overviewRow),
    '</tbody></table>',
  );
  const differing = outcomes.flatMap((o) => (o.report && !o.report.match ? differences(o, o.report) : []));
  if (differing.length > 0) body.push('<h2>Differing keys</h2>', ...differing);
  const title = `ferry verify ${opts.from} → ${opts.to}`;
  return htmlPage({ title, heading: title, body, command: opts.command });
}
