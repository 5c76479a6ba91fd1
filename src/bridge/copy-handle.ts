import { CopyPlan, CopyProgress, CopyResult, ResolvedCopyRequest, type CopyFinish, type CopyRequest } from './contract.gen.js';
import type { EngineHandle } from './engine-handle.js';
import { toFerryError } from './java-error.js';
import { decode, encode } from './messages.js';

/** The Java `dev.ferry.wire.CopyTask` as java-bridge exposes it. */
interface JavaCopyTask {
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
  private constructor(private readonly java: JavaCopyTask, readonly request: CopyRequest) {}

  /**
   * Checks a request on the JVM, where the defaults live, and returns it with every default
   * filled in; a bad request is a USAGE error before anything is planned.
   */
  static async check(engine: EngineHandle, request: CopyRequest): Promise<ResolvedCopyRequest> {
    let bytes: Buffer;
    try {
      bytes = await engine.copyRequestRaw(encode(request));
    } catch (e) {
      throw toFerryError(e, 'checking the copy request');
    }
    return decode(ResolvedCopyRequest, bytes, 'checked copy request');
  }

  /** Creates a copy job on `engine`; a read-only target is refused here. */
  static async open(engine: EngineHandle, request: CopyRequest): Promise<CopyHandle> {
    return new CopyHandle((await engine.copyJob(encode(request))) as JavaCopyTask, request);
  }

  /**
   * Tidies the target once every table of a copy completed: no `ferry_checkpoint` table stays
   * beside the user's tables that nothing needs any more (best effort; never fails the copy).
   */
  static async finish(engine: EngineHandle, request: CopyFinish): Promise<void> {
    await engine.finishCopy(encode(request));
  }

  /** The plan: target DDL, key chunks, where a resume starts; writes nothing. */
  async plan(): Promise<CopyPlan> {
    return decode(CopyPlan, await this.call(() => this.java.plan(), 'planning the copy'), 'copy plan');
  }

  /** Copies the table, chunk by chunk, each chunk committed with its checkpoint. */
  async run(): Promise<CopyResult> {
    return decode(CopyResult, await this.call(() => this.java.run(), 'copying'), 'copy result');
  }

  /** The running copy's counters. */
  async progress(): Promise<CopyProgress> {
    return decode(CopyProgress, await this.call(() => this.java.progress(), 'reading copy progress'), 'copy progress');
  }

  /** Stops the copy: the running chunk rolls back, committed chunks stay. */
  async cancel(): Promise<void> {
    try {
      await this.java.cancel();
    } catch (e) {
      throw toFerryError(e, 'cancelling the copy');
    }
  }

  private async call(f: () => Promise<Buffer>, doing: string): Promise<Buffer> {
    try {
      return await f();
    } catch (e) {
      throw toFerryError(e, `${doing} ${this.request.table}`);
    }
  }
}
