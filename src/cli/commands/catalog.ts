import type { Command } from 'commander';

/** Registers one command's options and action on the program; `setExit` raises the exit code. */
export type RegisterCommand = (program: Command, setExit: (code: number) => void) => void;

/** One command as the entry knows it before loading it: what it does, and how to load it. */
interface CatalogEntry {
  /** The one-line description `ferry --help` lists and `ferry <command> --help` opens with. */
  readonly summary: string;
  /** Loads the command's module, which imports what it needs (the API, Arrow, the config schema). */
  readonly load: () => Promise<RegisterCommand>;
}

/**
 * Every command, loaded only when it runs (or its help is asked for), so `ferry --help` starts
 * no JVM and loads neither Arrow nor the config schema.
 *
 * @example
 * const register = await COMMANDS.query.load(); register(program, setExit);
 */
export const COMMANDS = {
  query: { summary: 'run SQL across the configured databases', load: async () => (await import('./query.js')).registerQuery },
  tables: { summary: 'list the tables and views of a database with row counts, sizes on disk, columns, primary key, indexes and foreign keys', load: async () => (await import('./tables.js')).registerTables },
  describe: { summary: 'show one table: columns with the types Ferry sees, keys, indexes and foreign keys', load: async () => (await import('./describe.js')).registerDescribe },
  check: { summary: 'compare schema A (current, with its data) with schema B (new version or other engine) and report what would break', load: async () => (await import('./check.js')).registerCheck },
  snapshot: { summary: 'save a database schema (with the data statistics check needs) to a JSON file', load: async () => (await import('./snapshot.js')).registerSnapshot },
  copy: { summary: 'copy tables between two databases with INSERT … SELECT, chunked, resumable, at bulk-load speed', load: async () => (await import('./copy.js')).registerCopy },
  verify: { summary: 'prove a copy is exact: row counts and per-chunk checksums, then the differing keys', load: async () => (await import('./verify.js')).registerVerify },
  migrate: { summary: 'migrate a whole database: tables, keys, indexes, foreign keys, identity counters and views, then verify every table', load: async () => (await import('./migrate.js')).registerMigrate },
  backup: { summary: 'back up a database into a folder: one consistent snapshot, Arrow IPC chunk files (zstd, optionally AES-256-GCM), a manifest with checksums; or --list one', load: async () => (await import('./backup.js')).registerBackup },
  restore: { summary: 'restore a backup into any engine: files proven intact first, then tables, keys, foreign keys, counters and views, each table verified', load: async () => (await import('./restore.js')).registerRestore },
  sync: { summary: 'follow a live source\'s changes into a target (PostgreSQL or MariaDB log through Debezium): initial copy, then every change exactly once; status and --drop', load: async () => (await import('./sync.js')).registerSync },
  demo: { summary: 'create an SQLite shop (and its v2 schema) and an H2 warehouse with a ferry.yaml; run a cross-database query, a check, a copy and a verify', load: async () => (await import('./demo.js')).registerDemo },
  doctor: { summary: 'check Java, the jars, the drivers and a connection to every configured database', load: async () => (await import('./doctor.js')).registerDoctor },
} as const satisfies Record<string, CatalogEntry>;

/** A command name. */
export type CommandName = keyof typeof COMMANDS;

/** Whether `name` is one of Ferry's commands. */
export function isCommandName(name: string | undefined): name is CommandName {
  return name !== undefined && Object.hasOwn(COMMANDS, name);
}
