import { tableTextRows } from '../arrow/index.js';
import { matchName, path } from '../compat/sql-text.js';
import { didYouMean, FerryError } from '../errors/index.js';
import type { TableInfo } from '../schema/model.js';
import type { Ferry } from './ferry.js';
import { splitRef } from './refs.js';

/** One line of `ferry tables`: a table or view, its size in rows, bytes and columns, and its key. */
export interface TableSummary {
  readonly name: string;
  readonly kind: 'table' | 'view';
  /** Rows counted through Calcite (`COUNT(*)`), or null when counting was turned off. */
  readonly rows: number | null;
  /** Bytes on disk, data and indexes, as the engine reports them; null where it cannot tell (and for views). */
  readonly bytes: number | null;
  readonly columns: number;
  /** The primary key's columns, empty when there is none (always for views). */
  readonly primaryKey: readonly string[];
  readonly indexes: number;
  readonly foreignKeys: number;
}

/** What `ferry tables DB` lists. */
export interface TableListing {
  readonly database: string;
  readonly engine: string;
  readonly tables: readonly TableSummary[];
}

/**
 * The tables and views of one configured database (or `database.schema`), each with its row
 * count, size on disk, columns and primary key.
 *
 * @example
 * const { tables } = await listTables(ferry, 'shop');
 */
export async function listTables(ferry: Ferry, ref: string, options: { readonly count?: boolean } = {}): Promise<TableListing> {
  const { database, namespace } = splitRef(ferry, ref);
  const snap = await ferry.inspect(database, namespace);
  const bytes = await ferry.tableBytes(database, namespace);
  const prefix = namespace ? [database, namespace] : [database];
  // A backup keeps views and partitions as structure only: they are listed, uncounted.
  const count = async (name: string, mayBeUnreadable = false): Promise<number | null> => {
    if (options.count === false) return null;
    try {
      const cell = [...tableTextRows(await ferry.query(`SELECT COUNT(*) FROM ${path([...prefix, name])}`))][0]?.[0];
      return cell == null ? null : Number(cell);
    } catch (e) {
      if (mayBeUnreadable && e instanceof FerryError && e.code === 'SQL_VALIDATION') return null;
      throw e;
    }
  };
  const tables: TableSummary[] = [];
  for (const t of snap.tables) {
    tables.push({ name: t.name, kind: 'table', rows: await count(t.name, t.partitionOf != null), bytes: bytes[t.name] ?? null, columns: t.columns.length, primaryKey: t.primaryKey?.columns ?? [], indexes: t.indexes.length, foreignKeys: t.foreignKeys.length });
  }
  for (const v of snap.views) {
    tables.push({ name: v.name, kind: 'view', rows: await count(v.name, true), bytes: null, columns: v.columns.length, primaryKey: [], indexes: 0, foreignKeys: 0 });
  }
  tables.sort((a, b) => a.name.localeCompare(b.name));
  return { database: ref, engine: snap.engine, tables };
}

/** What `ferry describe DB.TABLE` shows: the table as Ferry inspects it. */
export interface TableDescription {
  readonly database: string;
  readonly engine: string;
  readonly table: TableInfo;
}

/**
 * One table of a configured database, `db.table` or `db.schema.table`, as Ferry inspects it:
 * columns with native and Ferry types, keys, indexes and foreign keys. An unknown name is
 * UNKNOWN_TABLE with the closest names.
 *
 * @example
 * const { table } = await describeTable(ferry, 'shop.orders');
 */
export async function describeTable(ferry: Ferry, ref: string): Promise<TableDescription> {
  const dot = ref.lastIndexOf('.');
  if (dot <= 0) throw new FerryError('USAGE', `'${ref}': name a table as DATABASE.TABLE or DATABASE.SCHEMA.TABLE, e.g. ferry describe shop.orders`, { ref });
  const { database, namespace } = splitRef(ferry, ref.slice(0, dot));
  const wanted = ref.slice(dot + 1);
  const names = await ferry.tableNames(database, namespace);
  const all = [...names.tables, ...names.views];
  const name = matchName(all, wanted, (n) => n);
  if (!name) {
    const where = namespace ? `${database}.${namespace}` : database;
    throw new FerryError('UNKNOWN_TABLE', `no table or view '${wanted}' in ${where}; ${didYouMean(wanted, all)}`, { database, namespace: namespace ?? null, table: wanted });
  }
  const snap = await ferry.inspect(database, namespace, [name]);
  const table = snap.tables.find((t) => t.name === name);
  const view = snap.views.find((v) => v.name === name);
  const info: TableInfo | undefined = table ?? (view ? { name: view.name, schema: view.schema, columns: view.columns, primaryKey: null, uniques: [], foreignKeys: [], indexes: [] } : undefined);
  if (!info) throw new FerryError('UNKNOWN_TABLE', `'${name}' is listed by ${database} but could not be inspected`, { database, table: name });
  return { database: ref.slice(0, dot), engine: snap.engine, table: info };
}
