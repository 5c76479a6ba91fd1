import { STRUCTURE_PHASES, type MigrationPlan, type MigrationReport } from '../../migrate/events.js';
import { counted, thousands } from './numbers.js';
import { verifyMethodWords } from '../../verify/verify-method.js';


/** The plan in words: tables in load order, each phase's steps with their SQL, warnings and what is skipped. */
export function migrationPlanText(plan: MigrationPlan, operation: 'migrate' | 'restore' = 'migrate'): string {
  const out: string[] = [`${operation === 'restore' ? 'Restore' : 'Migration'} plan: ${plan.from} (${plan.sourceEngine}) → ${plan.to} (${plan.targetEngine})`, ''];
  out.push(`Load ${counted(plan.tables.length, 'table')}${plan.loadInOrder ? ', one after another (the target takes one writer at a time, or checks foreign keys while loading)' : ''}:`);
  for (const t of plan.tables) {
    const parts = t.partitions.length ? ` (with partitions ${t.partitions.join(', ')})` : '';
    out.push(`  ${t.source}${t.target !== t.source ? ` → ${t.target}` : ''}${t.exists ? ' [exists in the target]' : ''}${parts}`);
  }
  for (const phase of STRUCTURE_PHASES) {
    const steps = plan.steps.filter((s) => s.phase === phase);
    if (steps.length === 0) continue;
    out.push('', `${phase} (${steps.length}):`);
    for (const s of steps) {
      out.push(`  ${s.object}: ${s.description}`);
      for (const sql of s.sql) out.push(`    ${sql}`);
    }
  }
  out.push(...notes(plan));
  return `${out.join('\n')}\n`;
}

function notes(plan: MigrationPlan): string[] {
  const out: string[] = [];
  if (plan.warnings.length) {
    out.push('', `Warnings (${plan.warnings.length}): mappings that change meaning`);
    for (const w of plan.warnings) out.push(`  ! ${w.object}: ${w.message}`);
  }
  if (plan.skipped.length) {
    out.push('', `Not migrated (${plan.skipped.length}):`);
    for (const s of plan.skipped) out.push(`  - ${s.object} (${s.kind}): ${s.reason}`);
  }
  return out;
}

/** The report in words: each table's load and verification, failed steps, warnings, the outcome. */
export function migrationReportText(r: MigrationReport): string {
  if (r.dryRun) return migrationPlanText(r.plan, r.operation);
  const [noun, finished] = r.operation === 'restore' ? ['Restore', 'Restored'] : ['Migration', 'Migrated'];
  const out: string[] = [`${noun} ${r.from} (${r.sourceEngine}) → ${r.to} (${r.targetEngine})`, ''];
  const width = Math.max(5, ...r.tables.map((t) => t.target.length));
  for (const t of r.tables) {
    const mark = t.loaded && t.verify?.match !== false ? '✓' : '✗';
    const what = !t.loaded ? `not loaded: ${t.error?.code ?? ''} ${t.error?.message ?? ''}`.trim()
      : `${counted(t.rows, 'row')} in ${t.seconds.toFixed(1)} s, ${t.verify === null ? 'not verified' : t.verify.match ? `verified exact (${verifyMethodWords(t.verify.method)})` : `DIFFERS: ${counted(t.verify.differingKeyCount, 'key')} (${thousands(t.verify.sourceRows)} → ${thousands(t.verify.targetRows)} rows)`}`;
    out.push(`  ${mark} ${t.target.padEnd(width)}  ${what}`);
  }
  const done = r.phases.flatMap((p) => p.steps.filter((s) => s.ok && p.phase !== 'cleanup'));
  const counts = STRUCTURE_PHASES.map((p) => [p, r.phases.find((x) => x.phase === p)?.steps.filter((s) => s.ok).length ?? 0] as const).filter(([, c]) => c > 0);
  out.push('', `Structure: ${counted(done.length, 'step')} done (${counts.map(([p, c]) => `${p} ${c}`).join(', ') || 'none'})`);
  for (const s of r.failedSteps) out.push(`  ✗ ${s.object} (${s.description}): ${s.error ?? 'failed'}`);
  out.push(...notes(r.plan));
  const rows = r.tables.reduce((a, t) => a + t.rows, 0);
  const loaded = r.tables.filter((t) => t.loaded).length;
  out.push('', r.ok
    ? `${finished} ${counted(r.tables.length, 'table')}, ${counted(rows, 'row')}, in ${r.seconds.toFixed(1)} s; ${r.tables.every((t) => t.verify) ? 'every table verified exact' : 'not verified (--no-verify)'}.`
    : `${noun} incomplete after ${r.seconds.toFixed(1)} s: ${loaded} of ${counted(r.tables.length, 'table')} loaded, ${counted(r.failedSteps.length, 'structure step')} failed, ${counted(r.tables.filter((t) => t.verify && !t.verify.match).length, 'table')} differ${r.tables.filter((t) => t.verify && !t.verify.match).length === 1 ? 's' : ''}.${loaded < r.tables.length ? ' Fix the cause and run the same command with --resume.' : ''}`);
  return `${out.join('\n')}\n`;
}
