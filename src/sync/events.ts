import type { Wire } from '../bridge/index.js';
import type { CopyEvent } from '../copy/events.js';

/** Where a sync's stream starts and what each table needs; generated from the JVM's record. */
export type SyncStart = Readonly<Wire.SyncStart>;
/** A running sync's counters. */
export type SyncProgress = Readonly<Wire.SyncProgress>;
/** How a sync run ended (a failure is an error instead). */
export type SyncResult = Readonly<Wire.SyncResult>;
/** Where a sync stands (`ferry sync status`). */
export type SyncStatus = Readonly<Wire.SyncStatus>;
/** What `ferry sync --drop` removed. */
export type SyncDropped = Readonly<Wire.SyncDropped>;

/**
 * A sync's progress as plain data: the CLI renders it as a live line or JSON lines, library
 * users receive the same events.
 *
 * @example
 * { kind: 'progress', progress: { phase: 'streaming', changes: 1200, batches: 14, position: '0/1A2B3C8', … } }
 */
export type SyncEvent =
  | { readonly kind: 'stage'; readonly message: string }
  | { readonly kind: 'prepared'; readonly start: SyncStart }
  | { readonly kind: 'copy'; readonly table: string; readonly event: CopyEvent }
  | { readonly kind: 'streaming'; readonly caughtUpTarget: boolean }
  | { readonly kind: 'progress'; readonly progress: SyncProgress }
  | { readonly kind: 'done'; readonly result: SyncResult };
