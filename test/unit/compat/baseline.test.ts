import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { renderFindingsJson } from '../../../src/cli/render/findings-json.js';
import { applyBaseline, loadBaseline, parseBaseline, type Baseline } from '../../../src/compat/baseline.js';
import type { Finding } from '../../../src/compat/finding.js';
import { FerryError } from '../../../src/errors/index.js';

function finding(code: string, table: string, column: string | null): Finding {
  return { code, severity: 'error', table, column, message: `${code} on ${table}.${column}` };
}

function thrown(f: () => unknown): FerryError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(FerryError);
    return e as FerryError;
  }
  throw new Error('expected a FerryError');
}

describe('applyBaseline', () => {
  const findings = [
    finding('Y101', 'Orders', 'Note'),
    finding('Y101', 'orders', 'qty'),
    finding('Y102', 'orders', 'note'),
    finding('Y001', 'users', null),
    finding('Y001', 'users', 'null'),
    finding('Y201', 'users', 'email'),
  ];
  const baseline: Baseline = {
    file: 'b.json',
    accept: [
      { code: 'Y101', table: 'ORDERS', column: 'note' },
      { code: 'Y001', table: 'users', column: null },
      { code: 'Y999', table: 'nowhere', column: null },
    ],
  };

  it('suppresses exactly the findings matching code, table and column, ignoring case, and keeps order', () => {
    const { kept, suppressed } = applyBaseline(findings, baseline);
    expect(suppressed).toEqual([findings[0], findings[3]]);
    expect(kept).toEqual([findings[1], findings[2], findings[4], findings[5]]);
  });

  it('matches a null column only with null', () => {
    const { suppressed } = applyBaseline([finding('Y001', 'users', 'x')], baseline);
    expect(suppressed).toEqual([]);
    const asColumn: Baseline = { file: 'b.json', accept: [{ code: 'Y001', table: 'users', column: 'c' }] };
    expect(applyBaseline([finding('Y001', 'users', null)], asColumn).suppressed).toEqual([]);
  });

  it('compares codes exactly', () => {
    const { kept } = applyBaseline([finding('y101', 'orders', 'note')], baseline);
    expect(kept).toHaveLength(1);
  });

  it('suppresses every finding with an accepted identity, and nothing with an empty baseline', () => {
    const twice = [finding('Y101', 'orders', 'note'), finding('Y101', 'orders', 'NOTE')];
    expect(applyBaseline(twice, baseline).suppressed).toHaveLength(2);
    expect(applyBaseline(findings, { file: 'e.json', accept: [] })).toEqual({ kept: findings, suppressed: [] });
  });
});

describe('parseBaseline', () => {
  it('accepts the --format json document, ignoring the other keys', () => {
    const doc = JSON.parse(renderFindingsJson([
      { ...finding('Y101', 'orders', 'note'), suggestion: 's', proof: { count: 1, examples: ['id=1'], basis: 'query' } },
      finding('Y001', 'users', null),
    ])) as unknown;
    expect(parseBaseline(doc, 'check.json')).toEqual({
      file: 'check.json',
      accept: [
        { code: 'Y101', table: 'orders', column: 'note' },
        { code: 'Y001', table: 'users', column: null },
      ],
    });
  });

  it('accepts the {accept: [...]} form', () => {
    expect(parseBaseline({ accept: [{ code: 'Y101', table: 'orders', column: 'note', reason: 'known' }] }, 'b.json').accept).toEqual([
      { code: 'Y101', table: 'orders', column: 'note' },
    ]);
  });

  it.each<[string, unknown, RegExp]>([
    ['an array', [], /expected the \{"findings":\[…\]\} document/],
    ['a string', 'x', /expected the/],
    ['null', null, /expected the/],
    ['neither key', { summary: {} }, /no "findings" or "accept" key/],
    ['findings not an array', { findings: {} }, /findings: expected an array/],
    ['an entry not an object', { accept: ['Y101'] }, /accept\[0\]: expected an object/],
    ['a missing code', { accept: [{ table: 't', column: null }] }, /accept\[0\]\.code: expected a non-empty string/],
    ['a numeric table', { findings: [{ code: 'Y1', table: 1, column: null }] }, /findings\[0\]\.table: expected a non-empty string/],
    ['a missing column', { accept: [{ code: 'Y1', table: 't' }] }, /accept\[0\]\.column: expected a column name, or null/],
    ['a numeric column', { accept: [{ code: 'Y1', table: 't', column: 'c' }, { code: 'Y1', table: 't', column: 3 }] }, /accept\[1\]\.column/],
  ])('rejects %s with CONFIG_INVALID naming the file', (_what, json, message) => {
    const e = thrown(() => parseBaseline(json, 'team/baseline.json'));
    expect(e.code).toBe('CONFIG_INVALID');
    expect(e.message).toMatch(/^baseline team\/baseline\.json: /);
    expect(e.message).toMatch(message);
    expect(e.meta).toEqual({ file: 'team/baseline.json' });
  });
});

describe('loadBaseline', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ferry-baseline-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const write = (name: string, text: string): string => {
    const file = join(dir, name);
    writeFileSync(file, text);
    return file;
  };

  it('reads a file written by --format json and applies it', () => {
    const previous = [finding('Y101', 'orders', 'note')];
    const file = write('check.json', renderFindingsJson(previous));
    const baseline = loadBaseline(file);
    expect(baseline).toEqual({ file, accept: [{ code: 'Y101', table: 'orders', column: 'note' }] });
    const now = [...previous, finding('Y102', 'orders', 'id')];
    expect(applyBaseline(now, baseline)).toEqual({ kept: [now[1]], suppressed: [now[0]] });
  });

  it('reads the {accept: [...]} form', () => {
    const file = write('accept.json', JSON.stringify({ accept: [{ code: 'Y001', table: 'users', column: null }] }));
    expect(loadBaseline(file).accept).toEqual([{ code: 'Y001', table: 'users', column: null }]);
  });

  it('throws CONFIG_NOT_FOUND for a missing file', () => {
    const file = join(dir, 'missing.json');
    const e = thrown(() => loadBaseline(file));
    expect(e.code).toBe('CONFIG_NOT_FOUND');
    expect(e.message).toContain(file);
    expect(e.meta).toEqual({ file });
  });

  it('throws CONFIG_INVALID for text that is not JSON, saying what was expected', () => {
    const file = write('broken.json', '{"findings": [');
    const e = thrown(() => loadBaseline(file));
    expect(e.code).toBe('CONFIG_INVALID');
    expect(e.message).toContain(`baseline ${file}: not valid JSON`);
    expect(e.message).toContain('ferry check --format json');
  });

  it('throws CONFIG_INVALID for JSON of the wrong shape', () => {
    const file = write('shape.json', '{"findings": [{"code": "Y1"}]}');
    const e = thrown(() => loadBaseline(file));
    expect(e.code).toBe('CONFIG_INVALID');
    expect(e.message).toContain(`baseline ${file}: findings[0].table`);
  });

  it('throws CONFIG_INVALID for a path that cannot be read as a file', () => {
    const sub = join(dir, 'a-folder');
    mkdirSync(sub);
    const e = thrown(() => loadBaseline(sub));
    expect(e.code).toBe('CONFIG_INVALID');
    expect(e.message).toContain(`baseline ${sub}: cannot be read`);
  });
});
