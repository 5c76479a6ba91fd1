import { readFileSync, existsSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import { FerryError, registerSecrets, urlSecrets } from '../errors/index.js';
import { CONFIG_ENV, DEFAULT_CONFIG_FILE, discoverConfig } from './discover.js';
import { expandEnv } from './env.js';
import { ambientPassword } from './passwords.js';
import { configSchema, type DatabaseConfig, type FerryConfig, type FerryConfigInput } from './schema.js';
import { toJdbc } from './url-forms.js';


/** A validated config plus the folder relative paths in it are resolved against. */
export interface LoadedConfig {
  /** The validated config, `${VAR}`s expanded and defaults applied. */
  readonly config: FerryConfig;
  /** Where relative paths (SQLite files, `drivers`) are resolved from. */
  readonly baseDir: string;
  /** The file it came from, or null for inline configs. */
  readonly file: string | null;
  /**
   * Databases left out of `config` because their entry names a `${VAR}` that is not set, each
   * with that error: a command that uses one fails with it, the others run.
   */
  readonly unusable?: Readonly<Record<string, FerryError>>;
}

/**
 * Validates a config object (from a file, `--db` flags or library code) with the zod schema.
 * Throws CONFIG_INVALID naming the first offending key and what was expected.
 *
 * @example
 * validateConfig({ databases: { shop: { url: 'jdbc:sqlite:shop.db' } } }, process.cwd())
 */
export function validateConfig(raw: unknown, baseDir: string, file: string | null = null, env: NodeJS.ProcessEnv = process.env): LoadedConfig {
  const { expanded, unusable } = expandPerDatabase(raw, env);
  const result = configSchema.safeParse(expanded);
  if (!result.success) {
    throw new FerryError('CONFIG_INVALID', `${file ?? 'config'}: ${describeIssues(result.error)}`, {
      file,
      // A bad database name's own message is nested in zod's "Invalid key in record".
      issues: result.error.issues.map((i) => ({ key: i.path.join('.'), message: i.code === 'invalid_key' ? i.issues.map((x) => x.message).join('; ') : i.message })),
    });
  }
  for (const db of Object.values(result.data.databases)) registerSecrets([db.password, ...urlSecrets(db.url ?? '')]);
  const databases = Object.fromEntries(Object.entries(result.data.databases).map(([name, db]) => [name, withJdbcUrl(db, env)]));
  for (const db of Object.values(databases)) registerSecrets([db.password]);
  return { config: { ...result.data, databases }, baseDir, file, ...(Object.keys(unusable).length ? { unusable } : {}) };
}

/**
 * `${VAR}`s expanded entry by entry: an entry naming an unset variable is set aside with its
 * ENV_MISSING error instead of failing the whole config, unless no entry is left.
 */
function expandPerDatabase(raw: unknown, env: NodeJS.ProcessEnv): { expanded: unknown; unusable: Record<string, FerryError> } {
  const unusable: Record<string, FerryError> = {};
  const dbs = (raw as { databases?: unknown } | null)?.databases;
  if (raw === null || typeof raw !== 'object' || dbs === null || typeof dbs !== 'object' || Array.isArray(dbs)) return { expanded: expandEnv(raw, env), unusable };
  const databases: Record<string, unknown> = {};
  for (const [name, entry] of Object.entries(dbs)) {
    try {
      databases[name] = expandEnv(entry, env, `databases.${name}`);
    } catch (e) {
      if (!(e instanceof FerryError) || e.code !== 'ENV_MISSING') throw e;
      unusable[name] = e;
    }
  }
  const usable = Object.keys(databases).length;
  if (usable === 0 && Object.keys(unusable).length > 0) throw Object.values(unusable)[0]!;
  const rest = expandEnv({ ...raw, databases: {} }, env) as Record<string, unknown>;
  return { expanded: { ...rest, databases }, unusable };
}

/**
 * The entry with its URL in JDBC form: user and password taken out of a `postgres://`-style
 * URL unless the entry names them, and a password still missing looked up where the engine's
 * own client would (PGPASSWORD, ~/.pgpass, MYSQL_PWD).
 */
function withJdbcUrl(db: DatabaseConfig, env: NodeJS.ProcessEnv): DatabaseConfig {
  if (db.backup !== undefined || /^(?:jdbc:ferry-backup|backup):/i.test(db.url ?? '')) return backupEntry(db, env);
  const form = toJdbc(db.url ?? '');
  const user = db.user ?? form.user;
  const password = db.password ?? form.password ?? ambientPassword(form.url, user, env);
  return { ...db, url: form.url, ...(user !== undefined ? { user } : {}), ...(password !== undefined ? { password } : {}) };
}

/**
 * A backup folder's entry: read-only, its URL `jdbc:ferry-backup:<folder>`, its password the
 * key or passphrase named by `encryptKeyEnv` or `encryptKeyFile` (never written anywhere).
 */
function backupEntry(db: DatabaseConfig, env: NodeJS.ProcessEnv): DatabaseConfig {
  const url = db.backup !== undefined ? `jdbc:ferry-backup:${db.backup}` : toJdbc(db.url ?? '').url;
  const secret = backupSecret(db, env);
  if (secret !== undefined) registerSecrets([secret]);
  return { ...db, url, readOnly: true, ...(secret !== undefined ? { password: secret } : {}) };
}

/**
 * `loaded` with a backup folder added as a read-only database, under `backup` (or `backup2`,
 * … when the config has that name): how `ferry restore DIR` and `verify --from DIR` read a
 * backup that no config entry names.
 *
 * @example
 * const { loaded: withBk, name } = addBackupDatabase(loaded, './backups/monday');
 */
export function addBackupDatabase(loaded: LoadedConfig, dir: string, secret?: string): { loaded: LoadedConfig; name: string } {
  const taken = new Set(Object.keys(loaded.config.databases).map((n) => n.toLowerCase()));
  let name = 'backup';
  for (let i = 2; taken.has(name); i++) name = `backup${i}`;
  if (secret !== undefined) registerSecrets([secret]);
  const entry = backupEntry({ backup: resolve(dir), ...(secret !== undefined ? { password: secret } : {}) }, process.env);
  return { loaded: { ...loaded, config: { ...loaded.config, databases: { ...loaded.config.databases, [name]: entry } } }, name };
}

/** The key or passphrase of an encrypted backup, from the variable or file the entry names. */
export function backupSecret(db: { readonly encryptKeyEnv?: string; readonly encryptKeyFile?: string; readonly password?: string }, env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (db.encryptKeyEnv !== undefined) {
    const v = env[db.encryptKeyEnv];
    if (v === undefined || v === '') throw new FerryError('BACKUP_KEY', `the environment variable ${db.encryptKeyEnv} that should hold the backup key is not set; export it, or name the key with --encrypt-key-file`, { variable: db.encryptKeyEnv });
    return v;
  }
  if (db.encryptKeyFile !== undefined) {
    try {
      return readFileSync(db.encryptKeyFile, 'utf8').replace(/\r?\n$/, '');
    } catch (e) {
      throw new FerryError('BACKUP_KEY', `cannot read the backup key file ${db.encryptKeyFile}: ${(e as Error).message}`, { file: db.encryptKeyFile });
    }
  }
  return db.password;
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((i) => {
      const key = i.path.map(String).join('.') || '(top level)';
      if (i.code === 'unrecognized_keys') {
        return `${key === '(top level)' ? '' : key + ': '}unknown key${i.keys.length > 1 ? 's' : ''} ${i.keys.map((k) => `'${k}'`).join(', ')}`;
      }
      if (i.code === 'invalid_type' && /received undefined/.test(i.message)) return `${key}: required (${i.message.replace(/^Invalid input: /, '').replace(/, received undefined$/, '')})`;
      if (i.code === 'invalid_key') return `${key}: ${i.issues.map((x) => x.message).join('; ')}`;
      return `${key}: ${i.message.replace(/^Invalid input: /, '')}`;
    })
    .join('; ');
}

/**
 * Reads and validates a YAML or JSON config file.
 *
 * @example
 * loadConfigFile('ferry.yaml')
 */
export function loadConfigFile(file: string, env: NodeJS.ProcessEnv = process.env): LoadedConfig {
  const path = resolve(file);
  if (!existsSync(path)) {
    throw new FerryError('CONFIG_NOT_FOUND', `config file ${file} not found (create it, pass --config FILE, set ${CONFIG_ENV}, or use --db NAME=URL; \`ferry demo\` writes an example)`, { file });
  }
  const text = readFileSync(path, 'utf8');
  let raw: unknown;
  try {
    raw = path.endsWith('.json') ? JSON.parse(text) : parseYaml(text);
  } catch (e) {
    throw new FerryError('CONFIG_INVALID', `${file}: not valid ${path.endsWith('.json') ? 'JSON' : 'YAML'}: ${(e as Error).message.split('\n')[0]}`, { file }, { cause: e });
  }
  return validateConfig(raw, dirname(path), file, env);
}

/**
 * Builds a config from repeated `--db NAME=URL` flags.
 *
 * @example
 * configFromDbFlags(['shop=jdbc:sqlite:shop.db'])
 */
export function configFromDbFlags(flags: readonly string[], env: NodeJS.ProcessEnv = process.env): LoadedConfig {
  const databases: Record<string, FerryConfigInput['databases'][string]> = {};
  for (const flag of flags) {
    const eq = flag.indexOf('=');
    if (eq <= 0) {
      throw new FerryError('USAGE', `--db ${flag}: expected NAME=URL, e.g. --db shop=sqlite:./shop.db or --db pg=postgres://user@host/db`, { flag });
    }
    const name = flag.slice(0, eq);
    if (Object.hasOwn(databases, name)) throw new FerryError('USAGE', `--db ${name} is given twice`, { flag });
    databases[name] = { url: flag.slice(eq + 1) };
  }
  return validateConfig({ databases }, process.cwd(), '--db', env);
}

/**
 * Finds the config the CLI should use: `--db` flags, else `--config FILE`, else `$FERRY_CONFIG`,
 * else the nearest ferry.yaml in the working folder or its parents. Mixing `--db` with
 * `--config` is a usage error.
 */
export function resolveConfig(opts: { config?: string; db?: readonly string[] }, env: NodeJS.ProcessEnv = process.env): LoadedConfig {
  const dbs = opts.db ?? [];
  if (dbs.length > 0 && opts.config) {
    throw new FerryError('USAGE', '--db and --config cannot be combined: put every database in the config file, or pass them all with --db');
  }
  if (dbs.length > 0) return configFromDbFlags(dbs, env);
  if (opts.config) return loadConfigFile(opts.config, env);
  const found = discoverConfig(process.cwd(), env);
  // Named as the user would type it from here (`ferry.yaml`, `../ferry.yaml`) in messages.
  if (found) return loadConfigFile(isAbsolute(found) ? relative(process.cwd(), found) : found, env);
  throw new FerryError('CONFIG_NOT_FOUND', `no ${DEFAULT_CONFIG_FILE} in ${process.cwd()} or its parents, and ${CONFIG_ENV} is not set (pass --config FILE or --db NAME=URL; \`ferry demo\` writes an example)`, { file: null });
}

/**
 * Makes relative SQLite/H2/Derby/HSQLDB file paths and the drivers folder absolute against the
 * config's folder, so `jdbc:sqlite:./shop.db` means the file beside ferry.yaml.
 */
export function absolutizeUrl(url: string, baseDir: string): string {
  const rel = (p: string): string => (isAbsolute(p) ? p : resolve(baseDir, p));
  let m = /^jdbc:(sqlite|duckdb):(?!:memory:)(?:file:)?([^?]+)(\?.*)?$/i.exec(url);
  if (m && m[2] && !m[2].startsWith(':')) return `jdbc:${m[1]}:${rel(m[2])}${m[3] ?? ''}`;
  m = /^jdbc:ferry-backup:(.+)$/i.exec(url);
  if (m?.[1]) return `jdbc:ferry-backup:${resolve(baseDir, m[1])}`;
  m = /^jdbc:h2:(?:file:)?((?:\.{1,2}\/|[^:/~][^:;]*\/)[^;]*)(;.*)?$/i.exec(url);
  if (m && m[1] && !/^(mem|tcp|ssl|zip|nio\w*|split|async|memFS|memLZF):/i.test(m[1])) return `jdbc:h2:${rel(m[1])}${m[2] ?? ''}`;
  m = /^jdbc:hsqldb:file:([^;]+)(;.*)?$/i.exec(url);
  if (m && m[1]) return `jdbc:hsqldb:file:${rel(m[1])}${m[2] ?? ''}`;
  m = /^jdbc:derby:(?!memory:|\/\/)([^;]+)(;.*)?$/i.exec(url);
  if (m && m[1] && (m[1].startsWith('.') || m[1].includes('/'))) return `jdbc:derby:${rel(m[1])}${m[2] ?? ''}`;
  return url;
}
