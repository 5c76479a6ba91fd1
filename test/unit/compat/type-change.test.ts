import { describe, expect, it } from 'vitest';
import { classifyTypeChange, sameType, type TypeChange } from '../../../src/compat/type-change.js';
import type { LogicalType } from '../../../src/schema/model.js';
import {
  BIGINT, BOOLEAN, DATE, DOUBLE, INTEGER, REAL, SMALLINT, TEXT, TINYINT,
  char, decimal, interval, other, time, timestamp, timestamptz, type, varbinary, varchar,
} from './support.js';

const at = { table: 'orders', column: 'c' };
const kind = (from: LogicalType, to: LogicalType): TypeChange['kind'] => classifyTypeChange(from, to, at).kind;
const requests = (from: LogicalType, to: LogicalType): unknown[] => {
  const c = classifyTypeChange(from, to, at);
  if (c.kind === 'narrow') return c.checks.map((x) => ({ code: x.code, ...x.request }));
  if (c.kind === 'incompatible') return [{ code: c.check.code, ...c.check.request }];
  return [];
};

describe('sameType', () => {
  it('ignores native spelling and display', () => {
    expect(sameType(type('integer', 'INTEGER', null, null, 'int4'), INTEGER)).toBe(true);
    expect(sameType(type('char', 'VARCHAR', 40, null, 'character varying(40)'), varchar(40))).toBe(true);
  });
  it('compares SQL type, precision and scale where the family has them', () => {
    expect(sameType(INTEGER, BIGINT)).toBe(false);
    expect(sameType(varchar(40), varchar(41))).toBe(false);
    expect(sameType(varchar(40), char(40))).toBe(false);
    expect(sameType(decimal(10, 2), decimal(10, 3))).toBe(false);
    expect(sameType(timestamp(3), timestamp(6))).toBe(false);
    expect(sameType(type('integer', 'INTEGER', 10), type('integer', 'INTEGER', 32))).toBe(true);
  });
  it('treats FLOAT as DOUBLE', () => {
    expect(sameType(type('float', 'FLOAT'), DOUBLE)).toBe(true);
    expect(sameType(type('float', 'FLOAT'), REAL)).toBe(false);
  });
});

