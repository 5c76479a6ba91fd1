import { describe, expect, it } from 'vitest';
import { INTEGER, TEXT, always, check, col, evidence, oneTable, violated } from '../support.js';

describe('nullability (N101, N201)', () => {
  it('N101 is an error naming the NULL rows, and suggests filling them', () => {
    const [a, b] = oneTable([col('email', TEXT)], [col('email', TEXT, { nullable: false })], {}, {}, 'customers');
    expect(check(a, b, evidence([[{ kind: 'nulls', table: 'customers', column: 'email' }, violated(2, ['id=5', 'id=8'])]]))).toEqual([{
      code: 'N101',
      severity: 'error',
      table: 'customers',
      column: 'email',
      message: 'Column customers.email becomes NOT NULL in B: 2 rows hold NULL in it, e.g. id=5, id=8.',
      suggestion: 'fill the NULLs before copying, or keep the column nullable',
      proof: { count: 2, examples: ['id=5', 'id=8'], basis: 'query' },
    }]);
  });

  it('N101 with a new default reminds that defaults do not replace explicit NULLs', () => {
    const [a, b] = oneTable([col('n', INTEGER)], [col('n', INTEGER, { nullable: false, default: '0' })]);
    const findings = check(a, b, always(violated(1)));
    expect(findings.map((f) => [f.code, f.severity])).toEqual([['N101', 'error'], ['D101', 'warning']]);
    expect(findings[0]?.suggestion).toBe("fill the NULLs before copying (B's default 0 is not applied to explicit NULLs), or keep the column nullable");
  });

  it('N201 is info', () => {
    const [a, b] = oneTable([col('phone', TEXT, { nullable: false })], [col('phone', TEXT)], {}, {}, 'customers');
    expect(check(a, b)).toEqual([{ code: 'N201', severity: 'info', table: 'customers', column: 'phone', message: 'Column customers.phone becomes nullable in B.' }]);
  });
});

describe('defaults (D101)', () => {
  const d101 = (from: string | null, to: string | null) => check(...oneTable([col('status', TEXT, { default: from })], [col('status', TEXT, { default: to })]));

  it('warns when a default is changed, added or removed, showing the defaults as the databases spell them', () => {
    const suggestion = 'check the application does not rely on the old default when it inserts rows';
    expect(d101("'new'", "'open'")).toEqual([{ code: 'D101', severity: 'warning', table: 'orders', column: 'status', message: "Default of orders.status changes from 'new' to 'open'.", suggestion }]);
    expect(d101(null, "'open'")[0]?.message).toBe("Default of orders.status is added in B: 'open'.");
    expect(d101('NULL', "'open'")[0]?.message).toBe("Default of orders.status is added in B: 'open'.");
    expect(d101("'new'::character varying", null)[0]?.message).toBe("Default of orders.status is removed in B (was 'new'::character varying).");
  });

  it('says nothing when the defaults differ only in casts, parentheses or keyword case', () => {
    expect(d101("'x'::character varying", "'x'")).toEqual([]);
    expect(d101('(CURRENT_TIMESTAMP)', 'current_timestamp')).toEqual([]);
    expect(d101('NULL', null)).toEqual([]);
  });
});
