import { describe, expect, it } from 'vitest';
import { Field, Int32, Utf8 } from 'apache-arrow';
import { batchColumns, decimalText, kindOf, sqlTypeOf, tableTextRows } from '../../../src/arrow/columns.js';
import { isoDate, isoTime, isoTimestamp } from '../../../src/arrow/temporal-text.js';
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
  columnTexts,
  columnTextsViaIpc,
  type FixtureColumn,
} from '../support/arrow-fixtures.js';

const texts = columnTexts;
const textsViaIpc = columnTextsViaIpc;

const both = [
  ['in memory', texts],
  ['after IPC', textsViaIpc],
] as const;

// 38 nines: the largest DECIMAL(38, s) unscaled value.
const MAX38 = 10n ** 38n - 1n;

describe.each(both)('batchColumns (%s)', (_label, read) => {
  it('BIGINT keeps every digit beyond 2^53, both extremes, and NULL', () => {
    const col = { name: 'id', sqlType: 'BIGINT', data: int64([9007199254740993n, -9223372036854775808n, 9223372036854775807n, 0n, -1n, null]) };
    expect(read(col)).toEqual(['9007199254740993', '-9223372036854775808', '9223372036854775807', '0', '-1', null]);
  });

  it('DECIMAL(38, 2) keeps its scale, sign and leading zeros', () => {
    const col = {
      name: 'price',
      sqlType: 'DECIMAL',
      data: decimal128([1050n, -1050n, 5n, -5n, 0n, 100n, MAX38, -MAX38, 12345678901234567890123456789012345678n, null], 38, 2),
    };
    expect(read(col)).toEqual([
      '10.50',
      '-10.50',
      '0.05',
      '-0.05',
      '0.00',
      '1.00',
      '999999999999999999999999999999999999.99',
      '-999999999999999999999999999999999999.99',
      '123456789012345678901234567890123456.78',
      null,
    ]);
  });

  it('DECIMAL with scale 0 has no point; scale = precision has a leading 0', () => {
    expect(read({ name: 'n', sqlType: 'DECIMAL', data: decimal128([42n, -7n, MAX38], 38, 0) })).toEqual(['42', '-7', MAX38.toString()]);
    expect(read({ name: 'n', sqlType: 'DECIMAL', data: decimal128([1n, -12345n, 0n], 5, 5) })).toEqual(['0.00001', '-0.12345', '0.00000']);
  });

  it('TIMESTAMP(6) to the microsecond, before 1970, and years 1000 and 9999', () => {
    const col = {
      name: 'ts',
      sqlType: 'TIMESTAMP',
      data: timestampMicros([
        0n,
        1n,
        -1n,
        1709210096500000n, // 2024-02-29 12:34:56.5
        -14182939876544n, // 1969-07-20 20:17:40.123456
        -30610224000000000n, // 1000-01-01 00:00:00
        253402300799999999n, // 9999-12-31 23:59:59.999999
        -62135596800000000n, // 0001-01-01 00:00:00
        null,
      ]),
    };
    expect(read(col)).toEqual([
      '1970-01-01 00:00:00',
      '1970-01-01 00:00:00.000001',
      '1969-12-31 23:59:59.999999',
      '2024-02-29 12:34:56.5',
      '1969-07-20 20:17:40.123456',
      '1000-01-01 00:00:00',
      '9999-12-31 23:59:59.999999',
      '0001-01-01 00:00:00',
      null,
    ]);
  });

  it('DATE (Date32 days)', () => {
    const col = { name: 'd', sqlType: 'DATE', data: dateDays([0, -1, 19782, -354285, 2932896, -719162, null]) };
    expect(read(col)).toEqual(['1970-01-01', '1969-12-31', '2024-02-29', '1000-01-01', '9999-12-31', '0001-01-01', null]);
  });

  it('TIME (Time64 microseconds)', () => {
    const col = { name: 't', sqlType: 'TIME', data: timeMicros([0n, 1n, 45296000000n, 45296120000n, 86399999999n, null]) };
    expect(read(col)).toEqual(['00:00:00', '00:00:00.000001', '12:34:56', '12:34:56.12', '23:59:59.999999', null]);
  });

  it('BOOLEAN', () => {
    expect(read({ name: 'b', sqlType: 'BOOLEAN', data: bools([true, false, null, true]) })).toEqual(['true', 'false', null, 'true']);
  });

  it('VARCHAR keeps 4-byte characters and tells the empty string from NULL', () => {
    const col = { name: 's', sqlType: 'VARCHAR', data: utf8(['😀 grin', '𝄞', '', null, 'naïve, "quoted"', 'a\nb']) };
    expect(read(col)).toEqual(['😀 grin', '𝄞', '', null, 'naïve, "quoted"', 'a\nb']);
  });

  it('VARBINARY as lower-case hex; empty bytes are "" and NULL stays null', () => {
    const col = { name: 'bin', sqlType: 'VARBINARY', data: binary([Uint8Array.of(0x00, 0xff, 0x10), new Uint8Array(0), null, Uint8Array.of(0xde, 0xad, 0xbe, 0xef)]) };
    expect(read(col)).toEqual(['00ff10', '', null, 'deadbeef']);
  });

  it('a NULL-typed column is null in every row', () => {
    expect(read({ name: 'x', sqlType: 'NULL', data: nulls(3) })).toEqual([null, null, null]);
  });

  it('INTEGER and DOUBLE', () => {
    expect(read({ name: 'i', sqlType: 'INTEGER', data: int32([1, -2147483648, null]) })).toEqual(['1', '-2147483648', null]);
    expect(read({ name: 'f', sqlType: 'DOUBLE', data: float64([1.5, -0.25, null, 1e21]) })).toEqual(['1.5', '-0.25', null, '1e+21']);
  });

  it('a DECIMAL sent as text (precision over 38) is read verbatim', () => {
    const digits = '1234567890123456789012345678901234567890.12';
    expect(read({ name: 'big', sqlType: 'DECIMAL', data: utf8([digits, null]) })).toEqual([digits, null]);
  });
});

