import type { Command } from 'commander';
import { Option } from 'commander';
import { Ferry, verifyEach } from '../../api/index.js';
import { resolveConfig } from '../../config/index.js';
import { FerryError } from '../../errors/index.js';
import { anyDifference, verifyJson, verifySummary } from '../../verify/verify-report.js';
import { emitReport } from '../output.js';
import { counted } from '../render/numbers.js';
import { verifyReportHtml } from '../render/verify-html.js';
import { verifyOutcomeLine } from '../render/verify-outcome.js';
import { commandLine, list, mappingOption, repeated, withConfigOptions, type ConfigOptions } from '../options.js';
import { COMMANDS } from './catalog.js';
import { backupRef } from '../backup-refs.js';


/** Registers `ferry verify --from SRC --to TGT`. */
export function registerVerify(program: Command, setExit: (code: number) => void): void {
  withConfigOptions(
    program
      .command('verify')
      .description(COMMANDS.verify.summary)
      .addHelpText('after', `\nExamples:\n  ferry verify --from shop --to warehouse --tables orders\n  ferry verify --from pg --to maria --all --format json -o verify.json\n  ferry verify --from ./backups/monday --to staging --all`)
      .requiredOption('--from <src>', 'source: a configured database, database.schema, or a backup folder')
      .requiredOption('--to <tgt>', 'target: a configured database, or database.schema')
      .option('--tables <names>', 'tables to verify, comma-separated', list)
      .option('--all', 'verify every table of the source')
      .option('--mapping <file>', 'compare through the mapping a migration used: target tables by from:, computed columns by their expressions, only rows matching where:')
      .option('--map <table.column=sql>', 'a computed target column, as given to ferry migrate (repeatable)', repeated)
      .addOption(new Option('-f, --format <format>', 'output format (default: text)').choices(['text', 'json', 'html']).default('text'))
      .option('-o, --output <file>', 'write the report to a file'),
  ).action(async (opts: ConfigOptions & { from: string; to: string; tables?: string[]; all?: boolean; mapping?: string; map?: string[]; format: 'text' | 'json' | 'html'; output?: string }, cmd: Command) => {
    if (opts.tables?.length && opts.all) throw new FerryError('USAGE', '--tables and --all cannot be combined');
    const mapping = mappingOption(opts.mapping, opts.map);
    const { loaded, ref: from } = backupRef(resolveConfig(opts), opts.from);
    const ferry = await Ferry.open(loaded);
    try {
      const outcomes = await verifyEach(ferry, { from, to: opts.to, ...(opts.tables ? { tables: opts.tables } : {}), all: Boolean(opts.all), ...(mapping ? { mapping } : {}) });
      const tables = outcomes.flatMap((o) => (o.report ? [o.report] : []));
      const failed = outcomes.filter((o) => o.error);
      if (opts.format === 'json') {
        emitReport(`${JSON.stringify(verifyJson(tables, failed), null, 2)}\n`, opts.output);
      } else if (opts.format === 'html') {
        emitReport(verifyReportHtml(outcomes, { from: opts.from, to: opts.to, command: commandLine(cmd) }), opts.output);
      } else {
        const bad = tables.filter((t) => !t.match).length;
        const lines = outcomes.map((o) => (o.report ? `${o.report.match ? '✓' : '✗'} ${verifySummary(o.report, 10)}` : `✗ ${o.table}: not compared: [${o.error?.code}] ${o.error?.message}`));
        lines.push(bad === 0 && failed.length === 0 ? tables.length === 1 ? 'the table matches' : `all ${counted(tables.length, 'table')} match`
          : verifyOutcomeLine(outcomes.length, bad, failed.length));
        emitReport(`${lines.join('\n')}\n`, opts.output);
      }
      if (failed.length) setExit(2);
      else if (anyDifference(tables)) setExit(1);
    } finally {
      await ferry.close();
    }
  });
}
