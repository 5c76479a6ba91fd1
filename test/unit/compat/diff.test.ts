import { describe, expect, it } from 'vitest';
import type { Change } from '../../../src/compat/changes.js';
import { compareNames, diff, findByName, matchByName, normalizeDefault } from '../../../src/compat/diff.js';
import {
  BIGINT, INTEGER, TEXT, col, decimal, id, snapshot, table, type, varchar, view,
} from './support.js';

/** A compact view of changes: kind, table and the thing changed. */
function kinds(changes: readonly Change[]): string[] {
  return changes.map((c) => {
    switch (c.kind) {
      case 'addTable': case 'dropTable': return `${c.kind} ${c.table.name}`;
      case 'addView': case 'dropView': return `${c.kind} ${c.view.name}`;
      case 'addColumn': case 'dropColumn': return `${c.kind} ${c.table}.${c.column.name}`;
      case 'modifyColumn': return `${c.kind} ${c.table}.${c.from.name} [${c.flags.join(',')}]`;
      case 'addPrimaryKey': case 'dropPrimaryKey': case 'addUnique': case 'dropUnique': return `${c.kind} ${c.table}(${c.key.columns.join(',')})`;
      case 'addForeignKey': case 'dropForeignKey': return `${c.kind} ${c.table}(${c.foreignKey.columns.join(',')})→${c.foreignKey.refTable}`;
      case 'modifyForeignKey': return `${c.kind} ${c.table}(${c.from.columns.join(',')})→${c.from.refTable}`;
      case 'addIndex': case 'dropIndex': return `${c.kind} ${c.table}(${c.index.columns.join(',')})${c.index.unique ? ' unique' : ''}`;
      case 'modifyIndex': return `${c.kind} ${c.table}(${c.from.columns.join(',')})`;
    }
  });
}

/** A small shop in PostgreSQL's spelling. */
function postgresShop() {
  return snapshot([
    table('customers', [id(), col('email', varchar(120), { nativeType: 'varchar' })], { pk: ['id'], uniques: [['email']], indexes: [{ name: 'customers_pkey', columns: ['id'], unique: true }, { name: 'customers_email_key', columns: ['email'], unique: true }] }),
    table('orders', [
      col('id', INTEGER, { nativeType: 'int4', nullable: false, autoIncrement: true, default: "nextval('orders_id_seq'::regclass)" }),
      col('customer_id', INTEGER, { nativeType: 'int4', nullable: false }),
      col('status', varchar(20), { nativeType: 'varchar', default: "'new'::character varying" }),
      col('total', decimal(12, 2), { nativeType: 'numeric', default: '0' }),
    ], {
      pk: ['id'],
      fks: [{ columns: ['customer_id'], refTable: 'customers', refColumns: ['id'] }],
      indexes: [{ name: 'orders_pkey', columns: ['id'], unique: true }, { name: 'idx_orders_status', columns: ['status'] }],
    }),
  ], [view('open_orders')]);
}

/** The same shop as H2 reports it: upper case, other native types, other index names, an FK index. */
function h2Shop() {
  return snapshot([
    table('CUSTOMERS', [id('ID'), col('EMAIL', varchar(120), { nativeType: 'CHARACTER VARYING' })], { schema: 'PUBLIC', pk: ['ID'], uniques: [['EMAIL']], indexes: [{ name: 'PRIMARY_KEY_1', columns: ['ID'], unique: true }, { name: 'CONSTRAINT_INDEX_2', columns: ['EMAIL'], unique: true }] }),
    table('ORDERS', [
      col('ID', INTEGER, { nativeType: 'INTEGER', nullable: false, autoIncrement: true, default: null }),
      col('CUSTOMER_ID', INTEGER, { nativeType: 'INTEGER', nullable: false }),
      col('STATUS', varchar(20), { nativeType: 'CHARACTER VARYING', default: "'new'" }),
      col('TOTAL', decimal(12, 2), { nativeType: 'NUMERIC', default: '0' }),
    ], {
      schema: 'PUBLIC',
      pk: ['ID'],
      fks: [{ columns: ['CUSTOMER_ID'], refTable: 'CUSTOMERS', refColumns: ['ID'] }],
      indexes: [{ name: 'PRIMARY_KEY_8', columns: ['ID'], unique: true }, { name: 'IDX_STATUS', columns: ['STATUS'] }, { name: 'FK_INDEX_8', columns: ['CUSTOMER_ID'] }],
    }),
  ], [view('OPEN_ORDERS')], 'H2');
}

