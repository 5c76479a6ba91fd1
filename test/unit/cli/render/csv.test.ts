import { describe, expect, it } from 'vitest';
import { Schema, Table } from 'apache-arrow';
import { renderCsv } from '../../../../src/cli/render/csv.js';
import { batchOf, bools, dateDays, decimal128, int64, nulls, tableFrom, tableOf, timestampMicros, utf8, viaIpc } from '../../support/arrow-fixtures.js';

describe('renderCsv', () => {
  it('writes a header and RFC 4180 rows with CRLF line ends', () => {
    const table = tableFrom([
      { name: 'id', sqlType: 'BIGINT', data: int64([1n, 2n]) },
      { name: 'name', sqlType: 'VARCHAR', data: utf8(['apple', 'pear']) },
    ]);
    expect(renderCsv(table)).toBe('id,name\r\n1,apple\r\n2,pear\r\n');
  });

  it('quotes commas, quotes, CR/LF and leading or trailing spaces; leaves other text bare', () => {
    const table = tableFrom([
      {
        name: 's',
        sqlType: 'VARCHAR',
        data: utf8(['a, b', 'say "hi"', 'line1\nline2', 'cr\rhere', 'crlf\r\nhere', ' lead', 'trail ', '\tpadded', 'in side', 'tab\tinside', '😀 𝄞']),
      },
    ]);
    expect(renderCsv(table)).toBe(
      [
        's',
        '"a, b"',
        '"say ""hi"""',
        '"line1\nline2"',
        '"cr\rhere"',
        '"crlf\r\nhere"',
        '" lead"',
        '"trail "',
        '"\tpadded"',
        'in side',
        'tab\tinside',
        '😀 𝄞',
      ].join('\r\n') + '\r\n',
    );
  });

  it('writes NULL as an empty field and the empty string as ""', () => {
    const table = tableFrom([
      { name: 'a', sqlType: 'VARCHAR', data: utf8(['', null, 'x']) },
      { name: 'b', sqlType: 'BIGINT', data: int64([null, 5n, null]) },
    ]);
    expect(renderCsv(table)).toBe('a,b\r\n"",\r\n,5\r\nx,\r\n');
  });

  it('writes exact BIGINT, DECIMAL, boolean, date and timestamp text', () => {
    const table = tableFrom([
      { name: 'id', sqlType: 'BIGINT', data: int64([9007199254740993n, -9223372036854775808n]) },
      { name: 'price', sqlType: 'DECIMAL(10, 2)', data: decimal128([1050n, -5n], 10, 2) },
      { name: 'ok', sqlType: 'BOOLEAN', data: bools([true, false]) },
      { name: 'd', sqlType: 'DATE', data: dateDays([19782, -1]) },
      { name: 'ts', sqlType: 'TIMESTAMP', data: timestampMicros([1709210096500000n, -1n]) },
      { name: 'x', sqlType: 'NULL', data: nulls(2) },
    ]);
    expect(renderCsv(table)).toBe(
      'id,price,ok,d,ts,x\r\n' +
        '9007199254740993,10.50,true,2024-02-29,2024-02-29 12:34:56.5,\r\n' +
        '-9223372036854775808,-0.05,false,1969-12-31,1969-12-31 23:59:59.999999,\r\n',
    );
  });

  it('writes dates and timestamps before year 1 with astronomical years (44 BC is -0043, 1 BC is 0000)', () => {
    const table = tableFrom([
      { name: 'd', sqlType: 'DATE', data: dateDays([-735160, -719163]) },
      { name: 'ts', sqlType: 'TIMESTAMP', data: timestampMicros([-63517778703876544n, -62135596800000001n]) },
    ]);
    expect(renderCsv(table)).toBe('d,ts\r\n-0043-03-15,-0043-03-15 12:34:56.123456\r\n0000-12-31,0000-12-31 23:59:59.999999\r\n');
  });

  it('quotes header names the same way as values', () => {
    const table = tableFrom([
      { name: 'a,b', sqlType: 'INTEGER', data: int64([1n]) },
      { name: 'say "x"', sqlType: 'INTEGER', data: int64([2n]) },
      { name: ' sp', sqlType: 'INTEGER', data: int64([3n]) },
    ]);
    expect(renderCsv(table)).toBe('"a,b","say ""x"""," sp"\r\n1,2,3\r\n');
  });

  it('writes only the header for an empty result, with or without batches', () => {
    const empty = tableFrom([
      { name: 'id', sqlType: 'BIGINT', data: int64([]) },
      { name: 'name', sqlType: 'VARCHAR', data: utf8([]) },
    ]);
    expect(renderCsv(empty)).toBe('id,name\r\n');
    expect(renderCsv(new Table(empty.schema as Schema))).toBe('id,name\r\n');
  });

  it('joins several batches and gives the same text after IPC', () => {
    const table = tableOf(
      batchOf([{ name: 'v', sqlType: 'VARCHAR', data: utf8(['a', null]) }]),
      batchOf([{ name: 'v', sqlType: 'VARCHAR', data: utf8(['', 'b,c']) }]),
    );
    const expected = 'v\r\na\r\n\r\n""\r\n"b,c"\r\n';
    expect(renderCsv(table)).toBe(expected);
    expect(renderCsv(viaIpc(table))).toBe(expected);
  });
});
