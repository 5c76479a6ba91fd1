import type { ColumnInfo, ForeignKeyInfo, IndexInfo, SchemaSnapshot, TableInfo } from '../schema/model.js';
import type { Change, ColumnChangeFlag } from './changes.js';
import { backsKey, plainUnique, setKey, uniqueSets, type ColumnRename } from './index-keys.js';
import { changedEvents, directions } from './key-behaviour.js';
import { sameType } from './type-change.js';

/**
 * A's and B's items paired by name: exact spelling first, then case-insensitively where that is
 * unambiguous (PostgreSQL's `orders` and H2's `ORDERS`). Pairs keep A's order, leftovers their own.
 *
 * @example
 * matchByName([{ name: 'orders' }], [{ name: 'ORDERS' }], (t) => t.name).pairs // [[{ name: 'orders' }, { name: 'ORDERS' }]]
 */
export interface NameMatch<T> {
  readonly pairs: readonly (readonly [T, T])[];
  readonly onlyA: readonly T[];
  readonly onlyB: readonly T[];
}

/**
 * Pairs two lists by name, exactly first and then case-insensitively when exactly one unpaired
 * item on each side shares the lower-cased name.
 *
 * @example
 * matchByName(a.tables, b.tables, (t) => t.name)
 */
export function matchByName<T>(as: readonly T[], bs: readonly T[], name: (item: T) => string): NameMatch<T> {
  const bOf = new Map<number, number>();
  const taken = new Set<number>();
  const groups = (items: readonly T[], key: (item: T) => string, skip: (i: number) => boolean): Map<string, number[]> => {
    const m = new Map<string, number[]>();
    items.forEach((x, i) => {
      if (skip(i)) return;
      const k = key(x);
      m.set(k, [...(m.get(k) ?? []), i]);
    });
    return m;
  };
  const pair = (i: number, j: number): void => { bOf.set(i, j); taken.add(j); };
  const exact = groups(bs, name, () => false);
  as.forEach((x, i) => {
    const j = exact.get(name(x))?.find((k) => !taken.has(k));
    if (j !== undefined) pair(i, j);
  });
  const lower = (item: T): string => name(item).toLowerCase();
  const aLeft = groups(as, lower, (i) => bOf.has(i));
  const bLeft = groups(bs, lower, (k) => taken.has(k));
  for (const [key, [i, ...moreA]] of aLeft) {
    const [j, ...moreB] = bLeft.get(key) ?? [];
    if (i !== undefined && j !== undefined && moreA.length === 0 && moreB.length === 0) pair(i, j);
  }
  return {
    pairs: as.flatMap((x, i) => (bOf.has(i) ? [[x, bs[bOf.get(i) as number] as T] as const] : [])),
    onlyA: as.filter((_, i) => !bOf.has(i)),
    onlyB: bs.filter((_, k) => !taken.has(k)),
  };
}

/**
 * Normalizes a column default for comparison: trims, lower-cases outside quotes, drops
 * PostgreSQL casts and CAST(… AS …), surrounding parentheses, and treats NULL as no default.
 *
 * @example
 * normalizeDefault("('x'::character varying)") // "'x'"
 */
export function normalizeDefault(expr: string | null): string | null {
  if (expr === null) return null;
  const parts = expr.trim().split(/('(?:[^']|'')*'|"(?:[^"]|"")*")/);
  let s = parts
    .map((p, i) => (i % 2 === 1 ? p : p.toLowerCase().replace(/\s+/g, ' ').replace(CAST_SUFFIX, '')))
    .join('')
    .trim();
  for (let before = ''; before !== s; ) {
    before = s;
    if (s.startsWith('(') && s.endsWith(')') && wrapsWhole(s)) s = s.slice(1, -1).trim();
    const cast = /^cast ?\((.*) as [a-z_][a-z0-9_ ]*(\(\d+(?: ?, ?\d+)?\))?\)$/.exec(s);
    if (cast) s = (cast[1] ?? '').trim();
  }
  if (s === '' || s === 'null') return null;
  // CURRENT_TIMESTAMP(6) is the clock at a precision the column's type already says.
  s = s.replace(/^(current_timestamp|localtimestamp|now)\(\d*\)$/, '$1()').replace(/^(current_timestamp|localtimestamp)\(\)$/, '$1');
  return SYNONYMS[s] ?? s;
}

