import type { Analyzer, Draft } from './analyzer.js';
import { final } from './analyzer.js';
import { plainFinding } from './proven-finding.js';
import { ref } from './wording.js';

/**
 * Views only A or only B has: V101 (dropped, warning: queries using it stop working) and V201
 * (added, info). Views hold no data of their own, so nothing needs proving.
 *
 * @example
 * viewAnalyzer.drafts([{ kind: 'dropView', view: openOrders }], schemas) // [final V101]
 */
export const viewAnalyzer: Analyzer = {
  name: 'views',
  codes: ['V101', 'V201'],
  drafts(changes) {
    const out: Draft[] = [];
    for (const c of changes) {
      if (c.kind === 'addView') {
        out.push(final(plainFinding({ code: 'V201', table: c.view.name, column: null }, 'info', `View ${ref(c.view.name)} is new in B.`)));
      } else if (c.kind === 'dropView') {
        out.push(final(plainFinding({ code: 'V101', table: c.view.name, column: null }, 'warning',
          `View ${ref(c.view.name)} is dropped in B: queries that use it stop working.`,
          'keep the view in B, or update the queries that use it')));
      }
    }
    return out;
  },
};
