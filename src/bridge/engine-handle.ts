import type { SchemaSnapshot } from '../schema/model.js';
import { toFerryError } from './java-error.js';
import { ResultSocket } from './result-socket.js';
import { startJvm } from './jvm.js';

/** Rows per Arrow record batch sent from the JVM. */
export const DEFAULT_BATCH_ROWS = 65_536;

interface JavaChunks {
  streamTo(socketPath: Buffer): Promise<bigint>;
}
interface JavaEngine {
  query(sql: Buffer, batchRows: number): Promise<JavaChunks>;
  explain(sql: Buffer): Promise<Buffer>;
  inspect(request: Buffer): Promise<Buffer>;
  ping(name: Buffer): Promise<Buffer>;
  verify(request: Buffer): Promise<Buffer>;
  release(chunks: JavaChunks): Promise<void>;
  copyJob(request: Buffer): Promise<unknown>;
  close(): Promise<void>;
  closeSync(): void;
}
interface JavaEngineClass {
  open(config: Buffer): Promise<JavaEngine>;
}

/** One database as the JVM side needs it (absolute URLs, secrets included). */
export interface EngineDatabase {
  readonly name: string;
  readonly url: string;
  readonly user?: string | undefined;
  readonly password?: string | undefined;
  readonly schema?: string | undefined;
  readonly readOnly: boolean;
  readonly fetchSize: number;
}

/** What Calcite will run: its physical plan and the SQL each database receives. */
export interface ExplainResult {
  /** Calcite's physical plan, one operator per line. */
  readonly plan: string;
  /** The SQL pushed into each database, in plan order. */
  readonly queries: readonly { readonly database: string | null; readonly sql: string }[];
}

/** The JVM's answer to a connection check. */
export interface PingResult {
  readonly database: string;
  readonly product: string;
  readonly productVersion: string;
  readonly driver: string;
  readonly millis: number;
}

/**
 * Node's handle on the Java `dev.ferry.Engine`: the only place queries cross the bridge.
 * All database work goes through java-bridge's async API; text travels as UTF-8 bytes because
 * the bridge's string conversion mangles characters outside the BMP.
 */
export class EngineHandle {
  private closed = false;

  private constructor(private readonly java: JavaEngine) {}

  /**
   * Starts the JVM if needed and opens an engine over the given databases (nothing connects yet).
   *
   * @example
   * const engine = await EngineHandle.open([{ name: 'shop', url: 'jdbc:sqlite:/tmp/shop.db', readOnly: false, fetchSize: 10000 }]);
   */
  static async open(databases: readonly EngineDatabase[], driversDir?: string): Promise<EngineHandle> {
    const java = startJvm(driversDir);
    try {
      const Engine = (await java.importClassAsync('dev.ferry.wire.Engine')) as JavaEngineClass;
      const engine = await Engine.open(Buffer.from(JSON.stringify({ databases }), 'utf8'));
      return new EngineHandle(engine);
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
      if (!this.closed) await this.java.release(chunks).catch(() => undefined);
      await written;
    }
  }

  /** Explains a statement without running it. */
  async explain(sql: string): Promise<ExplainResult> {
    try {
      return JSON.parse((await this.java.explain(Buffer.from(sql, 'utf8'))).toString('utf8')) as ExplainResult;
    } catch (e) {
      throw toFerryError(e, 'explaining the query');
    }
  }

  /**
   * Inspects every table and view of one database: columns with their types normalized through
   * Calcite, keys, foreign keys and indexes, in a fixed number of catalog round trips. An unpinned
   * database with several schemas needs `namespace`.
   *
   * @example
   * const snapshot = await engine.inspect('shop');
   * snapshot.tables.map((t) => t.name) // ['customers', 'orders']
   */
  async inspect(database: string, namespace?: string): Promise<SchemaSnapshot> {
    try {
      const request = Buffer.from(JSON.stringify({ database, namespace: namespace ?? null }), 'utf8');
      return JSON.parse((await this.java.inspect(request)).toString('utf8')) as SchemaSnapshot;
    } catch (e) {
      throw toFerryError(e, `inspecting database '${database}'`);
    }
  }

  /** Opens (and closes) a fresh connection to one database. */
  async ping(database: string): Promise<PingResult> {
    try {
      return JSON.parse((await this.java.ping(Buffer.from(database, 'utf8'))).toString('utf8')) as PingResult;
    } catch (e) {
      throw toFerryError(e, `connecting to database '${database}'`);
    }
  }

  /**
   * Creates a JVM-side table copy (`dev.ferry.CopyJob`) from its JSON request; wrapped by
   * `CopyHandle` in `copy-handle.ts`. A read-only target is refused here.
   */
  async copyJob(requestJson: string): Promise<unknown> {
    try {
      return await this.java.copyJob(Buffer.from(requestJson, 'utf8'));
    } catch (e) {
      throw toFerryError(e, 'planning a copy');
    }
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

  /** Synchronous close for exit paths where no promise can settle. */
  closeSync(): void {
    if (this.closed) return;
    this.closed = true;
    this.java.closeSync();
  }
}
