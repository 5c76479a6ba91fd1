import { CopyModeSchema, type Wire } from '../bridge/index.js';

/** What `copy` plans for one table (also the whole output of `--dry-run`); generated from the JVM's record. */
export type CopyPlan = Readonly<Wire.CopyPlan>;
/** What a finished table copy reports; `rows` counts this run only. */
export type CopyResult = Readonly<Wire.CopyResult>;
/** A snapshot of a running copy's counters. */
export type CopyProgress = Readonly<Wire.CopyProgress>;

/**
 * Progress of a copy as plain data: the CLI renders it as bars, log lines or JSON lines, and
 * library users receive the same events.
 *
 * @example
 * { kind: 'progress', table: 'orders', rows: 50000, rowsTotal: 1000000, chunksDone: 1, chunksTotal: 20, rowsPerSecond: 812000, etaSeconds: 1.2 }
 */
export type CopyEvent =
  | ({ readonly kind: 'plan' } & CopyPlan)
  | { readonly kind: 'start'; readonly table: string; readonly rowsTotal: number | null; readonly chunksTotal: number; readonly resumeFrom: string | null }
  | { readonly kind: 'progress'; readonly table: string; readonly rows: number; readonly rowsTotal: number | null; readonly chunksDone: number; readonly chunksTotal: number; readonly rowsPerSecond: number; readonly etaSeconds: number | null }
  | { readonly kind: 'note'; readonly table: string; readonly message: string }
  | { readonly kind: 'done'; readonly table: string; readonly rows: number; readonly chunks: number; readonly seconds: number; readonly rowsPerSecond: number; readonly resumedFrom: string | null }
  | { readonly kind: 'failed'; readonly table: string; readonly error: { readonly code: string; readonly message: string } }
  /** What a copy of several tables is doing before its first table starts, so something shows at once. */
  | { readonly kind: 'stage'; readonly stage: 'planning' | 'copying'; readonly tables: number | null; readonly message: string }
  /** The last event of a copy: every table's outcome added up. */
  | { readonly kind: 'summary'; readonly tables: number; readonly failed: number; readonly rows: number; readonly seconds: number };

/** The outcome per table. */
export interface CopyTableResult {
  readonly table: string;
  /** The target table as the copy named it (with its schema where it has one), once copied. */
  readonly target?: string;
  readonly ok: boolean;
  readonly rows: number;
  readonly seconds: number;
  readonly error?: { readonly code: string; readonly message: string };
}

/** Modes of `ferry copy`, as the JVM's `CopyMode` lists them. */
export const COPY_MODES: readonly CopyMode[] = CopyModeSchema.options;
/** One mode of `ferry copy`. */
export type CopyMode = Wire.CopyMode;
