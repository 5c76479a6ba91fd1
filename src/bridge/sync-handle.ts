import { SyncDropped, SyncProgress, SyncResult, SyncStart, SyncStatus, type SyncRequest } from './contract.gen.js';
import type { EngineHandle } from './engine-handle.js';
import { toFerryError } from './java-error.js';
import { decode, encode } from './messages.js';

interface JavaSyncTask {
  prepare(): Promise<Buffer>;
  copied(table: Buffer, finished: boolean): Promise<void>;
  run(): Promise<Buffer>;
  progress(): Promise<Buffer>;
  stop(): Promise<void>;
}

/**
 * Node's handle on one JVM-side sync (`dev.ferry.wire.SyncTask`): `prepare()` fixes where the
 * change stream starts, Node copies the tables that need it (reporting each with `copied`),
 * then `run()` streams until `stop()`, until caught up, or until it fails; `progress()` runs on
 * another bridge thread meanwhile.
 *
 * @example
 * const sync = await SyncHandle.open(engine, { from: 'pg', to: 'my', tables: ['orders'] });
 * const start = await sync.prepare();
 * const result = await sync.run();
 */
export class SyncHandle {
  private constructor(private readonly java: JavaSyncTask, readonly request: SyncRequest) {}

  /** Opens a sync on `engine` (a read-only target or a source engine without a log is refused here). */
  static async open(engine: EngineHandle, request: SyncRequest): Promise<SyncHandle> {
    return new SyncHandle((await engine.task('syncJob', encode(request), 'opening the sync')) as JavaSyncTask, request);
  }

  /** Checks the source and fixes the stream's start; files the job in the target. */
  async prepare(): Promise<SyncStart> {
    return decode(SyncStart, await call(() => this.java.prepare(), `preparing the sync from '${this.request.from}'`), 'sync start');
  }

  /** Records that `table`'s initial copy began (`finished` false) or finished. */
  async copied(table: string, finished: boolean): Promise<void> {
    try {
      await this.java.copied(Buffer.from(table, 'utf8'), finished);
    } catch (e) {
      throw toFerryError(e, `recording the copy of ${table}`);
    }
  }

  /** Streams changes until stopped, caught up (when asked) or failed. */
  async run(): Promise<SyncResult> {
    return decode(SyncResult, await call(() => this.java.run(), `syncing '${this.request.from}' into '${this.request.to}'`), 'sync result');
  }

  /** The running sync's counters. */
  async progress(): Promise<SyncProgress> {
    return decode(SyncProgress, await call(() => this.java.progress(), 'reading sync progress'), 'sync progress');
  }

  /** Stops the stream after the batch being applied; `run()` then resolves with reason `stopped`. */
  async stop(): Promise<void> {
    await this.java.stop();
  }
}

/** Where the sync of `request` stands (source position, applied position, lag, per-table counts). */
export async function syncStatus(engine: EngineHandle, request: SyncRequest): Promise<SyncStatus> {
  return decode(SyncStatus, await engine.syncCall('syncStatus', encode(request), 'reading the sync status'), 'sync status');
}

/** Removes what the sync of `request` made on the source and its state in the target. */
export async function syncDrop(engine: EngineHandle, request: SyncRequest): Promise<SyncDropped> {
  return decode(SyncDropped, await engine.syncCall('syncDrop', encode(request), 'dropping the sync'), 'sync drop');
}

async function call(f: () => Promise<Buffer>, doing: string): Promise<Buffer> {
  try {
    return await f();
  } catch (e) {
    throw toFerryError(e, doing);
  }
}
