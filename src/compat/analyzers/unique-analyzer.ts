import type { Change } from '../changes.js';
import type { Analyzer, Draft } from './analyzer.js';
import { final } from './analyzer.js';
import { keyDraft } from './key-draft.js';
import { plainFinding } from './proven-finding.js';
import { firstColumn } from './schema-lookup.js';
import { columnList, count, name, ref } from './wording.js';

/** A uniqueness B adds: a unique constraint, or a unique index that backs none. */
function addedUniqueness(c: Change): { readonly table: string; readonly what: string; readonly columns: readonly string[] } | null {
  if (c.kind === 'addUnique') return { table: c.table, what: 'Unique constraint', columns: c.key.columns };
  if (c.kind === 'addIndex' && c.index.unique) return { table: c.table, what: `Unique index ${name(c.index.name)}`, columns: c.index.columns };
  return null;
}

/**
 * Unique constraints: K102 (a unique constraint or unique index new in B; error when A holds
 * duplicates, proof `duplicates`) and K201 (a unique constraint dropped, info). A dropped unique
 * index is an I101 of the index analyzer.
 *
 * @example
 * uniqueAnalyzer.drafts([{ kind: 'addUnique', table: 'customers', key: { name: null, columns: ['email'] } }], schemas) // [pending K102]
 */
export const uniqueAnalyzer: Analyzer = {
  name: 'unique constraints',
  codes: ['K102', 'K201'],
  drafts(changes, schemas) {
    const out: Draft[] = [];
    for (const c of changes) {
      if (c.kind === 'dropUnique') {
        out.push(final(plainFinding({ code: 'K201', table: c.table, column: c.key.columns[0] ?? null }, 'info',
          `Unique constraint on ${ref(c.table)} ${columnList(c.key.columns)} is dropped in B.`)));
        continue;
      }
      const added = addedUniqueness(c);
      if (!added) continue;
      const { table, columns } = added;
      out.push(keyDraft(schemas, table, columns, { code: 'K102', table, column: firstColumn(schemas, table, columns) }, {
        subject: `${added.what} on ${ref(table)} ${columnList(columns)} is new in B`,
        violated: (r) => `A has ${count(r.count, 'duplicated value')}`,
        clean: "A's rows are unique on those columns",
        risk: 'duplicates in A would be refused',
        suggestion: () => 'remove the duplicates first, or leave the constraint out',
      }, (aColumns) => ({ kind: 'duplicates', table, columns: aColumns, primaryKey: false })));
    }
    return out;
  },
};
