// Generated from the Java message records by dev.ferry.wire.TypeScriptContract;
// do not edit. `npm run build:java` writes it; a Java unit test fails when it is stale.
import { z } from 'zod';

/** One configured database as Node hands it over: a name, a JDBC URL and how to treat it. */
export const DatabaseSpec = z.strictObject({
  /** how SQL addresses the database */
  name: z.string(),
  /** its JDBC URL */
  url: z.string(),
  /** the user, when the URL does not carry one */
  user: z.string().nullable().optional(),
  /** the password; never shown (see `scrub`) */
  password: z.string().nullable().optional(),
  /** the one schema (or MariaDB database) it is pinned to, or null */
  schema: z.string().nullable().optional(),
  /** whether Ferry must never write to it */
  readOnly: z.boolean().optional(),
  /** rows per round trip when streaming */
  fetchSize: z.number().int().min(0).optional(),
});
/** One configured database as Node hands it over: a name, a JDBC URL and how to treat it. */
export type DatabaseSpec = z.input<typeof DatabaseSpec>;
/** The JVM's defaults for what a `DatabaseSpec` leaves out (the only place they are written is the Java record). */
export const databaseSpecDefaults = {
  readOnly: false,
  fetchSize: 10000,
} as const;

/** Opens an engine over the configured databases. */
export const OpenRequest = z.strictObject({
  /** every configured database, secrets included */
  databases: z.array(DatabaseSpec),
});
/** Opens an engine over the configured databases. */
export type OpenRequest = z.input<typeof OpenRequest>;

/** Inspects one database's tables and views. */
export const InspectRequest = z.strictObject({
  /** the configured database */
  database: z.string(),
  /** its schema, when its entry does not pin one and it has several */
  namespace: z.string().nullable().optional(),
  /** only these tables (null: every table and view) */
  tables: z.array(z.string()).nullable().optional(),
});
/** Inspects one database's tables and views. */
export type InspectRequest = z.input<typeof InspectRequest>;

/** How rows arrive in a target table that may already hold some. */
export const CopyMode = z.enum(['append', 'replace', 'upsert', 'incremental']);
export type CopyMode = z.infer<typeof CopyMode>;

/** One table copy as Node asks for it; the defaults here are the only ones (Node's help texts read them from the generated contract). */
export const CopyRequest = z.strictObject({
  /** source database name */
  from: z.string(),
  /** target database name */
  to: z.string(),
  /** source table name */
  table: z.string(),
  /** target table name (null: the source's) */
  targetTable: z.string().nullable().optional(),
  /** source schema/catalog, when the database is not pinned to one */
  fromNamespace: z.string().nullable().optional(),
  /** target schema/catalog, likewise */
  toNamespace: z.string().nullable().optional(),
  /** a Calcite SQL condition on the source table's columns, or null */
  where: z.string().nullable().optional(),
  /** how rows arrive in the target */
  mode: CopyMode.optional(),
  /** the column an incremental copy follows (required then, refused otherwise) */
  watermark: z.string().nullable().optional(),
  /** create the target table when it is missing */
  create: z.boolean().optional(),
  /** rows per chunk (per committed transaction) */
  chunkRows: z.number().int().min(1).optional(),
  /** chunks written at once, each on a target connection of its own */
  parallel: z.number().int().min(1).optional(),
  /** continue after the last committed chunk */
  resume: z.boolean().optional(),
  /** plan only */
  dryRun: z.boolean().optional(),
  /** a JSON file holding checkpoints instead of a table in the target */
  stateFile: z.string().nullable().optional(),
  /** the JSON file to keep checkpoints in when the target cannot hold a `ferry_checkpoint` table, or null to fail then */
  fallbackStateFile: z.string().nullable().optional(),
  /** what checkpoints are filed under (null: `from->to`) */
  job: z.string().nullable().optional(),
  /** how target columns get their values: target column → Calcite SQL expression over the source table's columns; when given (even empty) the copy fills the columns the target table has, each from its expression, else from the source column of its name, else by its default (null: every source column into the target column of its name) */
  columns: z.record(z.string(), z.string()).nullable().optional(),
  /** the target schema/catalog holding the `ferry_checkpoint` table (null: Ferry's own `ferry` namespace, created when missing, where the target has namespaces and the user may create it, else the target table's own) */
  checkpointNamespace: z.string().nullable().optional(),
  /** hash the source rows as they load, as `verify` would hash them read back from the source, so a verification asked with `fromLoad` reads only the target; done where the source computes no checksums itself and the rows are read as typed values */
  hashForVerify: z.boolean().optional(),
});
/** One table copy as Node asks for it; the defaults here are the only ones (Node's help texts read them from the generated contract). */
export type CopyRequest = z.input<typeof CopyRequest>;
/** The JVM's defaults for what a `CopyRequest` leaves out (the only place they are written is the Java record). */
export const copyRequestDefaults = {
  mode: 'append',
  create: false,
  chunkRows: 100000,
  parallel: 2,
  resume: false,
  dryRun: false,
  hashForVerify: false,
} as const;

/** What Node sends once every table of a `ferry copy` completed, so that the target keeps no checkpoint table beside the user's tables that nothing needs any more (`CopyJob#finish`). */
export const CopyFinish = z.strictObject({
  /** the copy's request (that of any of its tables: they share target, job and mode) */
  request: CopyRequest,
  /** the target tables copied, as each copy's result names them */
  targets: z.array(z.string()),
});
/** What Node sends once every table of a `ferry copy` completed, so that the target keeps no checkpoint table beside the user's tables that nothing needs any more (`CopyJob#finish`). */
export type CopyFinish = z.input<typeof CopyFinish>;

/** What Node asks `Verifier` to compare: one table of `from` against one of `to`. */
export const VerifyRequest = z.strictObject({
  /** the source database */
  from: z.string(),
  /** the target database */
  to: z.string(),
  /** the source table */
  table: z.string(),
  /** the target table (null: the source's name) */
  targetTable: z.string().nullable().optional(),
  /** rows per checksum chunk */
  chunkRows: z.number().int().min(1).optional(),
  /** the source's schema, when its database is not pinned to one */
  fromNamespace: z.string().nullable().optional(),
  /** the target's schema, likewise */
  toNamespace: z.string().nullable().optional(),
  /** how target columns are computed from the source's (target column → Calcite SQL over the source table's columns), as the copy did; null: columns are matched by name */
  columns: z.record(z.string(), z.string()).nullable().optional(),
  /** a Calcite SQL condition: only source rows matching it are compared (as copied) */
  where: z.string().nullable().optional(),
  /** compare the target with the source checksums the copy that loaded this table took in this session (`hashForVerify`), reading only the target; without them (the copy took none, or resumed after chunks of an earlier run) the source is read as usual; a backup restored into its source's engine is compared with the checksum its manifest recorded of the table, likewise reading only the target (the restore proved its files intact first) */
  fromLoad: z.boolean().optional(),
});
/** What Node asks `Verifier` to compare: one table of `from` against one of `to`. */
export type VerifyRequest = z.input<typeof VerifyRequest>;
/** The JVM's defaults for what a `VerifyRequest` leaves out (the only place they are written is the Java record). */
export const verifyRequestDefaults = {
  chunkRows: 100000,
  fromLoad: false,
} as const;