const CAST_SUFFIX = /::[a-z_][a-z0-9_]*(?:\.[a-z_][a-z0-9_]*)?(?: ?\(\d+(?: ?, ?\d+)?\))?(?: (?:varying|precision|without|with|time|zone|local)\b(?: ?\(\d+\))?)*(?:\[\])?/g;

/** Spellings engines report for the same default. */
const SYNONYMS: Readonly<Record<string, string>> = {
  'now()': 'current_timestamp',
  'current_timestamp()': 'current_timestamp',
  'current_date()': 'current_date',
  'curdate()': 'current_date',
};

/** Whether the first `(` of `s` closes at its last character. */
function wrapsWhole(s: string): boolean {
  let depth = 0;
  let quote: string | null = null;
  for (let i = 0; i < s.length; i++) {
    const c = s[i] as string;
    if (quote) { if (c === quote) quote = null; continue; }
    if (c === "'" || c === '"') quote = c;
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0 && i < s.length - 1) return false;
  }
  return depth === 0;
}

/** Whether two columns default alike: a boolean's 1 and TRUE are one default (MariaDB spells TRUE as 1). */
function sameDefault(a: ColumnInfo, b: ColumnInfo): boolean {
  const norm = (c: ColumnInfo): string | null => {
    const d = normalizeDefault(c.default);
    if (c.type.family !== 'boolean' || d === null) return d;
    return d === '1' || d === "'1'" || d === 'true' ? 'true' : d === '0' || d === "'0'" || d === 'false' ? 'false' : d;
  };
  return norm(a) === norm(b);
}

/** What changed about a column pair, or nothing. Defaults of generated columns are the generator, not compared. */
function columnFlags(a: ColumnInfo, b: ColumnInfo): ColumnChangeFlag[] {
  const flags: ColumnChangeFlag[] = [];
  // An enumerated type is its labels, whatever the engine calls the type.
  const sameEnum = !!a.enumValues?.length && a.enumValues.join('\u0000') === b.enumValues?.join('\u0000');
  if (!sameEnum && !sameType(a.type, b.type)) flags.push('type');
  if (a.nullable !== b.nullable) flags.push('nullable');
  if (!a.autoIncrement && !b.autoIncrement && !sameDefault(a, b)) flags.push('default');
  if (a.autoIncrement !== b.autoIncrement) flags.push('autoIncrement');
  return flags;
}

/** Pairs of items with equal signatures, as a multiset; returns the pairs and the unpaired ones. */
function unpaired<T>(as: readonly T[], bs: readonly T[], sigA: (x: T) => string, sigB: (x: T) => string): { onlyA: T[]; onlyB: T[]; pairs: [T, T][] } {
  const left = bs.map(sigB);
  const onlyA: T[] = [];
  const pairs: [T, T][] = [];
  for (const x of as) {
    const j = left.indexOf(sigA(x));
    if (j >= 0) {
      left[j] = '\u0000used';
      pairs.push([x, bs[j] as T]);
    } else onlyA.push(x);
  }
  return { onlyA, onlyB: bs.filter((_, k) => left[k] !== '\u0000used'), pairs };
}

/** Translates A's names into B's spelling; a name B does not have gets a marker so it equals nothing in B. */
type Rename = ColumnRename;

function renamer(pairs: readonly (readonly [{ name: string }, { name: string }])[]): Rename {
  const map = new Map(pairs.map(([x, y]) => [x.name, y.name]));
  return (name) => map.get(name) ?? `\u0000A:${name}`;
}

/**
 * Finds an item by name the way references resolve: the exact spelling, else the only
 * case-insensitive match (a foreign key naming `ORDERS` where the table is `orders`).
 *
 * @example
 * findByName(snapshot.tables, 'ORDERS')?.name // 'orders'
 */
export function findByName<T extends { readonly name: string }>(items: readonly T[], name: string): T | undefined {
  const exact = items.find((t) => t.name === name);
  if (exact) return exact;
  const ci = items.filter((t) => t.name.toLowerCase() === name.toLowerCase());
  return ci.length === 1 ? ci[0] : undefined;
}


interface Context {
  readonly a: SchemaSnapshot;
  readonly b: SchemaSnapshot;
  readonly tableName: Rename;
  readonly columnsOf: (aTable: TableInfo) => Rename;
}

