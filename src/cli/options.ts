import { backupSecret } from '../config/index.js';
import { FerryError, scrubSecrets } from '../errors/index.js';
import { loadMapping, mappingFromMaps, mergeMappings, type Mapping } from '../migrate/mapping.js';
import { Option, type Command } from 'commander';
import { shellWord } from './shell-word.js';

/** Options every command that reads the config shares. */
export interface ConfigOptions {
  config?: string;
  db?: string[];
}

function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

/** Adds `--config FILE` and repeatable `--db NAME=URL` to a command. */
export function withConfigOptions(cmd: Command): Command {
  return cmd
    .addOption(new Option('-c, --config <file>', 'config file, YAML or JSON (default: $FERRY_CONFIG, else ferry.yaml here or in a parent folder)'))
    .addOption(new Option('--db <name=url>', 'a database without a config file: postgres://, mysql://, sqlite:path, duckdb:path or a JDBC URL (repeatable)').argParser(collect));
}

/**
 * The mapping that `--mapping FILE` and repeatable `--map TABLE.COLUMN=SQL` options give (the
 * `--map` entries win), or undefined when neither is used.
 *
 * @example
 * mappingOption('upgrade.yaml', ["customers.full_name=first_name || ' ' || last_name"])
 */
export function mappingOption(file: string | undefined, maps: readonly string[] | undefined): Mapping | undefined {
  if (!file && !maps?.length) return undefined;
  const base = file ? loadMapping(file) : { tables: {} };
  return maps?.length ? mergeMappings(base, mappingFromMaps(maps)) : base;
}

/**
 * Commander's parser for a comma-separated list option that may also be repeated.
 *
 * @example
 * list('a, b', ['x']) // ['x', 'a', 'b']
 */
export function list(value: string, previous: string[] = []): string[] {
  return [...previous, ...value.split(',').map((s) => s.trim()).filter(Boolean)];
}

/**
 * Commander's parser for an option that may be repeated, each value kept whole (it may hold commas).
 *
 * @example
 * repeated("t.c=concat(a, b)", []) // ['t.c=concat(a, b)']
 */
export function repeated(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

/**
 * A whole number of at least 1 from option `name`, or undefined when the option is absent.
 *
 * @example
 * positive('--jobs', '4') // 4
 */
export function positive(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new FerryError('USAGE', `${name} takes a whole number of at least 1, got '${value}'`);
  return n;
}

/**
 * The command line that ran `cmd`, as a shell would read it back, passwords masked: what
 * reports and generated files name as their origin.
 *
 * @example
 * commandLine(cmd) // "ferry migrate --from legacy --to pg --format html"
 */
export function commandLine(cmd: Command): string {
  return scrubSecrets(['ferry', ...(cmd.parent?.args ?? [])].map(shellWord).join(' '));
}

/**
 * The key or passphrase `--encrypt-key-env VAR` or `--encrypt-key-file FILE` names, or undefined
 * when neither is given (`backup` and `restore` share it).
 *
 * @example
 * encryptKey({ encryptKeyEnv: 'FERRY_KEY' }) // the value of $FERRY_KEY
 */
export function encryptKey(opts: { encryptKeyEnv?: string; encryptKeyFile?: string }): string | undefined {
  return backupSecret({ ...(opts.encryptKeyEnv !== undefined ? { encryptKeyEnv: opts.encryptKeyEnv } : {}), ...(opts.encryptKeyFile !== undefined ? { encryptKeyFile: opts.encryptKeyFile } : {}) });
}
