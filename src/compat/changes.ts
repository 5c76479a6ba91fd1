import type { ColumnInfo, ForeignKeyInfo, IndexInfo, KeyInfo, TableInfo, ViewInfo } from '../schema/model.js';

/** What about a column changed between A and B. */
export type ColumnChangeFlag = 'type' | 'nullable' | 'default' | 'autoIncrement';

/**
 * One difference between schema A (old) and schema B (new): a closed set, as data. Table names
 * are A's spelling for what exists in A, B's for what only B has.
 */
export type Change =
  | { readonly kind: 'addTable'; readonly table: TableInfo }
  | { readonly kind: 'dropTable'; readonly table: TableInfo }
  | { readonly kind: 'addColumn'; readonly table: string; readonly column: ColumnInfo }
  | { readonly kind: 'dropColumn'; readonly table: string; readonly column: ColumnInfo }
  | { readonly kind: 'modifyColumn'; readonly table: string; readonly from: ColumnInfo; readonly to: ColumnInfo; readonly flags: readonly ColumnChangeFlag[] }
  | { readonly kind: 'addPrimaryKey'; readonly table: string; readonly key: KeyInfo }
  | { readonly kind: 'dropPrimaryKey'; readonly table: string; readonly key: KeyInfo }
  | { readonly kind: 'addUnique'; readonly table: string; readonly key: KeyInfo }
  | { readonly kind: 'dropUnique'; readonly table: string; readonly key: KeyInfo }
  | { readonly kind: 'addForeignKey'; readonly table: string; readonly foreignKey: ForeignKeyInfo }
  | { readonly kind: 'dropForeignKey'; readonly table: string; readonly foreignKey: ForeignKeyInfo }
  | { readonly kind: 'modifyForeignKey'; readonly table: string; readonly from: ForeignKeyInfo; readonly to: ForeignKeyInfo }
  | { readonly kind: 'addIndex'; readonly table: string; readonly index: IndexInfo }
  | { readonly kind: 'dropIndex'; readonly table: string; readonly index: IndexInfo }
  | { readonly kind: 'modifyIndex'; readonly table: string; readonly from: IndexInfo; readonly to: IndexInfo }
  | { readonly kind: 'addView'; readonly view: ViewInfo }
  | { readonly kind: 'dropView'; readonly view: ViewInfo };

/** The kinds of change. */
export type ChangeKind = Change['kind'];

/**
 * The table (or view) a change belongs to, as the change names it: what `--tables` and
 * `--exclude` select.
 *
 * @example
 * changeSubject({ kind: 'addForeignKey', table: 'orders', foreignKey }) // 'orders'
 */
export function changeSubject(c: Change): string {
  switch (c.kind) {
    case 'addTable': case 'dropTable': return c.table.name;
    case 'addView': case 'dropView': return c.view.name;
    default: return c.table;
  }
}
