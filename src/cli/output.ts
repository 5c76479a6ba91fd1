import { writeFileSync } from 'node:fs';
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
