import { describe, expect, it } from 'vitest';
import { Table } from 'apache-arrow';
import { renderTable } from '../../../../src/cli/render/table.js';
import { batchOf, bools, dateDays, decimal128, float64, int32, int64, nulls, tableFrom, tableOf, timestampMicros, utf8 } from '../../support/arrow-fixtures.js';

describe('renderTable', () => {
  it('aligns numbers right, text left, headers left, and shows NULL', () => {
    const table = tableFrom([
      { name: 'id', sqlType: 'BIGINT', data: int64([1n, 9007199254740993n, 22n]) },
      { name: 'name', sqlType: 'VARCHAR', data: utf8(['apple', null, '']) },
      { name: 'price', sqlType: 'DECIMAL(10, 2)', data: decimal128([1050n, null, -5n], 10, 2) },
    ]);
    expect(renderTable(table)).toBe(
      [
        '┌──────────────────┬───────┬───────┐',
        '│ id               │ name  │ price │',
        '├──────────────────┼───────┼───────┤',
        '│                1 │ apple │ 10.50 │',
        '│ 9007199254740993 │ NULL  │  NULL │',
        '│               22 │       │ -0.05 │',
        '└──────────────────┴───────┴───────┘',
        '',
      ].join('\n'),
    );
  });

  it('right-aligns INTEGER and DOUBLE; left-aligns booleans, timestamps and NULL columns', () => {
    const table = tableFrom([
      { name: 'n', sqlType: 'INTEGER', data: int32([7, 1000]) },
      { name: 'f', sqlType: 'DOUBLE', data: float64([1.5, -20]) },
      { name: 'b', sqlType: 'BOOLEAN', data: bools([true, false]) },
      { name: 'ts', sqlType: 'TIMESTAMP', data: timestampMicros([0n, 1n]) },
      { name: 'x', sqlType: 'NULL', data: nulls(2) },
    ]);
    expect(renderTable(table)).toBe(
      [
        '┌──────┬─────┬───────┬────────────────────────────┬──────┐',
        '│ n    │ f   │ b     │ ts                         │ x    │',
        '├──────┼─────┼───────┼────────────────────────────┼──────┤',
        '│    7 │ 1.5 │ true  │ 1970-01-01 00:00:00        │ NULL │',
        '│ 1000 │ -20 │ false │ 1970-01-01 00:00:00.000001 │ NULL │',
        '└──────┴─────┴───────┴────────────────────────────┴──────┘',
        '',
      ].join('\n'),
    );
  });

  it('shows dates and timestamps before year 1 with astronomical years (44 BC is -0043, 1 BC is 0000)', () => {
    const table = tableFrom([
      { name: 'd', sqlType: 'DATE', data: dateDays([-735160, -719163]) },
      { name: 'ts', sqlType: 'TIMESTAMP', data: timestampMicros([-63517778703876544n, -62135596800000001n]) },
    ]);
    expect(renderTable(table)).toBe(
      [
        '┌─────────────┬─────────────────────────────┐',
        '│ d           │ ts                          │',
        '├─────────────┼─────────────────────────────┤',
        '│ -0043-03-15 │ -0043-03-15 12:34:56.123456 │',
        '│ 0000-12-31  │ 0000-12-31 23:59:59.999999  │',
        '└─────────────┴─────────────────────────────┘',
        '',
      ].join('\n'),
    );
  });

  it('counts wide characters and emoji as two cells', () => {
    const table = tableFrom([{ name: 's', sqlType: 'VARCHAR', data: utf8(['😀', '日本', 'ab']) }]);
    expect(renderTable(table)).toBe(
      ['┌──────┐', '│ s    │', '├──────┤', '│ 😀   │', '│ 日本 │', '│ ab   │', '└──────┘', ''].join('\n'),
    );
  });

  it('shows newlines and tabs as one visible character and clips long text at 60 cells', () => {
    const long = 'x'.repeat(70);
    const table = tableFrom([{ name: 's', sqlType: 'VARCHAR', data: utf8(['a\nb\r\nc\td', long]) }]);
    const lines = renderTable(table).split('\n');
    expect(lines[3]).toBe(`│ ${'a↵b↵c→d'.padEnd(60)} │`);
    expect(lines[4]).toBe(`│ ${'x'.repeat(59)}… │`);
  });

  it('draws only the header for an empty result, with or without batches', () => {
    const empty = tableFrom([{ name: 'id', sqlType: 'BIGINT', data: int64([]) }]);
    const expected = ['┌────┐', '│ id │', '├────┤', '└────┘', ''].join('\n');
    expect(renderTable(empty)).toBe(expected);
    expect(renderTable(new Table(empty.schema))).toBe(expected);
  });

  it('sizes columns over all batches', () => {
    const table = tableOf(
      batchOf([{ name: 'v', sqlType: 'BIGINT', data: int64([1n]) }]),
      batchOf([{ name: 'v', sqlType: 'BIGINT', data: int64([123n]) }]),
    );
    expect(renderTable(table)).toBe(['┌─────┐', '│ v   │', '├─────┤', '│   1 │', '│ 123 │', '└─────┘', ''].join('\n'));
  });

  // Bug: the column width is `Math.max(width(n), ...rows.map(...))`; spreading one argument per
  // row overflows the call stack from about 130,000 rows, so `ferry query` on a terminal (table is
  // the TTY default) fails with "internal error: RangeError: Maximum call stack size exceeded".
  it('renders a result of 200,000 rows', () => {
    const n = 200_000;
    const table = tableFrom([{ name: 'i', sqlType: 'INTEGER', data: int32(Array.from({ length: n }, (_, i) => i)) }]);
    const out = renderTable(table);
    expect(out.split('\n')).toHaveLength(n + 5);
    expect(out).toContain('│ 199999 │');
  });
});
