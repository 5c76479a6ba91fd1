import type { Command } from 'commander';
import { Option } from 'commander';
import { restore } from '../../api/index.js';
import type { RestoreEvent } from '../../backup/events.js';
import { addBackupDatabase, resolveConfig } from '../../config/index.js';
import { emitMigrationReport, migrationEvents } from '../migration-events.js';
import { note } from '../notes.js';
import { encryptKey, list, positive, withConfigOptions, type ConfigOptions } from '../options.js';
import { counted, sizeText } from '../render/numbers.js';
import { withResumableFerry } from '../resumable.js';
import { COMMANDS } from './catalog.js';

interface RestoreCliOptions extends ConfigOptions {
  to: string;
  tables?: string[];
  exclude?: string[];
  jobs: string;
  resume?: boolean;
  dryRun?: boolean;
  verify: boolean;
  encryptKeyEnv?: string;
  encryptKeyFile?: string;
  format: 'text' | 'json' | 'html';
  output?: string;
}

/** Registers `ferry restore DIR --to DB`. */
export function registerRestore(program: Command, setExit: (code: number) => void): void {
  withConfigOptions(
    program
      .command('restore')
      .description(COMMANDS.restore.summary)
      .argument('<dir>', 'the backup folder `ferry backup` wrote')
      .requiredOption('--to <db>', 'target: a configured database, or database.schema (any engine)')
      .option('--tables <patterns>', 'only these tables (names or * patterns, comma-separated)', list)
      .option('--exclude <patterns>', 'leave out these tables (names or * patterns)', list)
      .option('--jobs <n>', 'tables loaded side by side', '1')
      .option('--resume', 'continue an interrupted restore after each table\'s last committed file')
      .option('--dry-run', 'print the plan (DDL by phase, type mappings that change meaning) and write nothing')
      .option('--no-verify', 'skip the verification of every table against the backup after the load')
      .addOption(new Option('--encrypt-key-env <var>', 'the encrypted backup\'s key or passphrase is in this environment variable').conflicts('encryptKeyFile'))
      .option('--encrypt-key-file <file>', 'the encrypted backup\'s key or passphrase is in this file')
      .addOption(new Option('-f, --format <format>', 'report format (default: text)').choices(['text', 'json', 'html']).default('text'))
      .option('-o, --output <file>', 'write the report to a file')
      .addHelpText('after', `
Examples:
  ferry restore ./backups/monday --to staging --jobs 2
  ferry restore ./backups/monday --to maria --dry-run
  ferry restore ./bk --to pg --encrypt-key-env FERRY_KEY
  ferry restore ./backups/monday --to staging --resume      # after an interruption`),
  ).action(async (dir: string, opts: RestoreCliOptions, cmd: Command) => {
    const jobs = positive('--jobs', opts.jobs) ?? 1;
    const secret = encryptKey(opts);
    const { loaded, name } = addBackupDatabase(resolveConfig(opts), dir, secret);
    const shown = migrationEvents(Boolean(opts.dryRun));
    const onEvent = (e: RestoreEvent): void => {
      if (e.kind === 'checked') note(`checked ${counted(e.check.files, 'file')} (${sizeText(e.check.bytes)}) of ${dir}: all present and intact\n`);
      else shown(e);
    };
    await withResumableFerry('restore', loaded, async (ferry) => {
      const restored = await restore(ferry, {
        from: name,
        to: opts.to,
        jobs,
        ...(opts.tables ? { tables: opts.tables } : {}),
        ...(opts.exclude ? { exclude: opts.exclude } : {}),
        resume: Boolean(opts.resume),
        dryRun: Boolean(opts.dryRun),
        noVerify: !opts.verify,
      }, onEvent);
      // The backup is named by its folder, as the user gave it, not by the database it was added as.
      const report = { ...restored, from: dir };
      emitMigrationReport(report, opts, cmd, setExit);
    });
  });
}
