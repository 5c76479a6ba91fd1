import { Command, CommanderError, Option } from 'commander';
import { discoverConfig } from '../config/discover.js';
import { FerryError, isFerryError } from '../errors/index.js';
import { COMMANDS, isCommandName, type CommandName } from './commands/catalog.js';
import { handleInterrupts } from './interrupts.js';
import { detail, setVerbosity } from './notes.js';
import { prestart } from './prestart.js';

function describe(e: unknown): { message: string; exit: number } {
  if (isFerryError(e)) return { message: `ferry: error [${e.code}]: ${e.message}`, exit: e.exitCode };
  const err = e as Error;
  return { message: `ferry: internal error: ${err?.stack ?? String(e)}`, exit: 3 };
}

// The general help's examples: a first tour, as each command's help ends with its own.
const EXAMPLES = `
Examples:
  ferry demo                                   # a SQLite shop and an H2 warehouse to try it on
  ferry query --db pg=postgres://me@localhost/app "SELECT COUNT(*) FROM pg.orders"
  ferry tables pg
  ferry describe pg.orders
  ferry check --from pg --to maria --format html -o check.html
  ferry migrate --from legacy --to pg --dry-run
  ferry copy --from pg --to maria --tables orders,customers --create
  ferry verify --from pg --to maria --all
  ferry help check                             # the same as ferry check --help`;

/** The command `argv` runs or asks help for (`ferry query …`, `ferry help query`), if any. */
function commandAsked(argv: readonly string[]): CommandName | undefined {
  const words = argv.filter((a) => !a.startsWith('-'));
  const name = words[0] === 'help' ? words[1] : words[0];
  return isCommandName(name) ? name : undefined;
}

/**
 * Gives every command `--quiet` (no progress or notes on stderr, errors still) and `--verbose`
 * (also the config used and the time taken), set before the command's action runs.
 */
function withVerbosityOptions(program: Command, started: number): void {
  for (const c of program.commands) {
    c.addOption(new Option('-q, --quiet', 'no progress or notes on stderr; errors are still reported').conflicts('verbose'))
      .addOption(new Option('--verbose', 'also say which config is used and how long the command took'));
  }
  program.hook('preAction', (_program, action) => {
    const o = action.opts<{ quiet?: boolean; verbose?: boolean; config?: string; db?: string[] }>();
    setVerbosity(o.quiet ? 'quiet' : o.verbose ? 'verbose' : 'normal');
    const config = o.db?.length ? 'databases from --db' : o.config ?? discoverConfig() ?? 'none found';
    detail(`ferry ${action.name()}: config ${config}; started ${((performance.now() - started) / 1000).toFixed(2)} s after launch\n`);
  });
}

/** The help a usage error about `argv` points to: the command's, or the general one. */
function helpFor(argv: readonly string[]): string {
  const name = commandAsked(argv);
  return name ? `ferry ${name} --help` : 'ferry --help';
}

/** A parser error in Ferry's format, pointing at the help of the command it concerns. */
function usageError(e: CommanderError, argv: readonly string[]): FerryError {
  const text = e.message.replace(/^error: /, '').replace(/\s*\n\s*/g, ' ');
  return new FerryError('USAGE', `${text} (see ${helpFor(argv)})`, { command: commandAsked(argv) ?? null });
}

/**
 * A USAGE error a command raised (its options checked in the command, the API or the config
 * loader) pointing at the command's help, as the parser's own errors do; one that already names
 * a `--help` is kept as it is.
 *
 * @example
 * withHelpPointer(new FerryError('USAGE', "--jobs takes a whole number of at least 1, got 'abc'"), ['copy'])
 * // "--jobs takes a whole number of at least 1, got 'abc' (see ferry copy --help)"
 */
function withHelpPointer(e: FerryError, argv: readonly string[]): FerryError {
  if (e.code !== 'USAGE' || /--help\b/.test(e.message)) return e;
  return new FerryError('USAGE', `${e.message} (see ${helpFor(argv)})`, e.meta, { cause: e });
}

/**
 * The words to parse: `ferry help NAME` for a NAME that is no command is parsed as `ferry NAME`,
 * so it fails as an unknown command (with Commander's did-you-mean) instead of showing the
 * general help and exiting 0.
 */
function helpTarget(argv: readonly string[]): readonly string[] {
  const words = argv.filter((a) => !a.startsWith('-'));
  const name = words[1];
  return words[0] === 'help' && name !== undefined && name !== 'help' && !isCommandName(name) ? [name] : argv;
}

/**
 * Runs the CLI and returns the exit code: 0 ok, 1 findings or differences, 2 usage or config,
 * 3 connection or JVM.
 */
export async function run(argv: readonly string[]): Promise<number> {
  let exitCode = 0;
  const started = performance.now();
  const program = new Command('ferry')
    .description('Several JDBC databases in one SQL namespace (Apache Calcite), for checks, copies and verification of migrations.')
    .version('0.1.0')
    .addHelpText('after', EXAMPLES)
    .exitOverride()
    // Commander's own error line is replaced by Ferry's format below; help still goes to stdout.
    .configureOutput({ writeErr: (s) => process.stderr.write(s), outputError: () => undefined });
  try {
    const asked = commandAsked(argv);
    if (asked) {
      await prestart(asked, argv);
      (await COMMANDS[asked].load())(program, (c) => (exitCode = Math.max(exitCode, c)));
      withVerbosityOptions(program, started);
    } else {
      // `ferry --help` and unknown commands need only the names and summaries: nothing is loaded.
      for (const [name, c] of Object.entries(COMMANDS)) program.command(name).description(c.summary);
    }
    await program.parseAsync([...helpTarget(argv)], { from: 'user' });
    detail(`ferry: finished in ${((performance.now() - started) / 1000).toFixed(2)} s, exit ${exitCode}\n`);
    return exitCode;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return 0;
      const usage = usageError(e, argv);
      process.stderr.write(`${describe(usage).message}\n`);
      return usage.exitCode;
    }
    const d = describe(isFerryError(e) ? withHelpPointer(e, argv) : e);
    process.stderr.write(`${d.message}\n`);
    return d.exit;
  }
}

/** The process entry: the only place Ferry exits the process or handles signals. */
export async function main(): Promise<void> {
  handleInterrupts();
  // A reader that stops early (`ferry query … | head`) closes the pipe: that ends the output, not
  // the run with an error.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
    process.exit(0);
  });
  const code = await run(process.argv.slice(2));
  // Flush stdout before exiting so piped output is not cut short.
  await new Promise<void>((resolve) => process.stdout.write('', () => resolve()));
  process.exit(code);
}
