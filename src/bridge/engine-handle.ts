import type { z } from 'zod';
import { Analysis, Explanation, Ping, Snapshot, TableBytes, TableList, type DatabaseSpec } from './contract.gen.js';
import { toFerryError } from './java-error.js';
import { decode, encode } from './messages.js';
import { ResultSocket } from './result-socket.js';
import { startJvm } from './jvm.js';

/** Rows per Arrow record batch sent from the JVM. */
export const DEFAULT_BATCH_ROWS = 65_536;

interface JavaChunks {
  streamTo(socketPath: Buffer): Promise<bigint>;
}
interface JavaAnalyzeTask extends JavaChunks {
  analysis(): Promise<Buffer>;
  release(): Promise<void>;
}
interface JavaEngine {
  query(sql: Buffer, batchRows: number): Promise<JavaChunks>;
  analyze(sql: Buffer, batchRows: number): Promise<JavaAnalyzeTask>;
  explain(sql: Buffer): Promise<Buffer>;
  inspect(request: Buffer): Promise<Buffer>;
  tables(request: Buffer): Promise<Buffer>;
  tableBytes(request: Buffer): Promise<Buffer>;
  ping(name: Buffer): Promise<Buffer>;
  verify(request: Buffer): Promise<Buffer>;
  copyRequest(request: Buffer): Promise<Buffer>;
  release(chunks: JavaChunks): Promise<void>;
  copyJob(request: Buffer): Promise<unknown>;
  finishCopy(request: Buffer): Promise<void>;
  migration(request: Buffer): Promise<unknown>;
  backupJob(request: Buffer): Promise<unknown>;
  restoreJob(request: Buffer): Promise<unknown>;
  checkBackup(name: Buffer, jobs: number): Promise<Buffer>;
  syncJob(request: Buffer): Promise<unknown>;
  syncStatus(request: Buffer): Promise<Buffer>;
  syncDrop(request: Buffer): Promise<Buffer>;
  close(): Promise<void>;
  closeNowSync(): void;
}
interface JavaEngineClass {
  open(request: Buffer): Promise<JavaEngine>;
}

/** One database as the JVM side needs it (absolute URLs, secrets included). */
export type EngineDatabase = DatabaseSpec;

/** A query run by {@link EngineHandle.analyze}: its result, then the figures of the run. */
export interface AnalyzedRun {
  /** The result as Arrow IPC stream bytes, as {@link EngineHandle.query} yields them. */
  readonly chunks: AsyncGenerator<Uint8Array, void, undefined>;
  /** The figures of the run; complete once `chunks` has been read to the end. */
  analysis(): Promise<Analysis>;
}

/**
 * Node's handle on the Java `dev.ferry.wire.Engine`: the only place queries cross the bridge.
 * All database work goes through java-bridge's async API; text travels as UTF-8 bytes because
 * the bridge's string conversion mangles characters outside the BMP, and every reply is checked
 * against the generated contract.
 */
export class EngineHandle {
  private closed = false;

  private constructor(private readonly java: JavaEngine) {}

  /**
   * Starts the JVM if needed and opens an engine over the given databases (nothing connects yet).
   *
   * @example
   * const engine = await EngineHandle.open([{ name: 'shop', url: 'jdbc:sqlite:/tmp/shop.db' }]);
   */
  static async open(databases: readonly EngineDatabase[], driversDir?: string): Promise<EngineHandle> {
    const java = startJvm(driversDir);
    try {
      const Engine = (await java.importClassAsync('dev.ferry.wire.Engine')) as JavaEngineClass;
      return new EngineHandle(await Engine.open(encode({ databases })));
    } catch (e) {
      throw toFerryError(e, 'starting the federation engine');
    }
  }

