import { describe, expect, it } from 'vitest';
import { proofsNeeded } from '../../../../src/compat/analyze.js';
import { diff } from '../../../../src/compat/diff.js';
import { INTEGER, TEXT, always, brief, check, clean, col, evidence, id, oneTable, snapshot, table, varchar, violated } from '../support.js';

describe('primary keys (K101, K201)', () => {
  it('a changed key is one K101 naming old and new columns, decided by duplicates', () => {
    const cols = [id(), col('order_id', INTEGER, { nullable: false }), col('line', INTEGER, { nullable: false })];
    const [a, b] = oneTable(cols, cols, { pk: ['id'] }, { pk: ['order_id', 'line'] }, 'order_items');
    const request = { kind: 'duplicates', table: 'order_items', columns: ['order_id', 'line'], primaryKey: true } as const;
    expect(proofsNeeded(diff(a, b), a, b)).toEqual([request]);
    expect(check(a, b, evidence([[request, violated(2, ['order_id=1, line=1'])]]))).toEqual([{
      code: 'K101',
      severity: 'error',
      table: 'order_items',
      column: 'order_id',
      message: 'Primary key of order_items changes from (id) to (order_id, line): A has 2 duplicate or NULL keys, e.g. order_id=1, line=1.',
      suggestion: 'remove the duplicates and NULLs first, or choose another key',
      proof: { count: 2, examples: ['order_id=1, line=1'], basis: 'query' },
    }]);
  });

  it('a new key asks about A\'s spelling of the columns', () => {
    const a = snapshot([table('orders', [col('Id', INTEGER)])]);
    const b = snapshot([table('ORDERS', [col('ID', INTEGER)], { pk: ['ID'] })]);
    expect(proofsNeeded(diff(a, b), a, b)).toEqual([{ kind: 'duplicates', table: 'orders', columns: ['Id'], primaryKey: true }]);
    expect(check(a, b, always(clean))).toEqual([{
      code: 'K101',
      severity: 'warning',
      table: 'orders',
      column: 'Id',
      message: "Primary key (ID) of orders is new in B; A's rows are unique and non-NULL on those columns.",
      proof: { count: 0, examples: [], basis: 'query' },
    }]);
  });

  it('a key on a column new in B cannot be proven from A, and says why', () => {
    const [a, b] = oneTable([col('name', TEXT)], [col('name', TEXT), col('tenant', INTEGER, { nullable: false, default: '1' })], {}, { pk: ['tenant', 'name'] });
    expect(proofsNeeded(diff(a, b), a, b)).toEqual([]);
    expect(check(a, b).filter((f) => f.code === 'K101')).toEqual([{
      code: 'K101',
      severity: 'warning',
      table: 'orders',
      column: 'tenant',
      message: 'Primary key (tenant, name) of orders is new in B; duplicate or NULL keys in A would be refused — not proven: (tenant) is new in B.',
      suggestion: 'remove the duplicates and NULLs first, or choose another key',
    }]);
  });

  it('a dropped key is K201 info', () => {
    const [a, b] = oneTable([id()], [id()], { pk: ['id'] });
    expect(check(a, b)).toEqual([{ code: 'K201', severity: 'info', table: 'orders', column: 'id', message: 'Primary key (id) of orders is dropped in B.' }]);
  });
});

