import { rmSync, existsSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { Option } from 'commander';
import { backup, Ferry, readManifest } from '../../api/index.js';
import type { BackupEvent } from '../../backup/events.js';
import { resolveConfig } from '../../config/index.js';
import { FerryError } from '../../errors/index.js';
import { onInterrupt } from '../interrupts.js';
import { note, progressStream } from '../notes.js';
import { encryptKey, list, positive, withConfigOptions, type ConfigOptions } from '../options.js';
import { emit } from '../output.js';
import { backupListText, backupResultText } from '../render/backup-text.js';
import { sizeText, thousands } from '../render/numbers.js';
import { COMMANDS } from './catalog.js';

interface BackupCliOptions extends ConfigOptions {
  output?: string;
  list?: string;
  tables?: string[];
  exclude?: string[];
  jobs: string;
  compress: 'zstd' | 'none';
  encryptKeyEnv?: string;
  encryptKeyFile?: string;
  chunkRows?: string;
  format: 'text' | 'json';
}

/** Registers `ferry backup DB --output DIR` and `ferry backup --list DIR`. */
export function registerBackup(program: Command): void {
  withConfigOptions(
    program
      .command('backup')
      .description(COMMANDS.backup.summary)
      .argument('[database]', 'the database to back up: a configured name, or database.schema')
      .option('-o, --output <dir>', 'the backup folder (new, or empty)')
      .option('--list <dir>', 'show what a backup holds (tables, rows, files, size, where its snapshot stands) and stop')
      .option('--tables <patterns>', 'only these tables (names or * patterns, comma-separated)', list)
      .option('--exclude <patterns>', 'leave out these tables (names or * patterns)', list)
      .option('--jobs <n>', 'tables read side by side, all from one consistent snapshot', '1')
      .addOption(new Option('--compress <codec>', 'chunk file compression').choices(['zstd', 'none']).default('zstd'))
      .addOption(new Option('--encrypt-key-env <var>', 'encrypt with the key (64 hex digits) or passphrase (16+ characters) in this environment variable').conflicts('encryptKeyFile'))
      .option('--encrypt-key-file <file>', 'encrypt with the key or passphrase in this file')
      .option('--chunk-rows <n>', 'rows per chunk file at most (default 1000000)')
      .addOption(new Option('-f, --format <format>', 'output format (default: text)').choices(['text', 'json']).default('text'))
      .addHelpText('after', `
Examples:
  ferry backup pg --output ./backups/monday --jobs 2
  FERRY_KEY=$(openssl rand -hex 32) ferry backup pg -o ./bk --encrypt-key-env FERRY_KEY
  ferry backup --list ./backups/monday
  ferry restore ./backups/monday --to staging --jobs 2
  ferry query "SELECT COUNT(*) FROM last.orders"      # with  databases: { last: { backup: ./backups/monday } }`),
  ).action(async (database: string | undefined, opts: BackupCliOptions) => {
    if (opts.list !== undefined) {
      if (database !== undefined || opts.output !== undefined) throw new FerryError('USAGE', '--list shows a backup and takes no database or --output: ferry backup --list DIR');
      const m = readManifest(opts.list);
      emit(opts.format === 'json' ? `${JSON.stringify(m, null, 2)}\n` : backupListText(opts.list, m));
      return;
    }
    if (database === undefined) throw new FerryError('USAGE', 'name the database to back up: ferry backup DB --output DIR (or ferry backup --list DIR)');
    if (opts.output === undefined) throw new FerryError('USAGE', 'name the backup folder with --output DIR (a new or empty folder)');
    const jobs = positive('--jobs', opts.jobs) ?? 1;
    const chunkRows = positive('--chunk-rows', opts.chunkRows);
    const secret = encryptKey(opts);
    const output = resolve(opts.output);
    const existed = existsSync(output);
    const ferry = await Ferry.open(resolveConfig(opts));
    // Interrupted, the JVM is stopped first, then what it wrote is removed: no half backup stays.
    const off = onInterrupt(() => {
      ferry.closeSync();
      try {
        if (!existed) rmSync(output, { recursive: true, force: true });
        else for (const f of readdirSync(output)) rmSync(resolve(output, f), { recursive: true, force: true });
      } catch {
        // The process is ending; nothing more can be done.
      }
      process.stderr.write('\nferry backup: interrupted; the files written so far were removed.\n');
    });
    const progress = progressStream();
    const tty = process.stderr.isTTY;
    let shown = 0;
    const onEvent = (e: BackupEvent): void => {
      if (e.kind === 'stage') note(`${e.message}\n`);
      else if (e.kind === 'progress' && (tty || performance.now() - shown > 5000)) {
        shown = performance.now();
        const line = `${e.tablesDone}/${e.tablesTotal} tables, ${thousands(e.rows)} rows, ${sizeText(e.bytes)}, ${thousands(Math.round(e.rowsPerSecond))} rows/s${e.current.length ? ` (${e.current.join(', ')})` : ''}`;
        progress.write(tty ? `\r\x1b[K${line}` : `${line}\n`);
      } else if (e.kind === 'done' && tty && shown > 0) progress.write('\r\x1b[K');
    };
    try {
      const result = await backup(ferry, {
        database,
        output,
        jobs,
        compress: opts.compress,
        ...(opts.tables ? { tables: opts.tables } : {}),
        ...(opts.exclude ? { exclude: opts.exclude } : {}),
        ...(secret !== undefined ? { secret } : {}),
        ...(chunkRows ? { chunkRows } : {}),
      }, onEvent);
      emit(opts.format === 'json' ? `${JSON.stringify(result, null, 2)}\n` : backupResultText(result));
    } finally {
      off();
      await ferry.close();
    }
  });
}
