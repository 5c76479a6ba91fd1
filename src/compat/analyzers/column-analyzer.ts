import type { Analyzer, Draft } from './analyzer.js';
import { final } from './analyzer.js';
import { plainFinding, provenFinding } from './proven-finding.js';
import { probableRenames } from './rename-analyzer.js';
import { columnShape, ref, rowsHold } from './wording.js';

/**
 * Columns only A or only B has: C101 (dropped; error when it holds values, proof `nonNull`),
 * C201 (added and fillable: nullable, with a default or auto-increment; info) and C202 (added
 * NOT NULL without a default: error, whatever the data). The added side of a probable rename
 * reports C102 instead of C201; a C202 stays, since a copy by name still leaves it empty.
 *
 * @example
 * columnAnalyzer.drafts([{ kind: 'addColumn', table: 'orders', column: coupon }], schemas) // [final C201]
 */
export const columnAnalyzer: Analyzer = {
  name: 'columns',
  codes: ['C101', 'C201', 'C202'],
  drafts(changes) {
    const renamed = new Set(probableRenames(changes).map((r) => r.to));
    const out: Draft[] = [];
    for (const c of changes) {
      if (c.kind === 'dropColumn') {
        const { table } = c;
        const column = c.column.name;
        out.push({
          kind: 'pending',
          request: { kind: 'nonNull', table, column },
          decide: (outcome) => provenFinding({ code: 'C101', table, column }, outcome, {
            subject: `Column ${ref(table, column)} (${c.column.type.display}) is dropped in B`,
            violated: (r) => `${rowsHold(r.count)} a value in it`,
            clean: 'no row of A holds a value in it',
            risk: 'its values would be lost',
            suggestion: () => 'keep the column in B, or move its values elsewhere before migrating',
          }),
        });
      } else if (c.kind === 'addColumn') {
        const { table, column: col } = c;
        const place = { table, column: col.name };
        if (!col.nullable && col.default === null && !col.autoIncrement) {
          out.push(final(plainFinding({ ...place, code: 'C202' }, 'error',
            `Column ${ref(table, col.name)} (${col.type.display}) is new in B, NOT NULL and has no default: rows copied from A get no value for it.`,
            'give it a default, make it nullable, or fill it while copying')));
        } else if (!renamed.has(col)) {
          out.push(final(plainFinding({ ...place, code: 'C201' }, 'info', `Column ${ref(table, col.name)} (${columnShape(col)}) is new in B.`)));
        }
      }
    }
    return out;
  },
};
