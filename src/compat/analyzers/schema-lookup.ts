import type { TableInfo } from '../../schema/model.js';
import { findByName, matchByName } from '../diff.js';
import type { SchemaPair } from './analyzer.js';

/**
 * Columns a change in B names, translated to A's spelling for a proof request; `missing` lists
 * those A does not have (new in B), which no question about A's data can cover.
 *
 * @example
 * { table: ordersInA, columns: ['id'], missing: ['TENANT'] }
 */
export interface ColumnsInA {
  readonly table: TableInfo | undefined;
  readonly columns: readonly string[];
  readonly missing: readonly string[];
}

/** Table pairs per snapshot pair, computed once: analyzers look them up for every key change. */
const tablePairs = new WeakMap<SchemaPair['a'], WeakMap<SchemaPair['b'], Map<TableInfo, TableInfo>>>();

/** A's tables mapped to their partners in B, and B's to theirs in A, as the diff pairs them. */
function pairsOf(schemas: SchemaPair): Map<TableInfo, TableInfo> {
  let byB = tablePairs.get(schemas.a);
  if (!byB) tablePairs.set(schemas.a, (byB = new WeakMap()));
  let pairs = byB.get(schemas.b);
  if (!pairs) {
    pairs = new Map();
    for (const [x, y] of matchByName(schemas.a.tables, schemas.b.tables, (t) => t.name).pairs) {
      pairs.set(x, y);
      pairs.set(y, x);
    }
    byB.set(schemas.b, pairs);
  }
  return pairs;
}

/**
 * Translates column names of B's table into A's spelling for the A table named `aTable` (a
 * change's `table`), the way the diff paired the columns.
 *
 * @example
 * columnsInA(schemas, 'orders', ['ID']).columns // ['id']
 */
export function columnsInA(schemas: SchemaPair, aTable: string, bColumns: readonly string[]): ColumnsInA {
  const table = schemas.a.tables.find((t) => t.name === aTable);
  const bTable = table ? pairsOf(schemas).get(table) : undefined;
  if (!table || !bTable) return { table, columns: [], missing: [...bColumns] };
  const pairs = matchByName(table.columns, bTable.columns, (c) => c.name).pairs;
  const columns: string[] = [];
  const missing: string[] = [];
  for (const n of bColumns) {
    const bColumn = findByName(bTable.columns, n);
    const pair = pairs.find(([, y]) => y === bColumn);
    if (pair) columns.push(pair[0].name); else missing.push(n);
  }
  return { table, columns, missing };
}

/**
 * A's table paired with the B table a foreign key in B references, or undefined when that
 * table is new in B.
 *
 * @example
 * tableInA(schemas, 'CUSTOMERS')?.name // 'customers'
 */
export function tableInA(schemas: SchemaPair, bTableName: string): TableInfo | undefined {
  const bTable = findByName(schemas.b.tables, bTableName);
  if (!bTable) return undefined;
  return pairsOf(schemas).get(bTable);
}

/**
 * The column a finding about a key or index in B names: its first column, in A's spelling when A
 * has it.
 *
 * @example
 * firstColumn(schemas, 'orders', ['CUSTOMER_ID', 'ID']) // 'customer_id'
 */
export function firstColumn(schemas: SchemaPair, aTable: string, bColumns: readonly string[]): string | null {
  const first = bColumns[0];
  if (first === undefined) return null;
  return columnsInA(schemas, aTable, [first]).columns[0] ?? first;
}
