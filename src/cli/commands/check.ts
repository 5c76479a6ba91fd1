import type { Command } from 'commander';
import { Option } from 'commander';
import { check, Ferry } from '../../api/index.js';
import { loadBaseline } from '../../compat/baseline.js';
import { resolveConfig } from '../../config/index.js';
import { FerryError } from '../../errors/index.js';
import { checkReportHtml } from '../render/check-html.js';
import { renderFindingsJson } from '../render/findings-json.js';
import { renderFindingsJunit } from '../render/findings-junit.js';
import { renderFindingsText } from '../render/findings-text.js';
import { terminalWidth } from '../render/wrap.js';
import { renderMappingSuggestion } from '../render/mapping-yaml.js';
import { emitReport, refuseExisting, writeNew } from '../output.js';
import { commandLine, list, withConfigOptions, type ConfigOptions } from '../options.js';
import { COMMANDS } from './catalog.js';
import { backupRef } from '../backup-refs.js';
import { note } from '../notes.js';

/** The formats `ferry check` can write. */
export const CHECK_FORMATS = ['text', 'json', 'junit', 'html'] as const;

interface CheckCliOptions extends ConfigOptions {
  from: string;
  to: string;
  tables?: string[];
  exclude?: string[];
  data: boolean;
  queries?: string;
  format?: (typeof CHECK_FORMATS)[number];
  output?: string;
  failOn: 'error' | 'warning';
  baseline?: string;
  suggestMapping?: string;
  force?: boolean;
}


/** Registers `ferry check --from A --to B`. */
export function registerCheck(program: Command, setExit: (code: number) => void): void {
  withConfigOptions(
    program
      .command('check')
      .description(COMMANDS.check.summary)
      .addHelpText('after', `\nExamples:\n  ferry check --from shop --to shop_v2\n  ferry check --from prod --to v2.json --queries app-queries.sql --format junit -o check.xml\n  ferry check --from pg --to maria --tables 'sales_*' --exclude sales_tmp\n  ferry check --from v1 --to v2 --suggest-mapping upgrade.yaml`)
      .requiredOption('--from <a>', 'A: a configured database, database.schema, or a snapshot file (*.json)')
      .requiredOption('--to <b>', 'B: a configured database, database.schema, or a snapshot file (*.json)')
      .option('--tables <globs>', "tables to check, comma-separated globs (e.g. 'sales_*'); default all", list)
      .option('--exclude <globs>', 'tables to leave out, comma-separated globs', list)
      .option('--no-data', "do not query A's data; data-dependent findings become unproven warnings")
      .option('--queries <file>', "the application's SQL statements (separated by ;), validated against A and B")
      .addOption(new Option('-f, --format <format>', 'output format (default: text on a terminal, json otherwise)').choices([...CHECK_FORMATS]))
      .option('-o, --output <file>', 'write the report to a file')
      .addOption(new Option('--fail-on <severity>', 'exit 1 when a finding of this severity or worse remains').choices(['error', 'warning']).default('error'))
      .option('--baseline <file>', 'accepted findings to suppress (a previous --format json report)')
      .option('--suggest-mapping <file>', 'also write a draft mapping file (YAML) for ferry migrate --mapping: probable renames, placeholders for new NOT NULL columns')
      .option('--force', 'let --suggest-mapping overwrite an existing file'),
  ).action(async (opts: CheckCliOptions, cmd: Command) => {
    const { loaded, ref: from } = backupRef(resolveConfig(opts), opts.from);
    // Refused before any database is inspected, so a long check is not wasted.
    if (opts.suggestMapping?.toLowerCase().endsWith('.json')) {
      throw new FerryError('USAGE', `--suggest-mapping ${opts.suggestMapping}: the suggestion is YAML, with its placeholders as comments; name the file *.yaml`);
    }
    if (opts.suggestMapping && !opts.force) refuseExisting(opts.suggestMapping, '--suggest-mapping');
    const baseline = opts.baseline ? loadBaseline(opts.baseline) : undefined;
    const format = opts.format ?? (process.stdout.isTTY && !opts.output ? 'text' : 'json');
    const ferry = await Ferry.open(loaded);
    try {
      const report = await check(ferry, from, opts.to, {
        tables: opts.tables ?? [],
        exclude: opts.exclude ?? [],
        data: opts.data,
        ...(opts.queries ? { queriesFile: opts.queries } : {}),
        ...(baseline ? { baseline } : {}),
      });
      const color = format === 'text' && !opts.output && Boolean(process.stdout.isTTY) && !process.env.NO_COLOR;
      const out = format === 'json'
        ? renderFindingsJson(report.findings)
        : format === 'html'
          ? checkReportHtml(report, commandLine(cmd))
          : format === 'junit'
          ? renderFindingsJunit(report.findings, { suiteName: `ferry check ${report.from} → ${report.to}`, tables: report.tables })
          : renderFindingsText(report.findings, { color, from: report.from, to: report.to, ...(!opts.output ? { width: terminalWidth(process.stdout) } : {}) });
      emitReport(out, opts.output);
      if (opts.suggestMapping) {
        const command = commandLine(cmd);
        writeNew(opts.suggestMapping, renderMappingSuggestion(report.mapping, { command }), { option: '--suggest-mapping', force: opts.force === true });
        note(`Mapping suggestion written to ${opts.suggestMapping}: review it before using it with ferry migrate --mapping.\n`);
      }
      if (report.suppressed.length > 0) note(`(${report.suppressed.length} finding${report.suppressed.length === 1 ? '' : 's'} suppressed by the baseline)\n`);
      const failing = report.summary.error + (opts.failOn === 'warning' ? report.summary.warning : 0);
      if (failing > 0) setExit(1);
    } finally {
      await ferry.close();
    }
  });
}
