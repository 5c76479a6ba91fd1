import type { ColumnInfo, TableInfo } from '../schema/model.js';
import { convertible } from './convertible.js';
import type { ProofRequest } from './proofs.js';
import { ident, matchName, path } from './sql-text.js';
import { fractionDigits, numberDigits } from './value-digits.js';

/** Where A's tables live in Ferry's namespace, e.g. `['shop']` or `['pg', 'public']`. */
export type TablePrefix = readonly string[];

/**
 * Rows of A tested one by one in Node: `sql` returns the key columns then one value as text, and
 * a row violates the request when `violates(value)`.
 *
 * @example
 * { sql: 'SELECT "id", CAST("at" AS VARCHAR) FROM "shop"."events" WHERE "at" IS NOT NULL ORDER BY "id"', violates: (v) => …, showValue: false }
 */
export interface ValueTest {
  readonly sql: string;
  readonly violates: (value: string) => boolean;
  /** Whether examples quote the value (`id=11 ("abc")`), for conversions. */
  readonly showValue: boolean;
}

/**
 * The SQL that answers one proof request against A: `count` returns one row with one number and
 * `examples` up to 5 rows of key columns (null when the request has no examples). `values` tests
 * rows in Node instead: the only way for notConvertible (SQL has no portable TRY_CAST), and the
 * way for requests whose count needs a function some engine lacks (EXTRACT on SQLite, ROUND of a
 * DOUBLE on PostgreSQL) when the count query cannot run.
 */
export interface ProofSql {
  readonly count: string | null;
  readonly examples: string | null;
  readonly values?: ValueTest;
  /** Names of the key columns the examples return, in order. */
  readonly keyColumns: readonly string[];
}

const EXAMPLES = 5;

/** A's spelling of a column named in B. */
function col(table: TableInfo, name: string): ColumnInfo {
  const c = matchName(table.columns, name, (x) => x.name);
  if (!c) throw new Error(`column ${name} not found in ${table.name}`);
  return c;
}

/** The columns that identify a row in examples: the primary key, else the first column. */
function keyColumns(table: TableInfo): string[] {
  return table.primaryKey?.columns.length ? [...table.primaryKey.columns] : table.columns.slice(0, 1).map((c) => c.name);
}

function decimalBound(digits: number): string {
  return `1${'0'.repeat(digits)}`;
}

/**
 * Builds the SQL for one request, or null when A lacks what the request names (the caller then
 * treats the proof as unanswered).
 *
 * @example
 * proofSql({ kind: 'nulls', table: 'orders', column: 'note' }, tables, ['shop'])
 */
