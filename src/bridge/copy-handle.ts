import type { EngineHandle } from './engine-handle.js';
import { toFerryError } from './java-error.js';

/** What Node sends the JVM to copy one table (see COPY-DESIGN.md). */
export interface CopyRequest {
  readonly from: string;
  readonly to: string;
  readonly table: string;
  readonly targetTable?: string | null;
  readonly where?: string | null;
  readonly mode?: 'append' | 'replace' | 'upsert' | 'incremental';
  readonly watermark?: string | null;
  readonly create?: boolean;
  readonly chunkRows?: number;
  readonly resume?: boolean;
  readonly dryRun?: boolean;
  readonly fromNamespace?: string | null;
  readonly toNamespace?: string | null;
  /** Checkpoints in this JSON file instead of a `ferry_checkpoint` table in the target. */
  readonly stateFile?: string | null;
  /** Checkpoints in this JSON file only when the target refuses a `ferry_checkpoint` table. */
  readonly fallbackStateFile?: string | null;
  /** What checkpoints are filed under (default `from->to`). */
  readonly job?: string | null;
  /** Chunks written at once, each on a target connection of its own (default 2). */
  readonly parallel?: number;
}

/** The plan of one table copy: DDL, chunks and notes; nothing written. */
export interface CopyPlan {
  readonly table: string;
  readonly targetTable: string;
  readonly ddl: readonly string[];
  readonly indexes: readonly string[];
  readonly chunks: readonly { readonly from: string | null; readonly to: string | null }[];
  readonly key: readonly string[];
  readonly resumeFrom: string | null;
  readonly rowsTotal: number;
  readonly notes: readonly string[];
}

/** What a finished table copy reports; `rows` counts this run only. */
export interface CopyResult {
  readonly table: string;
  readonly targetTable: string;
  readonly rows: number;
  readonly totalRows?: number;
  readonly chunks?: number;
  readonly seconds?: number;
  readonly resumedFrom?: string | null;
  readonly skippedChunks?: number;
  readonly created?: boolean;
  readonly dryRun?: boolean;
  readonly notes: readonly string[];
}

/** A snapshot of a running copy's counters. */
export interface CopyProgress {
  readonly table: string;
  readonly phase: 'planning' | 'planned' | 'preparing' | 'copying' | 'indexing' | 'done' | 'failed' | 'cancelled';
  readonly rows: number;
  readonly rowsTotal: number;
  readonly chunksDone: number;
  readonly chunksTotal: number;
}

/** The Java `dev.ferry.CopyJob` as java-bridge exposes it. */
export interface JavaCopyJob {
  plan(): Promise<Buffer>;
  run(): Promise<Buffer>;
  progress(): Promise<Buffer>;
  cancel(): Promise<void>;
}

/**
 * Node's handle on one JVM-side table copy. `run()` resolves when the table is copied; while it
 * runs, `progress()` and `cancel()` may be called (they run on other bridge threads).
 *
 * @example
 * const job = await CopyHandle.open(engine, { from: 'shop', to: 'warehouse', table: 'orders', create: true });
 * const result = await job.run();
 */
export class CopyHandle {
  private constructor(private readonly java: JavaCopyJob, readonly request: CopyRequest) {}

  /** Creates a copy job on `engine`; a read-only target is refused here. */
  static async open(engine: EngineHandle, request: CopyRequest): Promise<CopyHandle> {
    return new CopyHandle((await engine.copyJob(JSON.stringify(request))) as JavaCopyJob, request);
  }

  /** The plan: target DDL, key chunks, where a resume starts; writes nothing. */
  async plan(): Promise<CopyPlan> {
    return this.call(() => this.java.plan(), 'planning the copy') as Promise<CopyPlan>;
  }

  /** Copies the table, chunk by chunk, each chunk committed with its checkpoint. */
  async run(): Promise<CopyResult> {
    return this.call(() => this.java.run(), 'copying') as Promise<CopyResult>;
  }

  /** The running copy's counters. */
  async progress(): Promise<CopyProgress> {
    return this.call(() => this.java.progress(), 'reading copy progress') as Promise<CopyProgress>;
  }

  /** Stops the copy: the running chunk rolls back, committed chunks stay. */
  async cancel(): Promise<void> {
    try {
      await this.java.cancel();
    } catch (e) {
      throw toFerryError(e, 'cancelling the copy');
    }
  }

  private async call(f: () => Promise<Buffer>, doing: string): Promise<unknown> {
    try {
      return JSON.parse((await f()).toString('utf8')) as unknown;
    } catch (e) {
      throw toFerryError(e, `${doing} ${this.request.table}`);
    }
  }
}
