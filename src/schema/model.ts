import type { Wire } from '../bridge/index.js';

/**
 * The neutral, readonly, JSON-serializable catalog model that inspection produces, snapshots
 * store and the diff compares. Nothing here knows which engine it came from beyond `engine`.
 */

/** The families types are compared in; a change of family is a conversion or an incompatibility. */
export type TypeFamily = Wire.TypeFamily;

/**
 * A column type as Calcite's type system normalizes it, so int4 and INTEGER, TEXT and CLOB,
 * DATETIME(6) and TIMESTAMP(6) are equal.
 *
 * @example
 * { family: 'decimal', sqlType: 'DECIMAL', precision: 12, scale: 2, display: 'DECIMAL(12, 2)' }
 */
export interface LogicalType {
  readonly family: TypeFamily;
  /** Calcite's SqlTypeName: TINYINT, SMALLINT, INTEGER, BIGINT, DECIMAL, REAL, DOUBLE, BOOLEAN, CHAR, VARCHAR, BINARY, VARBINARY, DATE, TIME, TIMESTAMP, TIMESTAMP_WITH_LOCAL_TIME_ZONE, … */
  readonly sqlType: string;
  /** Length for CHAR/VARCHAR/BINARY/VARBINARY (null: unbounded), digits for DECIMAL, fractional-second digits for TIME/TIMESTAMP; null where not applicable. */
  readonly precision: number | null;
  /** Scale for DECIMAL; null otherwise. */
  readonly scale: number | null;
  /** Human form, e.g. `VARCHAR(40)`, `DECIMAL(12, 2)`, `TIMESTAMP(6)`. */
  readonly display: string;
}

/** One column as inspected. */
export interface ColumnInfo {
  readonly name: string;
  /** 1-based position in the table. */
  readonly position: number;
  /** The type as the database spells it (`int4`, `varchar`, `DATETIME`). */
  readonly nativeType: string;
  /** The type normalized through Calcite's type system. */
  readonly type: LogicalType;
  readonly nullable: boolean;
  /** The default expression as the database reports it, or null. */
  readonly default: string | null;
  /** Identity / auto-increment / serial. */
  readonly autoIncrement: boolean;
  /** The column's comment; null or absent (snapshots older than the field) when it has none. */
  readonly comment?: string | null;
  /** An enumerated type's values in declared order; null or absent for other types. */
  readonly enumValues?: readonly string[] | null;
  /** The PostgreSQL domain the column is declared with (`nativeType` and `type` are its base type's). */
  readonly domain?: string | null;
}

/** A CHECK constraint: its condition in the engine's own SQL. */
export interface CheckInfo {
  readonly name: string | null;
  readonly expression: string;
}

/** A primary key or unique constraint. */
export interface KeyInfo {
  readonly name: string | null;
  readonly columns: readonly string[];
}

/** A foreign key from this table's `columns` to `refTable.refColumns`. */
export interface ForeignKeyInfo {
  readonly name: string | null;
  readonly columns: readonly string[];
  readonly refSchema: string | null;
  readonly refTable: string;
  readonly refColumns: readonly string[];
  /**
   * What deleting a referenced row does, as the engine reports it (`CASCADE`, `SET NULL`,
   * `SET DEFAULT`, `RESTRICT`, `NO ACTION`); null or absent when not known (engines Ferry reads
   * through plain JDBC metadata, snapshots older than the field).
   */
  readonly onDelete?: string | null;
  /** What updating a referenced key does, in the same words as `onDelete`; null or absent when not known. */
  readonly onUpdate?: string | null;
}

/** An index (including those backing constraints). */
export interface IndexInfo {
  readonly name: string;
  readonly columns: readonly string[];
  readonly unique: boolean;
  /**
   * A partial index's condition as its engine prints it (only the matching rows are indexed, and
   * for a unique index constrained); null or absent (snapshots older than the field) for all rows.
   */
  readonly predicate?: string | null;
  /**
   * Per column, whether the index sorts it descending (`CREATE INDEX … (ts DESC)`); null or
   * absent when every column is ascending or the order is not known.
   */
  readonly descending?: readonly boolean[] | null;
}

/**
 * Data facts about one column in A, computed when a snapshot is taken (or when `check` needs
 * them), so a saved snapshot can still prove narrowings. Numbers beyond 2^53 are strings.
 */
export interface ColumnStats {
  /** NULLs in the column. */
  readonly nulls: number;
  /** Longest value in characters (text) or bytes (binary). */
  readonly maxLength?: number | null;
  /** Smallest and largest value as exact text (numbers, dates, times). */
  readonly min?: string | null;
  readonly max?: string | null;
  /** Most digits before the decimal point, and after it, over all values (numbers). */
  readonly maxIntegerDigits?: number | null;
  readonly maxScale?: number | null;
}

/** Data facts about one table in A. */
export interface TableStats {
  readonly rowCount: number;
  readonly columns: Readonly<Record<string, ColumnStats>>;
}

/** One table. */
export interface TableInfo {
  readonly name: string;
  /** The schema (or MariaDB database) it lives in; null for engines without schemas. */
  readonly schema: string | null;
  readonly columns: readonly ColumnInfo[];
  readonly primaryKey: KeyInfo | null;
  readonly uniques: readonly KeyInfo[];
  readonly foreignKeys: readonly ForeignKeyInfo[];
  readonly indexes: readonly IndexInfo[];
  /** CHECK constraints (absent in snapshots older than the field). */
  readonly checks?: readonly CheckInfo[];
  /** The partitioned table this one is a partition of (its rows are that table's rows). */
  readonly partitionOf?: string | null;
  /** A partitioned table's partitioning as its engine prints it, e.g. `RANGE (sold_on)`. */
  readonly partitionBy?: string | null;
  /** A partition's bounds as its engine prints them, e.g. `FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')`. */
  readonly partitionBound?: string | null;
  /** Present in snapshots taken with data statistics. */
  readonly stats?: TableStats;
}

/** One view. */
export interface ViewInfo {
  readonly name: string;
  readonly schema: string | null;
  readonly columns: readonly ColumnInfo[];
  /** The view's query as its engine prints it; null or absent when unknown. */
  readonly definition?: string | null;
}

/** Everything inspected of one database: what `ferry snapshot` writes. */
export interface SchemaSnapshot {
  /** Format marker; a different value is refused with a clear message. */
  readonly format: 'ferry-snapshot/1';
  /** The configured database name it was taken from. */
  readonly database: string;
  /** Product name as the driver reports it, e.g. `PostgreSQL`. */
  readonly engine: string;
  readonly engineVersion: string;
  /** ISO-8601 time it was taken. */
  readonly takenAt: string;
  readonly tables: readonly TableInfo[];
  readonly views: readonly ViewInfo[];
}