describe('unique constraints (K102, K201)', () => {
  it('a new unique constraint and a new unique index are both K102', () => {
    const cols = [id(), col('email', TEXT), col('code', TEXT)];
    const [a, b] = oneTable(cols, cols, {}, { uniques: [['email']], indexes: [{ name: 'ux_code', columns: ['code'], unique: true }] }, 'customers');
    expect(proofsNeeded(diff(a, b), a, b)).toEqual([
      { kind: 'duplicates', table: 'customers', columns: ['email'], primaryKey: false },
      { kind: 'duplicates', table: 'customers', columns: ['code'], primaryKey: false },
    ]);
    expect(check(a, b, always(violated(3, ['email=a@b.c']))).map((f) => [f.code, f.severity, f.column, f.message])).toEqual([
      ['K102', 'error', 'code', 'Unique index ux_code on customers (code) is new in B: A has 3 duplicated values, e.g. email=a@b.c.'],
      ['K102', 'error', 'email', 'Unique constraint on customers (email) is new in B: A has 3 duplicated values, e.g. email=a@b.c.'],
    ]);
  });

  it('a unique index in A is the same uniqueness as a unique constraint in B, and the other way round', () => {
    const cols = [id(), col('email', varchar(100))];
    const index = { indexes: [{ name: 'users_email_ux', columns: ['email'], unique: true }] };
    const constraint = { uniques: [['email']], indexes: [{ name: 'users_email_key', columns: ['email'], unique: true }] };
    expect(check(...oneTable(cols, cols, index, constraint, 'users'))).toEqual([]);
    expect(check(...oneTable(cols, cols, constraint, index, 'users'))).toEqual([]);
  });

  it('a dropped unique constraint is K201 info, and its backing index says nothing', () => {
    const cols = [id(), col('email', TEXT)];
    const [a, b] = oneTable(cols, cols, { uniques: [['email']], indexes: [{ columns: ['email'], unique: true }] }, {});
    expect(check(a, b)).toEqual([{ code: 'K201', severity: 'info', table: 'orders', column: 'email', message: 'Unique constraint on orders (email) is dropped in B.' }]);
  });
});

describe('foreign keys (K103, K201)', () => {
  const customers = table('customers', [id()], { pk: ['id'] });
  const orders = (fk: boolean, refTable = 'customers') =>
    table('orders', [id(), col('customer_id', INTEGER)], fk ? { fks: [{ columns: ['customer_id'], refTable, refColumns: ['id'] }] } : {});

  it('K103 asks for orphans against A\'s referenced table', () => {
    const a = snapshot([customers, orders(false)]);
    const b = snapshot([table('CUSTOMERS', [id('ID')], { pk: ['ID'] }), orders(true, 'CUSTOMERS')]);
    const request = { kind: 'orphans', table: 'orders', columns: ['customer_id'], refTable: 'customers', refColumns: ['id'] } as const;
    expect(proofsNeeded(diff(a, b), a, b)).toEqual([request]);
    expect(check(a, b, evidence([[request, violated(4, ['id=12'])]]))).toEqual([{
      code: 'K103',
      severity: 'error',
      table: 'orders',
      column: 'customer_id',
      message: 'Foreign key orders (customer_id) → CUSTOMERS (id) is new in B: 4 rows of A reference no row of customers, e.g. id=12.',
      suggestion: 'delete or fix the orphaned rows first',
      proof: { count: 4, examples: ['id=12'], basis: 'query' },
    }]);
  });

  it('K103 on a table new in B asks with B\'s name: every reference is an orphan of the empty new table', () => {
    const a = snapshot([orders(false)]);
    const b = snapshot([customers, orders(true)]);
    const request = { kind: 'orphans', table: 'orders', columns: ['customer_id'], refTable: 'customers', refColumns: ['id'] } as const;
    expect(proofsNeeded(diff(a, b), a, b)).toEqual([request]);
    const findings = check(a, b, evidence([[request, violated(1)]]));
    expect(brief(findings)).toEqual([
      { code: 'K103', severity: 'error', table: 'orders', column: 'customer_id' },
      { code: 'T201', severity: 'info', table: 'customers', column: null },
    ]);
    expect(findings[0]?.message).toBe('Foreign key orders (customer_id) → customers (id) is new in B: 1 row of A references customers, which is new in B and starts empty.');
    expect(findings[0]?.suggestion).toBe('fill customers before copying orders');
  });

  it('K103 referencing a column new in B cannot be proven from A, and says why', () => {
    const a = snapshot([customers, orders(false)]);
    const b = snapshot([table('customers', [id(), col('code', INTEGER)]), table('orders', [id(), col('customer_id', INTEGER)], { fks: [{ columns: ['customer_id'], refTable: 'customers', refColumns: ['code'] }] })]);
    expect(proofsNeeded(diff(a, b), a, b)).toEqual([]);
    expect(check(a, b).find((f) => f.code === 'K103')?.message).toBe(
      'Foreign key orders (customer_id) → customers (code) is new in B; rows of A referencing missing rows would be refused — not proven: (customers.code) is new in B.',
    );
  });

  it('a dropped foreign key is K201 info', () => {
    expect(check(snapshot([customers, orders(true)]), snapshot([customers, orders(false)]))).toEqual([
      { code: 'K201', severity: 'info', table: 'orders', column: 'customer_id', message: 'Foreign key orders (customer_id) → customers (id) is dropped in B.' },
    ]);
  });
});

