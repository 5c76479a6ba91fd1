import type { Analyzer, Draft } from './analyzer.js';
import { final } from './analyzer.js';
import { plainFinding } from './proven-finding.js';
import { ref } from './wording.js';

/**
 * Columns whose values the database stops or starts generating: C103 (removed, warning: inserts
 * must now supply the value) and C203 (added, info).
 *
 * @example
 * autoIncrementAnalyzer.drafts([modifyColumn id with flag autoIncrement], schemas) // [final C103]
 */
export const autoIncrementAnalyzer: Analyzer = {
  name: 'auto-increment',
  codes: ['C103', 'C203'],
  drafts(changes) {
    const out: Draft[] = [];
    for (const c of changes) {
      if (c.kind !== 'modifyColumn' || !c.flags.includes('autoIncrement')) continue;
      const place = { table: c.table, column: c.from.name };
      out.push(final(c.from.autoIncrement
        ? plainFinding({ ...place, code: 'C103' }, 'warning',
          `Column ${ref(c.table, c.from.name)} is no longer auto-increment in B: inserts must supply its value.`,
          'give the column a generator (identity, sequence) in B, or have the application supply values')
        : plainFinding({ ...place, code: 'C203' }, 'info',
          `Column ${ref(c.table, c.from.name)} becomes auto-increment in B.`,
          'after copying, move the generator past the highest copied value')));
    }
    return out;
  },
};
