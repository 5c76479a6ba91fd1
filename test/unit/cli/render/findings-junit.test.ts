import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../../src/compat/finding.js';
import { renderFindingsJunit } from '../../../../src/cli/render/findings-junit.js';

interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  /** Decoded character data directly inside the element. */
  text: string;
}

/**
 * A small, strict XML 1.0 well-formedness checker for the subset JUnit output uses (declaration,
 * elements, attributes, text, predefined and numeric entity references). Throws on anything
 * malformed; returns the root element with attribute values and text decoded and normalized
 * the way a conforming parser would.
 */
function parseXml(source: string): XmlElement {
  // End-of-line handling comes before parsing, as in a conforming parser.
  const xml = source.replace(/\r\n?/g, '\n');
  const legalChar = /^[\x09\x0a\x0d\x20-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]*$/u;
  if (!legalChar.test(xml)) throw new Error('character outside XML 1.0 Char');
  const NAME = /[A-Za-z_:][-A-Za-z0-9_:.]*/y;
  const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
  let i = 0;
  const fail = (what: string): never => {
    throw new Error(`${what} at offset ${i}: ${JSON.stringify(xml.slice(i, i + 30))}`);
  };
  const decode = (raw: string): string =>
    raw.replace(/&([^;]*);|&/g, (m, ref: string | undefined) => {
      if (ref === undefined) return fail('bare &');
      if (ref in entities) return entities[ref]!;
      const num = /^#(?:x([0-9a-fA-F]+)|([0-9]+))$/.exec(ref);
      if (!num) return fail(`unknown entity &${ref};`);
      const c = String.fromCodePoint(parseInt(num[1] ?? num[2]!, num[1] ? 16 : 10));
      if (!legalChar.test(c)) fail(`reference to illegal character ${m}`);
      return c;
    });
  const ws = () => {
    while (i < xml.length && /[ \t\r\n]/.test(xml[i]!)) i++;
  };
  const name = (): string => {
    NAME.lastIndex = i;
    const m = NAME.exec(xml);
    if (!m) return fail('expected a name');
    i += m[0].length;
    return m[0];
  };
  const element = (): XmlElement => {
    if (xml[i] !== '<') fail('expected <');
    i++;
    const el: XmlElement = { name: name(), attrs: {}, children: [], text: '' };
    for (;;) {
      const before = i;
      ws();
      if (xml.startsWith('/>', i)) {
        i += 2;
        return el;
      }
      if (xml[i] === '>') {
        i++;
        break;
      }
      if (i === before) fail('expected whitespace before an attribute');
      const attr = name();
      ws();
      if (xml[i] !== '=') fail('expected =');
      i++;
      ws();
      const quote = xml[i];
      if (quote !== '"' && quote !== "'") return fail('expected a quoted value');
      const end = xml.indexOf(quote, i + 1);
      if (end < 0) fail('unterminated attribute');
      const raw = xml.slice(i + 1, end);
      if (raw.includes('<')) fail('< in attribute value');
      if (attr in el.attrs) fail(`duplicate attribute ${attr}`);
      // Attribute-value normalization: literal whitespace becomes a space, references do not.
      el.attrs[attr] = decode(raw.replace(/[\t\r\n]/g, ' '));
      i = end + 1;
    }
    for (;;) {
      const lt = xml.indexOf('<', i);
      if (lt < 0) fail('unclosed element');
      const raw = xml.slice(i, lt);
      if (raw.includes(']]>')) fail(']]> in text');
      el.text += decode(raw);
      i = lt;
      if (xml.startsWith('</', i)) {
        i += 2;
        if (name() !== el.name) fail(`mismatched end tag for ${el.name}`);
        ws();
        if (xml[i] !== '>') fail('expected >');
        i++;
        return el;
      }
      el.children.push(element());
    }
  };
  const decl = /^<\?xml version="1\.0" encoding="UTF-8"\?>/.exec(xml);
  if (decl) i = decl[0].length;
  ws();
  const root = element();
  ws();
  if (i !== xml.length) fail('content after the root element');
  return root;
}

const children = (el: XmlElement, name: string) => el.children.filter((c) => c.name === name);

function finding(over: Partial<Finding> & Pick<Finding, 'code' | 'table'>): Finding {
  return { severity: 'error', column: null, message: 'm', ...over };
}

describe('parseXml (the test checker itself)', () => {
  it.each([
    ['<a>', 'unclosed'],
    ['<a></b>', 'mismatched'],
    ['<a x="1" x="2"/>', 'duplicate'],
    ['<a x="<"/>', '<'],
    ['<a>&</a>', 'bare &'],
    ['<a>&nbsp;</a>', 'unknown entity'],
    ['<a>\u0001</a>', 'illegal'],
    ['<a>&#1;</a>', 'illegal'],
    ['<a/><b/>', 'after the root'],
    ['<a x="1"y="2"/>', 'whitespace'],
  ])('rejects %j', (xml, why) => {
    expect(() => parseXml(xml)).toThrow(why === 'illegal' ? /illegal|outside/ : new RegExp(why));
  });

  it('decodes references and normalizes line ends and attribute whitespace', () => {
    expect(parseXml('<a x="1&#10;2\n3\r\n4 &lt;&amp;&gt;&quot;&apos;">t&#x1F600;\r\nu&#13;</a>')).toEqual({
      name: 'a',
      attrs: { x: '1\n2 3 4 <&>"\'' },
      children: [],
      text: 't😀\nu\r',
    });
  });
});

