import { toFerryError } from './java-error.js';

interface JavaCopyJob {
  plan(): Promise<Buffer>;
  run(): Promise<Buffer>;
  progressSync(): Buffer;
  cancel(): Promise<void>;
}

/** The JVM's counters for a running copy. */
export interface CopyProgress {
  readonly table: string;
  readonly phase: string;
  readonly rows: number;
  readonly rowsTotal: number | null;
  readonly chunksDone: number;
  readonly chunksTotal: number;
}

/** What the JVM reports when a table's copy has finished. */
export interface CopySummary {
  readonly table: string;
  readonly rows: number;
  readonly chunks: number;
  readonly seconds: number;
  readonly resumedFrom: string | null;
  readonly skippedChunks?: number;
}

function json<T>(b: Buffer): T {
  return JSON.parse(b.toString('utf8')) as T;
}

/**
 * Node's handle on one Java `CopyJob`: a table copy planned in the JVM and run there, rows
 * never crossing into Node; Node only polls counters while it runs.
 */
export class CopyJobHandle {
  /** Wraps the Java object returned by `Engine.copyJob`. */
  constructor(private readonly java: JavaCopyJob) {}

  /** The plan: DDL, chunks, key, where a resume starts. Writes nothing. */
  async plan<T>(): Promise<T> {
    try {
      return json<T>(await this.java.plan());
    } catch (e) {
      throw toFerryError(e, 'planning the copy');
    }
  }

  /** Runs the copy to the end (or the first failing chunk). */
  async run(): Promise<CopySummary> {
    try {
      return json<CopySummary>(await this.java.run());
    } catch (e) {
      throw toFerryError(e, 'copying');
    }
  }

  /** The current counters; cheap and safe to call while `run` is pending. */
  progress(): CopyProgress {
    return json<CopyProgress>(this.java.progressSync());
  }

  /** Asks the running copy to stop after rolling back its current chunk. */
  async cancel(): Promise<void> {
    await this.java.cancel().catch(() => undefined);
  }
}