describe('batchColumns metadata', () => {
  const batch = batchOf([
    { name: 'id', sqlType: 'BIGINT', data: int64([1n]) },
    { name: 'price', sqlType: 'DECIMAL(12, 2)', data: decimal128([1n], 12, 2) },
    { name: 'big', sqlType: 'DECIMAL(50, 2)', data: utf8(['1.00']) },
    { name: 'name', sqlType: 'VARCHAR', data: utf8(['a']) },
    { name: 'ok', sqlType: 'BOOLEAN', data: bools([true]) },
    { name: 'n', sqlType: 'INTEGER', data: int32([1]) },
    { name: 'f', sqlType: 'DOUBLE', data: float64([1]) },
    { name: 'bin', sqlType: 'VARBINARY', data: binary([Uint8Array.of(1)]) },
    { name: 'd', sqlType: 'DATE', data: dateDays([1]) },
    { name: 't', sqlType: 'TIME', data: timeMicros([1n]) },
    { name: 'ts', sqlType: 'TIMESTAMP', data: timestampMicros([1n]) },
    { name: 'x', sqlType: 'NULL', data: nulls(1) },
  ]);

  it('gives each column its name, rendering kind and the SQL type from field metadata', () => {
    expect(batchColumns(batch).map((c) => [c.name, c.kind, c.sqlType])).toEqual([
      ['id', 'bigint', 'BIGINT'],
      ['price', 'decimal', 'DECIMAL(12, 2)'],
      ['big', 'decimal', 'DECIMAL(50, 2)'],
      ['name', 'text', 'VARCHAR'],
      ['ok', 'boolean', 'BOOLEAN'],
      ['n', 'number', 'INTEGER'],
      ['f', 'number', 'DOUBLE'],
      ['bin', 'binary', 'VARBINARY'],
      ['d', 'date', 'DATE'],
      ['t', 'time', 'TIME'],
      ['ts', 'timestamp', 'TIMESTAMP'],
      ['x', 'null', 'NULL'],
    ]);
  });

  it('keeps the metadata through IPC', () => {
    const again = viaIpc(tableOf(batch)).batches[0]!;
    expect(batchColumns(again).map((c) => c.sqlType)).toEqual(batchColumns(batch).map((c) => c.sqlType));
  });

  it('sqlTypeOf falls back to the Arrow type without metadata; kindOf reads the Arrow type', () => {
    expect(sqlTypeOf(new Field('n', new Int32()))).toBe('Int32');
    expect(kindOf(new Field('s', new Utf8()))).toBe('text');
    expect(kindOf(new Field('s', new Utf8(), true, new Map([['ferry.sqlType', 'DECIMAL']])))).toBe('decimal');
  });
});