/** Native SQL for one database, run outside Calcite in one transaction (demo and test set-up). */
export const ScriptRequest = z.strictObject({
  /** the JDBC URL */
  url: z.string(),
  /** the user, or null */
  user: z.string().nullable().optional(),
  /** the password, or null; never shown */
  password: z.string().nullable().optional(),
  /** the statements, in order */
  statements: z.array(z.string()),
});
/** Native SQL for one database, run outside Calcite in one transaction (demo and test set-up). */
export type ScriptRequest = z.input<typeof ScriptRequest>;

/** One statement and where it starts in its file. */
export const ValidateRequestStatement = z.strictObject({
  /** the statement */
  sql: z.string(),
  /** its first line in the file */
  line: z.number().int(),
  /** its first column there */
  column: z.number().int(),
});
/** One statement and where it starts in its file. */
export type ValidateRequestStatement = z.input<typeof ValidateRequestStatement>;

/** Statements to validate against a schema snapshot, without running them. */
export const ValidateRequest = z.strictObject({
  /** the snapshot (as `ferry snapshot` writes it; statistics are ignored) */
  snapshot: z.unknown(),
  /** the statements */
  statements: z.array(ValidateRequestStatement),
});
/** Statements to validate against a schema snapshot, without running them. */
export type ValidateRequest = z.input<typeof ValidateRequest>;

/** How one target table gets its rows in a migration (one entry of a mapping file). */
export const TableMapping = z.strictObject({
  /** the source table (null: the target's name) */
  from: z.string().nullable().optional(),
  /** only source rows matching this Calcite SQL condition */
  where: z.string().nullable().optional(),
  /** target column → Calcite SQL expression over the source table's columns; other target columns take the source column of their name, else their default */
  columns: z.record(z.string(), z.string()).nullable().optional(),
  /** leave this table alone */
  skip: z.boolean().optional(),
});
/** How one target table gets its rows in a migration (one entry of a mapping file). */
export type TableMapping = z.input<typeof TableMapping>;
/** The JVM's defaults for what a `TableMapping` leaves out (the only place they are written is the Java record). */
export const tableMappingDefaults = {
  skip: false,
} as const;

/** What to migrate. */
export const MigrationRequest = z.strictObject({
  /** source database name */
  from: z.string(),
  /** target database name */
  to: z.string(),
  /** source schema/catalog, when the database is not pinned to one */
  fromNamespace: z.string().nullable().optional(),
  /** target schema/catalog, likewise */
  toNamespace: z.string().nullable().optional(),
  /** source tables to migrate, as names or `*` patterns (null: every table) */
  tables: z.array(z.string()).nullable().optional(),
  /** source tables to leave out, as names or `*` patterns */
  exclude: z.array(z.string()).nullable().optional(),
  /** per target table, where its rows come from and how its columns are computed (an upgrade into tables the new version's schema already has) */
  mapping: z.record(z.string(), TableMapping).nullable().optional(),
  /** continue an interrupted migration: existing target tables are loaded from their last checkpoint and their missing structure added */
  resume: z.boolean().optional(),
  /** how many connections the structure after the load may use at once (indexes and foreign-key checks of different tables side by side, where the target allows it) */
  jobs: z.number().int().optional(),
});
/** What to migrate. */
export type MigrationRequest = z.input<typeof MigrationRequest>;
/** The JVM's defaults for what a `MigrationRequest` leaves out (the only place they are written is the Java record). */
export const migrationRequestDefaults = {
  resume: false,
  jobs: 1,
} as const;

/** What to back up and how. */
export const BackupRequest = z.strictObject({
  /** the configured database to back up */
  database: z.string(),
  /** its schema (or MariaDB database), when the entry is not pinned to one */
  namespace: z.string().nullable().optional(),
  /** tables to back up, as names or `*` patterns (null: every table) */
  tables: z.array(z.string()).nullable().optional(),
  /** tables to leave out, as names or `*` patterns */
  exclude: z.array(z.string()).nullable().optional(),
  /** the backup folder: new, or empty */
  output: z.string(),
  /** tables read side by side, all from one snapshot */
  jobs: z.number().int().min(1).optional(),
  /** `zstd` or `none` */
  compress: z.string().optional(),
  /** the key (64 hex digits) or passphrase (16 characters or more) that encrypts the files; null: not encrypted. Never written anywhere, and hidden from `toString` */
  secret: z.string().nullable().optional(),
  /** rows per chunk file at most */
  chunkRows: z.number().int().min(1).optional(),
});
/** What to back up and how. */
export type BackupRequest = z.input<typeof BackupRequest>;
/** The JVM's defaults for what a `BackupRequest` leaves out (the only place they are written is the Java record). */
export const backupRequestDefaults = {
  jobs: 1,
  compress: 'zstd',
  chunkRows: 1000000,
} as const;

/** One table of a restore: its rows loaded from a backup's chunk files into the table the restore's structure phase created. */
export const RestoreRequest = z.strictObject({
  /** the backup, as a configured (or ad-hoc) database */
  from: z.string(),
  /** the target database */
  to: z.string(),
  /** the target's schema, when its entry is not pinned to one */
  toNamespace: z.string().nullable().optional(),
  /** the table's name in the backup */
  table: z.string(),
  /** its name in the target */
  targetTable: z.string(),
  /** the checkpoints' job name (the migration plan's) */
  job: z.string(),
  /** where the checkpoints are (the migration plan's) */
  checkpointNamespace: z.string().nullable().optional(),
  /** continue after the last committed file */
  resume: z.boolean().optional(),
});
/** One table of a restore: its rows loaded from a backup's chunk files into the table the restore's structure phase created. */
export type RestoreRequest = z.input<typeof RestoreRequest>;
/** The JVM's defaults for what a `RestoreRequest` leaves out (the only place they are written is the Java record). */
export const restoreRequestDefaults = {
  resume: false,
} as const;

