/** How much human text a command writes to stderr besides errors: `--quiet`, default, `--verbose`. */
export type Verbosity = 'quiet' | 'normal' | 'verbose';

let level: Verbosity = 'normal';

/** Sets the verbosity for this run; only the CLI's entry calls it, from `--quiet`/`--verbose`. */
export function setVerbosity(v: Verbosity): void {
  level = v;
}

/** The verbosity of this run. */
export function verbosity(): Verbosity {
  return level;
}

/**
 * Writes a human note to stderr (progress, summaries, where a file went), unless `--quiet`.
 *
 * @example
 * note(`wrote ${file}\n`);
 */
export function note(text: string): void {
  if (level !== 'quiet') process.stderr.write(text);
}

/**
 * Writes a detail to stderr only with `--verbose`: which config was used, timings.
 *
 * @example
 * detail(`config: ${loaded.file}\n`);
 */
export function detail(text: string): void {
  if (level === 'verbose') process.stderr.write(text);
}

/** Where progress goes: stderr, or nowhere with `--quiet`. */
export function progressStream(): NodeJS.WritableStream {
  return level === 'quiet' ? { write: () => true } as unknown as NodeJS.WritableStream : process.stderr;
}
