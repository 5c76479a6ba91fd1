import type { Command } from 'commander';
import type { MigrateEvent, MigrationReport } from '../migrate/events.js';
import { commandLine } from './options.js';
import { emitReport } from './output.js';
import { migrationReportHtml } from './render/migration-html.js';
import { migrationReportText } from './render/migration-text.js';
import { note, progressStream } from './notes.js';
import { progressRenderer } from './render/progress.js';

/**
 * How `migrate` and `restore` show a migration's events on stderr: each table's load as copy
 * progress, each structure phase's outcome in one line, the plan's warnings unless only the plan
 * is asked for.
 *
 * @example
 * const onEvent = migrationEvents(Boolean(opts.dryRun));
 */
export function migrationEvents(dryRun: boolean): (e: MigrateEvent) => void {
  const progress = progressRenderer(process.stderr.isTTY ? 'tty' : 'plain', progressStream());
  return (e) => {
    if (e.kind === 'load') progress(e.event);
    else if (e.kind === 'phase' && e.result.phase !== 'cleanup' && e.result.steps.length > 0) {
      const failed = e.result.steps.filter((s) => !s.ok).length;
      note(`${e.result.phase}: ${e.result.steps.length - failed} done${failed ? `, ${failed} failed` : ''}\n`);
    } else if (e.kind === 'plan' && !dryRun) {
      for (const w of e.plan.warnings) note(`warning: ${w.object}: ${w.message}\n`);
    }
  };
}

/**
 * Writes a migration's (or restore's) report in `format` to `output` (stdout when absent) and
 * raises the exit code: 2 when a table was not loaded, 1 when a step failed or a table differs.
 *
 * @example
 * emitMigrationReport(report, opts, cmd, setExit);
 */
export function emitMigrationReport(report: MigrationReport, opts: { format: 'text' | 'json' | 'html'; output?: string }, cmd: Command, setExit: (code: number) => void): void {
  emitReport(opts.format === 'json' ? `${JSON.stringify(report, null, 2)}\n`
    : opts.format === 'html' ? migrationReportHtml(report, commandLine(cmd)) : migrationReportText(report), opts.output);
  if (!report.dryRun && !report.ok) setExit(report.tables.some((t) => !t.loaded) ? 2 : 1);
}
