import { Option, type Command } from 'commander';
import { doctor } from '../../api/index.js';
import { DEFAULT_CONFIG_FILE, discoverConfig, resolveConfig, type LoadedConfig } from '../../config/index.js';
import { withConfigOptions, type ConfigOptions } from '../options.js';
import { COMMANDS } from './catalog.js';

/** Exit code when any doctor check fails. */
export const DOCTOR_FAILED_EXIT = 3;

/** Registers `ferry doctor`. */
export function registerDoctor(program: Command, setExit: (code: number) => void): void {
  withConfigOptions(
    program
      .command('doctor')
      .description(COMMANDS.doctor.summary)
      .addHelpText('after', `\nExamples:\n  ferry doctor\n  ferry doctor --db pg=postgres://postgres@127.0.0.1/test --json`)
      .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
      .option('--json', 'the same as --format json'),
  ).action(async (opts: ConfigOptions & { json?: boolean; format: 'text' | 'json' }) => {
    const useConfig = Boolean(opts.config || opts.db?.length || discoverConfig());
    const loaded: LoadedConfig | undefined = useConfig ? resolveConfig(opts) : undefined;
    const report = await doctor(loaded);
    if (opts.json || opts.format === 'json') {
      process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    } else {
      for (const c of report.checks) process.stdout.write(`${c.ok ? '✓' : '✗'} ${c.name.padEnd(20)} ${c.detail}${c.code ? ` [${c.code}]` : ''}\n`);
      if (!loaded) process.stdout.write(`  (no ${DEFAULT_CONFIG_FILE} here or in a parent folder, no FERRY_CONFIG and no --config/--db: database checks skipped)\n`);
    }
    if (!report.ok) setExit(DOCTOR_FAILED_EXIT);
  });
}