describe('renderFindingsJunit', () => {
  const findings: Finding[] = [
    finding({ code: 'Y101', severity: 'error', table: 'orders', column: 'note', message: 'VARCHAR(200) → VARCHAR(100)', suggestion: 'trim first', proof: { count: 3, examples: ['id=7'], basis: 'query' } }),
    finding({ code: 'Y201', severity: 'warning', table: 'orders', column: 'qty', message: 'nullable → NOT NULL' }),
    finding({ code: 'Y102', severity: 'error', table: 'orders', column: 'id', message: 'BIGINT → INTEGER' }),
    finding({ code: 'Y301', severity: 'info', table: 'users', column: null, message: 'comment changed' }),
  ];
  const xml = renderFindingsJunit(findings, { suiteName: 'ferry check old → new', tables: ['users', 'orders', 'audit'] });
  const suite = parseXml(xml);

  it('is one well-formed testsuite with counts', () => {
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<testsuite ')).toBe(true);
    expect(xml.endsWith('</testsuite>\n')).toBe(true);
    expect(suite.name).toBe('testsuite');
    expect(suite.attrs).toEqual({ name: 'ferry check old → new', tests: '3', failures: '1', errors: '0', skipped: '0' });
  });

  it('has one testcase per checked table, sorted, passing when the table has no findings', () => {
    const cases = children(suite, 'testcase');
    expect(suite.children).toHaveLength(3);
    expect(cases.map((c) => c.attrs)).toEqual([
      { classname: 'ferry.check', name: 'audit' },
      { classname: 'ferry.check', name: 'orders' },
      { classname: 'ferry.check', name: 'users' },
    ]);
    expect(cases[0]!.children).toEqual([]);
  });

  it('fails a table with errors once, typed by its first error, listing all of its findings', () => {
    const orders = children(suite, 'testcase')[1]!;
    const failures = children(orders, 'failure');
    expect(failures).toHaveLength(1);
    expect(failures[0]!.attrs).toEqual({ message: '2 errors: Y101 note: VARCHAR(200) → VARCHAR(100)', type: 'Y101' });
    expect(failures[0]!.text).toBe(
      [
        'ERROR Y101 note: VARCHAR(200) → VARCHAR(100)',
        '  suggestion: trim first',
        '  proof: 3 found, e.g. id=7',
        'WARNING Y201 qty: nullable → NOT NULL',
        'ERROR Y102 id: BIGINT → INTEGER',
      ].join('\n'),
    );
    expect(children(orders, 'system-out').map((s) => s.text)).toEqual(['WARNING Y201 qty: nullable → NOT NULL']);
  });

  it('puts warnings and info of a passing table in system-out, without a failure', () => {
    const users = children(suite, 'testcase')[2]!;
    expect(children(users, 'failure')).toEqual([]);
    expect(children(users, 'system-out').map((s) => s.text)).toEqual(['INFO Y301 comment changed']);
  });

  it('escapes nasty names and messages and strips characters XML 1.0 forbids', () => {
    const message = `bad <&>"' \u0000\u0008\u000b\u000c\u001f\uffff\ud800 ok 😀\tand\r\nmore`;
    const nasty = renderFindingsJunit(
      [finding({ code: 'Y1<">', table: 'Order Items', column: 'select', message, suggestion: `use "x" & <y>` })],
      { suiteName: `a"b'c<d>&e\nf`, tables: ['Order Items', "O'Brien & <Sons>"] },
    );
    const doc = parseXml(nasty);
    expect(doc.attrs.name).toBe(`a"b'c<d>&e\nf`);
    const cases = children(doc, 'testcase');
    expect(cases.map((c) => c.attrs.name)).toEqual(["O'Brien & <Sons>", 'Order Items']);
    const failure = children(cases[1]!, 'failure')[0]!;
    const cleaned = "bad <&>\"'  ok 😀\tand\r\nmore";
    expect(failure.attrs).toEqual({ message: `1 error: Y1<"> select: ${cleaned}`, type: 'Y1<">' });
    expect(failure.text).toBe(`ERROR Y1<"> select: ${cleaned}\n  suggestion: use "x" & <y>`);
    expect(nasty).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\uffff]/);
    // All five special characters are escaped, even where XML would tolerate them raw.
    expect(nasty).toContain('<testcase classname="ferry.check" name="O&apos;Brien &amp; &lt;Sons&gt;"/>');
    expect(nasty).toContain('name="a&quot;b&apos;c&lt;d&gt;&amp;e&#10;f"');
  });

  it('keeps a message containing ]]> well-formed', () => {
    const out = parseXml(renderFindingsJunit([finding({ code: 'Y1', table: 't', severity: 'warning', message: 'a]]>b' })], { suiteName: 's', tables: [] }));
    expect(children(children(out, 'testcase')[0]!, 'system-out')[0]!.text).toBe('WARNING Y1 a]]>b');
  });

  it('adds a testcase for a finding on a table that was not listed, and counts duplicates once', () => {
    const out = parseXml(renderFindingsJunit([finding({ code: 'Y9', table: 'ghost' })], { suiteName: 's', tables: ['a', 'a'] }));
    expect(out.attrs).toMatchObject({ tests: '2', failures: '1' });
    expect(children(out, 'testcase').map((c) => c.attrs.name)).toEqual(['a', 'ghost']);
  });

  it('renders an empty suite when nothing was checked', () => {
    const out = parseXml(renderFindingsJunit([], { suiteName: 's', tables: [] }));
    expect(out.attrs).toMatchObject({ tests: '0', failures: '0' });
    expect(out.children).toEqual([]);
  });
});
