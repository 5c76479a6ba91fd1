import { describe, expect, it } from 'vitest';
import { proofsNeeded } from '../../../../src/compat/analyze.js';
import { diff } from '../../../../src/compat/diff.js';
import {
  BIGINT, BOOLEAN, DATE, DOUBLE, INTEGER, REAL, SMALLINT, TEXT,
  always, brief, check, clean, col, decimal, evidence, oneTable, timestamp, type, varchar, violated,
} from '../support.js';

describe('type changes', () => {
  it('Y101: names old and new types, the count and examples, and suggests keeping the wider type', () => {
    const [a, b] = oneTable([col('note', varchar(40))], [col('note', varchar(20))]);
    const request = { kind: 'tooLong', table: 'orders', column: 'note', maxLength: 20 } as const;
    expect(check(a, b, evidence([[request, violated(3, ['id=7', 'id=9'])]]))).toEqual([{
      code: 'Y101',
      severity: 'error',
      table: 'orders',
      column: 'note',
      message: 'Column orders.note narrows from VARCHAR(40) to VARCHAR(20): 3 rows hold values longer than 20 characters, e.g. id=7, id=9.',
      suggestion: 'keep VARCHAR(40) (or a wider type) in B, or shorten the 3 rows first',
      proof: { count: 3, examples: ['id=7', 'id=9'], basis: 'query' },
    }]);
    expect(check(a, b, evidence([[request, clean]]))).toEqual([{
      code: 'Y101',
      severity: 'warning',
      table: 'orders',
      column: 'note',
      message: 'Column orders.note narrows from VARCHAR(40) to VARCHAR(20); no row of A holds values longer than 20 characters.',
      proof: { count: 0, examples: [], basis: 'query' },
    }]);
    expect(check(a, b, evidence([]))).toEqual([{
      code: 'Y101',
      severity: 'warning',
      table: 'orders',
      column: 'note',
      message: 'Column orders.note narrows from VARCHAR(40) to VARCHAR(20); values longer than 20 characters would not survive — not proven: no data available.',
      suggestion: 'keep VARCHAR(40) (or a wider type) in B, or shorten such values first',
    }]);
    expect(check(a, b, evidence([]), false)[0]?.message).toBe(
      'Column orders.note narrows from VARCHAR(40) to VARCHAR(20); values longer than 20 characters would not survive — not proven (--no-data).',
    );
  });

  it('asks in A\'s spelling when B spells the table and column differently', () => {
    const a = oneTable([col('Qty', INTEGER)], [])[0];
    const b = oneTable([], [col('QTY', SMALLINT)], {}, {}, 'ORDERS')[1];
    expect(proofsNeeded(diff(a, b), a, b)).toEqual([{ kind: 'outOfRange', table: 'orders', column: 'Qty', min: '-32768', max: '32767' }]);
  });

  it('reports DECIMAL → INTEGER as a range finding and a fraction finding, each with its own proof', () => {
    const [a, b] = oneTable([col('amount', decimal(12, 2))], [col('amount', INTEGER)]);
    const range = { kind: 'outOfRange', table: 'orders', column: 'amount', min: '-2147483648', max: '2147483647' } as const;
    const digits = { kind: 'tooManyDigits', table: 'orders', column: 'amount', integerDigits: 10, scale: 0 } as const;
    expect(proofsNeeded(diff(a, b), a, b)).toEqual([range, digits]);
    const findings = check(a, b, evidence([[range, clean], [digits, violated(2, ['id=1', 'id=2'])]]));
    expect(brief(findings)).toEqual([
      { code: 'Y103', severity: 'error', table: 'orders', column: 'amount' },
      { code: 'Y102', severity: 'warning', table: 'orders', column: 'amount' },
    ]);
    expect(findings[0]?.message).toBe('Column orders.amount narrows from DECIMAL(12, 2) to INTEGER: 2 rows hold values with more than 10 digits before the point or a fractional part, e.g. id=1, id=2.');
  });

  it('reports combined DECIMAL precision and scale narrowing once, with one request', () => {
    const [a, b] = oneTable([col('total', decimal(12, 4))], [col('total', decimal(10, 2))]);
    expect(proofsNeeded(diff(a, b), a, b)).toEqual([{ kind: 'tooManyDigits', table: 'orders', column: 'total', integerDigits: 8, scale: 2 }]);
    expect(check(a, b, always(violated(1, ['id=3'])))).toEqual([expect.objectContaining({
      code: 'Y103',
      severity: 'error',
      message: 'Column orders.total narrows from DECIMAL(12, 4) to DECIMAL(10, 2): 1 row holds values with more than 8 digits before the point or more than 2 after it, e.g. id=3.',
    })]);
  });

  it('Y104 and Y105 read as narrowing and changing', () => {
    const [a, b] = oneTable([col('at', timestamp(6)), col('ref', varchar(20))], [col('at', timestamp(0)), col('ref', INTEGER)]);
    expect(check(a, b, always(violated(4, ['id=11']))).map((f) => [f.code, f.message, f.suggestion])).toEqual([
      ['Y104', 'Column orders.at narrows from TIMESTAMP(6) to TIMESTAMP(0): 4 rows hold values with fractional seconds, e.g. id=11.', 'keep TIMESTAMP(6) (or a wider type) in B, or truncate the 4 rows first'],
      ['Y105', 'Column orders.ref changes from VARCHAR(20) to INTEGER: 4 rows hold values that cannot be converted to INTEGER, e.g. id=11.', 'keep VARCHAR(20) in B, or convert or clean the 4 rows first'],
    ]);
  });

  it('Y201, Y202 and Y301 need no data', () => {
    const [a, b] = oneTable(
      [col('v', DOUBLE), col('big', BIGINT), col('flag', BOOLEAN), col('placed', timestamp(6)), col('n', INTEGER), col('r', REAL), col('name', varchar(20)), col('d', DATE)],
      [col('v', REAL), col('big', DOUBLE), col('flag', TEXT), col('placed', DATE), col('n', BIGINT), col('r', DOUBLE), col('name', TEXT), col('d', timestamp(0))],
    );
    expect(proofsNeeded(diff(a, b), a, b)).toEqual([]);
    expect(check(a, b).map((f) => [f.severity, f.code, f.message])).toEqual([
      ['warning', 'Y201', 'Column orders.big changes from BIGINT to DOUBLE: integers beyond ±2^53 are rounded.'],
      ['warning', 'Y202', 'Column orders.flag changes from BOOLEAN to VARCHAR: BOOLEAN values become text.'],
      ['warning', 'Y202', 'Column orders.placed changes from TIMESTAMP(6) to DATE: the time of day is dropped.'],
      ['warning', 'Y201', 'Column orders.v changes from DOUBLE to REAL: values are rounded to about 7 significant digits.'],
      ['info', 'Y301', 'Column orders.d widens from DATE to TIMESTAMP(0).'],
      ['info', 'Y301', 'Column orders.n widens from INTEGER to BIGINT.'],
      ['info', 'Y301', 'Column orders.name widens from VARCHAR(20) to VARCHAR.'],
      ['info', 'Y301', 'Column orders.r widens from REAL to DOUBLE.'],
    ]);
  });

  it('says nothing for equal logical types spelled differently (int4 vs INTEGER)', () => {
    const [a, b] = oneTable([col('n', type('integer', 'INTEGER', null, null, 'int4'), { nativeType: 'int4' })], [col('N', INTEGER, { nativeType: 'INTEGER' })]);
    expect(check(a, b)).toEqual([]);
  });
});