  /**
   * Runs one statement and yields its result as Arrow IPC stream bytes (schema first, end marker
   * last), as they arrive over a Unix domain socket from the JVM. Planning errors are thrown
   * before the first chunk; stopping early cancels the JVM-side read.
   */
  async *query(sql: string, batchRows = DEFAULT_BATCH_ROWS): AsyncGenerator<Uint8Array, void, undefined> {
    let chunks: JavaChunks;
    try {
      chunks = await this.java.query(Buffer.from(sql, 'utf8'), batchRows);
    } catch (e) {
      throw toFerryError(e, 'running the query');
    }
    yield* this.stream(chunks, () => this.java.release(chunks));
  }

  /**
   * Runs one query as {@link query} does while the JVM measures it: planning and execution
   * time, and the rows each database sent. Planning errors are thrown here; read `chunks` to the
   * end, then ask for the `analysis`.
   *
   * @example
   * const run = await engine.analyze('SELECT COUNT(*) FROM shop.orders');
   * for await (const bytes of run.chunks) void bytes;
   * (await run.analysis()).planningMs // 412.5
   */
  async analyze(sql: string, batchRows = DEFAULT_BATCH_ROWS): Promise<AnalyzedRun> {
    let task: JavaAnalyzeTask;
    try {
      task = await this.java.analyze(Buffer.from(sql, 'utf8'), batchRows);
    } catch (e) {
      throw toFerryError(e, 'analyzing the query');
    }
    return {
      chunks: this.stream(task, () => task.release()),
      analysis: () => this.call(() => task.analysis(), Analysis, 'analysis', 'analyzing the query'),
    };
  }

  /**
   * Yields a started result as Arrow IPC stream bytes (schema first, end marker last), as they
   * arrive over a Unix domain socket from the JVM; `release` frees the JVM side afterwards,
   * which also cancels a read stopped early.
   */
  private async *stream(chunks: JavaChunks, release: () => Promise<void>): AsyncGenerator<Uint8Array, void, undefined> {
    const socket = await ResultSocket.open();
    // The JVM writes on one of java-bridge's threads while this generator reads.
    const written = chunks.streamTo(Buffer.from(socket.path, 'utf8')).then(
      () => undefined,
      (e: unknown) => toFerryError(e, 'reading query results'),
    );
    try {
      // Settles only on failure: a successful stream always connects first.
      const failed = written.then((e) => e ?? new Promise<never>(() => undefined));
      for await (const bytes of socket.read(failed)) yield bytes;
      const error = await written;
      if (error) throw error;
    } finally {
      socket.close();
      if (!this.closed) await release().catch(() => undefined);
      await written;
    }
  }

  /** Explains a statement without running it. */
  async explain(sql: string): Promise<Explanation> {
    return this.call(() => this.java.explain(Buffer.from(sql, 'utf8')), Explanation, 'explanation', 'explaining the query');
  }

  /**
   * Inspects one database's tables and views (or only `tables`): columns with their types
   * normalized through Calcite, keys, foreign keys and indexes, in a fixed number of catalog
   * round trips. An unpinned database with several schemas needs `namespace`.
   *
   * @example
   * const snapshot = await engine.inspect('shop');
   * snapshot.tables.map((t) => t.name) // ['customers', 'orders']
   */
  async inspect(database: string, namespace?: string, tables?: readonly string[]): Promise<Snapshot> {
    const request = encode({ database, namespace: namespace ?? null, tables: tables ?? null });
    return this.call(() => this.java.inspect(request), Snapshot, 'snapshot', `inspecting database '${database}'`);
  }

  /** The names of one database's tables and views, without inspecting them (one round trip). */
  async tables(database: string, namespace?: string): Promise<TableList> {
    const request = encode({ database, namespace: namespace ?? null });
    return this.call(() => this.java.tables(request), TableList, 'table list', `listing the tables of database '${database}'`);
  }

  /**
   * The bytes on disk of one database's tables, as its engine reports them (one query); a table
   * left out is one whose size the engine cannot tell.
   */
  async tableBytes(database: string, namespace?: string): Promise<TableBytes> {
    const request = encode({ database, namespace: namespace ?? null });
    return this.call(() => this.java.tableBytes(request), TableBytes, 'table sizes', `reading the table sizes of database '${database}'`);
  }

