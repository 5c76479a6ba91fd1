import { resolve } from 'node:path';
import type { Table } from 'apache-arrow';
import { readIpcChunks, tableRows, type ExactRow } from '../arrow/index.js';
import { BackupHandle, checkBackup, CopyHandle, EngineHandle, MigrationHandle, RestoreHandle, SyncHandle, syncDrop, syncStatus, type EngineDatabase, type Wire } from '../bridge/index.js';
import { absolutizeUrl, validateConfig, type FerryConfigInput, type LoadedConfig } from '../config/index.js';
import { FerryError, registerSecrets, urlSecrets } from '../errors/index.js';
import type { SchemaSnapshot } from '../schema/model.js';
import { SNAPSHOT_FORMAT } from '../schema/snapshot-file.js';
import { verifyTable } from '../bridge/index.js';
import type { VerifyReport, VerifyRequest } from '../verify/verify-report.js';
import { track, untrack } from './lifecycle.js';
import { unknownDatabase } from './refs.js';

/** What Calcite will run: its physical plan and the SQL each database receives. */
export type ExplainResult = Readonly<Wire.Explanation>;

/** The figures of one query's run: plan, planning and execution time, rows read from each source. */
export type Analysis = Readonly<Wire.Analysis>;

/** A query's result and the figures of the run that produced it (see {@link Ferry.analyze}). */
export interface AnalyzeResult {
  /** The result, as {@link Ferry.query} returns it. */
  readonly table: Table;
  /** How the run went: planning vs execution time, and rows read from each database. */
  readonly analysis: Analysis;
}

/** What answered a connection check, and the dialect that serves it. */
export type PingResult = Readonly<Wire.Ping>;

/** One table copy as the JVM takes it (`from`, `to`, `table` and options). */
export type CopyRequest = Wire.CopyRequest;

/** Options for {@link Ferry.open}. */
export interface OpenOptions {
  /** Folder that relative paths in the config resolve against (default: the working directory). */
  readonly baseDir?: string;
  /**
   * Close every connection on SIGINT and SIGTERM, then re-raise the signal (default false: the
   * application owns its signals; connections are closed on `close()` and on normal exit
   * either way).
   */
  readonly handleSignals?: boolean;
}

/**
 * Turns a validated config into what the JVM needs: absolute file URLs, secrets included.
 * Kept separate so the CLI and tests can see the mapping without a JVM.
 */
export function engineDatabases(loaded: LoadedConfig): EngineDatabase[] {
  return Object.entries(loaded.config.databases).map(([name, db]) => {
    registerSecrets([db.password, ...urlSecrets(db.url ?? '')]);
    return {
      name,
      url: absolutizeUrl(db.url ?? '', loaded.baseDir),
      user: db.user,
      password: db.password,
      schema: db.schema,
      readOnly: db.readOnly,
      fetchSize: db.fetchSize,
    };
  });
}

function isLoaded(c: FerryConfigInput | LoadedConfig): c is LoadedConfig {
  return 'config' in c && 'baseDir' in c;
}

/**
 * Several JDBC databases in one SQL namespace, queried through Apache Calcite.
 *
 * @example
 * const ferry = await Ferry.open({ databases: { shop: { url: 'jdbc:sqlite:./shop.db' } } });
 * try {
 *   const table = await ferry.query('SELECT COUNT(*) AS n FROM shop.orders');
 * } finally {
 *   await ferry.close();
 * }
 */
export class Ferry {
  private closed = false;

  private constructor(
    private readonly engine: EngineHandle,
    /** The validated config this instance runs with. */
    readonly loaded: LoadedConfig,
  ) {}

  /**
   * Validates the config, starts the JVM if this process has none, and opens the engine.
   * Databases connect on first use, so one that is down only fails the queries that touch it.
   */
  static async open(config: FerryConfigInput | LoadedConfig, options: OpenOptions = {}): Promise<Ferry> {
    const loaded = isLoaded(config) ? config : validateConfig(config, options.baseDir ?? process.cwd());
    const drivers = loaded.config.drivers ? resolve(loaded.baseDir, loaded.config.drivers) : undefined;
    const engine = await EngineHandle.open(engineDatabases(loaded), drivers);
    const ferry = new Ferry(engine, loaded);
    track(ferry, options.handleSignals ?? false);
    return ferry;
  }

  /** The configured database names (those whose entry is usable; see {@link unusable}). */
  get databases(): string[] {
    return Object.keys(this.loaded.config.databases);
  }

