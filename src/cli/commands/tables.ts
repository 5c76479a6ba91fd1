import { Option, type Command } from 'commander';
import { Ferry, listTables } from '../../api/index.js';
import { resolveConfig } from '../../config/index.js';
import { aligned } from '../render/aligned.js';
import { counted, sizeText, thousands } from '../render/numbers.js';
import { emit } from '../output.js';
import { withConfigOptions, type ConfigOptions } from '../options.js';
import { COMMANDS } from './catalog.js';

/** Registers `ferry tables DB`. */
export function registerTables(program: Command): void {
  withConfigOptions(
    program
      .command('tables')
      .description(COMMANDS.tables.summary)
      .argument('<database>', 'a configured database, or database.schema')
      .option('--no-count', 'do not count rows (no query per table)')
      .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
      .option('-o, --output <file>', 'write the listing to a file')
      .addHelpText('after', `
Examples:
  ferry tables shop
  ferry tables pg.public --no-count
  ferry tables --db pg=postgres://postgres@127.0.0.1/test pg --format json`),
  ).action(async (database: string, opts: ConfigOptions & { count: boolean; format: 'text' | 'json'; output?: string }) => {
    const ferry = await Ferry.open(resolveConfig(opts));
    try {
      const listing = await listTables(ferry, database, { count: opts.count });
      if (opts.format === 'json') {
        emit(`${JSON.stringify(listing, null, 2)}\n`, opts.output);
        return;
      }
      const rows = listing.tables.map((t) => [
        t.name, t.kind, t.rows === null ? '' : thousands(t.rows), t.bytes === null ? '' : sizeText(t.bytes), String(t.columns),
        t.primaryKey.length ? t.primaryKey.join(', ') : t.kind === 'table' ? '(none)' : '',
        t.kind === 'table' ? String(t.indexes) : '', t.kind === 'table' ? String(t.foreignKeys) : '',
      ]);
      const count = (kind: string): string => counted(listing.tables.filter((t) => t.kind === kind).length, kind);
      emit(`${aligned(['name', 'kind', 'rows', 'size', 'columns', 'primary key', 'indexes', 'foreign keys'], rows)}(${count('table')}, ${count('view')} in ${listing.database}, ${listing.engine})\n`, opts.output);
    } finally {
      await ferry.close();
    }
  });
}