describe('tableTextRows', () => {
  it('walks every batch in order', () => {
    const a = batchOf([
      { name: 'id', sqlType: 'BIGINT', data: int64([1n, 2n]) },
      { name: 's', sqlType: 'VARCHAR', data: utf8(['a', null]) },
    ]);
    const b = batchOf([
      { name: 'id', sqlType: 'BIGINT', data: int64([9007199254740993n]) },
      { name: 's', sqlType: 'VARCHAR', data: utf8(['']) },
    ]);
    expect([...tableTextRows(tableOf(a, b))]).toEqual([
      ['1', 'a'],
      ['2', null],
      ['9007199254740993', ''],
    ]);
  });

  it('yields nothing for an empty batch', () => {
    expect([...tableTextRows(tableFrom([{ name: 'id', sqlType: 'BIGINT', data: int64([]) }]))]).toEqual([]);
  });
});

describe('sliced batches (data.offset > 0)', () => {
  // apache-arrow's Data.slice() narrows `values` but not the validity bitmap, so values are read
  // at `row` and validity at `offset + row`.
  it('reads BIGINT, DECIMAL, DATE, TIME and TIMESTAMP at the right row of a slice', () => {
    const batch = batchOf([
      { name: 'id', sqlType: 'BIGINT', data: int64([1n, 2n, 3n, null]) },
      { name: 'p', sqlType: 'DECIMAL', data: decimal128([100n, 200n, 300n, null], 10, 2) },
      { name: 'd', sqlType: 'DATE', data: dateDays([0, 1, 2, null]) },
      { name: 't', sqlType: 'TIME', data: timeMicros([0n, 1n, 2n, null]) },
      { name: 'ts', sqlType: 'TIMESTAMP', data: timestampMicros([0n, 1n, 2n, null]) },
    ]).slice(1, 4);
    const cols = batchColumns(batch);
    expect([0, 1, 2].map((r) => cols.map((c) => c.text(r)))).toEqual([
      ['2', '2.00', '1970-01-02', '00:00:00.000001', '1970-01-01 00:00:00.000001'],
      ['3', '3.00', '1970-01-03', '00:00:00.000002', '1970-01-01 00:00:00.000002'],
      [null, null, null, null, null],
    ]);
  });

  it('reads variable-width and boolean columns of a slice correctly', () => {
    const batch = batchOf([
      { name: 's', sqlType: 'VARCHAR', data: utf8(['a', 'b', '', null]) },
      { name: 'b', sqlType: 'BOOLEAN', data: bools([true, false, true, null]) },
      { name: 'bin', sqlType: 'VARBINARY', data: binary([Uint8Array.of(1), Uint8Array.of(2), Uint8Array.of(3), null]) },
    ]).slice(1, 4);
    const cols = batchColumns(batch);
    expect([0, 1, 2].map((r) => cols.map((c) => c.text(r)))).toEqual([
      ['b', 'false', '02'],
      ['', 'true', '03'],
      [null, null, null],
    ]);
  });
});

