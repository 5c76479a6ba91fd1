import { describe, expect, it } from 'vitest';
import {
  DateMillisecond,
  TimestampMillisecond,
  TimestampNanosecond,
  TimestampSecond,
  makeData,
  type Timestamp,
  type Data,
} from 'apache-arrow';
import { isoDate, timeText, timestampText } from '../../../src/arrow/temporal-text.js';
import { columnTexts, columnTextsViaIpc, dateDays, timestampMicros, validity, type FixtureColumn } from '../support/arrow-fixtures.js';

// Days since 1970-01-01 in the proleptic Gregorian calendar, as PostgreSQL counts them
// (`SELECT DATE '0044-03-15 BC' - DATE '1970-01-01'`). Years before 1 are printed with
// astronomical numbering like ISO 8601 and java.time: 1 BC is 0000, 44 BC is -0043.
const DAYS: readonly (readonly [label: string, days: number, text: string])[] = [
  ['44 BC (the Ides of March)', -735160, '-0043-03-15'],
  ['4713 BC (Julian day 0)', -2440222, '-4712-11-24'],
  ['2 BC, last day', -719529, '-0001-12-31'],
  ['5 BC, leap day', -720930, '-0004-02-29'],
  ['1 BC (year 0), first day', -719528, '0000-01-01'],
  ['1 BC (year 0), leap day', -719469, '0000-02-29'],
  ['1 BC (year 0), last day', -719163, '0000-12-31'],
  ['1 AD', -719162, '0001-01-01'],
  ['year 1000', -354285, '1000-01-01'],
  ['1582-10-10, in the gap of the Julian→Gregorian switch', -141432, '1582-10-10'],
  ['1582-10-15', -141427, '1582-10-15'],
  ['1970-01-01', 0, '1970-01-01'],
  ['9999-12-31', 2932896, '9999-12-31'],
  ['10000-01-01 (expanded year)', 2932897, '+10000-01-01'],
];

const DAY_MICROS = 86_400_000_000n;
// 12:34:56.123456789 after midnight, in each unit.
const NOON_NS = 45_296_123_456_789n;

/** A Date64 (milliseconds) column built in the test. */
function date64(values: readonly (bigint | null)[]): Data {
  return makeData({ type: new DateMillisecond(), length: values.length, data: BigInt64Array.from(values, (v) => v ?? 0n), ...validity(values) });
}

/** A timestamp column of any unit built in the test. */
function timestamps(type: Timestamp, values: readonly (bigint | null)[]): Data {
  return makeData({ type, length: values.length, data: BigInt64Array.from(values, (v) => v ?? 0n), ...validity(values) });
}

const texts = columnTexts;
const textsViaIpc = columnTextsViaIpc;

const days = DAYS.map(([, d]) => d);
const dates = DAYS.map(([, , t]) => t);

describe.each([
  ['in memory', texts],
  ['after IPC', textsViaIpc],
] as const)('dates and timestamps before year 1 and after 9999 (%s)', (_label, read) => {
  it('Date32 (days)', () => {
    expect(read({ name: 'd', sqlType: 'DATE', data: dateDays([...days, null]) })).toEqual([...dates, null]);
  });

  it('Date64 (milliseconds)', () => {
    const data = date64([...days.map((d) => BigInt(d) * 86_400_000n), null]);
    expect(read({ name: 'd', sqlType: 'DATE', data })).toEqual([...dates, null]);
  });

  it('TIMESTAMP in microseconds keeps the microseconds', () => {
    const data = timestampMicros([...days.map((d) => BigInt(d) * DAY_MICROS + NOON_NS / 1000n), null]);
    expect(read({ name: 'ts', sqlType: 'TIMESTAMP', data })).toEqual([...dates.map((d) => `${d} 12:34:56.123456`), null]);
  });

  it('TIMESTAMP in seconds and milliseconds', () => {
    const at = (perDay: bigint, ofDay: bigint): bigint[] => days.map((d) => BigInt(d) * perDay + ofDay);
    const s = timestamps(new TimestampSecond(), at(86_400n, NOON_NS / 1_000_000_000n));
    const ms = timestamps(new TimestampMillisecond(), at(86_400_000n, NOON_NS / 1_000_000n));
    expect(read({ name: 'ts', sqlType: 'TIMESTAMP', data: s })).toEqual(dates.map((d) => `${d} 12:34:56`));
    expect(read({ name: 'ts', sqlType: 'TIMESTAMP', data: ms })).toEqual(dates.map((d) => `${d} 12:34:56.123`));
  });

  it('TIMESTAMP in nanoseconds keeps the nanoseconds over its whole range (1677–2262)', () => {
    const data = timestamps(new TimestampNanosecond(), [-9223372036854775808n, -25567n * 86_400_000_000_000n + NOON_NS, -1n, 9223372036854775807n]);
    expect(read({ name: 'ts', sqlType: 'TIMESTAMP', data })).toEqual([
      '1677-09-21 00:12:43.145224192',
      '1900-01-01 12:34:56.123456789',
      '1969-12-31 23:59:59.999999999',
      '2262-04-11 23:47:16.854775807',
    ]);
  });

  it('the last microsecond of 1 BC and of 44 BC floor to the previous day', () => {
    const data = timestampMicros([-719162n * DAY_MICROS - 1n, -735159n * DAY_MICROS - 1n]);
    expect(read({ name: 'ts', sqlType: 'TIMESTAMP', data })).toEqual(['0000-12-31 23:59:59.999999', '-0043-03-15 23:59:59.999999']);
  });

  it('the extremes of Date32 and of microsecond TIMESTAMP (as java.time prints them)', () => {
    expect(read({ name: 'd', sqlType: 'DATE', data: dateDays([2147483647, -2147483648]) })).toEqual(['+5881580-07-11', '-5877641-06-23']);
    const data = timestampMicros([9223372036854775807n, -9223372036854775808n]);
    expect(read({ name: 'ts', sqlType: 'TIMESTAMP', data })).toEqual(['+294247-01-10 04:00:54.775807', '-290308-12-21 19:59:05.224192']);
  });
});

describe('isoDate', () => {
  it('agrees with JavaScript Date (proleptic Gregorian, astronomical years) on every 7th day of 0000–9999', () => {
    const mismatches: string[] = [];
    for (let d = -719528; d <= 2932896; d += 7) {
      const js = new Date(d * 86_400_000).toISOString().slice(0, 10);
      if (isoDate(d) !== js) mismatches.push(`${d}: ${isoDate(d)} ≠ ${js}`);
    }
    expect(mismatches).toEqual([]);
  });

  it('takes days as bigint or number', () => {
    expect(isoDate(-735160n)).toBe('-0043-03-15');
    expect(isoDate(-735160)).toBe('-0043-03-15');
  });
});

describe('timestampText and timeText', () => {
  it('print the fraction to the unit, trailing zeros trimmed', () => {
    expect(timestampText(-1n, 3)).toBe('1969-12-31 23:59:59.999999999');
    expect(timestampText(1_500n, 1)).toBe('1970-01-01 00:00:01.5');
    expect(timestampText(-1n, 0)).toBe('1969-12-31 23:59:59');
    expect(timeText(45_296_120_000_000n, 3)).toBe('12:34:56.12');
    expect(timeText(45_296n, 0)).toBe('12:34:56');
    expect(timeText(45_296_001n, 1)).toBe('12:34:56.001');
  });

  it('marks UTC with Z and names other zones', () => {
    expect(timestampText(-63517778703876544n, 2, 'UTC')).toBe('-0043-03-15 12:34:56.123456Z');
  });
});
