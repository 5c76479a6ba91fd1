import type { ColumnInfo } from '../../schema/model.js';
import type { Change } from '../changes.js';
import { RENAME_THRESHOLD, renameScore } from '../rename-score.js';
import { sameType } from '../type-change.js';
import type { Analyzer } from './analyzer.js';
import { final } from './analyzer.js';
import { plainFinding } from './proven-finding.js';
import { name, ref } from './wording.js';

/**
 * A column that probably only changed its name: dropped in A, added in B, and alike enough (see
 * {@link probableRenames}).
 *
 * @example
 * { table: 'customers', from: email, to: emailAddress }
 */
export interface ProbableRename {
  readonly table: string;
  readonly from: ColumnInfo;
  readonly to: ColumnInfo;
}

/** A dropped and an added column of one table, with their rename score. */
interface Candidate {
  readonly from: ColumnInfo;
  readonly to: ColumnInfo;
  readonly score: number;
}

const SAME_SCORE = 1e-9;

/**
 * Pairs one table's dropped and added columns one-to-one, best scores first; returns them in B's
 * column order. A pair whose score
 * ties with another candidate for one of its columns is not guessed between, and neither column
 * is paired.
 */
function pairTable(table: string, drops: readonly ColumnInfo[], adds: readonly ColumnInfo[]): ProbableRename[] {
  const [from, to] = [drops[0], adds[0]];
  // The only dropped and the only added column, of the same type: a rename whatever their names.
  if (from && to && drops.length === 1 && adds.length === 1 && sameType(from.type, to.type)) return [{ table, from, to }];
  const candidates: Candidate[] = drops.flatMap((d) => adds.flatMap((a) => {
    const s = renameScore(d, a);
    return s && s.total >= RENAME_THRESHOLD ? [{ from: d, to: a, score: s.total }] : [];
  }));
  candidates.sort((x, y) => y.score - x.score || x.from.position - y.from.position || x.to.position - y.to.position);
  const used = new Set<ColumnInfo>();
  const out: ProbableRename[] = [];
  for (const c of candidates) {
    if (used.has(c.from) || used.has(c.to)) continue;
    const rival = candidates.some((o) => o !== c && (o.from === c.from) !== (o.to === c.to) && !used.has(o.from) && !used.has(o.to) && c.score - o.score < SAME_SCORE);
    used.add(c.from).add(c.to);
    if (!rival) out.push({ table, from: c.from, to: c.to });
  }
  return out.sort((x, y) => x.to.position - y.to.position);
}

/**
 * Finds probable renames, per table, among its dropped and added columns, whatever else changes
 * in it: each dropped column of A is scored against each added column of B ({@link renameScore}:
 * name similarity, type affinity, position, nullability; unrelated types never pair), pairs
 * scoring below {@link RENAME_THRESHOLD} are dropped, and the rest are taken one-to-one, best
 * first. Two equally good candidates for one column are not guessed between. The only dropped
 * and only added column of a table pair whatever their names when their types are the same.
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
  return [...byTable].flatMap(([table, { drops, adds }]) => pairTable(table, drops, adds));
}

/**
 * C102: a probable rename, reported on the added column (warning): a copy by column name does
 * not follow it. The dropped column's own C101 stays; the added column's C201 is replaced.
 * Pairs come from {@link probableRenames}, so other columns dropped, added or changed in the
 * same table do not hide a rename.
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