describe('decimalText', () => {
  const words = (v: bigint, width = 4): Uint32Array => {
    const out = new Uint32Array(width);
    let u = BigInt.asUintN(width * 32, v);
    for (let w = 0; w < width; w++) {
      out[w] = Number(u & 0xffff_ffffn);
      u >>= 32n;
    }
    return out;
  };

  it('formats 128-bit two’s complement values with their scale', () => {
    expect(decimalText(words(1050n), 0, 4, 2)).toBe('10.50');
    expect(decimalText(words(-1050n), 0, 4, 2)).toBe('-10.50');
    expect(decimalText(words(5n), 0, 4, 2)).toBe('0.05');
    expect(decimalText(words(-5n), 0, 4, 2)).toBe('-0.05');
    expect(decimalText(words(0n), 0, 4, 3)).toBe('0.000');
    expect(decimalText(words(123n), 0, 4, 0)).toBe('123');
    expect(decimalText(words(MAX38), 0, 4, 2)).toBe('999999999999999999999999999999999999.99');
    expect(decimalText(words(-MAX38), 0, 4, 38)).toBe('-0.99999999999999999999999999999999999999');
  });

  it('handles the 128-bit extremes and words crossing 32-bit boundaries', () => {
    expect(decimalText(words(-(2n ** 127n)), 0, 4, 0)).toBe((-(2n ** 127n)).toString());
    expect(decimalText(words(2n ** 127n - 1n), 0, 4, 0)).toBe((2n ** 127n - 1n).toString());
    expect(decimalText(words(2n ** 32n), 0, 4, 0)).toBe('4294967296');
    expect(decimalText(words(2n ** 64n + 1n), 0, 4, 1)).toBe('1844674407370955161.7');
  });

  it('reads from a start word and supports 256-bit decimals', () => {
    const buf = new Uint32Array([...words(1n), ...words(-250n)]);
    expect(decimalText(buf, 4, 4, 2)).toBe('-2.50');
    expect(decimalText(words(-(10n ** 70n) - 1n, 8), 0, 8, 2)).toBe(`-${'1'.padEnd(69, '0')}.01`);
  });
});

describe('isoDate', () => {
  it('formats days since the epoch, both sides of 1970', () => {
    expect(isoDate(0n)).toBe('1970-01-01');
    expect(isoDate(-1n)).toBe('1969-12-31');
    expect(isoDate(19782n)).toBe('2024-02-29');
    expect(isoDate(-719162n)).toBe('0001-01-01');
    expect(isoDate(2932896n)).toBe('9999-12-31');
  });

  it('uses expanded years outside 0000–9999', () => {
    expect(isoDate(-719163n)).toBe('0000-12-31');
    expect(isoDate(2932897n)).toBe('+10000-01-01');
    expect(isoDate(-719529n)).toBe('-0001-12-31');
  });
});

describe('isoTimestamp', () => {
  it('floors negative microseconds to the previous day', () => {
    expect(isoTimestamp(-1n)).toBe('1969-12-31 23:59:59.999999');
    expect(isoTimestamp(-86_400_000_000n)).toBe('1969-12-31 00:00:00');
    expect(isoTimestamp(-86_400_000_001n)).toBe('1969-12-30 23:59:59.999999');
    expect(isoTimestamp(-500_000n)).toBe('1969-12-31 23:59:59.5');
  });

  it('trims trailing zeros of the fraction only', () => {
    expect(isoTimestamp(10n)).toBe('1970-01-01 00:00:00.00001');
    expect(isoTimestamp(120_000n)).toBe('1970-01-01 00:00:00.12');
    expect(isoTimestamp(1_000_000n)).toBe('1970-01-01 00:00:01');
  });

  it('marks UTC with Z and names other zones', () => {
    expect(isoTimestamp(0n, 'UTC')).toBe('1970-01-01 00:00:00Z');
    expect(isoTimestamp(0n, '+02:00')).toBe('1970-01-01 00:00:00 +02:00');
    expect(isoTimestamp(0n, null)).toBe('1970-01-01 00:00:00');
  });
});

describe('isoTime', () => {
  it('formats microseconds since midnight', () => {
    expect(isoTime(0n)).toBe('00:00:00');
    expect(isoTime(1n)).toBe('00:00:00.000001');
    expect(isoTime(3_723_000_000n)).toBe('01:02:03');
    expect(isoTime(3_723_400_000n)).toBe('01:02:03.4');
    expect(isoTime(86_399_999_999n)).toBe('23:59:59.999999');
  });
});
