import type { Command } from 'commander';
import { Option } from 'commander';
import { dropSync, Ferry, sync, syncStatus } from '../../api/index.js';
import { resolveConfig } from '../../config/index.js';
import { FerryError } from '../../errors/index.js';
import type { SyncEvent } from '../../sync/events.js';
import { onInterrupt } from '../interrupts.js';
import { note, progressStream } from '../notes.js';
import { list, positive, withConfigOptions, type ConfigOptions } from '../options.js';
import { emit } from '../output.js';
import { syncDroppedText, syncProgressLine, syncResultText, syncStatusText } from '../render/sync-text.js';
import { counted } from '../render/numbers.js';
import { COMMANDS } from './catalog.js';

interface SyncCliOptions extends ConfigOptions {
  from?: string;
  to?: string;
  tables?: string[];
  all?: boolean;
  create?: boolean;
  untilCaughtUp?: boolean;
  drop?: boolean;
  batchRows?: string;
  chunkRows?: string;
  format: 'text' | 'json';
}

/** Registers `ferry sync`, `ferry sync status` and `ferry sync --drop`. */
export function registerSync(program: Command): void {
  withConfigOptions(
    program
      .command('sync')
      .description(COMMANDS.sync.summary)
      .argument('[action]', '"status" to show where the sync stands instead of running it')
      .option('--from <db>', 'the source: a configured PostgreSQL (14+) or MariaDB database, or database.schema')
      .option('--to <db>', 'the target: a configured database, or database.schema')
      .option('--tables <names>', 'the source tables to follow (comma-separated)', list)
      .option('--all', 'follow every table of the source')
      .option('--create', 'create target tables that are missing, from the source\'s structure')
      .option('--until-caught-up', 'exit 0 once every change committed on the source before streaming began is applied')
      .option('--drop', 'remove the replication slot and publication the sync made on the source, and its state in the target')
      .option('--batch-rows <n>', 'changes per target transaction at most (default 5000)')
      .option('--chunk-rows <n>', 'rows per committed chunk of the initial copies')
      .addOption(new Option('-f, --format <format>', 'text, or json (one event per line)').choices(['text', 'json']).default('text'))
      .addHelpText('after', `
The stream's start is fixed before the initial copy reads, and every applied batch commits
together with the source position it reaches, so a sync killed at any moment continues where
the target stands when run again. Ctrl-C or SIGTERM stops it; the position stays.

Examples:
  ferry sync --from pg --to maria --tables orders,customers --create
  ferry sync --from pg --to maria --tables orders --until-caught-up && ferry verify --from pg --to maria --tables orders
  ferry sync status --from pg --to maria
  ferry sync --drop --from pg --to maria`),
  ).action(async (action: string | undefined, opts: SyncCliOptions) => {
    if (action !== undefined && action !== 'status') throw new FerryError('USAGE', `unknown sync action '${action}'; use ferry sync status --from A --to B, or ferry sync --from A --to B --tables …`);
    if (!opts.from || !opts.to) throw new FerryError('USAGE', 'name the source and the target: ferry sync --from A --to B');
    const json = opts.format === 'json';
    const ferry = await Ferry.open(resolveConfig(opts));
    try {
      if (action === 'status') {
        if (opts.drop) throw new FerryError('USAGE', 'ferry sync status takes no --drop');
        const s = await syncStatus(ferry, { from: opts.from, to: opts.to });
        emit(json ? `${JSON.stringify(s, null, 2)}\n` : syncStatusText(s));
        return;
      }
      if (opts.drop) {
        const d = await dropSync(ferry, { from: opts.from, to: opts.to });
        emit(json ? `${JSON.stringify(d, null, 2)}\n` : syncDroppedText(d));
        return;
      }
      const batchRows = positive('--batch-rows', opts.batchRows);
      const chunkRows = positive('--chunk-rows', opts.chunkRows);
      let position: string | null = null;
      const off = onInterrupt(() => {
        process.stderr.write(`\nferry sync: stopped; the changes applied${position ? ` up to ${position}` : ''} stay, and running the same command continues from there.\n`);
      });
      const progress = progressStream();
      const tty = process.stderr.isTTY;
      let shown = 0;
      let lastChanges = 0;
      let lastAt = performance.now();
      const onEvent = (e: SyncEvent): void => {
        if (json) {
          emit(`${JSON.stringify({ event: e.kind, ...eventBody(e) })}\n`);
          if (e.kind === 'progress') position = e.progress.position;
          return;
        }
        if (e.kind === 'stage') note(`${e.message}\n`);
        else if (e.kind === 'prepared') {
          for (const n of e.start.notes) note(`${n}\n`);
          const todo = e.start.tables.filter((t) => t.state !== 'copied').map((t) => t.table);
          note(todo.length ? `initial copy of ${todo.join(', ')}, then streaming\n` : 'every table is in sync already; streaming\n');
        } else if (e.kind === 'copy' && e.event.kind === 'done') note(`copied ${e.table}: ${counted(e.event.rows, 'row')}\n`);
        else if (e.kind === 'streaming') note(e.caughtUpTarget ? 'streaming changes until caught up…\n' : 'streaming changes (Ctrl-C stops; the position stays)…\n');
        else if (e.kind === 'progress') {
          position = e.progress.position;
          const now = performance.now();
          const rate = ((e.progress.changes - lastChanges) * 1000) / Math.max(1, now - lastAt);
          lastChanges = e.progress.changes;
          lastAt = now;
          if (tty || now - shown > 5000) {
            shown = now;
            const line = syncProgressLine(e.progress, rate);
            progress.write(tty ? `\r\x1b[K${line}` : `${line}\n`);
          }
        } else if (e.kind === 'done' && tty && shown > 0) progress.write('\r\x1b[K');
      };
      try {
        const result = await sync(ferry, {
          from: opts.from,
          to: opts.to,
          ...(opts.tables ? { tables: opts.tables } : {}),
          all: opts.all ?? false,
          create: opts.create ?? false,
          untilCaughtUp: opts.untilCaughtUp ?? false,
          ...(batchRows ? { batchRows } : {}),
          ...(chunkRows ? { chunkRows } : {}),
        }, onEvent);
        if (!json) emit(syncResultText(result));
      } finally {
        off();
      }
    } finally {
      await ferry.close();
    }
  });
}

function eventBody(e: SyncEvent): Record<string, unknown> {
  const { kind: _kind, ...rest } = e;
  return rest;
}
