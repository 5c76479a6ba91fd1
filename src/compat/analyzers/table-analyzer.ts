import type { Analyzer, Draft } from './analyzer.js';
import { final } from './analyzer.js';
import { plainFinding, provenFinding } from './proven-finding.js';
import { count, ref } from './wording.js';

/**
 * Tables only A or only B has: T101 (dropped; error when it holds rows, proof `rows`) and T201
 * (added, info).
 *
 * @example
 * tableAnalyzer.drafts([{ kind: 'addTable', table: invoices }], schemas) // [final T201]
 */
export const tableAnalyzer: Analyzer = {
  name: 'tables',
  codes: ['T101', 'T201'],
  drafts(changes) {
    const out: Draft[] = [];
    for (const c of changes) {
      if (c.kind === 'addTable') {
        const table = c.table.name;
        out.push(final(plainFinding({ code: 'T201', table, column: null }, 'info', `Table ${ref(table)} is new in B (${count(c.table.columns.length, 'column')}).`)));
      } else if (c.kind === 'dropTable') {
        const table = c.table.name;
        out.push({
          kind: 'pending',
          request: { kind: 'rows', table },
          decide: (outcome) => provenFinding({ code: 'T101', table, column: null }, outcome, {
            subject: `Table ${ref(table)} is dropped in B`,
            violated: (r) => `it holds ${count(r.count, 'row')} in A`,
            clean: 'it is empty in A',
            risk: 'rows in it would be lost',
            suggestion: () => 'keep the table in B, or move its rows elsewhere before migrating',
          }),
        });
      }
    }
    return out;
  },
};
