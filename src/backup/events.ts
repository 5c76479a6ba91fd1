import type { Wire } from '../bridge/index.js';
import type { MigrateEvent } from '../migrate/events.js';

/** What `ferry backup` wrote; generated from the JVM's record. */
export type BackupResult = Readonly<Wire.BackupResult>;
/** A backup's manifest (`manifest.json`), as the README documents it; generated from the JVM's record. */
export type BackupManifest = Readonly<Wire.Manifest>;
/** A backup's files proven intact before a restore. */
export type BackupCheck = Readonly<Wire.BackupCheck>;

/**
 * Progress of a backup as plain data: the CLI renders it as a line or JSON lines, library users
 * receive the same events.
 *
 * @example
 * { kind: 'progress', tablesDone: 3, tablesTotal: 8, rows: 1200000, bytes: 41000000, current: ['lineitem'], rowsPerSecond: 950000 }
 */
export type BackupEvent =
  | { readonly kind: 'stage'; readonly message: string }
  | { readonly kind: 'progress'; readonly tablesDone: number; readonly tablesTotal: number; readonly rows: number; readonly bytes: number; readonly current: readonly string[]; readonly rowsPerSecond: number }
  | { readonly kind: 'done'; readonly result: BackupResult };

/** What a restore reports on the way: the files checked first, then a migration's events. */
export type RestoreEvent = MigrateEvent | { readonly kind: 'checked'; readonly check: BackupCheck };
