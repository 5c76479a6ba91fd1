import { normalizeDefault } from '../diff.js';
import type { Analyzer, Draft } from './analyzer.js';
import { final } from './analyzer.js';
import { plainFinding } from './proven-finding.js';
import { ref } from './wording.js';

/**
 * D101: a column default added, removed or changed (warning: rows inserted without the column get
 * a different value). The diff has already compared the defaults normalized, so a cast or
 * keyword case alone never gets here.
 *
 * @example
 * defaultAnalyzer.drafts([modifyColumn status default 'new' → 'open'], schemas) // [final D101]
 */
export const defaultAnalyzer: Analyzer = {
  name: 'defaults',
  codes: ['D101'],
  drafts(changes) {
    const out: Draft[] = [];
    for (const c of changes) {
      if (c.kind !== 'modifyColumn' || !c.flags.includes('default')) continue;
      const at = ref(c.table, c.from.name);
      const shown = (d: string | null): string | null => (normalizeDefault(d) === null ? null : (d ?? '').trim());
      const from = shown(c.from.default);
      const to = shown(c.to.default);
      const message = from === null ? `Default of ${at} is added in B: ${to}.`
        : to === null ? `Default of ${at} is removed in B (was ${from}).`
          : `Default of ${at} changes from ${from} to ${to}.`;
      out.push(final(plainFinding({ code: 'D101', table: c.table, column: c.from.name }, 'warning', message,
        'check the application does not rely on the old default when it inserts rows')));
    }
    return out;
  },
};
