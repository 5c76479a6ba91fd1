import { existsSync, writeFileSync } from 'node:fs';
import { FerryError } from '../errors/index.js';
import { note } from './notes.js';

/** Writes command output to a file or stdout; a file that cannot be written is OUTPUT_FAILED. */
export function emit(data: string | Uint8Array, file?: string): void {
  if (!file) {
    process.stdout.write(data);
    return;
  }
  try {
    writeFileSync(file, data);
  } catch (e) {
    throw new FerryError('OUTPUT_FAILED', `cannot write --output ${file}: ${(e as Error).message}`, { file }, { cause: e });
  }
}

/**
 * Writes a command's report to a file or stdout, as {@link emit}; a report written to a file is
 * also named in one line on stderr (unless `--quiet`), so a run on a terminal does not end in
 * silence. Stdout is left to the report (or untouched).
 *
 * @example
 * emitReport(html, opts.output) // stderr: "ferry: wrote report to check.html"
 */
export function emitReport(data: string | Uint8Array, file?: string): void {
  emit(data, file);
  if (file) note(`ferry: wrote report to ${file}\n`);
}

/** Throws OUTPUT_FAILED when `file` exists: files a command writes besides its report are never overwritten silently. */
export function refuseExisting(file: string, option: string): void {
  if (existsSync(file)) throw new FerryError('OUTPUT_FAILED', `${option} ${file} already exists: pass --force to overwrite it, or choose another file`, { file });
}

/**
 * Writes a file a command makes besides its report: refused (OUTPUT_FAILED) when it exists,
 * unless `force`; a file that cannot be written is OUTPUT_FAILED.
 */
export function writeNew(file: string, data: string, opts: { readonly option: string; readonly force: boolean }): void {
  try {
    writeFileSync(file, data, { flag: opts.force ? 'w' : 'wx' });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') refuseExisting(file, opts.option);
    throw new FerryError('OUTPUT_FAILED', `cannot write ${opts.option} ${file}: ${(e as Error).message}`, { file }, { cause: e });
  }
}
