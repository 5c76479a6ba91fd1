import type { ColumnInfo } from '../../schema/model.js';
import type { Change } from '../changes.js';
import { sameType } from '../type-change.js';
import type { Analyzer } from './analyzer.js';
import { final } from './analyzer.js';
import { plainFinding } from './proven-finding.js';
import { name, ref } from './wording.js';

/**
 * A column that probably only changed its name: in its table exactly one column is dropped and
 * exactly one added, with the same type.
 *
 * @example
 * { table: 'customers', from: email, to: emailAddress }
 */
export interface ProbableRename {
  readonly table: string;
  readonly from: ColumnInfo;
  readonly to: ColumnInfo;
}

/**
 * Finds probable renames: per table, exactly one dropped and exactly one added column of the same
 * logical type. Two candidates on either side are not guessed between.
 *
 * @example
 * probableRenames(changes) // [{ table: 'customers', from: email, to: email_address }]
 */
export function probableRenames(changes: readonly Change[]): ProbableRename[] {
  const byTable = new Map<string, { drops: ColumnInfo[]; adds: ColumnInfo[] }>();
  const entry = (t: string): { drops: ColumnInfo[]; adds: ColumnInfo[] } => {
    let e = byTable.get(t);
    if (!e) byTable.set(t, (e = { drops: [], adds: [] }));
    return e;
  };
  for (const c of changes) {
    if (c.kind === 'dropColumn') entry(c.table).drops.push(c.column);
    else if (c.kind === 'addColumn') entry(c.table).adds.push(c.column);
  }
  const out: ProbableRename[] = [];
  for (const [table, { drops: [from, ...moreDrops], adds: [to, ...moreAdds] }] of byTable) {
    if (from && to && moreDrops.length === 0 && moreAdds.length === 0 && sameType(from.type, to.type)) out.push({ table, from, to });
  }
  return out;
}

/**
 * C102: a probable rename, reported on the added column (warning): a copy by column name does
 * not follow it. The dropped column's own C101 stays; the added column's C201 is replaced.
 *
 * @example
 * renameAnalyzer.drafts(changes, schemas) // [final C102 on customers.email_address]
 */
export const renameAnalyzer: Analyzer = {
  name: 'renames',
  codes: ['C102'],
  drafts(changes) {
    return probableRenames(changes).map(({ table, from, to }) => final(plainFinding(
      { code: 'C102', table, column: to.name },
      'warning',
      `Column ${ref(table, to.name)} (${to.type.display}) is new in B and ${ref(table, from.name)} (${from.type.display}) is dropped: probably a rename of ${name(from.name)} to ${name(to.name)}, which a copy by column name does not follow.`,
      `if it is a rename, map ${name(from.name)} to ${name(to.name)} when copying; otherwise ${name(from.name)}'s values are lost`,
    )));
  },
};