export function proofSql(r: ProofRequest, tables: readonly TableInfo[], prefix: TablePrefix): ProofSql | null {
  const table = matchName(tables, r.table, (t) => t.name);
  if (!table) return null;
  const from = path([...prefix, table.name]);
  const keys = keyColumns(table);
  const keyList = keys.map(ident).join(', ');
  const values = (value: string, violates: (v: string) => boolean, column = value): ValueTest => ({
    sql: `SELECT ${keyList}, ${value} FROM ${from} WHERE ${column} IS NOT NULL ORDER BY ${keyList}`,
    violates,
    showValue: false,
  });
  const pair = (where: string): ProofSql => ({
    count: `SELECT COUNT(*) FROM ${from} WHERE ${where}`,
    examples: `SELECT ${keyList} FROM ${from} WHERE ${where} ORDER BY ${keyList} FETCH FIRST ${EXAMPLES} ROWS ONLY`,
    keyColumns: keys,
  });
  try {
    switch (r.kind) {
      case 'rows':
        return { count: `SELECT COUNT(*) FROM ${from}`, examples: null, keyColumns: keys };
      case 'nonNull':
        return { count: `SELECT COUNT(*) FROM ${from} WHERE ${ident(col(table, r.column).name)} IS NOT NULL`, examples: null, keyColumns: keys };
      case 'nulls':
        return pair(`${ident(col(table, r.column).name)} IS NULL`);
      case 'tooLong': {
        const c = col(table, r.column);
        const fn = c.type.family === 'binary' ? 'OCTET_LENGTH' : 'CHAR_LENGTH';
        return pair(`${fn}(${ident(c.name)}) > ${r.maxLength}`);
      }
      case 'outOfRange': {
        const c = ident(col(table, r.column).name);
        return pair(`(${c} < ${r.min} OR ${c} > ${r.max})`);
      }
      case 'tooManyDigits': {
        const c = ident(col(table, r.column).name);
        const bound = decimalBound(r.integerDigits);
        const tooMany = (v: string): boolean => {
          const d = numberDigits(v);
          return d !== null && (d.integer > r.integerDigits || d.fraction > r.scale);
        };
        return { ...pair(`(${c} >= ${bound} OR ${c} <= -${bound} OR ${c} <> ROUND(${c}, ${r.scale}))`), values: values(c, tooMany) };
      }
      case 'fractionLost': {
        const c = ident(col(table, r.column).name);
        // Fractional seconds beyond `precision` digits: microsecond arithmetic where the engine
        // has EXTRACT; otherwise the engine's own text of each value, since Calcite reads TIME
        // at millisecond precision.
        const unit = 10 ** (6 - Math.min(6, r.precision));
        const lost = (v: string): boolean => (fractionDigits(v) ?? 0) > r.precision;
        return { ...pair(`MOD(EXTRACT(MICROSECOND FROM ${c}), ${unit}) <> 0`), values: values(`CAST(${c} AS VARCHAR)`, lost, c) };
      }
      case 'notConvertible': {
        const c = ident(col(table, r.column).name);
        const to = r.to;
        return { count: null, examples: null, values: { ...values(c, (v) => !convertible(v, to)), showValue: true }, keyColumns: keys };
      }
      case 'duplicates': {
        const cols = r.columns.map((n) => ident(col(table, n).name));
        const list = cols.join(', ');
        const notNull = cols.map((c) => `${c} IS NOT NULL`).join(' AND ');
        const nullRows = r.primaryKey ? ` + (SELECT COUNT(*) FROM ${from} WHERE NOT (${notNull}))` : '';
        return {
          count: `SELECT (SELECT COUNT(*) FROM (SELECT ${list} FROM ${from} WHERE ${notNull} GROUP BY ${list} HAVING COUNT(*) > 1) AS d)${nullRows}`,
          examples: `SELECT ${list} FROM ${from} WHERE ${notNull} GROUP BY ${list} HAVING COUNT(*) > 1 ORDER BY ${list} FETCH FIRST ${EXAMPLES} ROWS ONLY`,
          keyColumns: r.columns.map((n) => col(table, n).name),
        };
      }
      case 'orphans': {
        const cols = r.columns.map((n) => ident(col(table, n).name));
        const notNull = cols.map((c) => `c.${c} IS NOT NULL`).join(' AND ');
        const parent = matchName(tables, r.refTable, (t) => t.name);
        if (!parent) {
          // The referenced table does not exist in A: after a copy it starts empty, so every
          // row with a non-NULL reference would be an orphan.
          return pair(notNull.replace(/c\./g, ''));
        }
        const on = r.refColumns.map((n, i) => `c.${cols[i]} = p.${ident(col(parent, n).name)}`).join(' AND ');
        const where = `${notNull} AND NOT EXISTS (SELECT 1 FROM ${path([...prefix, parent.name])} AS p WHERE ${on})`;
        return {
          count: `SELECT COUNT(*) FROM ${from} AS c WHERE ${where}`,
          examples: `SELECT ${keys.map((k) => `c.${ident(k)}`).join(', ')} FROM ${from} AS c WHERE ${where} ORDER BY ${keys.map((k) => `c.${ident(k)}`).join(', ')} FETCH FIRST ${EXAMPLES} ROWS ONLY`,
          keyColumns: keys,
        };
      }
    }
  } catch {
    return null;
  }
}