  /** Opens (and closes) a fresh connection to one database. */
  async ping(database: string): Promise<Ping> {
    return this.call(() => this.java.ping(Buffer.from(database, 'utf8')), Ping, 'connection check', `connecting to database '${database}'`);
  }

  /**
   * Creates a JVM-side table copy (`dev.ferry.wire.CopyTask`) from its JSON request; wrapped by
   * `CopyHandle` in `copy-handle.ts`. A read-only target is refused here.
   */
  async copyJob(request: Buffer): Promise<unknown> {
    try {
      return await this.java.copyJob(request);
    } catch (e) {
      throw toFerryError(e, 'planning a copy');
    }
  }

  /** Passes a JSON `CopyFinish` to the JVM's `finishCopy`, which tidies the target after a copy. */
  async finishCopy(request: Buffer): Promise<void> {
    try {
      await this.java.finishCopy(request);
    } catch (e) {
      throw toFerryError(e, 'tidying the checkpoints of a finished copy');
    }
  }

  /**
   * Plans a migration in the JVM (`dev.ferry.wire.MigrationTask`) from its JSON request; wrapped
   * by `MigrationHandle` in `migration-handle.ts`.
   */
  async migration(request: Buffer): Promise<unknown> {
    try {
      return await this.java.migration(request);
    } catch (e) {
      throw toFerryError(e, 'planning the migration');
    }
  }

  /** Passes a JSON request to the JVM's `copyRequest` check and returns its JSON answer undecoded. */
  /** Creates a JVM-side task (`backupJob`, `restoreJob`, `syncJob`) from its JSON request. */
  async task(method: 'backupJob' | 'restoreJob' | 'syncJob', request: Buffer, doing: string): Promise<unknown> {
    try {
      return await this.java[method](request);
    } catch (e) {
      throw toFerryError(e, doing);
    }
  }

  /** Calls a JVM-side sync command (`syncStatus`, `syncDrop`) with its JSON request; its JSON answer. */
  async syncCall(method: 'syncStatus' | 'syncDrop', request: Buffer, doing: string): Promise<Buffer> {
    try {
      return await this.java[method](request);
    } catch (e) {
      throw toFerryError(e, doing);
    }
  }

  /** The JVM's check of a backup database's files, as JSON bytes. */
  async checkBackupRaw(name: string, jobs: number): Promise<Buffer> {
    try {
      return await this.java.checkBackup(Buffer.from(name, 'utf8'), jobs);
    } catch (e) {
      throw toFerryError(e, `checking the files of backup '${name}'`);
    }
  }

  copyRequestRaw(request: Buffer): Promise<Buffer> {
    return this.java.copyRequest(request);
  }

  /**
   * Passes a JSON request to the JVM's `Engine.verify` and returns its JSON answer undecoded;
   * `verifyTable` in verify-handle.ts builds the request and decodes the answer and errors.
   */
  verifyRaw(request: Buffer): Promise<Buffer> {
    return this.java.verify(request);
  }

  /** Closes every result and connection; safe to call twice. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    try {
      await this.java.close();
    } catch (e) {
      throw toFerryError(e, 'closing the engine');
    }
  }

  /**
   * Synchronous close for exit paths where no promise can settle: every connection is cut at
   * once (a statement waiting on a lock ends now and the server rolls its transaction back),
   * then the JVM closes what it holds, waiting at most two seconds.
   */
  closeSync(): void {
    if (this.closed) return;
    this.closed = true;
    this.java.closeNowSync();
  }

  private async call<S extends z.ZodType>(f: () => Promise<Buffer>, schema: S, what: string, doing: string): Promise<z.output<S>> {
    let bytes: Buffer;
    try {
      bytes = await f();
    } catch (e) {
      throw toFerryError(e, doing);
    }
    return decode(schema, bytes, what);
  }
}
