import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { escapeHtml, htmlPage, severityFilter, summaryBoxes } from '../../../../src/cli/render/html-page.js';

const sha = (s: string): string => `'sha256-${createHash('sha256').update(s).digest('base64')}'`;

describe('the HTML report shell', () => {
  it('escapes the five characters HTML gives meaning to', () => {
    expect(escapeHtml(`<script>a && "b" || 'c'</script>`)).toBe('&lt;script&gt;a &amp;&amp; &quot;b&quot; || &#39;c&#39;&lt;/script&gt;');
  });

  it('is one page with its own style and script only, allowed by hash, fetching nothing', () => {
    const html = htmlPage({ title: 't <x>', heading: 'h <script>alert(1)</script>', body: ['<p>body</p>'], command: "ferry check --from 'a<b>' --to b" });
    expect(html).toMatch(/^<!doctype html>\n/);
    expect(html.match(/<script/g)).toHaveLength(1);
    expect(html.match(/<style/g)).toHaveLength(1);
    expect(html).not.toMatch(/<(?:link|img|iframe|object|embed)\b|\b(?:src|href)=|https?:\/\//);
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)![1]!;
    const script = /<script>([\s\S]*?)<\/script>/.exec(html)![1]!;
    const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)![1]!;
    expect(policy).toBe(`default-src 'none'; style-src ${sha(style)}; script-src ${sha(script)}; img-src data:; form-action 'none'; base-uri 'none'`);
    expect(html).toContain('<title>t &lt;x&gt;</title>');
    expect(html).toContain('<h1>h &lt;script&gt;alert(1)&lt;/script&gt;</h1>');
    expect(html).toContain('<pre id="command">ferry check --from &#39;a&lt;b&gt;&#39; --to b</pre>');
    expect(html.indexOf('<p>body</p>')).toBeLessThan(html.indexOf('id="command"'));
  });

  it('renders summary boxes and filter boxes, all checked, with counts', () => {
    expect(summaryBoxes([{ text: '3 <tables>' }, { text: '1 error', tone: 'error' }])).toBe('<div class="summary"><div>3 &lt;tables&gt;</div><div class="error">1 error</div></div>');
    expect(severityFilter([{ key: 'error', label: 'errors', count: 2, tone: 'error' }, { key: 'info', label: 'info', count: 0 }])).toBe(
      '<p class="filter">Show: <label class="error"><input type="checkbox" data-severity="error" checked> errors (2)</label>'
      + '<label><input type="checkbox" data-severity="info" checked> info (0)</label></p>',
    );
  });
});