/** One sync as Node asks for it: which tables of which source follow into which target. */
export const SyncRequest = z.strictObject({
  /** source database name */
  from: z.string(),
  /** target database name */
  to: z.string(),
  /** source schema/catalog, when the database is not pinned to one */
  fromNamespace: z.string().nullable().optional(),
  /** target schema/catalog, likewise */
  toNamespace: z.string().nullable().optional(),
  /** the source tables to follow (each into the target table of its name); empty for `sync status` and `sync --drop`, which act on the job as it stands */
  tables: z.array(z.string()),
  /** stop, successfully, once every change committed on the source before the stream started is applied */
  untilCaughtUp: z.boolean().optional(),
  /** the watchdog: a stream that delivers nothing, not even a heartbeat, for this long while it should fails with `SYNC_STALLED` */
  stallSeconds: z.number().int().min(1).optional(),
  /** at most this many changes in one applied target transaction */
  batchRows: z.number().int().min(1).optional(),
});
/** One sync as Node asks for it: which tables of which source follow into which target. */
export type SyncRequest = z.input<typeof SyncRequest>;
/** The JVM's defaults for what a `SyncRequest` leaves out (the only place they are written is the Java record). */
export const syncRequestDefaults = {
  untilCaughtUp: false,
  stallSeconds: 120,
  batchRows: 5000,
} as const;

/** One statement pushed into one database. */
export const ExplanationQuery = z.strictObject({
  /** the configured database that runs it (null when it cannot be told) */
  database: z.string().nullable(),
  /** the SQL it runs */
  sql: z.string(),
  /** Calcite's estimate of the rows it returns (its metadata's guess: a table without statistics counts as 100 rows), null when unknown */
  estimatedRows: z.number().int().nullable(),
});
/** One statement pushed into one database. */
export type ExplanationQuery = z.output<typeof ExplanationQuery>;

/** What Calcite will run for a statement, without running it. */
export const Explanation = z.strictObject({
  /** Calcite's physical plan, one operator per line */
  plan: z.string(),
  /** the SQL each database receives, in plan order */
  queries: z.array(ExplanationQuery),
});
/** What Calcite will run for a statement, without running it. */
export type Explanation = z.output<typeof Explanation>;

/** One statement sent to one database, and what it returned. */
export const AnalysisSourceRead = z.strictObject({
  /** the configured database that ran it (null when it cannot be told) */
  database: z.string().nullable(),
  /** the SQL it ran */
  sql: z.string(),
  /** Calcite's estimate of the rows one execution returns (null when unknown) */
  estimatedRows: z.number().int().nullable(),
  /** how many times it ran (a subtree under a correlated join runs once per outer row) */
  executions: z.number().int(),
  /** the rows Ferry read from it, over every execution */
  rowsRead: z.number().int(),
});
/** One statement sent to one database, and what it returned. */
export type AnalysisSourceRead = z.output<typeof AnalysisSourceRead>;

/** What running one query took, like PostgreSQL's `EXPLAIN ANALYZE`: where the time went and how many rows each database sent, next to what Calcite expected. */
export const Analysis = z.strictObject({
  /** Calcite's physical plan, one operator per line */
  plan: z.string(),
  /** whether the query was pushed whole into one database and read straight from its driver */
  direct: z.boolean(),
  /** parsing, validating, optimizing and generating code: until the statement was ready to run */
  planningMs: z.number(),
  /** from starting the statement until its last row was handed over */
  executionMs: z.number(),
  /** the rows of the result */
  rows: z.number().int(),
  /** each statement sent to a database, in plan order */
  queries: z.array(AnalysisSourceRead),
});
/** What running one query took, like PostgreSQL's `EXPLAIN ANALYZE`: where the time went and how many rows each database sent, next to what Calcite expected. */
export type Analysis = z.output<typeof Analysis>;

/** The fastest path rows are written by. */
export const CapabilitiesBulkLoad = z.enum(['copy', 'load-data', 'appender', 'multi-row-insert', 'batch']);
export type CapabilitiesBulkLoad = z.infer<typeof CapabilitiesBulkLoad>;

/** What an engine calls a namespace. */
export const CapabilitiesNamespaces = z.enum(['schemas', 'catalogs', 'none']);
export type CapabilitiesNamespaces = z.infer<typeof CapabilitiesNamespaces>;

/** How an engine numbers rows by itself. */
export const CapabilitiesIdentityModel = z.enum(['sequence', 'auto-increment', 'rowid', 'generic']);
export type CapabilitiesIdentityModel = z.infer<typeof CapabilitiesIdentityModel>;

/** What one engine can do, as flags shared code decides by (and `ferry doctor` reports). */
export const Capabilities = z.strictObject({
  /** the fastest path rows are written by */
  bulkLoad: CapabilitiesBulkLoad,
  /** whether CREATE TABLE and friends roll back with the transaction */
  transactionalDdl: z.boolean(),
  /** whether several connections may load one table at once (SQLite allows one writer) */
  concurrentWriters: z.boolean(),
  /** whether merges (upserts) may run side by side: engines whose merges lock key gaps could make an earlier chunk wait on a later one that waits for its turn to commit, where no deadlock detector sees it */
  parallelMerge: z.boolean(),
  /** what a namespace is */
  namespaces: CapabilitiesNamespaces,
  /** how the engine numbers rows by itself */
  identity: CapabilitiesIdentityModel,
  /** whether declared lengths and precisions are enforced (SQLite's are not) */
  enforcesTypes: z.boolean(),
});
/** What one engine can do, as flags shared code decides by (and `ferry doctor` reports). */
export type Capabilities = z.output<typeof Capabilities>;

/** What answered a connection check. */
export const Ping = z.strictObject({
  /** the configured name */
  database: z.string(),
  /** the product name its driver reports */
  product: z.string(),
  /** the product version its driver reports */
  productVersion: z.string(),
  /** the driver's name and version */
  driver: z.string(),
  /** how long connecting took */
  millis: z.number().int(),
  /** the Ferry dialect serving it */
  dialect: z.string(),
  /** what that dialect can do */
  capabilities: Capabilities,
});
/** What answered a connection check. */
export type Ping = z.output<typeof Ping>;

/** The families schema comparison groups types into: a change within a family (INTEGER to BIGINT, VARCHAR(40) to VARCHAR(20)) is judged by size, a change across families by whether the values convert. */
export const TypeFamily = z.enum(['integer', 'decimal', 'float', 'boolean', 'char', 'binary', 'date', 'time', 'timestamp', 'timestamptz', 'interval', 'other']);
export type TypeFamily = z.infer<typeof TypeFamily>;

/** A column type as Calcite's type system normalizes it, in the shape schema snapshots store. */
export const LogicalType = z.strictObject({
  /** the comparison family */
  family: TypeFamily,
  /** Calcite's SqlTypeName, or the upper-cased native name for family `other` */
  sqlType: z.string(),
  /** length (null: unbounded), DECIMAL digits or fractional-second digits */
  precision: z.number().int().nullable(),
  /** DECIMAL scale, otherwise null */
  scale: z.number().int().nullable(),
  /** the human form, e.g. `DECIMAL(12, 2)` */
  display: z.string(),
});
/** A column type as Calcite's type system normalizes it, in the shape schema snapshots store. */
export type LogicalType = z.output<typeof LogicalType>;