describe('indexes (I101, I201)', () => {
  it('warns on a dropped index and informs on a new one, ignoring indexes behind keys', () => {
    const cols = [id(), col('placed_at', INTEGER), col('status', TEXT)];
    const [a, b] = oneTable(cols, cols,
      { pk: ['id'], indexes: [{ name: 'orders_pkey', columns: ['id'], unique: true }, { name: 'idx_orders_placed', columns: ['placed_at'] }] },
      { pk: ['id'], indexes: [{ name: 'PRIMARY_KEY_8', columns: ['id'], unique: true }, { name: 'idx_orders_status', columns: ['status'] }] });
    expect(check(a, b)).toEqual([
      {
        code: 'I101',
        severity: 'warning',
        table: 'orders',
        column: 'placed_at',
        message: 'Index idx_orders_placed on orders (placed_at) is dropped in B: queries that use it may get slower.',
        suggestion: 'keep the index in B unless it is no longer needed',
      },
      { code: 'I201', severity: 'info', table: 'orders', column: 'status', message: 'Index idx_orders_status on orders (status) is new in B.' },
    ]);
  });
});

describe('foreign-key actions (K104) and index directions (I102)', () => {
  const fk = (onDelete: string, onUpdate: string) => ({ columns: ['order_id'], refTable: 'orders', refColumns: ['id'], onDelete, onUpdate });
  const shop = (onDelete: string, onUpdate: string) => snapshot([
    table('orders', [id()], { pk: ['id'] }),
    table('order_items', [id(), col('order_id', INTEGER)], { pk: ['id'], fks: [fk(onDelete, onUpdate)] }),
  ]);

  it('a lost CASCADE is an error saying what deleting a parent now does, as the code table shows', () => {
    expect(check(shop('CASCADE', 'NO ACTION'), shop('NO ACTION', 'NO ACTION'))).toEqual([{
      code: 'K104',
      severity: 'error',
      table: 'order_items',
      column: 'order_id',
      message: 'Foreign key order_items (order_id) → orders (id) changes ON DELETE from CASCADE to NO ACTION in B: deleting a row of orders no longer deletes the rows that reference it; it is refused while they exist.',
      suggestion: 'recreate the foreign key in B with ON DELETE CASCADE',
    }]);
  });

  it('both events in one finding; an action B adds alone is a warning', () => {
    expect(check(shop('SET NULL', 'NO ACTION'), shop('CASCADE', 'CASCADE')).map((f) => [f.severity, f.message])).toEqual([['error',
      'Foreign key order_items (order_id) → orders (id) changes ON DELETE from SET NULL to CASCADE in B: deleting a row of orders deletes the rows that reference it instead; in A it sets their referencing columns to NULL; and ON UPDATE from NO ACTION to CASCADE in B: updating the key of a row of orders now updates the rows that reference it instead of being refused.']]);
    expect(check(shop('NO ACTION', 'RESTRICT'), shop('NO ACTION', 'SET DEFAULT')).map((f) => f.severity)).toEqual(['warning']);
  });

  it('an index sorted the other way is I102 naming the column', () => {
    const [a, b] = oneTable([id(), col('ts', INTEGER)], [id(), col('ts', INTEGER)], { indexes: [{ name: 'idx_events_ts', columns: ['ts'], descending: [true] }] }, { indexes: [{ name: 'idx_events_ts', columns: ['ts'] }] }, 'events');
    expect(check(a, b).map((f) => [f.code, f.severity, f.message])).toEqual([['I102', 'warning',
      'Index idx_events_ts on events (ts) sorts ts ascending in B instead of descending: queries that read it in that order may get slower.']]);
  });
});
