import type { ForeignKeyInfo, IndexInfo } from '../schema/model.js';

/**
 * What the diff compares of keys and indexes that pair by their columns: a foreign key's
 * ON DELETE / ON UPDATE actions and an index's column directions.
 */

/** A foreign-key event: deleting a referenced row, or updating its key. */
export type ReferentialEvent = 'delete' | 'update';

/**
 * A foreign key's action for `event` in SQL words, NO ACTION and RESTRICT read as one (both
 * refuse the change while rows reference it); null when the catalog does not say.
 *
 * @example
 * referentialAction({ ...fk, onDelete: 'restrict' }, 'delete') // 'NO ACTION'
 */
export function referentialAction(fk: ForeignKeyInfo, event: ReferentialEvent): string | null {
  const words = event === 'delete' ? fk.onDelete : fk.onUpdate;
  if (words === null || words === undefined) return null;
  const w = words.trim().toUpperCase().replace(/_/g, ' ');
  return w === 'RESTRICT' ? 'NO ACTION' : w;
}

/**
 * The events whose actions differ between A's and B's foreign key; an event either side does
 * not report is left out.
 *
 * @example
 * changedEvents({ ...fk, onDelete: 'CASCADE' }, { ...fk, onDelete: 'NO ACTION' }) // ['delete']
 */
export function changedEvents(a: ForeignKeyInfo, b: ForeignKeyInfo): ReferentialEvent[] {
  return (['delete', 'update'] as const).filter((e) => {
    const x = referentialAction(a, e);
    const y = referentialAction(b, e);
    return x !== null && y !== null && x !== y;
  });
}

/**
 * Whether an action changes the rows that reference the deleted or updated row (rather than
 * refusing the change): an application relies on it.
 *
 * @example
 * changesRows('SET NULL') // true
 */
export function changesRows(action: string): boolean {
  return action === 'CASCADE' || action === 'SET NULL' || action === 'SET DEFAULT';
}

/**
 * An index's column directions as one comparable string (`asc,desc`); an index whose catalog
 * does not say counts as ascending.
 *
 * @example
 * directions({ name: 'ix', columns: ['ts', 'id'], unique: false, descending: [true, false] }) // 'desc,asc'
 */
export function directions(index: IndexInfo): string {
  return index.columns.map((_, i) => (index.descending?.[i] === true ? 'desc' : 'asc')).join(',');
}
