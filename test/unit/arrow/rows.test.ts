import { describe, expect, it } from 'vitest';
import { Table } from 'apache-arrow';
import { tableRows } from '../../../src/arrow/rows.js';
import {
  batchOf,
  binary,
  bools,
  dateDays,
  decimal128,
  float64,
  int32,
  int64,
  nulls,
  tableFrom,
  tableOf,
  timeMicros,
  timestampMicros,
  utf8,
  viaIpc,
} from '../support/arrow-fixtures.js';

// One row of every family, a row of NULLs, and the values plain apache-arrow access gets wrong:
// DECIMAL(12, 2) 42861428.70, BIGINT 2^53 + 1, a microsecond timestamp and a date of 44 BC.
const table = tableFrom([
  { name: 'id', sqlType: 'BIGINT', data: int64([9007199254740993n, -9223372036854775808n, null]) },
  { name: 'price', sqlType: 'DECIMAL(12, 2)', data: decimal128([4286142870n, -5n, null], 12, 2) },
  { name: 'qty', sqlType: 'INTEGER', data: int32([3, -2147483648, null]) },
  { name: 'ratio', sqlType: 'DOUBLE', data: float64([0.1, Number.NEGATIVE_INFINITY, null]) },
  { name: 'ok', sqlType: 'BOOLEAN', data: bools([true, false, null]) },
  { name: 'd', sqlType: 'DATE', data: dateDays([-735160, 19782, null]) },
  { name: 't', sqlType: 'TIME', data: timeMicros([45296123456n, 0n, null]) },
  { name: 'ts', sqlType: 'TIMESTAMP', data: timestampMicros([1709210096123456n, -63517778703876544n, null]) },
  { name: 's', sqlType: 'VARCHAR', data: utf8(['😀', '', null]) },
  { name: 'bin', sqlType: 'VARBINARY', data: binary([Uint8Array.of(0xca, 0xfe), new Uint8Array(0), null]) },
  { name: 'x', sqlType: 'NULL', data: nulls(3) },
]);

const expected = [
  {
    id: 9007199254740993n,
    price: '42861428.70',
    qty: 3,
    ratio: 0.1,
    ok: true,
    d: '-0043-03-15',
    t: '12:34:56.123456',
    ts: '2024-02-29 12:34:56.123456',
    s: '😀',
    bin: Uint8Array.of(0xca, 0xfe),
    x: null,
  },
  {
    id: -9223372036854775808n,
    price: '-0.05',
    qty: -2147483648,
    ratio: Number.NEGATIVE_INFINITY,
    ok: false,
    d: '2024-02-29',
    t: '00:00:00',
    ts: '-0043-03-15 12:34:56.123456',
    s: '',
    bin: new Uint8Array(0),
    x: null,
  },
  { id: null, price: null, qty: null, ratio: null, ok: null, d: null, t: null, ts: null, s: null, bin: null, x: null },
];

describe('tableRows', () => {
  it('gives plain objects keyed by column label with exact values of each family', () => {
    expect(tableRows(table)).toStrictEqual(expected);
  });

  it('gives the same rows after an Arrow IPC round trip (as the bridge delivers them)', () => {
    expect(tableRows(viaIpc(table))).toStrictEqual(expected);
  });

  it('keeps binary values as fresh Uint8Arrays, not views into the Arrow buffers', () => {
    const bin = tableRows(table)[0]!.bin as Uint8Array;
    expect(bin.constructor).toBe(Uint8Array);
    bin[0] = 0;
    expect(tableRows(table)[0]!.bin).toStrictEqual(Uint8Array.of(0xca, 0xfe));
  });

  it('what plain apache-arrow access gives for the same cells (the pitfall the rows avoid)', () => {
    const row = table.get(0)!;
    expect(String(row.price)).toBe('4286142870'); // the scale is gone
    expect(row.ts).toBe(1709210096123.456); // milliseconds as a double
    expect(row.d).toBe(-63517824000000); // milliseconds, no calendar
  });

  it('walks every batch in order and gives [] for an empty result', () => {
    const two = tableOf(
      batchOf([{ name: 'id', sqlType: 'BIGINT', data: int64([1n]) }]),
      batchOf([{ name: 'id', sqlType: 'BIGINT', data: int64([2n, null]) }]),
    );
    expect(tableRows(two)).toStrictEqual([{ id: 1n }, { id: 2n }, { id: null }]);
    const empty = tableFrom([{ name: 'id', sqlType: 'BIGINT', data: int64([]) }]);
    expect(tableRows(empty)).toStrictEqual([]);
    expect(tableRows(new Table(empty.schema))).toStrictEqual([]);
  });

  it('keeps a column labelled __proto__ as data', () => {
    const rows = tableRows(tableFrom([{ name: '__proto__', sqlType: 'INTEGER', data: int32([1]) }]));
    expect(Object.keys(rows[0]!)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(rows[0])).toBe(Object.prototype);
  });
});