describe('diff', () => {
  it('finds nothing between a schema and itself', () => {
    expect(diff(postgresShop(), postgresShop())).toEqual([]);
  });

  it('matches PostgreSQL and H2 spellings of the same schema: no change', () => {
    expect(diff(postgresShop(), h2Shop())).toEqual([]);
  });

  it('reports an index A has on a foreign key that B lacks (B will not create one)', () => {
    expect(kinds(diff(h2Shop(), postgresShop()))).toEqual(['dropIndex ORDERS(CUSTOMER_ID)']);
  });

  it('ignores native type spelling and display when the logical type is equal', () => {
    const a = snapshot([table('t', [col('n', type('integer', 'INTEGER', null, null, 'int4'), { nativeType: 'int4' })])]);
    const b = snapshot([table('T', [col('N', INTEGER, { nativeType: 'INTEGER' })])]);
    expect(diff(a, b)).toEqual([]);
  });

  it('reports added and dropped tables, columns and views with A spelling for what A has', () => {
    const a = snapshot([table('orders', [id(), col('note', TEXT)]), table('audit', [id()])], [view('old_view')]);
    const b = snapshot([table('ORDERS', [id('ID'), col('COUPON', varchar(20))]), table('invoices', [id()])], [view('new_view')]);
    expect(kinds(diff(a, b))).toEqual([
      'dropTable audit',
      'addTable invoices',
      'addView new_view',
      'dropView old_view',
      'dropColumn orders.note',
      'addColumn orders.COUPON',
    ]);
  });

  it('handles names with spaces, mixed case and reserved words', () => {
    const a = snapshot([table('Order Items', [col('select', INTEGER), col('Line No', INTEGER)], { pk: ['select', 'Line No'] })]);
    const b = snapshot([table('order items', [col('SELECT', BIGINT), col('line no', INTEGER)], { pk: ['SELECT', 'line no'] })]);
    expect(kinds(diff(a, b))).toEqual(['modifyColumn Order Items.select [type]']);
  });

  it('prefers exact matches and pairs the rest case-insensitively only when unambiguous', () => {
    const a = snapshot([table('Orders', [id()]), table('orders', [id()]), table('Items', [id()]), table('ITEMS', [id()])]);
    const b = snapshot([table('orders', [id()]), table('ORDERS', [id()]), table('items', [id()])]);
    expect(kinds(diff(a, b))).toEqual(['dropTable ITEMS', 'dropTable Items', 'addTable items']);
  });

  it('ignores the schema a table lives in', () => {
    const a = snapshot([table('orders', [id()], { schema: 'public' })]);
    const b = snapshot([table('orders', [id()], { schema: null })]);
    expect(diff(a, b)).toEqual([]);
  });

  it('flags exactly what changed about a column', () => {
    const a = snapshot([table('t', [
      col('a', INTEGER), col('b', INTEGER), col('c', INTEGER, { default: '1' }), col('d', INTEGER), col('e', INTEGER, { nullable: false, default: '0' }),
    ])]);
    const b = snapshot([table('t', [
      col('a', BIGINT), col('b', INTEGER, { nullable: false }), col('c', INTEGER, { default: '2' }), col('d', INTEGER, { autoIncrement: true }), col('e', varchar(10), { nullable: true, default: "'0'" }),
    ])]);
    expect(kinds(diff(a, b))).toEqual([
      'modifyColumn t.a [type]',
      'modifyColumn t.b [nullable]',
      'modifyColumn t.c [default]',
      'modifyColumn t.d [autoIncrement]',
      'modifyColumn t.e [type,nullable,default]',
    ]);
  });

  it('compares defaults normalized, and not at all for generated columns', () => {
    const pairs: [string | null, string | null][] = [
      ["'x'::character varying", "'x'"],
      ['NULL', null],
      ['(0)', '0'],
      ['((0))', '0'],
      ['CURRENT_TIMESTAMP', 'now()'],
      ['current_timestamp()', 'CURRENT_TIMESTAMP'],
      ["CAST('x' AS VARCHAR(10))", "'x'"],
      ["'2024-01-01'::date", "'2024-01-01'"],
    ];
    for (const [x, y] of pairs) {
      const a = snapshot([table('t', [col('c', TEXT, { default: x })])]);
      const b = snapshot([table('t', [col('c', TEXT, { default: y })])]);
      expect(diff(a, b), `${x} vs ${y}`).toEqual([]);
    }
    const a = snapshot([table('t', [col('id', INTEGER, { autoIncrement: true, default: "nextval('t_id_seq'::regclass)" })])]);
    const b = snapshot([table('t', [col('id', INTEGER, { autoIncrement: true, default: null })])]);
    expect(diff(a, b)).toEqual([]);
  });

  it('keeps defaults that really differ apart', () => {
    for (const [x, y] of [["'X'", "'x'"], ['0', '1'], [null, "'x'"], ["'new'", null]] as const) {
      const a = snapshot([table('t', [col('c', TEXT, { default: x })])]);
      const b = snapshot([table('t', [col('c', TEXT, { default: y })])]);
      expect(kinds(diff(a, b)), `${x} vs ${y}`).toEqual(['modifyColumn t.c [default]']);
    }
  });

  describe('primary keys', () => {
    const pk = (a: string[] | undefined, b: string[] | undefined) =>
      kinds(diff(snapshot([table('t', [id(), col('x', INTEGER)], { pk: a })]), snapshot([table('t', [id('ID'), col('X', INTEGER)], { pk: b })])));

    it('are equal when the columns are, whatever the case', () => {
      expect(pk(['id'], ['ID'])).toEqual([]);
      expect(pk(['id', 'x'], ['ID', 'X'])).toEqual([]);
    });
    it('change (drop and add) when the columns or their order differ', () => {
      expect(pk(['id'], ['ID', 'X'])).toEqual(['dropPrimaryKey t(id)', 'addPrimaryKey t(ID,X)']);
      expect(pk(['id', 'x'], ['X', 'ID'])).toEqual(['dropPrimaryKey t(id,x)', 'addPrimaryKey t(X,ID)']);
    });
    it('are only added or only dropped when one side has none', () => {
      expect(pk(undefined, ['ID'])).toEqual(['addPrimaryKey t(ID)']);
      expect(pk(['id'], undefined)).toEqual(['dropPrimaryKey t(id)']);
    });
  });

  it('matches unique constraints by their columns, not their names or column order', () => {
    const a = snapshot([table('t', [id(), col('a', INTEGER), col('b', INTEGER)], { uniques: [['a', 'b'], ['a']] })]);
    const b = snapshot([table('t', [id(), col('a', INTEGER), col('b', INTEGER)], { uniques: [['b', 'a'], ['b']] })]);
    expect(kinds(diff(a, b))).toEqual(['dropUnique t(a)', 'addUnique t(b)']);
  });

  it('matches foreign keys by columns and referenced table and columns', () => {
    const tables = (refTable: string, refColumns: string[]) => [
      table('customers', [id(), col('code', INTEGER)]),
      table('vendors', [id()]),
      table('orders', [id(), col('customer_id', INTEGER)], { fks: [{ columns: ['customer_id'], refTable, refColumns }] }),
    ];
    const a = snapshot(tables('customers', ['id']));
    expect(diff(a, snapshot(tables('CUSTOMERS', ['ID'])))).toEqual([]);
    expect(kinds(diff(a, snapshot(tables('vendors', ['id']))))).toEqual(['dropForeignKey orders(customer_id)→customers', 'addForeignKey orders(customer_id)→vendors']);
    expect(kinds(diff(a, snapshot(tables('customers', ['code']))))).toEqual(['dropForeignKey orders(customer_id)→customers', 'addForeignKey orders(customer_id)→customers']);
  });

  it('pairs foreign keys whatever their actions, and reports a pair whose actions differ as modified', () => {
    const tables = (onDelete: string | null, onUpdate: string | null) => [
      table('customers', [id()]),
      table('orders', [id(), col('customer_id', INTEGER)], { fks: [{ columns: ['customer_id'], refTable: 'customers', refColumns: ['id'], onDelete, onUpdate }] }),
    ];
    const a = snapshot(tables('CASCADE', 'NO ACTION'));
    expect(kinds(diff(a, snapshot(tables('NO ACTION', 'NO ACTION'))))).toEqual(['modifyForeignKey orders(customer_id)→customers']);
    expect(kinds(diff(a, snapshot(tables('cascade', 'RESTRICT'))))).toEqual([]);
    expect(kinds(diff(a, snapshot(tables(null, null))))).toEqual([]);
  });

  describe('indexes', () => {
    const ix = (aIx: Parameters<typeof table>[2], bIx: Parameters<typeof table>[2]) =>
      kinds(diff(snapshot([table('t', [id(), col('a', INTEGER), col('b', INTEGER)], aIx)]), snapshot([table('t', [id(), col('a', INTEGER), col('b', INTEGER)], bIx)])));

    it('are matched by columns and uniqueness, not by name', () => {
      expect(ix({ indexes: [{ name: 'ix_a', columns: ['a'] }] }, { indexes: [{ name: 'IDX_A_2', columns: ['A'] }] })).toEqual([]);
      expect(ix({ indexes: [{ columns: ['a', 'b'] }] }, { indexes: [{ columns: ['b', 'a'] }] })).toEqual(['dropIndex t(a,b)', 'addIndex t(b,a)']);
      expect(ix({ indexes: [{ columns: ['a'] }] }, { indexes: [{ columns: ['a'], unique: true }] })).toEqual(['dropIndex t(a)', 'addIndex t(a) unique']);
    });
    it('are modified when a column is sorted the other way', () => {
      expect(ix({ indexes: [{ columns: ['a', 'b'], descending: [true, false] }] }, { indexes: [{ columns: ['a', 'b'] }] })).toEqual(['modifyIndex t(a,b)']);
      expect(ix({ indexes: [{ columns: ['a', 'b'], descending: [false, false] }] }, { indexes: [{ columns: ['a', 'b'], descending: null }] })).toEqual([]);
    });
    it('leave out indexes that only back a primary key or unique constraint, on either side', () => {
      expect(ix({ pk: ['id'], indexes: [{ name: 'pk_idx', columns: ['id'], unique: true }] }, { pk: ['id'] })).toEqual([]);
      expect(ix({ pk: ['id'] }, { pk: ['id'], indexes: [{ name: 'PRIMARY', columns: ['id'], unique: true }] })).toEqual([]);
      expect(ix({ uniques: [['a', 'b']], indexes: [{ columns: ['a', 'b'], unique: true }] }, { uniques: [['a', 'b']] })).toEqual([]);
      expect(ix({}, { uniques: [['a']], indexes: [{ columns: ['a'], unique: true }] })).toEqual(['addUnique t(a)']);
      expect(ix({ uniques: [['a']], indexes: [{ columns: ['a'], unique: true }] }, {})).toEqual(['dropUnique t(a)']);
    });
    it('count a unique index on plain columns as a unique key on either side', () => {
      const ux = (...columns: string[]) => ({ name: 'ux', columns, unique: true });
      // A's unique index, B's constraint with or without its backing index listed.
      expect(ix({ indexes: [ux('a')] }, { uniques: [['A']], indexes: [{ name: 'T_A_KEY', columns: ['A'], unique: true }] })).toEqual([]);
      expect(ix({ indexes: [ux('a')] }, { uniques: [['a']] })).toEqual([]);
      expect(ix({ indexes: [ux('a', 'b')] }, { uniques: [['b', 'a']] })).toEqual([]);
      // The reverse.
      expect(ix({ uniques: [['a']], indexes: [{ columns: ['a'], unique: true }] }, { indexes: [ux('a')] })).toEqual([]);
      expect(ix({ uniques: [['a']] }, { indexes: [ux('a')] })).toEqual([]);
      // An expression is no key on the column; a unique index on other columns is no match.
      expect(ix({ indexes: [ux('lower(a)')] }, { uniques: [['a']] })).toEqual(['addUnique t(a)', 'dropIndex t(lower(a)) unique']);
      expect(ix({ indexes: [ux('b')] }, { uniques: [['a']] })).toEqual(['addUnique t(a)', 'dropIndex t(b) unique']);
    });
  });

  it('orders changes by table, then kind, deterministically whatever the input order', () => {
    const aTables = [table('b_t', [id(), col('x', INTEGER)]), table('A_t', [id(), col('y', INTEGER)]), table('gone', [id()])];
    const bTables = [table('A_t', [id(), col('y', BIGINT), col('z', INTEGER)]), table('b_t', [id()], { pk: ['id'] }), table('new', [id()])];
    const forward = diff(snapshot(aTables), snapshot(bTables));
    const backward = diff(snapshot([...aTables].reverse()), snapshot([...bTables].reverse()));
    expect(backward).toEqual(forward);
    expect(kinds(forward)).toEqual([
      'addColumn A_t.z',
      'modifyColumn A_t.y [type]',
      'dropColumn b_t.x',
      'addPrimaryKey b_t(id)',
      'dropTable gone',
      'addTable new',
    ]);
  });
});