/** One column. */
export const SnapshotColumn = z.strictObject({
  name: z.string(),
  /** 1-based, without the gaps dropped columns leave in PostgreSQL */
  position: z.number().int(),
  /** the type as the database spells it */
  nativeType: z.string(),
  type: LogicalType,
  nullable: z.boolean(),
  /** the default expression as reported, or null */
  default: z.string().nullable(),
  autoIncrement: z.boolean(),
  /** the column's comment; null when it has none */
  comment: z.string().nullable(),
  /** an enumerated type's values in declared order; null for other types */
  enumValues: z.array(z.string()).nullable(),
  /** the domain the column is declared with (PostgreSQL); `nativeType` and `type` are then its base type's; null for a column of a plain type */
  domain: z.string().nullable(),
});
/** One column. */
export type SnapshotColumn = z.output<typeof SnapshotColumn>;

/** A primary key or unique constraint; SQLite's have no name. */
export const SnapshotKey = z.strictObject({
  name: z.string().nullable(),
  columns: z.array(z.string()),
});
/** A primary key or unique constraint; SQLite's have no name. */
export type SnapshotKey = z.output<typeof SnapshotKey>;

/** A foreign key from `columns` to `refTable.refColumns`. */
export const SnapshotForeignKey = z.strictObject({
  name: z.string().nullable(),
  columns: z.array(z.string()),
  refSchema: z.string().nullable(),
  refTable: z.string(),
  refColumns: z.array(z.string()),
  /** what deleting a referenced row does, in SQL words (`CASCADE`, `SET NULL`, `SET DEFAULT`, `RESTRICT`, `NO ACTION`) as the engine reports it; null when the catalog reader does not say */
  onDelete: z.string().nullable().optional(),
  /** what updating a referenced key does, in the same words; null when the catalog reader does not say */
  onUpdate: z.string().nullable().optional(),
});
/** A foreign key from `columns` to `refTable.refColumns`. */
export type SnapshotForeignKey = z.output<typeof SnapshotForeignKey>;

/** An index, including those backing constraints; expressions appear as their SQL text. */
export const SnapshotIndex = z.strictObject({
  name: z.string(),
  columns: z.array(z.string()),
  unique: z.boolean(),
  /** a partial index's `WHERE` condition as the engine prints it (it indexes, and for a unique one constrains, only the rows matching it); null for all rows */
  predicate: z.string().nullable(),
  /** per column, whether the index sorts it descending; null when every column is ascending or the catalog reader does not say */
  descending: z.array(z.boolean()).nullable().optional(),
});
/** An index, including those backing constraints; expressions appear as their SQL text. */
export type SnapshotIndex = z.output<typeof SnapshotIndex>;

/** A CHECK constraint. */
export const SnapshotCheck = z.strictObject({
  /** its name; null when the engine keeps none */
  name: z.string().nullable(),
  /** the condition, in the engine's own SQL, without `CHECK` */
  expression: z.string(),
});
/** A CHECK constraint. */
export type SnapshotCheck = z.output<typeof SnapshotCheck>;

/** One table with its keys and indexes. */
export const SnapshotTable = z.strictObject({
  name: z.string(),
  schema: z.string().nullable(),
  columns: z.array(SnapshotColumn),
  primaryKey: SnapshotKey.nullable(),
  uniques: z.array(SnapshotKey),
  foreignKeys: z.array(SnapshotForeignKey),
  indexes: z.array(SnapshotIndex),
  /** CHECK constraints, including those a column's domain brings */
  checks: z.array(SnapshotCheck),
  /** the partitioned table this table is a partition of (its rows are that table's rows: a migration never copies them as a table of their own); null otherwise */
  partitionOf: z.string().nullable(),
  /** a partitioned table's partitioning as its engine prints it (`RANGE (sold_on)`); null for a plain table */
  partitionBy: z.string().nullable(),
  /** a partition's bounds as its engine prints them (`FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')`); null for a table that is no partition */
  partitionBound: z.string().nullable(),
});
/** One table with its keys and indexes. */
export type SnapshotTable = z.output<typeof SnapshotTable>;

/** One view; check compares its columns, a migration recreates it from its definition. */
export const SnapshotView = z.strictObject({
  name: z.string(),
  schema: z.string().nullable(),
  columns: z.array(SnapshotColumn),
  /** the view's query as the engine prints it; null when it does not say */
  definition: z.string().nullable(),
});
/** One view; check compares its columns, a migration recreates it from its definition. */
export type SnapshotView = z.output<typeof SnapshotView>;

/** Everything inspected of one database, serialized as Node's `SchemaSnapshot`. */
export const Snapshot = z.strictObject({
  /** always `FORMAT` */
  format: z.string(),
  /** the configured database name */
  database: z.string(),
  /** product name as the driver reports it */
  engine: z.string(),
  /** product version as the driver reports it */
  engineVersion: z.string(),
  /** ISO-8601 instant */
  takenAt: z.string(),
  /** tables by name */
  tables: z.array(SnapshotTable),
  /** views by name */
  views: z.array(SnapshotView),
});
/** Everything inspected of one database, serialized as Node's `SchemaSnapshot`. */
export type Snapshot = z.output<typeof Snapshot>;

/** The names of one database's tables and views, listed without inspecting them. */
export const TableList = z.strictObject({
  /** the configured database */
  database: z.string(),
  /** its tables */
  tables: z.array(z.string()),
  /** its views */
  views: z.array(z.string()),
});
/** The names of one database's tables and views, listed without inspecting them. */
export type TableList = z.output<typeof TableList>;

/** The bytes on disk of one database's tables, as its engine reports them: what `ferry tables` shows beside the row counts. */
export const TableBytes = z.strictObject({
  /** the configured database */
  database: z.string(),
  /** data and index bytes by table name; a table left out is one whose size the engine cannot tell */
  bytes: z.record(z.string(), z.number().int()),
});
/** The bytes on disk of one database's tables, as its engine reports them: what `ferry tables` shows beside the row counts. */
export type TableBytes = z.output<typeof TableBytes>;

