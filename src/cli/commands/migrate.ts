import type { Command } from 'commander';
import { Option } from 'commander';
import { migrate } from '../../api/index.js';
import { resolveConfig } from '../../config/index.js';
import { FerryError } from '../../errors/index.js';
import { list, mappingOption, positive, repeated, withConfigOptions, type ConfigOptions } from '../options.js';
import { withResumableFerry } from '../resumable.js';
import { COMMANDS } from './catalog.js';
import { emitMigrationReport, migrationEvents } from '../migration-events.js';

interface MigrateCliOptions extends ConfigOptions {
  from: string;
  to: string;
  tables?: string[];
  exclude?: string[];
  jobs: string;
  chunkRows?: string;
  parallel?: string;
  dryRun?: boolean;
  resume?: boolean;
  verify: boolean;
  mapping?: string;
  map?: string[];
  format: 'text' | 'json' | 'html';
  output?: string;
}



/** Registers `ferry migrate --from SRC --to TGT`. */
export function registerMigrate(program: Command, setExit: (code: number) => void): void {
  withConfigOptions(
    program
      .command('migrate')
      .description(COMMANDS.migrate.summary)
      .requiredOption('--from <src>', 'source: a configured database, or database.schema')
      .requiredOption('--to <tgt>', 'target: a configured database, or database.schema')
      .option('--tables <patterns>', 'only these tables and views (names or * patterns, comma-separated)', list)
      .option('--exclude <patterns>', 'leave out these tables and views (names or * patterns)', list)
      .option('--jobs <n>', 'tables loaded in parallel', '1')
      .option('--chunk-rows <n>', 'rows per chunk; each chunk commits with its checkpoint')
      .option('--parallel <n>', 'chunks of one table written at once')
      .option('--dry-run', 'print the plan (DDL by phase, type mappings that change meaning) and write nothing')
      .option('--resume', 'continue an interrupted migration after each table\'s last committed chunk')
      .option('--no-verify', 'skip the verification of every table after the load')
      .option('--mapping <file>', 'a mapping file (YAML or JSON): per target table its source table, row condition, computed columns, or skip — for an upgrade into tables the new schema already has')
      .option('--map <table.column=sql>', 'a target column computed by a Calcite SQL expression over the source table\'s columns (repeatable; wins over --mapping)', repeated)
      .addOption(new Option('-f, --format <format>', 'report format (default: text)').choices(['text', 'json', 'html']).default('text'))
      .option('-o, --output <file>', 'write the report to a file')
      .addHelpText('after', `
Examples:
  ferry migrate --from legacy --to pg --dry-run
  ferry migrate --from legacy --to pg --jobs 2
  ferry migrate --from pg.public --to maria.shop --exclude 'audit_*' --format json -o report.json
  ferry migrate --from legacy --to pg --resume          # after an interruption
  ferry check --from v1 --to v2 --suggest-mapping upgrade.yaml   # then edit it, and:
  ferry migrate --from v1 --to v2 --mapping upgrade.yaml --map "customers.full_name=first_name || ' ' || last_name"`),
  ).action(async (opts: MigrateCliOptions, cmd: Command) => {
    const jobs = positive('--jobs', opts.jobs) ?? 1;
    const chunkRows = positive('--chunk-rows', opts.chunkRows);
    const parallel = positive('--parallel', opts.parallel);
    const mapping = mappingOption(opts.mapping, opts.map);
    const loaded = resolveConfig(opts);
    const onEvent = migrationEvents(Boolean(opts.dryRun));
    await withResumableFerry('migrate', loaded, async (ferry) => {
      const report = await migrate(ferry, {
        from: opts.from,
        to: opts.to,
        ...(opts.tables ? { tables: opts.tables } : {}),
        ...(opts.exclude ? { exclude: opts.exclude } : {}),
        jobs,
        ...(chunkRows ? { chunkRows } : {}),
        ...(parallel ? { parallel } : {}),
        dryRun: Boolean(opts.dryRun),
        resume: Boolean(opts.resume),
        noVerify: !opts.verify,
        ...(mapping ? { mapping } : {}),
      }, onEvent);
      emitMigrationReport(report, opts, cmd, setExit);
    });
  });
}