describe('normalizeDefault', () => {
  it.each([
    ["'x'::character varying", "'x'"],
    ["('x'::text)", "'x'"],
    ["'It''s'::character varying(20)", "'It''s'"],
    ['((0))', '0'],
    ['NULL', null],
    ['null::character varying', null],
    ['  ', null],
    ["nextval('orders_id_seq'::regclass)", "nextval('orders_id_seq')"],
    ["'2024-01-01 00:00:00'::timestamp without time zone", "'2024-01-01 00:00:00'"],
    ['NOW()', 'current_timestamp'],
    ['CURRENT_TIMESTAMP', 'current_timestamp'],
    ["CAST('a' AS VARCHAR(5))", "'a'"],
    ["'Mixed CASE'", "'Mixed CASE'"],
    ['(1) + (2)', '(1) + (2)'],
  ])('%s → %s', (input, expected) => {
    expect(normalizeDefault(input)).toBe(expected);
  });
});

describe('matchByName and findByName', () => {
  it('pair exactly first, then case-insensitively', () => {
    const m = matchByName(['a', 'B', 'c'], ['A', 'B', 'd'], (x) => x);
    expect(m.pairs).toEqual([['a', 'A'], ['B', 'B']]);
    expect(m.onlyA).toEqual(['c']);
    expect(m.onlyB).toEqual(['d']);
  });
  it('find the exact spelling, else the only case-insensitive match', () => {
    const items = [{ name: 'orders' }, { name: 'Items' }, { name: 'ITEMS' }];
    expect(findByName(items, 'ORDERS')?.name).toBe('orders');
    expect(findByName(items, 'Items')?.name).toBe('Items');
    expect(findByName(items, 'items')).toBeUndefined();
  });
  it('compareNames orders case-insensitively, then by code unit', () => {
    expect(['b', 'A', 'a', 'B'].sort(compareNames)).toEqual(['A', 'a', 'B', 'b']);
  });
});
