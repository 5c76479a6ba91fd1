import { Command, CommanderError } from 'commander';
import { FerryError, isFerryError } from '../errors/index.js';
import { registerCheck } from './commands/check.js';
import { registerCopy } from './commands/copy.js';
import { registerDemo } from './commands/demo.js';
import { registerDoctor } from './commands/doctor.js';
import { registerMigrate } from './commands/migrate.js';
import { registerQuery } from './commands/query.js';
import { registerSnapshot } from './commands/snapshot.js';
import { registerVerify } from './commands/verify.js';
import { handleInterrupts } from './interrupts.js';

function describe(e: unknown): { message: string; exit: number } {
  if (isFerryError(e)) return { message: `ferry: error [${e.code}]: ${e.message}`, exit: e.exitCode };
  const err = e as Error;
  return { message: `ferry: internal error: ${err?.stack ?? String(e)}`, exit: 3 };
}

/** A parser error in Ferry's format, pointing at the help of the command it concerns. */
function usageError(e: CommanderError, program: Command, argv: readonly string[]): FerryError {
  const name = argv.find((a) => program.commands.some((c) => c.name() === a));
  const help = name ? `ferry ${name} --help` : 'ferry --help';
  const text = e.message.replace(/^error: /, '').replace(/\s*\n\s*/g, ' ');
  return new FerryError('USAGE', `${text} (see ${help})`, { command: name ?? null });
}

/**
 * Runs the CLI and returns the exit code: 0 ok, 1 findings or differences, 2 usage or config,
 * 3 connection or JVM.
 */
export async function run(argv: readonly string[]): Promise<number> {
  let exitCode = 0;
  const program = new Command('ferry')
    .description('Several JDBC databases in one SQL namespace (Apache Calcite), for checks, copies and verification of migrations.')
    .version('0.1.0')
    .exitOverride()
    // Commander's own error line is replaced by Ferry's format below; help still goes to stdout.
    .configureOutput({ writeErr: (s) => process.stderr.write(s), outputError: () => undefined });
  registerQuery(program);
  registerCheck(program, (c) => (exitCode = Math.max(exitCode, c)));
  registerSnapshot(program);
  registerCopy(program, (c) => (exitCode = Math.max(exitCode, c)));
  registerVerify(program, (c) => (exitCode = Math.max(exitCode, c)));
  registerMigrate(program, (c) => (exitCode = Math.max(exitCode, c)));
  registerDemo(program);
  registerDoctor(program, (c) => (exitCode = c));
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return 0;
      const usage = usageError(e, program, argv);
      process.stderr.write(`${describe(usage).message}\n`);
      return usage.exitCode;
    }
    const d = describe(e);
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
