import type { Command } from 'commander';
import { Option } from 'commander';
import { Ferry, verify } from '../../api/index.js';
import { resolveConfig } from '../../config/index.js';
import { FerryError } from '../../errors/index.js';
import { anyDifference, verifyJson, verifySummary } from '../../verify/verify-report.js';
import { emit } from '../output.js';
import { withConfigOptions, type ConfigOptions } from '../options.js';

function list(value: string, previous: string[] = []): string[] {
  return [...previous, ...value.split(',').map((s) => s.trim()).filter(Boolean)];
}

/** Registers `ferry verify --from SRC --to TGT`. */
export function registerVerify(program: Command, setExit: (code: number) => void): void {
  withConfigOptions(
    program
      .command('verify')
      .description('prove a copy is exact: row counts and per-chunk checksums, then the differing keys')
      .requiredOption('--from <src>', 'source: a configured database, or database.schema')
      .requiredOption('--to <tgt>', 'target: a configured database, or database.schema')
      .option('--tables <names>', 'tables to verify, comma-separated', list)
      .option('--all', 'verify every table of the source')
      .addOption(new Option('-f, --format <format>', 'output format (default: text)').choices(['text', 'json']).default('text'))
      .option('-o, --output <file>', 'write the report to a file'),
  ).action(async (opts: ConfigOptions & { from: string; to: string; tables?: string[]; all?: boolean; format: 'text' | 'json'; output?: string }) => {
    if (opts.tables?.length && opts.all) throw new FerryError('USAGE', '--tables and --all cannot be combined');
    const ferry = await Ferry.open(resolveConfig(opts));
    try {
      const tables = await verify(ferry, { from: opts.from, to: opts.to, ...(opts.tables ? { tables: opts.tables } : {}), all: Boolean(opts.all) });
      if (opts.format === 'json') {
        emit(`${JSON.stringify(verifyJson(tables), null, 2)}\n`, opts.output);
      } else {
        const bad = tables.filter((t) => !t.match).length;
        const lines = tables.map((t) => `${t.match ? '✓' : '✗'} ${verifySummary(t, 10)}`);
        lines.push(bad === 0 ? `all ${tables.length} table(s) match` : `${bad} of ${tables.length} table(s) differ`);
        emit(`${lines.join('\n')}\n`, opts.output);
      }
      if (anyDifference(tables)) setExit(1);
    } finally {
      await ferry.close();
    }
  });
}
