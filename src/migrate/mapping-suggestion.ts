import type { SchemaPair } from '../compat/analyzers/analyzer.js';
import { probableRenames } from '../compat/analyzers/rename-analyzer.js';
import type { Change } from '../compat/changes.js';
import { compareNames, findByName } from '../compat/diff.js';
import { sameType } from '../compat/type-change.js';
import type { ColumnInfo } from '../schema/model.js';
import type { Mapping, TableMapping } from './mapping.js';

/**
 * One line a suggested mapping proposes for a target column: a probable rename (C102), taken
 * as is, or a new NOT NULL column without a default (C202), left for the user to fill.
 *
 * @example
 * { kind: 'rename', target: 'email_address', source: 'email', typeChange: null }
 */
export type ColumnSuggestion =
  | {
    readonly kind: 'rename';
    readonly target: string;
    /** A's column, as a Calcite SQL expression (quoted where it must be). */
    readonly source: string;
    /** `INTEGER → DECIMAL(10, 2)` when the pair's types differ, else null. */
    readonly typeChange: string | null;
  }
  | { readonly kind: 'needsValue'; readonly target: string; readonly type: string };

/**
 * The suggestion for one target table: B's spelling of its name, A's when it differs, and its
 * column lines in B's column order.
 *
 * @example
 * { target: 'customers', source: 'customers', from: null, columns: [{ kind: 'rename', … }] }
 */
export interface TableSuggestion {
  readonly target: string;
  /** The source table in A's spelling, for messages. */
  readonly source: string;
  /** A's spelling when it differs from B's (PostgreSQL's `orders`, H2's `ORDERS`), else null. */
  readonly from: string | null;
  readonly columns: readonly ColumnSuggestion[];
}

/**
 * A first draft of a mapping file, worked out from `check`'s changes: tables with something to
 * map, and tables only one side has (for comments).
 *
 * @example
 * { tables: [{ target: 'customers', … }], droppedTables: ['audit_log'], newTables: ['invoices'] }
 */
export interface MappingSuggestion {
  readonly tables: readonly TableSuggestion[];
  /** Tables of A missing in B: their rows are not migrated. */
  readonly droppedTables: readonly string[];
  /** Tables of B missing in A: nothing fills them unless the user maps one with `from:`. */
  readonly newTables: readonly string[];
}

/** A common subset of SQL's reserved words: a source column so named is quoted. */
const RESERVED = new Set(`all allocate alter and any as asc at between both by case cast check column constraint create cross
  current current_date current_time current_timestamp current_user date day default delete desc distinct drop else end escape
  except exists false fetch filter for foreign from full group having hour in inner insert intersect interval into is join key
  language leading left like limit minute month natural not null of offset on or order outer over partition position primary
  range rank references result right row rows second select session_user set some system_user table then time timestamp to
  trailing true union unique unknown update user using value values when where window with year`.split(/\s+/));

/**
 * A source column as a Calcite SQL expression: plain names as they are (Ferry matches them
 * case-insensitively), anything else or a reserved word double-quoted.
 *
 * @example
 * columnExpression('email') // 'email'
 * columnExpression('select') // '"select"'
 */
export function columnExpression(column: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(column) && !RESERVED.has(column.toLowerCase()) ? column : `"${column.replace(/"/g, '""')}"`;
}

/**
 * Works out a mapping draft from the changes `check` analyzed: a `columns` line per probable
 * rename (new name: old name), a placeholder per new NOT NULL column without a default that no
 * rename fills, `from` where B spells a table differently, and the tables only one side has.
 * Tables with nothing to say are left out: they map by name.
 *
 * @example
 * suggestMapping(diff(a, b), { a, b }).tables[0]?.columns // [{ kind: 'rename', target: 'email_address', source: 'email', typeChange: null }]
 */
export function suggestMapping(changes: readonly Change[], schemas: SchemaPair): MappingSuggestion {
  const columns = new Map<string, ColumnSuggestion[]>();
  const add = (table: string, s: ColumnSuggestion): void => { columns.set(table, [...(columns.get(table) ?? []), s]); };
  const renamed = new Set<ColumnInfo>();
  for (const { table, from, to } of probableRenames(changes)) {
    renamed.add(to);
    add(table, { kind: 'rename', target: to.name, source: columnExpression(from.name), typeChange: sameType(from.type, to.type) ? null : `${from.type.display} → ${to.type.display}` });
  }
  for (const c of changes) {
    if (c.kind === 'addColumn' && !renamed.has(c.column) && !c.column.nullable && c.column.default === null && !c.column.autoIncrement) {
      add(c.table, { kind: 'needsValue', target: c.column.name, type: c.column.type.display });
    }
  }
  const position = (table: string, column: string): number => findByName(findByName(schemas.b.tables, table)?.columns ?? [], column)?.position ?? 0;
  const tables = [...columns].map(([source, cols]): TableSuggestion => {
    const target = findByName(schemas.b.tables, source)?.name ?? source;
    const ordered = [...cols].sort((x, y) => position(target, x.target) - position(target, y.target));
    return { target, source, from: target === source ? null : source, columns: ordered };
  });
  const names = (kind: 'dropTable' | 'addTable'): string[] =>
    changes.flatMap((c) => (c.kind === kind ? [c.table.name] : [])).sort(compareNames);
  return { tables: tables.sort((x, y) => compareNames(x.target, y.target)), droppedTables: names('dropTable'), newTables: names('addTable') };
}

/**
 * The part of a suggestion a mapping file holds once parsed: renames and `from`s (placeholders
 * and dropped tables are comments). A suggested file must parse to exactly this.
 *
 * @example
 * suggestionMapping(s).tables.customers // { kind: 'map', from: null, where: null, columns: { email_address: 'email' } }
 */
export function suggestionMapping(s: MappingSuggestion): Mapping {
  return {
    tables: Object.fromEntries(s.tables.map((t): [string, TableMapping] => [t.target, {
      kind: 'map',
      from: t.from,
      where: null,
      columns: Object.fromEntries(t.columns.flatMap((c) => (c.kind === 'rename' ? [[c.target, c.source]] : []))),
    }])),
  };
}
