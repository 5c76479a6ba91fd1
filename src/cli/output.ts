import { existsSync, writeFileSync } from 'node:fs';
import { FerryError } from '../errors/index.js';

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
