import type { BackupEvent, BackupResult } from '../backup/events.js';
import type { Ferry } from './ferry.js';
import { splitRef } from './refs.js';
import { whileRunning } from './while-running.js';

/** What to back up and how. */
export interface BackupOptions {
  /** The database: a configured name, or `database.schema`. */
  readonly database: string;
  /** The backup folder: new, or empty. */
  readonly output: string;
  /** Tables to back up (names or `*` patterns); default every table. */
  readonly tables?: readonly string[];
  /** Tables to leave out (names or `*` patterns). */
  readonly exclude?: readonly string[];
  /** Tables read side by side, all from one snapshot (default 1). */
  readonly jobs?: number;
  /** `zstd` (default) or `none`. */
  readonly compress?: 'zstd' | 'none';
  /** Key (64 hex digits) or passphrase (16+ characters) that encrypts the files; never stored. */
  readonly secret?: string;
  /** Rows per chunk file at most (default 1,000,000). */
  readonly chunkRows?: number;
}

const POLL_MS = 500;

/**
 * Backs up a database into a folder: every table read from one consistent snapshot by up to
 * `jobs` readers, written as Arrow IPC chunk files (zstd, optionally AES-256-GCM), and a
 * manifest with the schema, row counts, checksums and the snapshot's log position, written
 * last. A failed or cancelled backup leaves the folder as it found it.
 *
 * @example
 * const result = await backup(ferry, { database: 'pg', output: './backups/monday', jobs: 2 });
 * result.rows // every row of every table
 */
export async function backup(ferry: Ferry, options: BackupOptions, onEvent: (e: BackupEvent) => void = () => undefined): Promise<BackupResult> {
  const ref = splitRef(ferry, options.database);
  const job = await ferry.backupJob({
    database: ref.database,
    namespace: ref.namespace ?? null,
    tables: options.tables ? [...options.tables] : null,
    exclude: options.exclude ? [...options.exclude] : null,
    output: options.output,
    jobs: Math.max(1, options.jobs ?? 1),
    compress: options.compress ?? 'zstd',
    secret: options.secret ?? null,
    chunkRows: options.chunkRows ?? 1_000_000,
  });
  onEvent({ kind: 'stage', message: `backing up '${options.database}' into ${options.output}` });
  const started = performance.now();
  let last = -1;
  const result = await whileRunning(() => job.run(), () => job.progress(), (p) => {
    if (p.rows === last || p.tablesTotal < 0) return;
    last = p.rows;
    const seconds = (performance.now() - started) / 1000;
    onEvent({ kind: 'progress', tablesDone: p.tablesDone, tablesTotal: p.tablesTotal, rows: p.rows, bytes: p.bytes, current: p.current, rowsPerSecond: seconds > 0 ? p.rows / seconds : 0 });
  }, POLL_MS);
  onEvent({ kind: 'done', result });
  return result;
}
