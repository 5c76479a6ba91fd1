import type { ForeignKeyInfo } from '../../schema/model.js';
import type { Analyzer, Draft } from './analyzer.js';
import { final } from './analyzer.js';
import { keyDraft } from './key-draft.js';
import { plainFinding } from './proven-finding.js';
import { columnsInA, firstColumn, tableInA } from './schema-lookup.js';
import { columnList, count, ref } from './wording.js';

function describe(table: string, fk: ForeignKeyInfo): string {
  return `${ref(table)} ${columnList(fk.columns)} → ${ref(fk.refTable)} ${columnList(fk.refColumns)}`;
}

/**
 * Foreign keys: K103 (new in B; error when rows of A reference missing rows, proof `orphans`) and
 * K201 (dropped, info). When the referenced table is new in B it starts empty, so the request
 * names B's table, which A lacks, and every row with a reference counts as an orphan.
 *
 * @example
 * foreignKeyAnalyzer.drafts([{ kind: 'addForeignKey', table: 'orders', foreignKey }], schemas) // [pending K103]
 */
export const foreignKeyAnalyzer: Analyzer = {
  name: 'foreign keys',
  codes: ['K103', 'K201'],
  drafts(changes, schemas) {
    const out: Draft[] = [];
    for (const c of changes) {
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