/** One table copy as Node asks for it; the defaults here are the only ones (Node's help texts read them from the generated contract). */
export const ResolvedCopyRequest = z.strictObject({
  /** source database name */
  from: z.string(),
  /** target database name */
  to: z.string(),
  /** source table name */
  table: z.string(),
  /** target table name (null: the source's) */
  targetTable: z.string().nullable(),
  /** source schema/catalog, when the database is not pinned to one */
  fromNamespace: z.string().nullable(),
  /** target schema/catalog, likewise */
  toNamespace: z.string().nullable(),
  /** a Calcite SQL condition on the source table's columns, or null */
  where: z.string().nullable(),
  /** how rows arrive in the target */
  mode: CopyMode,
  /** the column an incremental copy follows (required then, refused otherwise) */
  watermark: z.string().nullable(),
  /** create the target table when it is missing */
  create: z.boolean(),
  /** rows per chunk (per committed transaction) */
  chunkRows: z.number().int().min(1),
  /** chunks written at once, each on a target connection of its own */
  parallel: z.number().int().min(1),
  /** continue after the last committed chunk */
  resume: z.boolean(),
  /** plan only */
  dryRun: z.boolean(),
  /** a JSON file holding checkpoints instead of a table in the target */
  stateFile: z.string().nullable(),
  /** the JSON file to keep checkpoints in when the target cannot hold a `ferry_checkpoint` table, or null to fail then */
  fallbackStateFile: z.string().nullable(),
  /** what checkpoints are filed under (null: `from->to`) */
  job: z.string().nullable(),
  /** how target columns get their values: target column → Calcite SQL expression over the source table's columns; when given (even empty) the copy fills the columns the target table has, each from its expression, else from the source column of its name, else by its default (null: every source column into the target column of its name) */
  columns: z.record(z.string(), z.string()).nullable(),
  /** the target schema/catalog holding the `ferry_checkpoint` table (null: Ferry's own `ferry` namespace, created when missing, where the target has namespaces and the user may create it, else the target table's own) */
  checkpointNamespace: z.string().nullable(),
  /** hash the source rows as they load, as `verify` would hash them read back from the source, so a verification asked with `fromLoad` reads only the target; done where the source computes no checksums itself and the rows are read as typed values */
  hashForVerify: z.boolean(),
});
/** One table copy as Node asks for it; the defaults here are the only ones (Node's help texts read them from the generated contract). */
export type ResolvedCopyRequest = z.output<typeof ResolvedCopyRequest>;

/** One key range: keys above `from` up to `to`; a null bound is open. */
export const CopyPlanChunk = z.strictObject({
  /** the exclusive lower bound */
  from: z.string().nullable(),
  /** the inclusive upper bound */
  to: z.string().nullable(),
});
/** One key range: keys above `from` up to `to`; a null bound is open. */
export type CopyPlanChunk = z.output<typeof CopyPlanChunk>;

/** What a table copy will do, as `--dry-run` shows it; nothing is written to know it. */
export const CopyPlan = z.strictObject({
  /** the source table */
  table: z.string(),
  /** the target table, as the target names it */
  targetTable: z.string(),
  /** statements that create the target table (empty when it exists) */
  ddl: z.array(z.string()),
  /** secondary indexes built after the load */
  indexes: z.array(z.string()),
  /** the key ranges, each one transaction */
  chunks: z.array(CopyPlanChunk),
  /** the key the ranges follow (empty: one chunk of everything) */
  key: z.array(z.string()),
  /** the key a resumed copy continues after, or null */
  resumeFrom: z.string().nullable(),
  /** rows this run copies */
  rowsTotal: z.number().int(),
  /** what the plan decided and why */
  notes: z.array(z.string()),
});
/** What a table copy will do, as `--dry-run` shows it; nothing is written to know it. */
export type CopyPlan = z.output<typeof CopyPlan>;

/** What a finished table copy reports. */
export const CopyResult = z.strictObject({
  /** the source table */
  table: z.string(),
  /** the target table */
  targetTable: z.string(),
  /** rows this run copied */
  rows: z.number().int(),
  /** rows copied in all, a resumed copy's earlier ones included */
  totalRows: z.number().int(),
  /** chunks this run planned */
  chunks: z.number().int(),
  /** how long it ran */
  seconds: z.number(),
  /** the key a resumed copy continued after, or null */
  resumedFrom: z.string().nullable(),
  /** chunks a resumed copy found already committed */
  skippedChunks: z.number().int(),
  /** whether this run created the target table */
  created: z.boolean(),
  /** whether nothing was written (a plan only) */
  dryRun: z.boolean(),
  /** what happened worth knowing (fast paths taken, fallbacks) */
  notes: z.array(z.string()),
});
/** What a finished table copy reports. */
export type CopyResult = z.output<typeof CopyResult>;

/** Where a table copy stands, as its progress reports it. */
export const CopyPhase = z.enum(['planning', 'planned', 'preparing', 'copying', 'indexing', 'done', 'failed', 'cancelled']);
export type CopyPhase = z.infer<typeof CopyPhase>;

/** A running table copy's counters, safe to read from any thread. */
export const CopyProgress = z.strictObject({
  /** the source table */
  table: z.string(),
  /** where the copy stands */
  phase: CopyPhase,
  /** rows written so far (open chunks included), a resume's earlier ones too */
  rows: z.number().int(),
  /** rows expected in all (-1 before planning) */
  rowsTotal: z.number().int(),
  /** chunks committed by this run */
  chunksDone: z.number().int(),
  /** chunks this run copies (-1 before planning) */
  chunksTotal: z.number().int(),
});
/** A running table copy's counters, safe to read from any thread. */
export type CopyProgress = z.output<typeof CopyProgress>;

/** How a key differs between source and target. */
export const DifferenceKind = z.enum(['missing', 'extra', 'changed']);
export type DifferenceKind = z.infer<typeof DifferenceKind>;

/** One differing key and how it differs. */
export const VerifyReportDifference = z.strictObject({
  /** missing, extra or changed */
  kind: DifferenceKind,
  /** the key, as `id=5` */
  key: z.string(),
});
/** One differing key and how it differs. */
export type VerifyReportDifference = z.output<typeof VerifyReportDifference>;

/** How a verification compared the two sides of a table. */
export const VerifyMethod = z.enum(['checksum-in-database', 'checksum-in-jvm', 'rows']);
export type VerifyMethod = z.infer<typeof VerifyMethod>;

