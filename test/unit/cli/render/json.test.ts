import { describe, expect, it } from 'vitest';
import { Table } from 'apache-arrow';
import { renderJson } from '../../../../src/cli/render/json.js';
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
} from '../../support/arrow-fixtures.js';

/** The integer literals of one key in raw JSON text, read without going through a double. */
function rawIntegers(json: string, key: string): bigint[] {
  const re = new RegExp(`${JSON.stringify(key)}:(-?\\d+)[,}]`, 'g');
  return [...json.matchAll(re)].map((m) => BigInt(m[1]!));
}

describe('renderJson', () => {
  const table = tableFrom([
    { name: 'id', sqlType: 'BIGINT', data: int64([9007199254740993n, -9223372036854775808n, 9223372036854775807n, null]) },
    { name: 'price', sqlType: 'DECIMAL(12, 2)', data: decimal128([1050n, -5n, 0n, null], 12, 2) },
    { name: 'qty', sqlType: 'INTEGER', data: int32([3, -1, 0, null]) },
    { name: 'ok', sqlType: 'BOOLEAN', data: bools([true, false, true, null]) },
    { name: 'name', sqlType: 'VARCHAR', data: utf8(['say "hi"\n', '', '😀', null]) },
  ]);

  it('writes one object per row, keyed by column label, one row per line', () => {
    expect(renderJson(table)).toBe(
      '[\n' +
        '{"id":9007199254740993,"price":"10.50","qty":3,"ok":true,"name":"say \\"hi\\"\\n"},\n' +
        '{"id":-9223372036854775808,"price":"-0.05","qty":-1,"ok":false,"name":""},\n' +
        '{"id":9223372036854775807,"price":"0.00","qty":0,"ok":true,"name":"😀"},\n' +
        '{"id":null,"price":null,"qty":null,"ok":null,"name":null}\n' +
        ']\n',
    );
  });

  it('is valid JSON whose BIGINTs are exact unquoted digits', () => {
    const json = renderJson(table);
    expect(json).toContain('"id":9007199254740993,');
    expect(json).not.toContain('"9007199254740993"');
    expect(rawIntegers(json, 'id')).toEqual([9007199254740993n, -9223372036854775808n, 9223372036854775807n]);
    const parsed = JSON.parse(json) as Record<string, unknown>[];
    expect(parsed).toHaveLength(4);
    expect(parsed.map((r) => r.price)).toEqual(['10.50', '-0.05', '0.00', null]);
    expect(parsed.map((r) => r.ok)).toEqual([true, false, true, null]);
    expect(parsed.map((r) => r.qty)).toEqual([3, -1, 0, null]);
    expect(parsed.map((r) => r.name)).toEqual(['say "hi"\n', '', '😀', null]);
    expect(parsed[3]).toEqual({ id: null, price: null, qty: null, ok: null, name: null });
  });

  it('writes dates, times, timestamps and hex binary as strings, and a NULL column as null', () => {
    const t = tableFrom([
      { name: 'd', sqlType: 'DATE', data: dateDays([19782]) },
      { name: 't', sqlType: 'TIME', data: timeMicros([45296120000n]) },
      { name: 'ts', sqlType: 'TIMESTAMP', data: timestampMicros([1n]) },
      { name: 'bin', sqlType: 'VARBINARY', data: binary([Uint8Array.of(0xca, 0xfe)]) },
      { name: 'x', sqlType: 'NULL', data: nulls(1) },
    ]);
    expect(renderJson(t)).toBe('[\n{"d":"2024-02-29","t":"12:34:56.12","ts":"1970-01-01 00:00:00.000001","bin":"cafe","x":null}\n]\n');
  });

  it('writes dates and timestamps before year 1 with astronomical years (44 BC is -0043, 1 BC is 0000)', () => {
    const t = tableFrom([
      { name: 'd', sqlType: 'DATE', data: dateDays([-735160, -719163, 2932897]) },
      { name: 'ts', sqlType: 'TIMESTAMP', data: timestampMicros([-63517778703876544n, -62135596800000001n, 253402300800000000n]) },
    ]);
    expect(renderJson(t)).toBe(
      '[\n' +
        '{"d":"-0043-03-15","ts":"-0043-03-15 12:34:56.123456"},\n' +
        '{"d":"0000-12-31","ts":"0000-12-31 23:59:59.999999"},\n' +
        '{"d":"+10000-01-01","ts":"+10000-01-01 00:00:00"}\n' +
        ']\n',
    );
  });

  it('writes finite doubles as numbers and NaN/Infinity as strings so the output stays JSON', () => {
    const t = tableFrom([{ name: 'f', sqlType: 'DOUBLE', data: float64([1.5, -0.25, 1e21, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) }]);
    const json = renderJson(t);
    expect(JSON.parse(json)).toEqual([{ f: 1.5 }, { f: -0.25 }, { f: 1e21 }, { f: 'NaN' }, { f: 'Infinity' }, { f: '-Infinity' }]);
  });

  it('keeps DECIMAL text beyond 38 digits as a string', () => {
    const digits = '1234567890123456789012345678901234567890.12';
    const t = tableFrom([{ name: 'big', sqlType: 'DECIMAL(50, 2)', data: utf8([digits]) }]);
    expect(renderJson(t)).toBe(`[\n{"big":"${digits}"}\n]\n`);
  });

  it('escapes column labels', () => {
    const t = tableFrom([{ name: 'a "b"', sqlType: 'BIGINT', data: int64([1n]) }]);
    expect(JSON.parse(renderJson(t))).toEqual([{ 'a "b"': 1 }]);
  });

  it('writes [] for an empty result, with or without batches', () => {
    const empty = tableFrom([{ name: 'id', sqlType: 'BIGINT', data: int64([]) }]);
    expect(renderJson(empty)).toBe('[]\n');
    expect(renderJson(new Table(empty.schema))).toBe('[]\n');
  });

  it('joins several batches, and gives the same text after IPC', () => {
    const t = tableOf(
      batchOf([{ name: 'id', sqlType: 'BIGINT', data: int64([1n]) }]),
      batchOf([{ name: 'id', sqlType: 'BIGINT', data: int64([9007199254740993n]) }]),
    );
    const expected = '[\n{"id":1},\n{"id":9007199254740993}\n]\n';
    expect(renderJson(t)).toBe(expected);
    expect(renderJson(viaIpc(t))).toBe(expected);
  });
});
