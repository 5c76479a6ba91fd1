import { describe, expect, it } from 'vitest';
import { proofsNeeded } from '../../../../src/compat/analyze.js';
import { diff } from '../../../../src/compat/diff.js';
import { probableRenames } from '../../../../src/compat/analyzers/rename-analyzer.js';
import { BIGINT, DATE, INTEGER, TEXT, always, brief, check, clean, col, decimal, evidence, id, oneTable, timestamp, varchar, violated } from '../support.js';

describe('dropped columns (C101)', () => {
  it('is an error when A holds values in it, with examples-free proof and a suggestion', () => {
    const [a, b] = oneTable([id(), col('note', varchar(40))], [id()]);
    expect(check(a, b, evidence([[{ kind: 'nonNull', table: 'orders', column: 'note' }, violated(3)]]))).toEqual([{
      code: 'C101',
      severity: 'error',
      table: 'orders',
      column: 'note',
      message: 'Column orders.note (VARCHAR(40)) is dropped in B: 3 rows hold a value in it.',
      suggestion: 'keep the column in B, or move its values elsewhere before migrating',
      proof: { count: 3, examples: [], basis: 'query' },
    }]);
  });

  it('is a warning when every value is NULL', () => {
    const [a, b] = oneTable([id(), col('note', TEXT)], [id()]);
    expect(check(a, b, always(clean))[0]?.message).toBe('Column orders.note (VARCHAR) is dropped in B; no row of A holds a value in it.');
  });

  it('asks about A\'s spelling of table and column', () => {
    const [a, b] = oneTable([id(), col('Old Note', TEXT)], [id('ID')], {}, {}, 'Order Items');
    expect(proofsNeeded(diff(a, b), a, b)).toEqual([{ kind: 'nonNull', table: 'Order Items', column: 'Old Note' }]);
  });
});

describe('added columns (C201, C202)', () => {
  it('is info when copied rows get a value: nullable, a default, or auto-increment', () => {
    const [a, b] = oneTable([id()], [id(), col('coupon', varchar(20)), col('status', TEXT, { nullable: false, default: "'new'" }), col('seq', BIGINT, { nullable: false, autoIncrement: true })]);
    expect(check(a, b)).toEqual([
      { code: 'C201', severity: 'info', table: 'orders', column: 'coupon', message: 'Column orders.coupon (VARCHAR(20), nullable) is new in B.' },
      { code: 'C201', severity: 'info', table: 'orders', column: 'seq', message: 'Column orders.seq (BIGINT, NOT NULL, auto-increment) is new in B.' },
      { code: 'C201', severity: 'info', table: 'orders', column: 'status', message: "Column orders.status (VARCHAR, NOT NULL, default 'new') is new in B." },
    ]);
  });

  it('is an error, whatever the data, when NOT NULL without a default', () => {
    const [a, b] = oneTable([id()], [id(), col('tenant_id', INTEGER, { nullable: false })]);
    const expected = [{
      code: 'C202',
      severity: 'error',
      table: 'orders',
      column: 'tenant_id',
      message: 'Column orders.tenant_id (INTEGER) is new in B, NOT NULL and has no default: rows copied from A get no value for it.',
      suggestion: 'give it a default, make it nullable, or fill it while copying',
    }];
    expect(check(a, b, always(clean))).toEqual(expected);
    expect(check(a, b, always(undefined), false)).toEqual(expected);
    expect(proofsNeeded(diff(a, b), a, b)).toEqual([]);
  });
});