describe('classifyTypeChange', () => {
  it.each<[string, LogicalType, LogicalType, TypeChange['kind']]>([
    ['INTEGER → BIGINT', INTEGER, BIGINT, 'widen'],
    ['TINYINT → SMALLINT', TINYINT, SMALLINT, 'widen'],
    ['VARCHAR(20) → VARCHAR(40)', varchar(20), varchar(40), 'widen'],
    ['VARCHAR(20) → unbounded', varchar(20), TEXT, 'widen'],
    ['CHAR(10) → VARCHAR(10)', char(10), varchar(10), 'widen'],
    ['DECIMAL(10,2) → DECIMAL(12,4)', decimal(10, 2), decimal(12, 4), 'widen'],
    ['DECIMAL(10,2) → unbounded DECIMAL', decimal(10, 2), decimal(null), 'widen'],
    ['TIMESTAMP(3) → TIMESTAMP(6)', timestamp(3), timestamp(6), 'widen'],
    ['TIME(0) → TIME(3)', time(0), time(3), 'widen'],
    ['REAL → DOUBLE', REAL, DOUBLE, 'widen'],
    ['DATE → TIMESTAMP', DATE, timestamp(0), 'widen'],
    ['INTEGER → DECIMAL(10,0)', INTEGER, decimal(10, 0), 'widen'],
    ['BIGINT → DECIMAL(21,2)', BIGINT, decimal(21, 2), 'widen'],
    ['SMALLINT → REAL', SMALLINT, REAL, 'widen'],
    ['INTEGER → DOUBLE', INTEGER, DOUBLE, 'widen'],
    ['DECIMAL(9,0) → INTEGER', decimal(9, 0), INTEGER, 'widen'],
    ['DECIMAL(15,0) → DOUBLE', decimal(15, 0), DOUBLE, 'widen'],
    ['VARBINARY(16) → VARBINARY(32)', varbinary(16), varbinary(32), 'widen'],
    ['DOUBLE → REAL', DOUBLE, REAL, 'floatLoss'],
    ['INTEGER → REAL', INTEGER, REAL, 'floatLoss'],
    ['BIGINT → DOUBLE', BIGINT, DOUBLE, 'floatLoss'],
    ['DECIMAL(10,2) → DOUBLE', decimal(10, 2), DOUBLE, 'floatLoss'],
    ['BOOLEAN → VARCHAR(10)', BOOLEAN, varchar(10), 'convert'],
    ['INTEGER → unbounded VARCHAR', INTEGER, TEXT, 'convert'],
    ['INTEGER → VARCHAR(11)', INTEGER, varchar(11), 'convert'],
    ['DECIMAL(10,2) → VARCHAR(12)', decimal(10, 2), varchar(12), 'convert'],
    ['DATE → VARCHAR(10)', DATE, varchar(10), 'convert'],
    ['TIMESTAMP → DATE', timestamp(6), DATE, 'convert'],
    ['TIMESTAMP → TIME(6)', timestamp(6), time(6), 'convert'],
    ['TIMESTAMP → TIMESTAMPTZ', timestamp(6), timestamptz(6), 'convert'],
    ['DATE → TIMESTAMPTZ', DATE, timestamptz(6), 'convert'],
    ['JSON → unbounded VARCHAR', other('JSON'), TEXT, 'convert'],
    ['DOUBLE → unbounded DECIMAL', DOUBLE, decimal(null), 'convert'],
    ['INTERVAL_DAY → INTERVAL_DAY_SECOND', interval('INTERVAL_DAY'), interval('INTERVAL_DAY_SECOND'), 'convert'],
    ['VARCHAR → INTEGER', varchar(20), INTEGER, 'incompatible'],
    ['VARCHAR → DATE', varchar(20), DATE, 'incompatible'],
    ['TEXT → BOOLEAN', TEXT, BOOLEAN, 'incompatible'],
    ['INTEGER → BOOLEAN', INTEGER, BOOLEAN, 'incompatible'],
    ['BOOLEAN → INTEGER', BOOLEAN, INTEGER, 'incompatible'],
    ['DATE → TIME', DATE, time(0), 'incompatible'],
    ['VARBINARY → VARCHAR', varbinary(16), TEXT, 'incompatible'],
    ['VARCHAR → VARBINARY', TEXT, varbinary(null), 'incompatible'],
    ['INTEGER → VARCHAR(5)', INTEGER, varchar(5), 'incompatible'],
    ['UUID → JSON', other('UUID'), other('JSON'), 'incompatible'],
    ['INTERVAL_YEAR → INTERVAL_DAY', interval('INTERVAL_YEAR'), interval('INTERVAL_DAY'), 'incompatible'],
    ['BIGINT → INTEGER', BIGINT, INTEGER, 'narrow'],
    ['VARCHAR(40) → VARCHAR(20)', varchar(40), varchar(20), 'narrow'],
    ['VARCHAR(10) → CHAR(5)', varchar(10), char(5), 'narrow'],
    ['TIMESTAMP(6) → TIMESTAMP(3)', timestamp(6), timestamp(3), 'narrow'],
    ['DECIMAL(12,2) → DECIMAL(10,2)', decimal(12, 2), decimal(10, 2), 'narrow'],
    ['DOUBLE → INTEGER', DOUBLE, INTEGER, 'narrow'],
    ['DOUBLE → DECIMAL(10,2)', DOUBLE, decimal(10, 2), 'narrow'],
  ])('%s is %s', (_label, from, to, expected) => {
    expect(kind(from, to)).toBe(expected);
  });

  it('is same for equal types whatever the native spelling', () => {
    expect(kind(type('integer', 'INTEGER', null, null, 'int4'), INTEGER)).toBe('same');
  });

  it('asks tooLong for a shorter text or binary type', () => {
    expect(requests(varchar(40), varchar(20))).toEqual([{ code: 'Y101', kind: 'tooLong', ...at, maxLength: 20 }]);
    expect(requests(TEXT, char(8))).toEqual([{ code: 'Y101', kind: 'tooLong', ...at, maxLength: 8 }]);
    expect(requests(varbinary(32), varbinary(16))).toEqual([{ code: 'Y101', kind: 'tooLong', ...at, maxLength: 16 }]);
  });

  it('asks outOfRange with the narrower integer range as exact text', () => {
    expect(requests(BIGINT, INTEGER)).toEqual([{ code: 'Y102', kind: 'outOfRange', ...at, min: '-2147483648', max: '2147483647' }]);
    expect(requests(INTEGER, TINYINT)).toEqual([{ code: 'Y102', kind: 'outOfRange', ...at, min: '-128', max: '127' }]);
  });

  it('asks outOfRange with ±(10^(p−s))−1 for an integer into a DECIMAL with fewer integer digits', () => {
    expect(requests(INTEGER, decimal(6, 2))).toEqual([{ code: 'Y102', kind: 'outOfRange', ...at, min: '-9999', max: '9999' }]);
    expect(requests(SMALLINT, decimal(7, 3))).toEqual([{ code: 'Y102', kind: 'outOfRange', ...at, min: '-9999', max: '9999' }]);
    expect(requests(TINYINT, decimal(4, 2))).toEqual([{ code: 'Y102', kind: 'outOfRange', ...at, min: '-99', max: '99' }]);
  });

  it('asks one tooManyDigits carrying both bounds when DECIMAL precision and scale narrow together', () => {
    expect(requests(decimal(12, 4), decimal(10, 2))).toEqual([{ code: 'Y103', kind: 'tooManyDigits', ...at, integerDigits: 8, scale: 2 }]);
    expect(requests(decimal(10, 2), decimal(10, 4))).toEqual([{ code: 'Y103', kind: 'tooManyDigits', ...at, integerDigits: 6, scale: 4 }]);
    expect(requests(decimal(null), decimal(10, 2))).toEqual([{ code: 'Y103', kind: 'tooManyDigits', ...at, integerDigits: 8, scale: 2 }]);
  });

  it('checks range (Y102) and dropped fraction (Y103) apart for DECIMAL or floating point to an integer type', () => {
    expect(requests(decimal(12, 2), INTEGER)).toEqual([
      { code: 'Y102', kind: 'outOfRange', ...at, min: '-2147483648', max: '2147483647' },
      { code: 'Y103', kind: 'tooManyDigits', ...at, integerDigits: 10, scale: 0 },
    ]);
    expect(requests(decimal(5, 2), INTEGER)).toEqual([{ code: 'Y103', kind: 'tooManyDigits', ...at, integerDigits: 10, scale: 0 }]);
    expect(requests(decimal(12, 0), INTEGER)).toEqual([{ code: 'Y102', kind: 'outOfRange', ...at, min: '-2147483648', max: '2147483647' }]);
    expect(requests(DOUBLE, SMALLINT)).toEqual([
      { code: 'Y102', kind: 'outOfRange', ...at, min: '-32768', max: '32767' },
      { code: 'Y103', kind: 'tooManyDigits', ...at, integerDigits: 5, scale: 0 },
    ]);
  });

  it('asks fractionLost with the new precision', () => {
    expect(requests(timestamp(6), timestamp(3))).toEqual([{ code: 'Y104', kind: 'fractionLost', ...at, precision: 3 }]);
    expect(requests(time(3), time(0))).toEqual([{ code: 'Y104', kind: 'fractionLost', ...at, precision: 0 }]);
    expect(requests(timestamp(6), timestamptz(3))).toEqual([{ code: 'Y104', kind: 'fractionLost', ...at, precision: 3 }]);
  });

  it('asks notConvertible with the target type for incompatible families and text forms that may not fit', () => {
    expect(requests(varchar(20), INTEGER)).toEqual([{ code: 'Y105', kind: 'notConvertible', ...at, to: INTEGER }]);
    expect(requests(BIGINT, varchar(5))).toEqual([{ code: 'Y105', kind: 'notConvertible', ...at, to: varchar(5) }]);
    const c = classifyTypeChange(BIGINT, varchar(5), at);
    expect(c.kind === 'incompatible' && c.check.risk).toBe('values whose text form is longer than 5 characters');
  });

  it('gives reasons for conversions and floating-point loss', () => {
    expect(classifyTypeChange(timestamp(6), DATE, at)).toEqual({ kind: 'convert', reason: 'the time of day is dropped' });
    expect(classifyTypeChange(BIGINT, DOUBLE, at)).toEqual({ kind: 'floatLoss', reason: 'integers beyond ±2^53 are rounded' });
    expect(classifyTypeChange(INTEGER, REAL, at)).toEqual({ kind: 'floatLoss', reason: 'integers beyond ±2^24 are rounded' });
  });
});
