/** What `copy` plans for one table (also the whole output of `--dry-run`). */
export interface CopyPlan {
  readonly table: string;
  readonly targetTable: string;
  /** DDL run before the load (`--create`), in order. */
  readonly ddl: readonly string[];
  /** Secondary indexes created after the load. */
  readonly indexes: readonly string[];
  /** Key ranges, one transaction each (one chunk for a table without a usable key). */
  readonly chunks: readonly { readonly from: string | null; readonly to: string | null }[];
  /** The key the chunks follow; empty when the table has none. */
  readonly key: readonly string[];
  /** The last committed chunk's upper bound when resuming, else null. */
  readonly resumeFrom: string | null;
  readonly notes: readonly string[];
}

/**
 * Progress of a copy as plain data: the CLI renders it as bars, log lines or JSON lines, and
 * library users receive the same events.
 *
 * @example
 * { kind: 'progress', table: 'orders', rows: 50000, rowsTotal: 1000000, chunksDone: 1, chunksTotal: 20, rowsPerSecond: 812000, etaSeconds: 1.2 }
 */
export type CopyEvent =
  | ({ readonly kind: 'plan' } & CopyPlan)
  | { readonly kind: 'start'; readonly table: string; readonly rowsTotal: number | null; readonly chunksTotal: number }
  | { readonly kind: 'progress'; readonly table: string; readonly rows: number; readonly rowsTotal: number | null; readonly chunksDone: number; readonly chunksTotal: number; readonly rowsPerSecond: number; readonly etaSeconds: number | null }
  | { readonly kind: 'note'; readonly table: string; readonly message: string }
  | { readonly kind: 'done'; readonly table: string; readonly rows: number; readonly chunks: number; readonly seconds: number; readonly rowsPerSecond: number; readonly resumedFrom: string | null }
  | { readonly kind: 'failed'; readonly table: string; readonly error: { readonly code: string; readonly message: string } };

/** The outcome per table. */
export interface CopyTableResult {
  readonly table: string;
  readonly ok: boolean;
  readonly rows: number;
  readonly seconds: number;
  readonly error?: { readonly code: string; readonly message: string };
}

/** Modes of `ferry copy`. */
export const COPY_MODES = ['append', 'replace', 'upsert', 'incremental'] as const;
/** One mode of `ferry copy`. */
export type CopyMode = (typeof COPY_MODES)[number];
