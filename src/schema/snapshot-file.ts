import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { FerryError } from '../errors/index.js';
import type { SchemaSnapshot } from './model.js';

/** The format marker every snapshot file carries. */
export const SNAPSHOT_FORMAT = 'ferry-snapshot/1';

/**
 * Reads a snapshot written by `ferry snapshot`; a missing file is CONFIG_NOT_FOUND, anything
 * else that is not a snapshot is CONFIG_INVALID naming the file and what was expected.
 *
 * @example
 * const v1 = readSnapshot('v1.json');
 */
export function readSnapshot(file: string): SchemaSnapshot {
  if (!existsSync(file)) throw new FerryError('CONFIG_NOT_FOUND', `snapshot ${file} not found (write one with \`ferry snapshot DB --output ${file}\`)`, { file });
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new FerryError('CONFIG_INVALID', `snapshot ${file} is not valid JSON: ${(e as Error).message}`, { file }, { cause: e });
  }
  const s = raw as Partial<SchemaSnapshot>;
  if (!s || typeof s !== 'object' || s.format !== SNAPSHOT_FORMAT || !Array.isArray(s.tables) || !Array.isArray(s.views)) {
    throw new FerryError('CONFIG_INVALID', `${file} is not a Ferry snapshot: expected an object with "format": "${SNAPSHOT_FORMAT}", "tables" and "views" (write one with \`ferry snapshot DB --output FILE\`)`, { file });
  }
  return s as SchemaSnapshot;
}

/** Writes a snapshot as pretty JSON. */
export function writeSnapshot(file: string, snapshot: SchemaSnapshot): void {
  try {
    writeFileSync(file, `${JSON.stringify(snapshot, null, 2)}\n`);
  } catch (e) {
    throw new FerryError('OUTPUT_FAILED', `cannot write snapshot ${file}: ${(e as Error).message}`, { file }, { cause: e });
  }
}