/** What `Verifier` answers, serialized as JSON for Node's `VerifyReport`. */
export const VerifyReport = z.strictObject({
  /** the source table as found */
  table: z.string(),
  /** the target table as found */
  targetTable: z.string(),
  /** rows in the source table */
  sourceRows: z.number().int(),
  /** rows in the target table */
  targetRows: z.number().int(),
  /** whether every chunk's count and checksum agree */
  match: z.boolean(),
  /** at most `Verifier#MAX_KEYS` keys (`id=5`) that are missing, extra or changed in the target, in key order within each chunk */
  differingKeys: z.array(z.string()),
  /** the same keys with what is wrong with each */
  differences: z.array(VerifyReportDifference),
  /** every differing key found, including those not listed */
  differingKeyCount: z.number().int(),
  /** keys of the source absent from the target */
  missing: z.number().int(),
  /** keys of the target absent from the source */
  extra: z.number().int(),
  /** keys present on both sides with different rows */
  changed: z.number().int(),
  /** how many chunks were compared */
  chunks: z.number().int(),
  /** how many of them differed */
  mismatchedChunks: z.number().int(),
  /** how the sides were compared */
  method: VerifyMethod,
  /** the source's primary key columns (empty: compared as one chunk, no keys named) */
  key: z.array(z.string()),
  /** the columns compared, as the source names them */
  columns: z.array(z.string()),
  /** time taken */
  millis: z.number().int(),
  /** why a method was chosen, columns not compared, limits met */
  notes: z.array(z.string()),
});
/** What `Verifier` answers, serialized as JSON for Node's `VerifyReport`. */
export type VerifyReport = z.output<typeof VerifyReport>;

/** Calcite's verdict on one statement of the application's SQL. */
export const StatementVerdict = z.strictObject({
  /** whether it parses and validates */
  valid: z.boolean(),
  /** why not, or null */
  message: z.string().nullable(),
  /** where the problem is, relative to the statement (1-based), or null */
  line: z.number().int().nullable(),
  /** likewise */
  column: z.number().int().nullable(),
  /** each name or alias the statement uses → its table; null when it does not parse */
  tables: z.record(z.string(), z.string()).nullable(),
});
/** Calcite's verdict on one statement of the application's SQL. */
export type StatementVerdict = z.output<typeof StatementVerdict>;

/** One JDBC driver. */
export const RuntimeInfoDriver = z.strictObject({
  /** its class */
  class: z.string(),
  /** its major and minor version */
  version: z.string(),
});
/** One JDBC driver. */
export type RuntimeInfoDriver = z.output<typeof RuntimeInfoDriver>;

/** What the running JVM has. */
export const RuntimeInfo = z.strictObject({
  /** Java's version */
  version: z.string(),
  /** Java's vendor */
  vendor: z.string(),
  /** where Java lives */
  home: z.string(),
  /** the JVM's default time zone (always UTC for Ferry) */
  timeZone: z.string(),
  /** the JDBC drivers on the classpath */
  drivers: z.array(RuntimeInfoDriver),
  /** the dialects Ferry knows, by name */
  dialects: z.array(z.string()),
});
/** What the running JVM has. */
export type RuntimeInfo = z.output<typeof RuntimeInfo>;

/** The structured part of every failure Node receives, as `FerryFailure` writes it between its markers. */
export const FailureEnvelope = z.strictObject({
  /** the stable error code */
  code: z.string(),
  /** what went wrong, where, and how to fix it */
  message: z.string(),
  /** details (database, table, SQL state, line, column, …) */
  meta: z.record(z.string(), z.unknown()),
});
/** The structured part of every failure Node receives, as `FerryFailure` writes it between its markers. */
export type FailureEnvelope = z.output<typeof FailureEnvelope>;

/** One table to load. */
export const MigrationPlanPlannedTable = z.strictObject({
  /** the source table's name */
  source: z.string(),
  /** the target table's name */
  target: z.string(),
  /** whether the target table exists already (it is loaded, not created) */
  exists: z.boolean(),
  /** the source partitions whose rows it holds (read through it, never copied on their own) */
  partitions: z.array(z.string()),
});
/** One table to load. */
export type MigrationPlanPlannedTable = z.output<typeof MigrationPlanPlannedTable>;

/** The structure phases of a migration, in the order they run; the load runs between TABLES and CONSTRAINTS. */
export const MigrationPhase = z.enum(['types', 'tables', 'constraints', 'foreign-keys', 'identities', 'views', 'cleanup']);
export type MigrationPhase = z.infer<typeof MigrationPhase>;

/** One structure step. */
export const MigrationPlanStep = z.strictObject({
  phase: MigrationPhase,
  /** what it makes: `orders`, `orders.customer_fk`, `orders.id` */
  object: z.string(),
  /** what it does, in words */
  description: z.string(),
  /** the statements, run in order; an identity step's value is computed when it runs (shown as ``) */
  sql: z.array(z.string()),
  /** the target table it concerns; null for types and views */
  table: z.string().nullable(),
  /** the identity column an IDENTITIES step sets; null otherwise */
  column: z.string().nullable(),
  /** run when a statement after the first fails, removing what the first made (a foreign key added unchecked whose check then failed); empty when there is nothing to undo */
  undo: z.array(z.string()),
  /** the target table a FOREIGN_KEYS step's key references (its own table for a self-reference); null for other steps */
  references: z.string().nullable(),
});
/** One structure step. */
export type MigrationPlanStep = z.output<typeof MigrationPlanStep>;

/** A mapping that changes meaning, or something only partly migrated. */
export const MigrationPlanWarning = z.strictObject({
  /** the table, column or view concerned */
  object: z.string(),
  /** what changes, in words */
  message: z.string(),
});
/** A mapping that changes meaning, or something only partly migrated. */
export type MigrationPlanWarning = z.output<typeof MigrationPlanWarning>;

/** Something not migrated. */
export const MigrationPlanSkipped = z.strictObject({
  object: z.string(),
  /** `partition`, `view`, `check`, `foreign key`, … */
  kind: z.string(),
  /** why */
  reason: z.string(),
});
/** Something not migrated. */
export type MigrationPlanSkipped = z.output<typeof MigrationPlanSkipped>;

/** An ordered migration: the tables in load order, the structure steps of each phase, every type mapping that changes meaning (warnings), and what is left out and why. */
export const MigrationPlan = z.strictObject({
  from: z.string(),
  to: z.string(),
  /** the source's dialect name */
  sourceEngine: z.string(),
  /** the target's dialect name */
  targetEngine: z.string(),
  /** the target schema/catalog the tables go to; null for engines without */
  targetNamespace: z.string().nullable(),
  /** where the load's checkpoints live: Ferry's own `ferry` namespace where the target has namespaces, else null (the target's, removed at the end) */
  checkpointNamespace: z.string().nullable(),
  /** the name the load's checkpoints are filed under */
  job: z.string(),
  /** the tables to load: parents before the tables referencing them where `loadInOrder`, otherwise the largest first */
  tables: z.array(MigrationPlanPlannedTable),
  /** whether the tables must load one after another, in that order: the target takes one writer at a time, or checks foreign keys while rows arrive (an engine that checks them while loading, or tables the target has already with their foreign keys) */
  loadInOrder: z.boolean(),
  /** whether a table's keys and indexes may be built as soon as it is loaded, and its foreign keys as soon as it and the tables they reference have their keys, while other tables still load (as pg_restore schedules them): the target builds them on separate connections without waiting on the loads' locks (` dev.ferry.ddl.Ddl#buildsSideBySide`) and the tables load side by side */
  structureWhileLoading: z.boolean(),
  /** structure steps, in phase order */
  steps: z.array(MigrationPlanStep),
  /** mappings and omissions that change meaning */
  warnings: z.array(MigrationPlanWarning),
  /** objects not migrated, with the reason */
  skipped: z.array(MigrationPlanSkipped),
  /** per target `table.column`, the next value the source's identity, sequence or AUTO_INCREMENT counter stood at (past the highest id when rows were deleted): the target's counter is set to it, or past the loaded ids when those are higher */
  counters: z.record(z.string(), z.number().int()),
});
/** An ordered migration: the tables in load order, the structure steps of each phase, every type mapping that changes meaning (warnings), and what is left out and why. */
export type MigrationPlan = z.output<typeof MigrationPlan>;

