import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../../src/compat/finding.js';
import {
  compareTableNames,
  findingsSummaryLine,
  groupFindingsByTable,
  renderFindingsText,
} from '../../../../src/cli/render/findings-text.js';
import { MIN_WRAP_WIDTH, terminalWidth, wrapWidth } from '../../../../src/cli/render/wrap.js';

const ANSI = /\x1b\[/;
const plain = { color: false, from: 'old', to: 'new' } as const;

function finding(over: Partial<Finding> & Pick<Finding, 'code' | 'table'>): Finding {
  return { severity: 'error', column: null, message: 'm', ...over };
}

const findings: Finding[] = [
  finding({ code: 'Y101', severity: 'error', table: 'users', column: 'email', message: 'VARCHAR(200) → VARCHAR(100)', proof: { count: 3, examples: ['id=7', 'id=9'], basis: 'query' } }),
  finding({ code: 'Y201', severity: 'warning', table: 'orders', column: 'note', message: 'nullable → NOT NULL', suggestion: 'backfill note first' }),
  finding({ code: 'Y001', severity: 'info', table: 'orders', column: null, message: 'table comment changed' }),
  finding({ code: 'Y102', severity: 'error', table: 'Accounts', column: 'id', message: 'BIGINT → INTEGER', proof: { count: 0, examples: [], basis: 'stats' } }),
  finding({ code: 'Y002', severity: 'error', table: 'users', column: null, message: 'primary key dropped' }),
];

describe('renderFindingsText', () => {
  it('groups by table, sorted, table-level findings first, with suggestion and proof lines and a summary', () => {
    expect(renderFindingsText(findings, plain)).toBe(
      [
        'Accounts',
        '  ERROR   Y102 id: BIGINT → INTEGER',
        "          proof: 0 found (from the snapshot's statistics)",
        '',
        'orders',
        '  INFO    Y001 table comment changed',
        '  WARNING Y201 note: nullable → NOT NULL',
        '          suggestion: backfill note first',
        '',
        'users',
        '  ERROR   Y002 primary key dropped',
        '  ERROR   Y101 email: VARCHAR(200) → VARCHAR(100)',
        '          proof: 3 found, e.g. id=7, id=9',
        '',
        '3 errors, 1 warning, 1 info — old → new',
        '',
      ].join('\n'),
    );
  });

  it('keeps the given order of column findings within a table', () => {
    const out = renderFindingsText(
      [
        finding({ code: 'Y3', table: 't', column: 'b' }),
        finding({ code: 'Y1', table: 't', column: 'a' }),
        finding({ code: 'Y2', table: 't', column: null }),
      ],
      plain,
    );
    expect(out.split('\n').slice(1, 4).map((l) => l.split(/\s+/)[2])).toEqual(['Y2', 'Y3', 'Y1']);
  });

  it('emits no ANSI codes when color is off', () => {
    expect(renderFindingsText(findings, plain)).not.toMatch(ANSI);
  });

  it('colors severities when color is on: error red, warning yellow, info cyan', () => {
    const out = renderFindingsText(findings, { ...plain, color: true });
    expect(out).toContain('  \x1b[31mERROR\x1b[0m   Y102 id: BIGINT → INTEGER');
    expect(out).toContain('  \x1b[33mWARNING\x1b[0m Y201 note:');
    expect(out).toContain('  \x1b[36mINFO\x1b[0m    Y001 table comment changed');
    // Stripping the codes gives exactly the uncolored text.
    expect(out.replace(/\x1b\[[0-9;]*m/g, '')).toBe(renderFindingsText(findings, plain));
  });

  it('says so when there is nothing, without color codes either way', () => {
    expect(renderFindingsText([], plain)).toBe('no differences that matter — old → new\n');
    expect(renderFindingsText([], { ...plain, color: true })).toBe('no differences that matter — old → new\n');
  });

  it('shows control characters from data as escapes instead of sending them to the terminal', () => {
    const out = renderFindingsText(
      [finding({ code: 'Y101', table: 't', column: 'c', message: 'a\nb', proof: { count: 1, examples: ['name=\x1b[2Jx'], basis: 'query' } })],
      plain,
    );
    expect(out).toContain('Y101 c: a\\x0ab');
    expect(out).toContain('e.g. name=\\x1b[2Jx');
    expect(out).not.toMatch(ANSI);
  });
});

describe('findingsSummaryLine', () => {
  const of = (error: number, warning: number, info: number): Finding[] => [
    ...Array.from({ length: error }, () => finding({ code: 'E', table: 't', severity: 'error' })),
    ...Array.from({ length: warning }, () => finding({ code: 'W', table: 't', severity: 'warning' })),
    ...Array.from({ length: info }, () => finding({ code: 'I', table: 't', severity: 'info' })),
  ];

  it.each([
    [1, 1, 1, '1 error, 1 warning, 1 info'],
    [2, 0, 0, '2 errors, 0 warnings, 0 info'],
    [0, 2, 5, '0 errors, 2 warnings, 5 info'],
    [3, 2, 5, '3 errors, 2 warnings, 5 info'],
    [0, 0, 1, '0 errors, 0 warnings, 1 info'],
  ])('%i errors, %i warnings, %i info → %s', (e, w, i, text) => {
    expect(findingsSummaryLine(of(e, w, i), 'A', 'B')).toBe(`${text} — A → B`);
  });

  it('says "no differences that matter" for no findings', () => {
    expect(findingsSummaryLine([], 'A', 'B')).toBe('no differences that matter — A → B');
  });
});

describe('groupFindingsByTable', () => {
  it('returns each table once, sorted case-insensitively with a total order', () => {
    const groups = groupFindingsByTable(['b', 'a', 'B', 'A', 'a'].map((table) => finding({ code: 'X', table })));
    expect(groups.map(([t, list]) => [t, list.length])).toEqual([['A', 1], ['a', 2], ['B', 1], ['b', 1]]);
    expect(['b', 'A', 'a'].sort(compareTableNames)).toEqual(['A', 'a', 'b']);
  });
});

describe('text details', () => {
  it('wraps findings to the terminal width, continuation lines indented under the code', () => {
    const f = finding({ code: 'C101', severity: 'error', table: 'orders', column: 'ordered_at', message: 'Column orders.ordered_at is dropped in B: 3000 rows hold a value in it.', suggestion: 'keep the column in B, or move its values elsewhere before migrating' });
    const text = renderFindingsText([f], { color: false, from: 'a', to: 'b', width: 40 });
    expect(text.split('\n').slice(0, 9)).toEqual([
      'orders',
      '  ERROR   C101 ordered_at: Column',
      '          orders.ordered_at is dropped',
      '          in B: 3000 rows hold a value',
      '          in it.',
      '          suggestion: keep the column in',
      '            B, or move its values',
      '            elsewhere before migrating',
      '',
    ]);
    expect(text.split('\n').every((l) => l.length <= 40)).toBe(true);
  });

  it('leaves lines whole for a terminal reporting no usable width (0 columns, or absurdly few)', () => {
    const f = finding({ code: 'C101', severity: 'error', table: 'orders', column: 'ordered_at', message: 'Column orders.ordered_at is dropped in B: 3000 rows hold a value in it.' });
    const whole = renderFindingsText([f], { color: false, from: 'a', to: 'b' });
    for (const width of [0, 1, 12, 39, Number.NaN]) expect(renderFindingsText([f], { color: false, from: 'a', to: 'b', width }), String(width)).toBe(whole);
    expect(whole).toContain('\n  ERROR   C101 ordered_at: Column orders.ordered_at is dropped in B: 3000 rows hold a value in it.\n');
  });

  it('takes the wrap width from a terminal only when it is one with a usable width', () => {
    expect(terminalWidth({ isTTY: true, columns: 120 })).toBe(120);
    expect(terminalWidth({ isTTY: true, columns: 0 })).toBeUndefined();
    expect(terminalWidth({ isTTY: true, columns: 20 })).toBeUndefined();
    expect(terminalWidth({ isTTY: true })).toBeUndefined();
    expect(terminalWidth({ isTTY: false, columns: 120 })).toBeUndefined();
    expect(terminalWidth({ columns: 120 })).toBeUndefined();
    expect(wrapWidth(MIN_WRAP_WIDTH)).toBe(MIN_WRAP_WIDTH);
  });

  it('prints proof examples once: not again under a message that quotes them', () => {
    const f = finding({ code: 'Y101', severity: 'error', table: 't', column: 'name', message: '269 rows hold longer values, e.g. id=1, id=2.', proof: { count: 269, examples: ['id=1', 'id=2'], basis: 'query' } });
    expect(renderFindingsText([f], { color: false, from: 'a', to: 'b' })).toContain('\n          proof: 269 found\n');
  });
});
