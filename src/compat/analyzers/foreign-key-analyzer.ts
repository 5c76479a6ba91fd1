import type { ForeignKeyInfo } from '../../schema/model.js';
import { changedEvents, changesRows, referentialAction, type ReferentialEvent } from '../key-behaviour.js';
import type { Finding } from '../finding.js';
import type { Analyzer, Draft } from './analyzer.js';
import { final } from './analyzer.js';
import { keyDraft } from './key-draft.js';
import { plainFinding } from './proven-finding.js';
import { columnsInA, firstColumn, tableInA } from './schema-lookup.js';
import { columnList, count, ref } from './wording.js';

function describe(table: string, fk: ForeignKeyInfo): string {
  return `${ref(table)} ${columnList(fk.columns)} → ${ref(fk.refTable)} ${columnList(fk.refColumns)}`;
}

/** What an action does to the rows referencing a deleted or updated row, as a predicate. */
function effect(action: string, event: ReferentialEvent): string {
  if (action === 'CASCADE') return `${event === 'delete' ? 'deletes' : 'updates'} the rows that reference it`;
  return action === 'SET NULL' ? 'sets their referencing columns to NULL' : 'sets their referencing columns to their defaults';
}

/** K104 for a foreign key whose actions differ: an error when a row-changing action of A is lost. */
function actionFinding(table: string, a: ForeignKeyInfo, b: ForeignKeyInfo): Finding {
  let error = false;
  const parts = changedEvents(a, b).map((event) => {
    const from = referentialAction(a, event) as string;
    const to = referentialAction(b, event) as string;
    const doing = `${event === 'delete' ? 'deleting' : 'updating the key of'} a row of ${ref(a.refTable)}`;
    error ||= changesRows(from);
    const consequence = !changesRows(from) ? `${doing} now ${effect(to, event)} instead of being refused`
      : !changesRows(to) ? `${doing} no longer ${effect(from, event)}; it is refused while they exist`
      : `${doing} ${effect(to, event)} instead; in A it ${effect(from, event)}`;
    return `ON ${event.toUpperCase()} from ${from} to ${to} in B: ${consequence}`;
  });
  const wanted = changedEvents(a, b).map((e) => `ON ${e.toUpperCase()} ${referentialAction(a, e) as string}`).join(' ');
  return plainFinding({ code: 'K104', table, column: a.columns[0] ?? null }, error ? 'error' : 'warning',
    `Foreign key ${describe(table, a)} changes ${parts.join('; and ')}.`,
    error ? `recreate the foreign key in B with ${wanted}` : undefined);
}

/**
 * Foreign keys: K103 (new in B; error when rows of A reference missing rows, proof `orphans`),
 * K104 (the same columns, other ON DELETE/ON UPDATE actions; error when A's action changes rows
 * and B's does not do the same) and K201 (dropped, info). When the referenced table is new in B it starts empty, so the request
 * names B's table, which A lacks, and every row with a reference counts as an orphan.
 *
 * @example
 * foreignKeyAnalyzer.drafts([{ kind: 'addForeignKey', table: 'orders', foreignKey }], schemas) // [pending K103]
 */
export const foreignKeyAnalyzer: Analyzer = {
  name: 'foreign keys',
  codes: ['K103', 'K104', 'K201'],
  drafts(changes, schemas) {
    const out: Draft[] = [];
    for (const c of changes) {
      if (c.kind === 'modifyForeignKey') {
        out.push(final(actionFinding(c.table, c.from, c.to)));
        continue;
      }
      if (c.kind === 'dropForeignKey') {
        out.push(final(plainFinding({ code: 'K201', table: c.table, column: c.foreignKey.columns[0] ?? null }, 'info',
          `Foreign key ${describe(c.table, c.foreignKey)} is dropped in B.`)));
        continue;
      }
      if (c.kind !== 'addForeignKey') continue;
      const { table, foreignKey: fk } = c;
      const parent = tableInA(schemas, fk.refTable);
      const refInA = parent ? columnsInA(schemas, parent.name, fk.refColumns) : null;
      const refMissing = refInA?.missing.map((m) => ref(fk.refTable, m)) ?? [];
      out.push(keyDraft(schemas, table, fk.columns, { code: 'K103', table, column: firstColumn(schemas, table, fk.columns) }, {
        subject: `Foreign key ${describe(table, fk)} is new in B`,
        violated: (r) => `${count(r.count, 'row')} of A ${r.count === 1 ? 'references' : 'reference'} ${parent ? `no row of ${ref(parent.name)}` : `${ref(fk.refTable)}, which is new in B and starts empty`}`,
        clean: parent ? `every row of A finds the row it references in ${ref(parent.name)}` : `no row of A sets ${columnList(fk.columns)}`,
        risk: 'rows of A referencing missing rows would be refused',
        suggestion: () => (parent ? 'delete or fix the orphaned rows first' : `fill ${ref(fk.refTable)} before copying ${ref(table)}`),
      }, (aColumns) => ({
        kind: 'orphans',
        table,
        columns: aColumns,
        // A table new in B starts empty: the request names it as B does, and A's data has no
        // such table, so every row with a reference counts.
        refTable: parent ? parent.name : fk.refTable,
        refColumns: refInA ? refInA.columns : fk.refColumns,
      }), refMissing));
    }
    return out;
  },
};