function fkSignature(fk: ForeignKeyInfo, col: Rename, refTable: string, refCol: Rename): string {
  const pairs = fk.columns.map((c, i) => JSON.stringify([col(c), refCol(fk.refColumns[i] ?? '')])).sort();
  return JSON.stringify([refTable, pairs]);
}

function diffTable(ta: TableInfo, tb: TableInfo, ctx: Context): Change[] {
  const table = ta.name;
  const out: Change[] = [];
  const cols = matchByName(ta.columns, tb.columns, (c) => c.name);
  for (const column of cols.onlyA) out.push({ kind: 'dropColumn', table, column });
  for (const column of cols.onlyB) out.push({ kind: 'addColumn', table, column });
  for (const [from, to] of cols.pairs) {
    const flags = columnFlags(from, to);
    if (flags.length > 0) out.push({ kind: 'modifyColumn', table, from, to, flags });
  }
  // Key and index column lists resolve against their own table first (metadata may spell a
  // column differently from the column list), then A's names are translated to B's.
  const rename = renamer(cols.pairs);
  const col = (n: string): string => rename(findByName(ta.columns, n)?.name ?? n);
  const own = (t: TableInfo | undefined): Rename => (n) => (t ? findByName(t.columns, n)?.name ?? n : n);
  const same = own(tb);

  const pkA = ta.primaryKey ? JSON.stringify(ta.primaryKey.columns.map(col)) : null;
  const pkB = tb.primaryKey ? JSON.stringify(tb.primaryKey.columns.map(same)) : null;
  if (pkA !== pkB) {
    if (ta.primaryKey) out.push({ kind: 'dropPrimaryKey', table, key: ta.primaryKey });
    if (tb.primaryKey) out.push({ kind: 'addPrimaryKey', table, key: tb.primaryKey });
  }

  // Uniqueness is compared as column sets, whether a constraint or a unique index on plain
  // columns (PostgreSQL's CREATE UNIQUE INDEX) declares it; only constraints become key changes,
  // indexes stay index changes.
  const uniqueA = uniqueSets(ta, col);
  const uniqueB = uniqueSets(tb, same);
  for (const key of ta.uniques) if (!uniqueB.has(setKey(key.columns.map(col)))) out.push({ kind: 'dropUnique', table, key });
  for (const key of tb.uniques) if (!uniqueA.has(setKey(key.columns.map(same)))) out.push({ kind: 'addUnique', table, key });

  const fkA = (fk: ForeignKeyInfo): string => {
    const ref = findByName(ctx.a.tables, fk.refTable);
    return fkSignature(fk, col, ref ? ctx.tableName(ref.name) : `\u0000A:${fk.refTable}`, ref ? ctx.columnsOf(ref) : (c) => `\u0000A:${c}`);
  };
  const fkB = (fk: ForeignKeyInfo): string => {
    const ref = findByName(ctx.b.tables, fk.refTable);
    return fkSignature(fk, same, ref?.name ?? fk.refTable, own(ref));
  };
  const fks = unpaired(ta.foreignKeys, tb.foreignKeys, fkA, fkB);
  for (const foreignKey of fks.onlyA) out.push({ kind: 'dropForeignKey', table, foreignKey });
  for (const foreignKey of fks.onlyB) out.push({ kind: 'addForeignKey', table, foreignKey });
  for (const [from, to] of fks.pairs) if (changedEvents(from, to).length > 0) out.push({ kind: 'modifyForeignKey', table, from, to });

  const ix = unpaired(ta.indexes, tb.indexes, (i) => JSON.stringify([i.unique, i.columns.map(col), i.predicate ?? null]), (i) => JSON.stringify([i.unique, i.columns.map(same), i.predicate ?? null]));
  const keptUnique = (index: IndexInfo, t: TableInfo, rename: Rename, other: ReadonlySet<string>): boolean =>
    plainUnique(index, t) && other.has(setKey(index.columns.map(rename)));
  for (const index of ix.onlyA) if (!backsKey(index, ta, false) && !keptUnique(index, ta, col, uniqueB)) out.push({ kind: 'dropIndex', table, index });
  for (const index of ix.onlyB) if (!backsKey(index, tb, true) && !keptUnique(index, tb, same, uniqueA)) out.push({ kind: 'addIndex', table, index });
  for (const [from, to] of ix.pairs) if (directions(from) !== directions(to)) out.push({ kind: 'modifyIndex', table, from, to });
  return out;
}

