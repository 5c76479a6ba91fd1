import { STRUCTURE_PHASES, type MigrationReport } from '../../migrate/events.js';
import { verifyMethodWords } from '../../verify/verify-method.js';
import { escapeHtml as esc, htmlPage, severityFilter, summaryBoxes } from './html-page.js';
import { counted, thousands } from './numbers.js';

/**
 * The report as one self-contained HTML page (no network, no external scripts or styles): the
 * outcome at the top, each table's load and verification, the findings — failed steps (error),
 * mappings that change meaning (warning), objects not migrated (info) — filterable by severity,
 * every structure step with its SQL, and the command that produced it.
 *
 * @example
 * writeFileSync('report.html', migrationReportHtml(report, 'ferry migrate --from a --to b'));
 */
export function migrationReportHtml(r: MigrationReport, command: string): string {
  const rows = r.tables.reduce((a, t) => a + t.rows, 0);
  const findings: [string, string, string][] = [
    ...r.failedSteps.map((s) => ['error', s.object, `${s.description} failed: ${s.error ?? ''}`] as [string, string, string]),
    ...r.tables.filter((t) => !t.loaded).map((t) => ['error', t.target, `not loaded: ${t.error?.code ?? ''} ${t.error?.message ?? ''}`] as [string, string, string]),
    ...r.tables.filter((t) => t.verify && !t.verify.match).map((t) => ['error', t.target, `differs: ${counted(t.verify!.differingKeyCount, 'key')}`] as [string, string, string]),
    ...r.plan.warnings.map((w) => ['warning', w.object, w.message] as [string, string, string]),
    ...r.plan.skipped.map((s) => ['info', s.object, `not migrated (${s.kind}): ${s.reason}`] as [string, string, string]),
  ];
  const count = (sev: string): number => findings.filter((f) => f[0] === sev).length;
  const outcome = r.dryRun ? 'Plan only (dry run): nothing was written.'
    : r.ok ? `${r.operation === 'restore' ? 'Restored' : 'Migrated'} ${counted(r.tables.length, 'table')}, ${counted(rows, 'row')}, in ${r.seconds.toFixed(1)} s; ${r.tables.every((t) => t.verify) ? 'every table verified exact' : 'not verified (--no-verify)'}.`
      : `${r.operation === 'restore' ? 'Restore' : 'Migration'} incomplete: ${r.tables.filter((t) => t.loaded).length} of ${counted(r.tables.length, 'table')} loaded, ${counted(r.failedSteps.length, 'step')} failed.`;
  const title = `ferry ${r.operation ?? 'migrate'} ${r.from} → ${r.to}`;
  const out: string[] = [
    `<p>${esc(r.from)} (${esc(r.sourceEngine)}) → ${esc(r.to)} (${esc(r.targetEngine)})</p>`,
    `<p id="outcome" class="${r.dryRun ? 'info' : r.ok ? 'ok' : 'error'}">${esc(outcome)}</p>`,
    summaryBoxes([
      { text: counted(r.tables.length, 'table') }, { text: counted(rows, 'row') }, { text: `${r.seconds.toFixed(1)} s` },
      { text: counted(count('error'), 'error'), tone: 'error' }, { text: counted(count('warning'), 'warning'), tone: 'warning' }, { text: counted(count('info'), 'note'), tone: 'info' },
    ]),
  ];
  if (!r.dryRun) {
    out.push('<h2>Tables</h2><table><thead><tr><th>source</th><th>target</th><th>rows</th><th>seconds</th><th>verification</th></tr></thead><tbody>');
    for (const t of r.tables) {
      const v = !t.loaded ? `<span class="error">not loaded: ${esc(t.error?.message ?? '')}</span>`
        : !t.verify ? 'not verified'
          : t.verify.match ? `<span class="ok">exact</span> (${esc(verifyMethodWords(t.verify.method))})`
            : `<span class="error">${counted(t.verify.differingKeyCount, 'differing key')}</span>`;
      out.push(`<tr><td>${esc(t.source)}</td><td>${esc(t.target)}${t.existed ? ' (existed)' : ''}</td><td>${thousands(t.rows)}</td><td>${t.seconds.toFixed(1)}</td><td>${v}</td></tr>`);
    }
    out.push('</tbody></table>');
  }
  out.push('<h2>Findings</h2>', severityFilter((['error', 'warning', 'info'] as const).map((sev) => ({ key: sev, label: sev, count: count(sev), tone: sev }))));
  out.push('<table id="findings"><thead><tr><th>severity</th><th>object</th><th>what</th></tr></thead><tbody>');
  for (const [sev, object, what] of findings) out.push(`<tr data-row-severity="${sev}"><td class="${sev}">${sev}</td><td>${esc(object)}</td><td>${esc(what)}</td></tr>`);
  out.push('</tbody></table>');
  out.push('<h2>Structure</h2>');
  for (const phase of STRUCTURE_PHASES) {
    const steps = r.plan.steps.filter((s) => s.phase === phase);
    if (steps.length === 0) continue;
    const done = r.phases.find((p) => p.phase === phase)?.steps ?? [];
    out.push(`<details><summary>${phase} (${steps.length})</summary>`);
    for (const s of steps) {
      const result = done.find((d) => d.object === s.object && d.description === s.description);
      const mark = r.dryRun ? '' : result?.ok ? ' <span class="ok">done</span>' : result ? ' <span class="error">failed</span>' : ' not run';
      out.push(`<p><b>${esc(s.object)}</b>: ${esc(s.description)}${mark}</p><pre>${esc((result?.sql ?? s.sql).join(';\n'))}</pre>`);
    }
    out.push('</details>');
  }
  return htmlPage({ title, heading: title, body: out, command });
}
