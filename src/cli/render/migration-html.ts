import { STRUCTURE_PHASES, type MigrationReport } from '../../migrate/events.js';
import { thousands } from './numbers.js';


/** Text made safe inside HTML. */
function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const STYLE = `body{font:14px/1.45 system-ui,sans-serif;margin:2rem;color:#1d232a;max-width:70rem}
h1{font-size:1.4rem}h2{font-size:1.1rem;margin-top:2rem}code,pre{font:12px/1.4 ui-monospace,monospace}
pre{background:#f4f6f8;padding:.5rem;overflow-x:auto;white-space:pre-wrap}
table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #dde2e6;padding:.3rem .5rem;text-align:left;vertical-align:top}
.ok{color:#17753b}.error{color:#b3261e}.warning{color:#8a5a00}.info{color:#44505c}
.summary{display:flex;gap:1rem;flex-wrap:wrap}.summary div{background:#f4f6f8;padding:.5rem .8rem;border-radius:.3rem}
label{margin-right:1rem}[hidden]{display:none}`;

const SCRIPT = `for(const box of document.querySelectorAll('input[data-severity]')){box.addEventListener('change',()=>{
for(const row of document.querySelectorAll('[data-row-severity="'+box.dataset.severity+'"]'))row.hidden=!box.checked;});}`;

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
    ...r.tables.filter((t) => t.verify && !t.verify.match).map((t) => ['error', t.target, `differs: ${thousands(t.verify!.differingKeyCount)} key(s)`] as [string, string, string]),
    ...r.plan.warnings.map((w) => ['warning', w.object, w.message] as [string, string, string]),
    ...r.plan.skipped.map((s) => ['info', s.object, `not migrated (${s.kind}): ${s.reason}`] as [string, string, string]),
  ];
  const count = (sev: string): number => findings.filter((f) => f[0] === sev).length;
  const outcome = r.dryRun ? 'Plan only (dry run): nothing was written.'
    : r.ok ? `Migrated ${r.tables.length} table(s), ${thousands(rows)} rows, in ${r.seconds.toFixed(1)} s; every table verified exact.`
      : `Migration incomplete: ${r.tables.filter((t) => t.loaded).length} of ${r.tables.length} table(s) loaded, ${r.failedSteps.length} step(s) failed.`;
  const out: string[] = [
    '<!doctype html>', '<html lang="en"><head><meta charset="utf-8">',
    `<title>ferry migrate ${esc(r.from)} → ${esc(r.to)}</title>`,
    `<style>${STYLE}</style></head><body>`,
    `<h1>ferry migrate ${esc(r.from)} (${esc(r.sourceEngine)}) → ${esc(r.to)} (${esc(r.targetEngine)})</h1>`,
    `<p id="outcome" class="${r.dryRun ? 'info' : r.ok ? 'ok' : 'error'}">${esc(outcome)}</p>`,
    '<div class="summary">',
    `<div>${r.tables.length} tables</div><div>${thousands(rows)} rows</div><div>${r.seconds.toFixed(1)} s</div>`,
    `<div class="error">${count('error')} errors</div><div class="warning">${count('warning')} warnings</div><div class="info">${count('info')} notes</div>`,
    '</div>',
    `<p>Produced by <code>${esc(command)}</code></p>`,
  ];
  if (!r.dryRun) {
    out.push('<h2>Tables</h2><table><thead><tr><th>source</th><th>target</th><th>rows</th><th>seconds</th><th>verification</th></tr></thead><tbody>');
    for (const t of r.tables) {
      const v = !t.loaded ? `<span class="error">not loaded: ${esc(t.error?.message ?? '')}</span>`
        : !t.verify ? 'not verified'
          : t.verify.match ? `<span class="ok">exact</span> (${esc(t.verify.method)})`
            : `<span class="error">${thousands(t.verify.differingKeyCount)} differing key(s)</span>`;
      out.push(`<tr><td>${esc(t.source)}</td><td>${esc(t.target)}${t.existed ? ' (existed)' : ''}</td><td>${thousands(t.rows)}</td><td>${t.seconds.toFixed(1)}</td><td>${v}</td></tr>`);
    }
    out.push('</tbody></table>');
  }
  out.push('<h2>Findings</h2><p>');
  for (const sev of ['error', 'warning', 'info']) out.push(`<label><input type="checkbox" data-severity="${sev}" checked> ${sev}</label>`);
  out.push('</p><table id="findings"><thead><tr><th>severity</th><th>object</th><th>what</th></tr></thead><tbody>');
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
  out.push(`<script>${SCRIPT}</script></body></html>`);
  return `${out.join('\n')}\n`;
}
