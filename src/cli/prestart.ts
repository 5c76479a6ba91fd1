import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { discoverConfig } from '../config/discover.js';
import type { WarmUp } from '../api/prestart.js';
import type { CommandName } from './commands/catalog.js';

/** The commands whose every run opens the engine (doctor reports a JVM that cannot start, so it starts its own). */
const ENGINE_COMMANDS: ReadonlySet<CommandName> = new Set(['query', 'tables', 'describe', 'check', 'snapshot', 'copy', 'verify', 'migrate', 'backup', 'restore', 'sync']);

/**
 * Commands that plan no statement through Calcite: their warm-up only opens an engine, since
 * planning one would take a core from their own work (a 2M-row restore into PostgreSQL on two
 * cores: 0.7 s less CPU and 0.15–0.65 s less wall time without it).
 */
const OPEN_ONLY: ReadonlySet<CommandName> = new Set(['restore']);

/**
 * How far `command`'s warm-up goes while its modules load: 'plan' (one statement planned) for
 * the commands that plan statements, 'open' (an engine opened) for the others.
 *
 * @example
 * warmUpFor('query') // 'plan'
 * warmUpFor('restore') // 'open'
 */
export function warmUpFor(command: CommandName): WarmUp {
  return OPEN_ONLY.has(command) ? 'open' : 'plan';
}

/** The value of `--config FILE`, `--config=FILE` or `-c FILE` in `argv`, if given. */
function configOption(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--config' || a === '-c') return argv[i + 1];
    if (a.startsWith('--config=')) return a.slice('--config='.length);
  }
  return undefined;
}

/**
 * Whether the config this run uses is known to name no drivers folder: `--db` flags alone, or a
 * config file that does not mention `drivers` at all. A config that mentions one, or none found,
 * is left to the command, which resolves the folder and reports problems with their fixes.
 */
function namesNoDrivers(argv: readonly string[], env: NodeJS.ProcessEnv, cwd: string): boolean {
  const option = configOption(argv);
  if (argv.some((a) => a === '--db' || a.startsWith('--db='))) return option === undefined;
  // discoverConfig gives $FERRY_CONFIG first, then the nearest ferry.yaml.
  const named = option ?? discoverConfig(cwd, env);
  if (named === undefined) return false;
  try {
    return !/\bdrivers\b/.test(readFileSync(resolve(cwd, named), 'utf8'));
  } catch {
    return false;
  }
}

/**
 * Whether `command` run with `argv` should start the JVM before its modules load: only when the
 * run will open the engine, no help is asked, and the config is known to name no drivers folder.
 *
 * @example
 * startsEarly('query', ['SELECT 1'], {}, '/app') // true when /app/ferry.yaml names no drivers folder
 */
export function startsEarly(command: CommandName, argv: readonly string[], env: NodeJS.ProcessEnv = process.env, cwd: string = process.cwd()): boolean {
  // `backup --list` reads a manifest in Node alone.
  if (!ENGINE_COMMANDS.has(command) || argv.some((a) => a === '--help' || a === '-h' || a === 'help' || a === '--list')) return false;
  return namesNoDrivers(argv, env, cwd);
}

/**
 * Starts the JVM (no drivers folder) and its warm-up ({@link warmUpFor}) before `command`'s
 * modules load when {@link startsEarly} says so: the JVM's start-up then overlaps Node's module
 * loading. The bridge is imported only then, so help and Node-only runs never load it.
 */
export async function prestart(command: CommandName, argv: readonly string[]): Promise<void> {
  if (!startsEarly(command, argv)) return;
  const { prestartEngine } = await import('../api/prestart.js');
  prestartEngine(undefined, warmUpFor(command));
}