/** One step's outcome. */
export const PhaseResultStepResult = z.strictObject({
  object: z.string(),
  description: z.string(),
  ok: z.boolean(),
  /** the statements as run (identity values filled in) */
  sql: z.array(z.string()),
  /** why it failed, with the failing statement; null when it succeeded */
  error: z.string().nullable(),
});
/** One step's outcome. */
export type PhaseResultStepResult = z.output<typeof PhaseResultStepResult>;

/** What one structure phase did. */
export const PhaseResult = z.strictObject({
  phase: MigrationPhase,
  /** each step's outcome, in the order run */
  steps: z.array(PhaseResultStepResult),
  /** after TYPES: where checkpoints go (null when Ferry's namespace could not be created and the target's own is used) */
  checkpointNamespace: z.string().nullable(),
});
/** What one structure phase did. */
export type PhaseResult = z.output<typeof PhaseResult>;

/** One table's part of a backup. */
export const BackupResultTableResult = z.strictObject({
  /** its name */
  table: z.string(),
  /** rows written */
  rows: z.number().int(),
  /** chunk files written */
  files: z.number().int(),
  /** their size */
  bytes: z.number().int(),
  /** time spent reading and writing it */
  seconds: z.number(),
});
/** One table's part of a backup. */
export type BackupResultTableResult = z.output<typeof BackupResultTableResult>;

/** What a backup wrote. */
export const BackupResult = z.strictObject({
  /** the database backed up */
  database: z.string(),
  /** the backup folder (absolute) */
  output: z.string(),
  /** per table, in the manifest's order */
  tables: z.array(BackupResultTableResult),
  /** rows in all */
  rows: z.number().int(),
  /** bytes of all chunk files */
  bytes: z.number().int(),
  /** chunk files written */
  files: z.number().int(),
  /** where the snapshot stands in the source's log (see the manifest) */
  position: z.record(z.string(), z.string()),
  /** whether the files are encrypted */
  encrypted: z.boolean(),
  /** `zstd` or `none` */
  compression: z.string(),
  /** wall time */
  seconds: z.number(),
  /** what the user should know */
  notes: z.array(z.string()),
});
/** What a backup wrote. */
export type BackupResult = z.output<typeof BackupResult>;

/** A running backup's counters, safe to read from any thread. */
export const BackupProgress = z.strictObject({
  /** `planning`, `reading`, `done`, `failed` or `cancelled` */
  phase: z.string(),
  /** tables finished */
  tablesDone: z.number().int(),
  /** tables to back up (-1 before planning) */
  tablesTotal: z.number().int(),
  /** rows written so far */
  rows: z.number().int(),
  /** bytes written so far */
  bytes: z.number().int(),
  /** the tables being read now */
  current: z.array(z.string()),
});
/** A running backup's counters, safe to read from any thread. */
export type BackupProgress = z.output<typeof BackupProgress>;

/** A backup's files proven intact (present, of their size and SHA-256), as a restore does first. */
export const BackupCheck = z.strictObject({
  /** the backup as a database */
  database: z.string(),
  /** its folder */
  path: z.string(),
  /** chunk files checked */
  files: z.number().int(),
  /** their bytes */
  bytes: z.number().int(),
  /** time taken */
  seconds: z.number(),
});
/** A backup's files proven intact (present, of their size and SHA-256), as a restore does first. */
export type BackupCheck = z.output<typeof BackupCheck>;

/** The database a backup was taken of. */
export const ManifestSource = z.strictObject({
  /** its configured name */
  database: z.string(),
  /** Ferry's name for its engine (`postgresql`, `mariadb`, …) */
  engine: z.string(),
  /** the product name its driver reports */
  product: z.string(),
  /** the product version its driver reports */
  productVersion: z.string(),
  /** the schema (or MariaDB database) backed up; null where the engine has none */
  namespace: z.string().nullable(),
});
/** The database a backup was taken of. */
export type ManifestSource = z.output<typeof ManifestSource>;

/** How chunk files are sealed; the key itself is never stored. */
export const ManifestEncryption = z.strictObject({
  /** always `AES-256-GCM` */
  cipher: z.string(),
  /** plaintext bytes per sealed segment */
  segmentBytes: z.number().int(),
  /** `PBKDF2-SHA256` for a passphrase, `none` for a 64-hex-digit key */
  kdf: z.string(),
  /** the KDF's iterations */
  iterations: z.number().int(),
  /** the KDF's salt, base64 */
  salt: z.string(),
  /** a value derived from the key (not the key), so a wrong key is named as such before any file is read */
  keyCheck: z.string(),
});
/** How chunk files are sealed; the key itself is never stored. */
export type ManifestEncryption = z.output<typeof ManifestEncryption>;

/** What Ferry needs to know of one result column to give it an Arrow type. */
export const ColumnSpec = z.strictObject({
  label: z.string(),
  jdbcType: z.number().int(),
  typeName: z.string(),
  precision: z.number().int(),
  scale: z.number().int(),
  nullable: z.boolean(),
});
/** What Ferry needs to know of one result column to give it an Arrow type. */
export type ColumnSpec = z.output<typeof ColumnSpec>;

/** One chunk file. */
export const ManifestChunk = z.strictObject({
  /** its path inside the backup folder, with `/` separators */
  file: z.string(),
  /** its rows */
  rows: z.number().int(),
  /** its size on disk */
  bytes: z.number().int(),
  /** the SHA-256 of its bytes on disk (hex) */
  sha256: z.string(),
  /** the sum of its rows' canonical hashes, like `TableData#checksum` */
  checksum: z.string(),
  /** the smallest value of the key's first column in it (text), null when none */
  keyMin: z.string().nullable(),
  /** the largest, likewise */
  keyMax: z.string().nullable(),
});
/** One chunk file. */
export type ManifestChunk = z.output<typeof ManifestChunk>;

