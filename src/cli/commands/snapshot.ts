import { Option, type Command } from 'commander';
import { Ferry, snapshot } from '../../api/index.js';
import { resolveConfig } from '../../config/index.js';
import { writeSnapshot } from '../../schema/snapshot-file.js';
import { withConfigOptions, type ConfigOptions } from '../options.js';
import { COMMANDS } from './catalog.js';
import { note } from '../notes.js';
import { counted } from '../render/numbers.js';

/** Registers `ferry snapshot DB`. */
export function registerSnapshot(program: Command): void {
  withConfigOptions(
    program
      .command('snapshot')
      .description(COMMANDS.snapshot.summary)
      .addHelpText('after', `\nExamples:\n  ferry snapshot shop --output v1.json\n  ferry snapshot pg.public --no-stats > schema.json`)
      .argument('<database>', 'a configured database, or database.schema')
      .option('-o, --output <file>', 'where to write the snapshot (default: stdout)')
      .addOption(new Option('-f, --format <format>', 'the snapshot is JSON; accepted for scripts that pass --format json to every command').choices(['json']).default('json'))
      .option('--no-stats', 'skip the data statistics (check --from FILE then cannot prove data-dependent findings)'),
  ).action(async (database: string, opts: ConfigOptions & { output?: string; stats: boolean }) => {
    const ferry = await Ferry.open(resolveConfig(opts));
    try {
      const snap = await snapshot(ferry, database, { stats: opts.stats });
      if (opts.output) {
        writeSnapshot(opts.output, snap);
        note(`wrote ${opts.output}: ${counted(snap.tables.length, 'table')}, ${counted(snap.views.length, 'view')} of ${snap.database} (${snap.engine})\n`);
      } else process.stdout.write(`${JSON.stringify(snap, null, 2)}\n`);
    } finally {
      await ferry.close();
    }
  });
}
