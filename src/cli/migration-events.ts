import type { MigrateEvent } from '../migrate/events.js';
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
