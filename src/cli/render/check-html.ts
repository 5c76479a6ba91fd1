import type { CheckReport } from '../../api/index.js';
import type { Finding, Severity } from '../../compat/finding.js';
import { compareTableNames, findingsSummaryLine } from './findings-text.js';
import { messageWithoutExamples, proofText } from './findings-proof.js';
import { counted } from './numbers.js';
import { escapeHtml, htmlPage, severityFilter, summaryBoxes } from './html-page.js';

const GROUPS: readonly { readonly severity: Severity; readonly title: string }[] = [
  { severity: 'error', title: 'Errors' },
  { severity: 'warning', title: 'Warnings' },
  { severity: 'info', title: 'Info' },
];


function findingRow(f: Finding): string {
  const hint = f.suggestion === undefined ? '' : `<div class="hint">hint: ${escapeHtml(f.suggestion)}</div>`;
  const proof = f.proof === undefined ? '' : proofText(f.proof, (s) => `<code>${escapeHtml(s)}</code>`);
  return `<tr class="finding" data-code="${escapeHtml(f.code)}"><td><code>${escapeHtml(f.code)}</code></td><td>${escapeHtml(f.table)}</td>`
    + `<td>${f.column === null ? '' : escapeHtml(f.column)}</td><td>${escapeHtml(messageWithoutExamples(f))}${hint}</td><td>${proof}</td></tr>`;
}

/**
 * The findings of one severity, tables in name order (case-insensitive) and, within a table,
 * table-level findings first, then the order given.
 *
 * @example
 * findingsOfSeverity(report.findings, 'warning') // [{ code: 'C101', severity: 'warning', table: 'Customers', … }, …]
 */
export function findingsOfSeverity(findings: readonly Finding[], severity: Severity): Finding[] {
  const rank = (f: Finding): number => (f.column === null ? 0 : 1);
  return findings.filter((f) => f.severity === severity).sort((a, b) => compareTableNames(a.table, b.table) || rank(a) - rank(b));
}

/**
 * `ferry check`'s report as one self-contained HTML page (no network): the outcome and counts at
 * the top, then the findings grouped by severity — each with its code, table, column, message,
 * hint and proof examples — behind a filter that hides or shows each severity, and the command
 * that produced it (passwords already masked by the caller).
 *
 * @example
 * writeFileSync('check.html', checkReportHtml(report, 'ferry check --from v1 --to v2 --format html'))
 */
export function checkReportHtml(report: CheckReport, command: string): string {
  const s = report.summary;
  const tone = s.error > 0 ? 'error' : s.warning > 0 ? 'warning' : 'ok';
  const body = [
    `<p id="outcome" class="${tone}">${escapeHtml(findingsSummaryLine(report.findings, report.from, report.to))}</p>`,
    summaryBoxes([
      { text: `${counted(report.tables.length, 'table', 'tables')} checked` },
      { text: counted(s.error, 'error', 'errors'), tone: 'error' },
      { text: counted(s.warning, 'warning', 'warnings'), tone: 'warning' },
      { text: `${s.info} info`, tone: 'info' },
      ...(report.suppressed.length > 0 ? [{ text: `${report.suppressed.length} suppressed by the baseline` }] : []),
    ]),
    '<h2>Findings</h2>',
    severityFilter(GROUPS.map((g) => ({ key: g.severity, label: g.title.toLowerCase(), count: s[g.severity], tone: g.severity }))),
  ];
  for (const g of GROUPS) {
    const list = findingsOfSeverity(report.findings, g.severity);
    if (list.length === 0) continue;
    body.push(
      `<section id="${g.severity}" data-row-severity="${g.severity}"><h3 class="${g.severity}">${g.title} (${list.length})</h3>`,
      '<table class="findings"><thead><tr><th>code</th><th>table</th><th>column</th><th>what</th><th>proof</th></tr></thead><tbody>',
      ...list.map(findingRow),
      '</tbody></table></section>',
    );
  }
  if (report.findings.length === 0) body.push('<p class="ok">No differences that matter.</p>');
  return htmlPage({ title: `ferry check ${report.from} → ${report.to}`, heading: `ferry check ${report.from} → ${report.to}`, body, command });
}
