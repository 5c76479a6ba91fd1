import type { IndexInfo, KeyInfo, TableInfo } from '../schema/model.js';
import { matchName } from './sql-text.js';

/**
 * How indexes relate to keys for the diff: which indexes only back a key, and which unique
 * indexes are unique keys themselves (PostgreSQL's CREATE UNIQUE INDEX).
 */

/** Maps a column name into the spelling both sides are compared in. */
export type ColumnRename = (name: string) => string;

/**
 * A column set as one comparable string: order and case do not matter.
 *
 * @example
 * setKey(['B', 'a']) === setKey(['a', 'b']) // true
 */
export function setKey(columns: readonly string[]): string {
  return JSON.stringify(columns.map((x) => x.toLowerCase()).sort());
}

/**
 * Whether an index is unique on columns of its table (no expression, no partial condition), so
 * it is a unique key.
 *
 * @example
 * plainUnique({ name: 'ux', columns: ['lower(email)'], unique: true }, users) // false
 * plainUnique({ name: 'ux', columns: ['email'], unique: true, predicate: 'active' }, users) // false
 */
export function plainUnique(index: IndexInfo, table: TableInfo): boolean {
  // A partial unique index constrains only the rows its condition selects: it is no key.
  return index.unique && !index.predicate && index.columns.length > 0 && index.columns.every((c) => matchName(table.columns, c, (x) => x.name) !== undefined);
}

/**
 * A table's unique column sets (as `setKey`s), declared by constraints or by plain unique
 * indexes, with names passed through `rename`.
 *
 * @example
 * uniqueSets(users, (n) => n).has(setKey(['email'])) // true for UNIQUE (email) or CREATE UNIQUE INDEX … (email)
 */
export function uniqueSets(table: TableInfo, rename: ColumnRename): Set<string> {
  const sets = [...table.uniques.map((k) => k.columns), ...table.indexes.filter((i) => plainUnique(i, table)).map((i) => i.columns)];
  return new Set(sets.map((columns) => setKey(columns.map(rename))));
}

/**
 * Whether an index only backs its table's primary key or a unique constraint (every engine
 * creates one), or, on B's side, exactly covers a foreign key (MySQL, MariaDB and H2 create
 * one). A's indexes on foreign keys count: dropping one where B will not recreate it is real.
 *
 * @example
 * backsKey({ name: 'orders_pkey', columns: ['id'], unique: true }, orders, false) // true
 */
export function backsKey(index: IndexInfo, table: TableInfo, foreignKeysToo: boolean): boolean {
  const keys: KeyInfo[] = [...(table.primaryKey ? [table.primaryKey] : []), ...table.uniques];
  if (keys.some((k) => setKey(k.columns) === setKey(index.columns))) return true;
  const ordered = (xs: readonly string[]): string => JSON.stringify(xs.map((x) => x.toLowerCase()));
  return foreignKeysToo && !index.unique && table.foreignKeys.some((fk) => ordered(fk.columns) === ordered(index.columns));
}
