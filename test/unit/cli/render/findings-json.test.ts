import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../../src/compat/finding.js';
import { renderFindingsJson } from '../../../../src/cli/render/findings-json.js';

describe('renderFindingsJson', () => {
  it('writes exactly {findings, summary}, pretty-printed, with a trailing newline', () => {
    expect(renderFindingsJson([])).toBe('{\n  "findings": [],\n  "summary": {\n    "error": 0,\n    "warning": 0,\n    "info": 0\n  }\n}\n');
  });

  it('orders keys code, severity, table, column, message, suggestion, proof and omits absent optionals', () => {
    // Keys given in a scrambled order, plus a property that is not part of the contract.
    const scrambled = {
      proof: { basis: 'query', examples: ['id=7', 'id=9'], count: 3 },
      message: 'VARCHAR(200) → VARCHAR(100)',
      suggestion: 'shorten first',
      column: 'note',
      table: 'orders',
      severity: 'error',
      code: 'Y101',
      internal: 'not exported',
    } as Finding;
    const bare: Finding = { severity: 'info', code: 'Y001', table: 'users', column: null, message: 'comment changed' };
    const warning: Finding = { code: 'Y201', severity: 'warning', table: 'users', column: 'email', message: 'm', suggestion: undefined };
    const out = renderFindingsJson([scrambled, bare, warning]);
    const doc = JSON.parse(out) as { findings: Record<string, unknown>[]; summary: unknown };

    expect(Object.keys(doc)).toEqual(['findings', 'summary']);
    expect(Object.keys(doc.findings[0]!)).toEqual(['code', 'severity', 'table', 'column', 'message', 'suggestion', 'proof']);
    expect(Object.keys(doc.findings[0]!.proof as object)).toEqual(['count', 'examples', 'basis']);
    expect(Object.keys(doc.findings[1]!)).toEqual(['code', 'severity', 'table', 'column', 'message']);
    expect(Object.keys(doc.findings[2]!)).toEqual(['code', 'severity', 'table', 'column', 'message']);
    expect(doc).toEqual({
      findings: [
        {
          code: 'Y101',
          severity: 'error',
          table: 'orders',
          column: 'note',
          message: 'VARCHAR(200) → VARCHAR(100)',
          suggestion: 'shorten first',
          proof: { count: 3, examples: ['id=7', 'id=9'], basis: 'query' },
        },
        { code: 'Y001', severity: 'info', table: 'users', column: null, message: 'comment changed' },
        { code: 'Y201', severity: 'warning', table: 'users', column: 'email', message: 'm' },
      ],
      summary: { error: 1, warning: 1, info: 1 },
    });
    expect(Object.keys(doc.summary as object)).toEqual(['error', 'warning', 'info']);
    expect(out.endsWith('}\n')).toBe(true);
    expect(out).toContain('\n  "findings": [\n    {\n      "code": "Y101",\n');
  });

  it('keeps findings in the order given', () => {
    const mk = (code: string, table: string): Finding => ({ code, severity: 'error', table, column: null, message: 'm' });
    const doc = JSON.parse(renderFindingsJson([mk('Y3', 'z'), mk('Y1', 'a'), mk('Y2', 'm')])) as { findings: { code: string }[] };
    expect(doc.findings.map((f) => f.code)).toEqual(['Y3', 'Y1', 'Y2']);
  });

  it('round-trips awkward text', () => {
    const message = 'quote " backslash \\ newline \n emoji 😀 <&>';
    const doc = JSON.parse(renderFindingsJson([{ code: 'Y1', severity: 'error', table: 'Order Items', column: 'select', message }])) as {
      findings: { table: string; column: string; message: string }[];
    };
    expect(doc.findings[0]).toMatchObject({ table: 'Order Items', column: 'select', message });
  });
});
