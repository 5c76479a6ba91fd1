import { analyze } from '../../../src/compat/analyze.js';
import { diff } from '../../../src/compat/diff.js';
import type { Finding } from '../../../src/compat/finding.js';
import type { Evidence, ProofRequest, ProofResult } from '../../../src/compat/proofs.js';
import { proofKey } from '../../../src/compat/proofs.js';
import type { ColumnInfo, ForeignKeyInfo, IndexInfo, LogicalType, SchemaSnapshot, TableInfo, TypeFamily, ViewInfo } from '../../../src/schema/model.js';

/** A logical type; display defaults to the SQL type with its parameters. */
export function type(family: TypeFamily, sqlType: string, precision: number | null = null, scale: number | null = null, display?: string): LogicalType {
  const params = precision === null ? '' : scale === null ? `(${precision})` : `(${precision}, ${scale})`;
  return { family, sqlType, precision, scale, display: display ?? `${sqlType}${params}` };
}

export const TINYINT = type('integer', 'TINYINT');
export const SMALLINT = type('integer', 'SMALLINT');
export const INTEGER = type('integer', 'INTEGER');
export const BIGINT = type('integer', 'BIGINT');
export const REAL = type('float', 'REAL');
export const DOUBLE = type('float', 'DOUBLE');
export const BOOLEAN = type('boolean', 'BOOLEAN');
export const DATE = type('date', 'DATE');
export const TEXT = type('char', 'VARCHAR', null, null, 'VARCHAR');
export const varchar = (n: number | null): LogicalType => (n === null ? TEXT : type('char', 'VARCHAR', n));
export const char = (n: number): LogicalType => type('char', 'CHAR', n);
export const varbinary = (n: number | null): LogicalType => type('binary', 'VARBINARY', n);
export const decimal = (p: number | null, s: number | null = 0): LogicalType => type('decimal', 'DECIMAL', p, p === null ? null : s);
export const time = (p: number | null): LogicalType => type('time', 'TIME', p);
export const timestamp = (p: number | null): LogicalType => type('timestamp', 'TIMESTAMP', p);
export const timestamptz = (p: number | null): LogicalType => type('timestamptz', 'TIMESTAMP_WITH_LOCAL_TIME_ZONE', p);
export const interval = (sqlType: string): LogicalType => type('interval', sqlType);
export const other = (sqlType: string): LogicalType => type('other', sqlType);

/** A column; nullable without default unless told. Position is set by `table`. */
export function col(name: string, t: LogicalType, opts: Partial<Omit<ColumnInfo, 'name' | 'type'>> = {}): ColumnInfo {
  return { name, position: 0, nativeType: t.display.toLowerCase(), type: t, nullable: true, default: null, autoIncrement: false, ...opts };
}

/** `id INTEGER NOT NULL`, the usual first column. */
export const id = (name = 'id'): ColumnInfo => col(name, INTEGER, { nullable: false });

export interface TableOptions {
  readonly pk?: readonly string[];
  readonly uniques?: readonly (readonly string[])[];
  readonly fks?: readonly Omit<ForeignKeyInfo, 'name' | 'refSchema'>[];
  readonly indexes?: readonly (Partial<IndexInfo> & { readonly columns: readonly string[] })[];
  readonly schema?: string | null;
}

/** A table; the primary key defaults to none. */
export function table(name: string, columns: readonly ColumnInfo[], opts: TableOptions = {}): TableInfo {
  return {
    name,
    schema: opts.schema ?? 'public',
    columns: columns.map((c, i) => ({ ...c, position: i + 1 })),
    primaryKey: opts.pk ? { name: `${name}_pkey`, columns: opts.pk } : null,
    uniques: (opts.uniques ?? []).map((columns, i) => ({ name: `${name}_uq${i}`, columns })),
    foreignKeys: (opts.fks ?? []).map((fk, i) => ({ name: `${name}_fk${i}`, refSchema: null, ...fk })),
    indexes: (opts.indexes ?? []).map((ix, i) => ({ name: `${name}_ix${i}`, unique: false, ...ix })),
  };
}

export function view(name: string, columns: readonly ColumnInfo[] = [col('x', INTEGER)]): ViewInfo {
  return { name, schema: 'public', columns };
}

export function snapshot(tables: readonly TableInfo[], views: readonly ViewInfo[] = [], engine = 'PostgreSQL'): SchemaSnapshot {
  return { format: 'ferry-snapshot/1', database: engine.toLowerCase(), engine, engineVersion: '1', takenAt: '2026-01-01T00:00:00Z', tables, views };
}

/** A proof result with violations. */
export const violated = (count: number, examples: readonly string[] = []): ProofResult => ({ count, examples, basis: 'query' });
/** A proof result without violations. */
export const clean: ProofResult = { count: 0, examples: [], basis: 'query' };

/** Evidence answering exactly the given requests, recording every question asked. */
export function evidence(answers: readonly (readonly [ProofRequest, ProofResult])[] = []): Evidence & { asked: ProofRequest[] } {
  const map = new Map(answers.map(([r, res]) => [proofKey(r), res]));
  const asked: ProofRequest[] = [];
  const fn = ((r: ProofRequest) => {
    asked.push(r);
    return map.get(proofKey(r));
  }) as Evidence & { asked: ProofRequest[] };
  fn.asked = asked;
  return fn;
}

/** Evidence giving the same answer to every question. */
export const always = (result: ProofResult | undefined): Evidence => () => result;

/** Diff and analyze in one go. */
export function check(a: SchemaSnapshot, b: SchemaSnapshot, ev: Evidence = always(undefined), dataChecked = true): Finding[] {
  return analyze(diff(a, b), ev, { a, b, dataChecked });
}

/** One table in A and B, for column-level tests. */
export function oneTable(aColumns: readonly ColumnInfo[], bColumns: readonly ColumnInfo[], aOpts: TableOptions = {}, bOpts: TableOptions = {}, name = 'orders'): [SchemaSnapshot, SchemaSnapshot] {
  return [snapshot([table(name, aColumns, aOpts)]), snapshot([table(name, bColumns, bOpts)])];
}

/** Findings without messages and suggestions, for comparing whole lists. */
export function brief(findings: readonly Finding[]): { code: string; severity: string; table: string; column: string | null }[] {
  return findings.map(({ code, severity, table: t, column }) => ({ code, severity, table: t, column }));
}
