import type { Analyzer, Draft } from './analyzer.js';
import { final } from './analyzer.js';
import { plainFinding } from './proven-finding.js';
import { firstColumn } from './schema-lookup.js';
import { columnList, name, ref } from './wording.js';

/**
 * Indexes (other than those backing keys, which the diff leaves out): I101 (dropped, warning:
 * queries may get slower), I102 (a column sorted the other way, warning) and I201 (a non-unique
 * index added, info). A new unique index can
 * refuse A's rows, so the unique-constraint analyzer reports it as K102.
 *
 * @example
 * indexAnalyzer.drafts([{ kind: 'dropIndex', table: 'orders', index }], schemas) // [final I101]
 */
export const indexAnalyzer: Analyzer = {
  name: 'indexes',
  codes: ['I101', 'I102', 'I201'],
  drafts(changes, schemas) {
    const out: Draft[] = [];
    for (const c of changes) {
      if (c.kind === 'dropIndex') {
        const { index } = c;
        out.push(final(plainFinding({ code: 'I101', table: c.table, column: index.columns[0] ?? null }, 'warning',
          `${index.unique ? 'Unique index' : 'Index'} ${name(index.name)} on ${ref(c.table)} ${columnList(index.columns)} is dropped in B: queries that use it may get slower.`,
          'keep the index in B unless it is no longer needed')));
      } else if (c.kind === 'modifyIndex') {
        const { from, to } = c;
        const turned = from.columns.flatMap((col, i) => (from.descending?.[i] === true) !== (to.descending?.[i] === true)
          ? [`${name(col)} ${to.descending?.[i] === true ? 'descending' : 'ascending'} in B instead of ${from.descending?.[i] === true ? 'descending' : 'ascending'}`] : []);
        out.push(final(plainFinding({ code: 'I102', table: c.table, column: firstColumn(schemas, c.table, from.columns) }, 'warning',
          `${from.unique ? 'Unique index' : 'Index'} ${name(from.name)} on ${ref(c.table)} ${columnList(from.columns)} sorts ${turned.join(', ')}: queries that read it in that order may get slower.`,
          'recreate the index in B with the directions of A')));
      } else if (c.kind === 'addIndex' && !c.index.unique) {
        out.push(final(plainFinding({ code: 'I201', table: c.table, column: firstColumn(schemas, c.table, c.index.columns) }, 'info',
          `Index ${name(c.index.name)} on ${ref(c.table)} ${columnList(c.index.columns)} is new in B.`)));
      }
    }
    return out;
  },
};