  /**
   * Why a configured database cannot be used (its entry names an unset `${VAR}`), or undefined:
   * only commands that use it fail, with this error.
   */
  unusable(database: string): FerryError | undefined {
    const all = this.loaded.unusable ?? {};
    const name = Object.keys(all).find((n) => n.toLowerCase() === database.toLowerCase());
    return name === undefined ? undefined : all[name];
  }

  /** Every configured database, usable or not. */
  get configured(): string[] {
    return [...this.databases, ...Object.keys(this.loaded.unusable ?? {})];
  }

  /**
   * Runs one SQL statement and returns its result as an Arrow table. Statements that change rows
   * return one BIGINT column `ROWCOUNT`.
   */
  async query(sql: string): Promise<Table> {
    try {
      return await readIpcChunks(this.queryChunks(sql));
    } catch (e) {
      throw this.whyNotFound(e);
    }
  }

  /**
   * Runs one SQL statement and returns its rows as plain objects keyed by column label, with the
   * exact values `ferry query` prints: BIGINT as `bigint`, DECIMAL as a string with its scale,
   * DATE/TIME/TIMESTAMP as text to the microsecond, binary as `Uint8Array`, NULL as `null`
   * (see {@link ExactRow}). Use {@link query} for an Arrow table instead.
   *
   * @example
   * const [order] = await ferry.rows('SELECT id, total, placed_at FROM shop.orders WHERE id = 1');
   * // { id: 1n, total: '42861428.70', placed_at: '2024-02-29 12:34:56.123456' }
   */
  async rows(sql: string): Promise<ExactRow[]> {
    return tableRows(await this.query(sql));
  }

  /** Runs one statement and yields its result as Arrow IPC stream bytes as they arrive from the JVM. */
  queryChunks(sql: string): AsyncGenerator<Uint8Array, void, undefined> {
    this.checkOpen();
    return this.engine.query(sql);
  }

  /** Calcite's physical plan and the SQL each database would run, without running it. */
  async explain(sql: string): Promise<ExplainResult> {
    this.checkOpen();
    try {
      return await this.engine.explain(sql);
    } catch (e) {
      throw this.whyNotFound(e);
    }
  }

  /**
   * Runs one query and returns its result with the figures of the run, like PostgreSQL's
   * `EXPLAIN ANALYZE`: the plan, planning time (until the statement is ready to run), execution
   * time (until its last row reached Node), and per statement sent to a database its SQL,
   * Calcite's row estimate and the rows actually read. Statements that change data are refused.
   *
   * @example
   * const { table, analysis } = await ferry.analyze('SELECT c.name, o.total FROM crm.customers c JOIN shop.orders o ON o.customer_id = c.id');
   * analysis.queries.map((q) => `${q.database}: ${q.rowsRead} rows`) // ['crm: 120 rows', 'shop: 3400 rows']
   */
  async analyze(sql: string): Promise<AnalyzeResult> {
    const [table, analysis] = await this.analyzed(sql, readIpcChunks);
    return { table, analysis };
  }

  /**
   * Runs one query as {@link analyze} does but drops its rows as they arrive, so a large result
   * is never held in memory: what `ferry query --analyze` prints.
   */
  async analyzeOnly(sql: string): Promise<Analysis> {
    const [, analysis] = await this.analyzed(sql, async (chunks) => {
      for await (const bytes of chunks) void bytes;
    });
    return analysis;
  }

  private async analyzed<T>(sql: string, read: (chunks: AsyncGenerator<Uint8Array, void, undefined>) => Promise<T>): Promise<[T, Analysis]> {
    this.checkOpen();
    try {
      const run = await this.engine.analyze(sql);
      const value = await read(run.chunks);
      return [value, await run.analysis()];
    } catch (e) {
      throw this.whyNotFound(e);
    }
  }

  /** A "database not found" error about an unusable entry, replaced by why it is unusable. */
  private whyNotFound(e: unknown): unknown {
    if (e instanceof FerryError && e.code === 'SQL_VALIDATION' && typeof e.meta.object === 'string') return this.unusable(e.meta.object) ?? e;
    return e;
  }

  /** Connects to one configured database and reports what answered. */
  async ping(database: string): Promise<PingResult> {
    this.checkOpen();
    const unusable = this.unusable(database);
    if (unusable) throw unusable;
    if (!this.databases.includes(database)) {
      throw unknownDatabase(database, this.databases);
    }
    return this.engine.ping(database);
  }