describe('probable renames (C102)', () => {
  it('warns on the added column, naming both, keeps the drop\'s C101 and replaces the add\'s C201', () => {
    const [a, b] = oneTable([id(), col('email', varchar(120))], [id(), col('email_address', varchar(120))], {}, {}, 'customers');
    const findings = check(a, b, evidence([[{ kind: 'nonNull', table: 'customers', column: 'email' }, violated(40)]]));
    expect(brief(findings)).toEqual([
      { code: 'C101', severity: 'error', table: 'customers', column: 'email' },
      { code: 'C102', severity: 'warning', table: 'customers', column: 'email_address' },
    ]);
    expect(findings[1]).toEqual({
      code: 'C102',
      severity: 'warning',
      table: 'customers',
      column: 'email_address',
      message: 'Column customers.email_address (VARCHAR(120)) is new in B and customers.email (VARCHAR(120)) is dropped: probably a rename of email to email_address, which a copy by column name does not follow.',
      suggestion: "if it is a rename, map email to email_address when copying; otherwise email's values are lost",
    });
  });

  it('pairs the better of two added columns, and leaves unalike or differently typed sole pairs alone', () => {
    const twoAdds = oneTable([id(), col('email', TEXT)], [id(), col('mail', TEXT), col('e_mail', TEXT)]);
    expect(brief(check(...twoAdds, always(clean)))).toEqual([
      { code: 'C102', severity: 'warning', table: 'orders', column: 'e_mail' },
      { code: 'C101', severity: 'warning', table: 'orders', column: 'email' },
      { code: 'C201', severity: 'info', table: 'orders', column: 'mail' },
    ]);
    const twoDrops = oneTable([id(), col('a', TEXT), col('b', TEXT)], [id(), col('c', TEXT)]);
    expect(probableRenames(diff(...twoDrops))).toEqual([]);
    const otherType = oneTable([id(), col('n', INTEGER)], [id(), col('m', BIGINT)]);
    expect(probableRenames(diff(...otherType))).toEqual([]);
  });

  it('finds renames while other columns of the table are dropped, added or changed', () => {
    const [a, b] = oneTable(
      [id(), col('email', varchar(120)), col('fax', varchar(20)), col('qty', INTEGER), col('created', timestamp(6))],
      [id(), col('email_address', varchar(120)), col('qty', BIGINT), col('created_at', timestamp(6)), col('tier', varchar(5), { nullable: false }), col('phone', varchar(20))],
      {}, {}, 'customers',
    );
    expect(probableRenames(diff(a, b)).map((r) => [r.from.name, r.to.name])).toEqual([['email', 'email_address'], ['created', 'created_at']]);
    expect(brief(check(a, b, always(clean))).filter((f) => f.code !== 'C101')).toEqual([
      { code: 'C202', severity: 'error', table: 'customers', column: 'tier' },
      { code: 'C102', severity: 'warning', table: 'customers', column: 'created_at' },
      { code: 'C102', severity: 'warning', table: 'customers', column: 'email_address' },
      { code: 'C201', severity: 'info', table: 'customers', column: 'phone' },
      { code: 'Y301', severity: 'info', table: 'customers', column: 'qty' },
    ]);
  });

  it('pairs one-to-one, best score first', () => {
    // email_address is closer to email than to mail; mail is then left with nothing alike.
    const [a, b] = oneTable([id(), col('mail', TEXT), col('email', TEXT)], [id(), col('email_address', TEXT), col('note', TEXT)]);
    expect(probableRenames(diff(a, b)).map((r) => [r.from.name, r.to.name])).toEqual([['email', 'email_address']]);
  });

  it('pairs related types (INTEGER and DECIMAL, DATE and TIMESTAMP) but never unrelated ones', () => {
    const related = oneTable([id(), col('amount', INTEGER), col('placed', DATE), col('x', TEXT)], [id(), col('amount_due', decimal(10, 2)), col('placed_on', timestamp(3))]);
    expect(probableRenames(diff(...related)).map((r) => [r.from.name, r.to.name])).toEqual([['amount', 'amount_due'], ['placed', 'placed_on']]);
    const unrelated = oneTable([id(), col('status', varchar(10)), col('x', TEXT)], [id(), col('status_id', INTEGER), col('y', TEXT)]);
    expect(probableRenames(diff(...unrelated))).toEqual([]);
  });

  it('does not pair columns whose names share nothing, however alike the rest', () => {
    // The integration fixture's Customers: legacy is dropped, phone (same place, same family) and tier added.
    const [a, b] = oneTable(
      [id(), col('email', varchar(100)), col('name', varchar(40)), col('legacy', varchar(10))],
      [id(), col('email', varchar(100)), col('name', varchar(30)), col('phone', varchar(20)), col('tier', varchar(5), { nullable: false })],
    );
    expect(probableRenames(diff(a, b))).toEqual([]);
  });

  it('does not guess between two equally good candidates', () => {
    const [a, b] = oneTable([id(), col('note', TEXT)], [col('note_a', TEXT), id(), col('note_b', TEXT)]);
    expect(probableRenames(diff(a, b))).toEqual([]);
  });

  it('pairs per table, never across tables', () => {
    const [a1, b1] = oneTable([id(), col('x', TEXT)], [id()], {}, {}, 'one');
    const [a2, b2] = oneTable([id()], [id(), col('y', TEXT)], {}, {}, 'two');
    const a = { ...a1, tables: [...a1.tables, ...a2.tables] };
    const b = { ...b1, tables: [...b1.tables, ...b2.tables] };
    expect(probableRenames(diff(a, b))).toEqual([]);
  });

  it('keeps C202 for a renamed column that is NOT NULL without a default: a copy by name leaves it empty', () => {
    const [a, b] = oneTable([id(), col('email', TEXT, { nullable: false })], [id(), col('mail', TEXT, { nullable: false })]);
    expect(brief(check(a, b, always(clean)))).toEqual([
      { code: 'C202', severity: 'error', table: 'orders', column: 'mail' },
      { code: 'C101', severity: 'warning', table: 'orders', column: 'email' },
      { code: 'C102', severity: 'warning', table: 'orders', column: 'mail' },
    ]);
  });
});

describe('auto-increment (C103, C203)', () => {
  it('warns when removed and informs when added', () => {
    const [a, b] = oneTable([col('id', INTEGER, { autoIncrement: true }), col('n', INTEGER)], [col('id', INTEGER), col('n', INTEGER, { autoIncrement: true })]);
    expect(check(a, b)).toEqual([
      { code: 'C103', severity: 'warning', table: 'orders', column: 'id', message: 'Column orders.id is no longer auto-increment in B: inserts must supply its value.', suggestion: 'give the column a generator (identity, sequence) in B, or have the application supply values' },
      { code: 'C203', severity: 'info', table: 'orders', column: 'n', message: 'Column orders.n becomes auto-increment in B.', suggestion: 'after copying, move the generator past the highest copied value' },
    ]);
  });

  it('does not report a generator default that differs across engines', () => {
    const [a, b] = oneTable([col('id', INTEGER, { autoIncrement: true, default: "nextval('orders_id_seq'::regclass)" })], [col('ID', INTEGER, { autoIncrement: true })]);
    expect(check(a, b)).toEqual([]);
  });
});
