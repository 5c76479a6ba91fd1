import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Manifest } from '../bridge/contract.gen.js';
import { FerryError } from '../errors/index.js';
import type { BackupManifest } from './events.js';

/** The manifest's file name inside a backup folder. */
export const MANIFEST_FILE = 'manifest.json';
/** The only backup format version this Ferry reads. */
export const BACKUP_VERSION = 1;

/**
 * Whether `path` is a folder holding a backup's manifest: how commands tell `--from ./bk` (a
 * backup) from `--from pg` (a configured database).
 *
 * @example
 * isBackupFolder('./backups/monday') // true once `ferry backup` finished there
 */
export function isBackupFolder(path: string): boolean {
  try {
    return statSync(join(path, MANIFEST_FILE)).isFile();
  } catch {
    return false;
  }
}

/**
 * Reads and checks a backup's manifest without the JVM (what `ferry backup --list` shows):
 * BACKUP_NOT_FOUND when the folder has none, BACKUP_FORMAT for another format version.
 *
 * @example
 * readManifest('./backups/monday').tables.map((t) => t.name)
 */
export function readManifest(dir: string): BackupManifest {
  const file = join(dir, MANIFEST_FILE);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new FerryError('BACKUP_NOT_FOUND', `no ${MANIFEST_FILE} in ${dir}: it is not a Ferry backup, or the backup writing it did not finish (its manifest is written last)`, { path: dir });
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new FerryError('BACKUP_CORRUPT', `${file} is not valid JSON (${(e as Error).message}); the manifest was altered or cut`, { path: file });
  }
  const head = raw as { format?: unknown; version?: unknown };
  if (head?.format !== 'ferry-backup') throw new FerryError('BACKUP_NOT_FOUND', `${file} is not a Ferry backup manifest`, { path: file });
  if (head.version !== BACKUP_VERSION) throw new FerryError('BACKUP_FORMAT', `${file} is a Ferry backup of format version ${String(head.version)}; this Ferry reads version ${BACKUP_VERSION} only`, { path: file });
  const parsed = Manifest.safeParse(raw);
  if (!parsed.success) throw new FerryError('BACKUP_CORRUPT', `${file} does not match the backup format: ${parsed.error.issues[0]?.message ?? 'invalid'}`, { path: file });
  return parsed.data;
}