  /**
   * Inspects one database's tables, columns, keys, indexes and views (no data statistics).
   * `namespace` picks the schema of a database whose entry does not pin one.
   */
  async inspect(database: string, namespace?: string, tables?: readonly string[]): Promise<SchemaSnapshot> {
    this.checkOpen();
    const s = await this.engine.inspect(database, namespace, tables);
    if (s.format !== SNAPSHOT_FORMAT) throw new FerryError('JVM_ERROR', `the JVM answered with a snapshot of format ${s.format}, not ${SNAPSHOT_FORMAT}; rebuild with \`npm run build\``);
    return { ...s, format: SNAPSHOT_FORMAT };
  }

  /** The names of one database's tables and views, listed without inspecting them. */
  async tableNames(database: string, namespace?: string): Promise<{ readonly tables: readonly string[]; readonly views: readonly string[] }> {
    this.checkOpen();
    return this.engine.tables(database, namespace);
  }

  /**
   * The bytes on disk of one database's tables (data and indexes), by table name, in one query;
   * a table left out is one whose size its engine cannot tell.
   */
  async tableBytes(database: string, namespace?: string): Promise<Readonly<Record<string, number>>> {
    this.checkOpen();
    return (await this.engine.tableBytes(database, namespace)).bytes;
  }

  /** Checks a copy request on the JVM and returns it with every default filled in. */
  async checkCopy(request: CopyRequest): Promise<Wire.ResolvedCopyRequest> {
    this.checkOpen();
    return CopyHandle.check(this.engine, request);
  }

  /** Creates a table copy job in the JVM (see {@link copy} for how it is driven). */
  async copyJob(request: CopyRequest): Promise<CopyHandle> {
    this.checkOpen();
    return CopyHandle.open(this.engine, request);
  }

  /**
   * Tidies the target once every table of a copy completed (`targets` as the copies' results
   * name them): checkpoints that would otherwise stay beside the user's tables go.
   */
  async finishCopy(request: CopyRequest, targets: readonly string[]): Promise<void> {
    this.checkOpen();
    await CopyHandle.finish(this.engine, { request, targets: [...targets] });
  }

  /** Plans a migration in the JVM; the handle runs its structure phases (see {@link migrate}). */
  async migration(request: Wire.MigrationRequest): Promise<MigrationHandle> {
    this.checkOpen();
    return MigrationHandle.open(this.engine, request);
  }

  /** Creates a backup job in the JVM (see {@link backup} for how it is driven). */
  async backupJob(request: Wire.BackupRequest): Promise<BackupHandle> {
    this.checkOpen();
    return BackupHandle.open(this.engine, request);
  }

  /** Opens a sync in the JVM (see {@link sync} for how it is driven). */
  async syncJob(request: Wire.SyncRequest): Promise<SyncHandle> {
    this.checkOpen();
    return SyncHandle.open(this.engine, request);
  }

  /** Where the sync between two databases stands (see `ferry sync status`). */
  async syncStatus(request: Wire.SyncRequest): Promise<Wire.SyncStatus> {
    this.checkOpen();
    return syncStatus(this.engine, request);
  }

  /** Removes what the sync between two databases made (see `ferry sync --drop`). */
  async syncDrop(request: Wire.SyncRequest): Promise<Wire.SyncDropped> {
    this.checkOpen();
    return syncDrop(this.engine, request);
  }

  /** Creates the load of one table of a restore in the JVM (see {@link restore}). */
  async restoreJob(request: Wire.RestoreRequest): Promise<RestoreHandle> {
    this.checkOpen();
    return RestoreHandle.open(this.engine, request);
  }

  /** Proves every file of the backup database `name` present and intact (size, SHA-256). */
  async checkBackup(name: string, jobs = 2): Promise<Wire.BackupCheck> {
    this.checkOpen();
    return checkBackup(this.engine, name, jobs);
  }

  /** Compares one table in two databases inside the JVM (see {@link verify}). */
  async verifyTable(request: VerifyRequest): Promise<VerifyReport> {
    this.checkOpen();
    return verifyTable(this.engine, request);
  }

  /** Closes every connection Ferry opened; safe to call twice. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    untrack(this);
    await this.engine.close();
  }

  /** Synchronous close, for exit and signal handlers. */
  closeSync(): void {
    if (this.closed) return;
    this.closed = true;
    untrack(this);
    this.engine.closeSync();
  }

  private checkOpen(): void {
    if (this.closed) throw new FerryError('CLOSED', 'this Ferry instance has been closed; open a new one with Ferry.open()');
  }
}
