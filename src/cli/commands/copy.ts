import type { Command } from 'commander';
import { Option } from 'commander';
import { copy, copyRequestDefaults } from '../../api/index.js';
import { resolveConfig } from '../../config/index.js';
import { COPY_MODES, type CopyEvent, type CopyMode } from '../../copy/events.js';
import { FerryError } from '../../errors/index.js';
import { copySummary, progressRenderer } from '../render/progress.js';
import { list, positive, withConfigOptions, type ConfigOptions } from '../options.js';
import { withResumableFerry } from '../resumable.js';
import { COMMANDS } from './catalog.js';
import { note, progressStream } from '../notes.js';

interface CopyCliOptions extends ConfigOptions {
  from: string;
  to: string;
  tables?: string[];
  all?: boolean;
  where?: string;
  create?: boolean;
  mode?: CopyMode;
  watermark?: string;
  jobs: string;
  dryRun?: boolean;
  resume?: boolean;
  chunkRows?: string;
  parallel?: string;
  stateFile?: string;
  json?: boolean;
  format?: 'text' | 'json';
}



/** Registers `ferry copy --from SRC --to TGT`. */
export function registerCopy(program: Command, setExit: (code: number) => void): void {
  withConfigOptions(
    program
      .command('copy')
      .description(COMMANDS.copy.summary)
      .addHelpText('after', `\nExamples:\n  ferry copy --from shop --to warehouse --tables orders,customers --create\n  ferry copy --from pg --to maria --all --mode replace --jobs 2\n  ferry copy --from shop --to warehouse --tables orders --dry-run\n  ferry copy --from shop --to warehouse --tables orders --resume   # after an interruption`)
      .requiredOption('--from <src>', 'source: a configured database, or database.schema')
      .requiredOption('--to <tgt>', 'target: a configured database, or database.schema')
      .option('--tables <names>', 'tables to copy, comma-separated', list)
      .option('--all', 'copy every table of the source')
      .option('--where <sql>', 'only source rows matching this SQL condition')
      .option('--create', 'create missing target tables with types mapped for the target engine')
      .addOption(new Option('--mode <mode>', `append, replace (empty the target table first), upsert (by primary key) or incremental (rows newer than the last --watermark value synced) (default: ${copyRequestDefaults.mode})`).choices([...COPY_MODES]))
      .option('--watermark <column>', 'with --mode incremental: the column whose newest synced value is remembered per table')
      .option('--jobs <n>', 'tables copied in parallel', '1')
      .option('--chunk-rows <n>', `rows per chunk; each chunk commits in one transaction with its checkpoint (default ${copyRequestDefaults.chunkRows})`)
      .option('--parallel <n>', `chunks of one table written at once, committed in key order (default ${copyRequestDefaults.parallel})`)
      .option('--state-file <path>', 'keep checkpoints in this JSON file instead of a ferry_checkpoint table in the target')
      .option('--dry-run', 'print the plan (tables, DDL, chunks) to stdout and write nothing')
      .option('--resume', 'continue an interrupted copy after its last committed chunk')
      .addOption(new Option('-f, --format <format>', 'text: progress and summary on stderr; json: JSON-lines events on stdout').choices(['text', 'json']))
      .option('--json', 'the same as --format json'),
  ).action(async (given: CopyCliOptions) => {
    const opts = { ...given, json: given.json === true || given.format === 'json' };
    if (opts.tables?.length && opts.all) throw new FerryError('USAGE', '--tables and --all cannot be combined');
    const jobs = positive('--jobs', opts.jobs) ?? 1;
    const chunkRows = positive('--chunk-rows', opts.chunkRows);
    const parallel = positive('--parallel', opts.parallel);
    const loaded = resolveConfig(opts);
    // A dry run's plan is its output: stdout, as lines (progress bars are for a copy that runs).
    const style = opts.json ? 'json' : opts.dryRun || !process.stderr.isTTY ? 'plain' : 'tty';
    const render = progressRenderer(style, opts.json || opts.dryRun ? process.stdout : progressStream());
    // A dry run's stdout is its plan alone; what it is doing meanwhile is a note, and a table it
    // refuses is an error, on stderr whatever --quiet says.
    const show = (e: CopyEvent): void => {
      if (opts.dryRun && !opts.json && e.kind === 'stage') note(`ferry: ${e.message} …\n`);
      else if (opts.dryRun && !opts.json && e.kind === 'failed') process.stderr.write(`${e.table}: FAILED [${e.error.code}] ${e.error.message}\n`);
      else render(e);
    };
    await withResumableFerry('copy', loaded, async (ferry) => {
      const results = await copy(ferry, {
        from: opts.from,
        to: opts.to,
        ...(opts.tables ? { tables: opts.tables } : {}),
        all: Boolean(opts.all),
        ...(opts.where ? { where: opts.where } : {}),
        create: Boolean(opts.create),
        ...(opts.mode ? { mode: opts.mode } : {}),
        ...(opts.watermark ? { watermark: opts.watermark } : {}),
        jobs,
        ...(chunkRows ? { chunkRows } : {}),
        ...(parallel ? { parallel } : {}),
        ...(opts.stateFile ? { stateFile: opts.stateFile } : {}),
        dryRun: Boolean(opts.dryRun),
        resume: Boolean(opts.resume),
      }, show);
      if (!opts.json && !opts.dryRun) note(`\n${copySummary(results)}`);
      const failed = results.find((r) => !r.ok);
      if (failed) setExit(failed.error?.code === 'CONNECTION_FAILED' ? 3 : 2);
    });
  });
}