/** One table's rows. */
export const ManifestTableData = z.strictObject({
  /** the table's name in the source */
  name: z.string(),
  /** the columns as Ferry typed them when reading (the Arrow schema's source) */
  columns: z.array(ColumnSpec),
  /** the primary key's columns (empty when it has none) */
  key: z.array(z.string()),
  /** rows in all chunks */
  rows: z.number().int(),
  /** the sum (mod 2^64, decimal) of every row's canonical hash, as `ferry verify` computes it in the JVM */
  checksum: z.string(),
  /** per column, the next value of its identity, serial or AUTO_INCREMENT counter when the backup was taken */
  identityNext: z.record(z.string(), z.number().int()),
  /** the table's files in order */
  chunks: z.array(ManifestChunk),
});
/** One table's rows. */
export type ManifestTableData = z.output<typeof ManifestTableData>;

/** What a backup folder holds, as its `manifest.json` says: written last, so a folder without one is a backup that did not finish. */
export const Manifest = z.strictObject({
  /** always `FORMAT` */
  format: z.string(),
  /** the format version (`VERSION`); a reader refuses any other */
  version: z.number().int(),
  /** when the snapshot was taken (ISO-8601 instant) */
  createdAt: z.string(),
  /** the database backed up */
  source: ManifestSource,
  /** where the snapshot stands in the source's log (`lsn`; `binlogFile`, `binlogPosition`, `gtid`); empty when the engine keeps none or it is off */
  position: z.record(z.string(), z.string()),
  /** `zstd` or `none` */
  compression: z.string(),
  /** how the files are sealed; null when they are not */
  encryption: ManifestEncryption.nullable(),
  /** the source's tables and views in Ferry's snapshot model, source type names kept */
  schema: Snapshot,
  /** the data of each table backed up, in backup order */
  tables: z.array(ManifestTableData),
  /** what the backup wants a reader to know (fewer readers than asked, say) */
  notes: z.array(z.string()),
});
/** What a backup folder holds, as its `manifest.json` says: written last, so a folder without one is a backup that did not finish. */
export type Manifest = z.output<typeof Manifest>;

/** One table of a sync. */
export const SyncTableState = z.strictObject({
  /** the source table (the target table has its name) */
  table: z.string(),
  /** `new` (not copied yet), `copying` (its initial copy started), `copied` (its initial copy finished; only changes follow) */
  state: z.string(),
  /** rows inserted on the source and applied, since the job started */
  inserts: z.number().int(),
  /** rows updated on the source and applied */
  updates: z.number().int(),
  /** rows deleted on the source and applied */
  deletes: z.number().int(),
});
/** One table of a sync. */
export type SyncTableState = z.output<typeof SyncTableState>;

/** A sync ready to copy and stream: where its stream starts and what each table still needs. */
export const SyncStart = z.strictObject({
  /** the job's name (its slot and publication are `ferry_` on PostgreSQL) */
  job: z.string(),
  /** the source database */
  source: z.string(),
  /** the target database */
  target: z.string(),
  /** the position the stream starts from (the source engine's own text) */
  start: z.string(),
  /** whether the job had run before (its stored position wins over `start`) */
  resumed: z.boolean(),
  /** the job's tables; those not `copied` need their initial copy first */
  tables: z.array(SyncTableState),
  /** where the job's position and counters are kept in the target */
  stateTable: z.string(),
  /** what was created or found on the source, in words */
  notes: z.array(z.string()),
});
/** A sync ready to copy and stream: where its stream starts and what each table still needs. */
export type SyncStart = z.output<typeof SyncStart>;

/** A running sync's counters, safe to read from any thread. */
export const SyncProgress = z.strictObject({
  /** `starting` (the connector is connecting), `streaming`, `stopping`, `stopped` or `failed` */
  phase: z.string(),
  /** changes applied by this run */
  changes: z.number().int(),
  /** target transactions committed by this run */
  batches: z.number().int(),
  /** the source position the applied changes reach (the engine's own text) */
  position: z.string().nullable(),
  /** when the last applied change was committed on the source (epoch ms; 0 before the first) */
  sourceMillis: z.number().int(),
  /** how long after its source commit the last applied change became visible in the target */
  latencySeconds: z.number(),
  /** whether every change committed on the source before the stream started has been applied */
  caughtUp: z.boolean(),
  /** how long since the stream last delivered anything (a change or a heartbeat) */
  secondsSinceDelivery: z.number(),
  /** per table, the changes applied since the job started */
  tables: z.array(SyncTableState),
});
/** A running sync's counters, safe to read from any thread. */
export type SyncProgress = z.output<typeof SyncProgress>;

/** How a sync run ended (a failure is an error instead). */
export const SyncResult = z.strictObject({
  /** the job's name */
  job: z.string(),
  /** `caught-up` (with `--until-caught-up`) or `stopped` */
  reason: z.string(),
  /** changes applied by this run */
  changes: z.number().int(),
  /** target transactions committed by this run */
  batches: z.number().int(),
  /** the source position the applied changes reach */
  position: z.string().nullable(),
  /** how long the stream ran */
  seconds: z.number(),
  /** per table, the changes applied since the job started */
  tables: z.array(SyncTableState),
});
/** How a sync run ended (a failure is an error instead). */
export type SyncResult = z.output<typeof SyncResult>;

/** Where a sync stands, read from the source and the target (`ferry sync status`). */
export const SyncStatus = z.strictObject({
  /** the job's name */
  job: z.string(),
  /** the source database */
  source: z.string(),
  /** the target database */
  target: z.string(),
  /** `started` (nothing applied yet) or `streaming` */
  state: z.string(),
  /** the position the job's stream started from */
  start: z.string(),
  /** the source position the applied changes reach, null before the first batch */
  applied: z.string().nullable(),
  /** the source's current end of log */
  sourcePosition: z.string(),
  /** how far the applied position is behind the source's end, in the log's bytes; -1 when the engine cannot tell */
  bytesBehind: z.number().int(),
  /** seconds between the last applied change's source commit and now when the target is behind; 0 when nothing is pending */
  lagSeconds: z.number(),
  /** when the last batch was applied (UTC, ISO), or null */
  appliedAt: z.string().nullable(),
  /** per table, its state and the changes applied since the job started */
  tables: z.array(SyncTableState),
  /** what the source holds for the job (slot and its retained WAL, say) */
  notes: z.array(z.string()),
});
/** Where a sync stands, read from the source and the target (`ferry sync status`). */
export type SyncStatus = z.output<typeof SyncStatus>;

/** What `ferry sync --drop` removed. */
export const SyncDropped = z.strictObject({
  /** the job's name */
  job: z.string(),
  /** each object removed, in words (source slot and publication, the target's state) */
  removed: z.array(z.string()),
});
/** What `ferry sync --drop` removed. */
export type SyncDropped = z.output<typeof SyncDropped>;