const KIND_ORDER: readonly Change['kind'][] = [
  'dropTable', 'addTable', 'dropColumn', 'addColumn', 'modifyColumn', 'dropPrimaryKey', 'addPrimaryKey',
  'dropUnique', 'addUnique', 'dropForeignKey', 'addForeignKey', 'modifyForeignKey', 'dropIndex', 'addIndex', 'modifyIndex',
  'dropView', 'addView',
];

/** The table (or view) a change belongs to and the thing within it, for ordering. */
function sortKey(c: Change): readonly [string, number, string] {
  const kind = KIND_ORDER.indexOf(c.kind);
  switch (c.kind) {
    case 'addTable': case 'dropTable': return [c.table.name, kind, ''];
    case 'addView': case 'dropView': return [c.view.name, kind, ''];
    case 'addColumn': case 'dropColumn': return [c.table, kind, c.column.name];
    case 'modifyColumn': return [c.table, kind, c.from.name];
    case 'addPrimaryKey': case 'dropPrimaryKey': case 'addUnique': case 'dropUnique': return [c.table, kind, JSON.stringify(c.key.columns)];
    case 'addForeignKey': case 'dropForeignKey': return [c.table, kind, JSON.stringify([c.foreignKey.columns, c.foreignKey.refTable])];
    case 'modifyForeignKey': return [c.table, kind, JSON.stringify([c.from.columns, c.from.refTable])];
    case 'addIndex': case 'dropIndex': return [c.table, kind, JSON.stringify([c.index.columns, c.index.name])];
    case 'modifyIndex': return [c.table, kind, JSON.stringify([c.from.columns, c.from.name])];
  }
}

/**
 * Orders text case-insensitively first, then by exact code units, so the order never depends
 * on the locale.
 *
 * @example
 * ['b', 'A', 'a'].sort(compareNames) // ['A', 'a', 'b']
 */
export function compareNames(x: string, y: string): number {
  const lx = x.toLowerCase();
  const ly = y.toLowerCase();
  if (lx !== ly) return lx < ly ? -1 : 1;
  return x < y ? -1 : x > y ? 1 : 0;
}

function compareChanges(x: Change, y: Change): number {
  const [tx, kx, sx] = sortKey(x);
  const [ty, ky, sy] = sortKey(y);
  return compareNames(tx, ty) || kx - ky || compareNames(sx, sy);
}

/**
 * Compares schema A (old) with schema B (new) and returns what changed, as data, ordered by
 * table name and then kind of change (partitions are left to their partitioned table). Tables,
 * views and columns are matched by name (exactly,
 * else case-insensitively); keys and indexes by their columns, since names differ across engines
 * (a paired foreign key whose actions differ, or index whose column directions differ, is modified).
 *
 * @example
 * diff(postgresSnapshot, h2Snapshot) // [{ kind: 'addColumn', table: 'orders', column: { name: 'coupon', … } }]
 */
export function diff(a: SchemaSnapshot, b: SchemaSnapshot): Change[] {
  // A partition's rows are its partitioned table's: compared through that table, never alone.
  const whole = (t: TableInfo): boolean => !t.partitionOf;
  const tables = matchByName(a.tables.filter(whole), b.tables.filter(whole), (t) => t.name);
  const bOf = new Map(tables.pairs.map(([x, y]) => [x, y]));
  const ctx: Context = {
    a,
    b,
    tableName: renamer(tables.pairs),
    columnsOf: (aTable) => {
      const bTable = bOf.get(aTable);
      if (!bTable) return (c) => `\u0000A:${c}`;
      const rename = renamer(matchByName(aTable.columns, bTable.columns, (c) => c.name).pairs);
      return (c) => rename(findByName(aTable.columns, c)?.name ?? c);
    },
  };
  const views = matchByName(a.views, b.views, (v) => v.name);
  const out: Change[] = [
    ...tables.onlyA.map((table): Change => ({ kind: 'dropTable', table })),
    ...tables.onlyB.map((table): Change => ({ kind: 'addTable', table })),
    ...tables.pairs.flatMap(([ta, tb]) => diffTable(ta, tb, ctx)),
    ...views.onlyA.map((view): Change => ({ kind: 'dropView', view })),
    ...views.onlyB.map((view): Change => ({ kind: 'addView', view })),
  ];
  return out.sort(compareChanges);
}
