import { describe, expect, it } from 'vitest';
import { always, check, clean, evidence, id, col, INTEGER, snapshot, table, view, violated } from '../support.js';

describe('tables', () => {
  it('T101: a dropped table holding rows is an error naming the count', () => {
    const a = snapshot([table('audit_log', [id(), col('what', INTEGER)])]);
    expect(check(a, snapshot([]), evidence([[{ kind: 'rows', table: 'audit_log' }, violated(1200)]]))).toEqual([{
      code: 'T101',
      severity: 'error',
      table: 'audit_log',
      column: null,
      message: 'Table audit_log is dropped in B: it holds 1200 rows in A.',
      suggestion: 'keep the table in B, or move its rows elsewhere before migrating',
      proof: { count: 1200, examples: [], basis: 'query' },
    }]);
  });

  it('T101: an empty dropped table is a warning', () => {
    const a = snapshot([table('Old Stuff', [id()])]);
    expect(check(a, snapshot([]), always({ ...clean, basis: 'stats' }))).toEqual([{
      code: 'T101',
      severity: 'warning',
      table: 'Old Stuff',
      column: null,
      message: 'Table "Old Stuff" is dropped in B; it is empty in A.',
      proof: { count: 0, examples: [], basis: 'stats' },
    }]);
  });

  it('T201: a new table is info and nothing about its columns or keys is reported', () => {
    const b = snapshot([table('invoices', [id(), col('total', INTEGER, { nullable: false })], { pk: ['id'], indexes: [{ columns: ['total'] }] })]);
    expect(check(snapshot([]), b)).toEqual([{ code: 'T201', severity: 'info', table: 'invoices', column: null, message: 'Table invoices is new in B (2 columns).' }]);
  });

  it('matches tables across engines: orders vs ORDERS is no finding', () => {
    const a = snapshot([table('orders', [id(), col('qty', INTEGER)])]);
    const b = snapshot([table('ORDERS', [id('ID'), col('QTY', INTEGER)])], [], 'H2');
    expect(check(a, b, always(violated(1)))).toEqual([]);
  });
});

describe('views', () => {
  it('V101 and V201: dropped views warn, new views inform', () => {
    const a = snapshot([], [view('open_orders'), view('kept')]);
    const b = snapshot([], [view('KEPT'), view('revenue')]);
    expect(check(a, b)).toEqual([
      { code: 'V101', severity: 'warning', table: 'open_orders', column: null, message: 'View open_orders is dropped in B: queries that use it stop working.', suggestion: 'keep the view in B, or update the queries that use it' },
      { code: 'V201', severity: 'info', table: 'revenue', column: null, message: 'View revenue is new in B.' },
    ]);
  });
});
