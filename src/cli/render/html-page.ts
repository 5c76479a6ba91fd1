import { createHash } from 'node:crypto';

/**
 * Text made safe as HTML content or as a double- or single-quoted attribute value.
 *
 * @example
 * escapeHtml('<script>"x"</script>') // '&lt;script&gt;&quot;x&quot;&lt;/script&gt;'
 */
export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

const STYLE = `body{font:14px/1.45 system-ui,sans-serif;margin:2rem;color:#1d232a;max-width:72rem}
h1{font-size:1.4rem}h2{font-size:1.1rem;margin-top:2rem}h3{font-size:1rem;margin:1.5rem 0 .3rem}code,pre{font:12px/1.4 ui-monospace,monospace}
pre{background:#f4f6f8;padding:.5rem;overflow-x:auto;white-space:pre-wrap}
table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #dde2e6;padding:.3rem .5rem;text-align:left;vertical-align:top}
th{font-weight:600}td.num{text-align:right;white-space:nowrap}
table.findings{table-layout:fixed}table.findings th:nth-child(1){width:4rem}table.findings th:nth-child(2){width:11rem}table.findings th:nth-child(3){width:9rem}table.findings th:nth-child(5){width:13rem}
td{overflow-wrap:anywhere}
.ok{color:#17753b}.error{color:#b3261e}.warning{color:#8a5a00}.info{color:#44505c}.hint{color:#44505c;margin-top:.2rem}
.summary{display:flex;gap:1rem;flex-wrap:wrap}.summary div{background:#f4f6f8;padding:.5rem .8rem;border-radius:.3rem}
.filter label{margin-right:1rem}[hidden]{display:none}`;

// Each box hides or shows every element marked with its severity (a finding, or a whole group).
const SCRIPT = `for(const box of document.querySelectorAll('input[data-severity]')){box.addEventListener('change',()=>{
for(const el of document.querySelectorAll('[data-row-severity="'+box.dataset.severity+'"]'))el.hidden=!box.checked;});}`;

const sha256 = (s: string): string => `'sha256-${createHash('sha256').update(s).digest('base64')}'`;

// Only this page's own style and script may apply, and nothing may be fetched: even text that
// escaped escaping could neither run nor reach the network.
const POLICY = `default-src 'none'; style-src ${sha256(STYLE)}; script-src ${sha256(SCRIPT)}; img-src data:; form-action 'none'; base-uri 'none'`;

/** What a report page holds besides the shared shell. */
export interface HtmlPageContent {
  /** The browser tab's title (plain text). */
  readonly title: string;
  /** The page's heading (plain text). */
  readonly heading: string;
  /** The body's HTML, already escaped, in order: summary first. */
  readonly body: readonly string[];
  /** The command line that produced the report (plain text, secrets already masked). */
  readonly command: string;
}

/**
 * A whole self-contained report page: inline style and filter script only, a content security
 * policy that forbids any other script, style or request, then the heading, the body and the
 * command that produced it.
 *
 * @example
 * htmlPage({ title: 'ferry check', heading: 'ferry check a → b', body: ['<p>ok</p>'], command: 'ferry check --from a --to b' })
 */
export function htmlPage(p: HtmlPageContent): string {
  return `${[
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${POLICY}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(p.title)}</title>`,
    `<style>${STYLE}</style></head><body>`,
    `<h1>${escapeHtml(p.heading)}</h1>`,
    ...p.body,
    `<h2>Command</h2><pre id="command">${escapeHtml(p.command)}</pre>`,
    `<script>${SCRIPT}</script></body></html>`,
  ].join('\n')}\n`;
}

/** One box of a report's summary row. */
export interface SummaryItem {
  /** The box's text (plain text). */
  readonly text: string;
  /** A CSS class coloring it: ok, error, warning or info. */
  readonly tone?: 'ok' | 'error' | 'warning' | 'info';
}

/**
 * The row of summary boxes shown under a report's outcome.
 *
 * @example
 * summaryBoxes([{ text: '3 tables' }, { text: '1 error', tone: 'error' }])
 * // '<div class="summary"><div>3 tables</div><div class="error">1 error</div></div>'
 */
export function summaryBoxes(items: readonly SummaryItem[]): string {
  return `<div class="summary">${items.map((i) => `<div${i.tone ? ` class="${i.tone}"` : ''}>${escapeHtml(i.text)}</div>`).join('')}</div>`;
}

/** One choice of a severity filter: elements marked `data-row-severity="key"` show while it is checked. */
export interface FilterChoice {
  /** The marker value (a word: letters, digits, dashes). */
  readonly key: string;
  /** What the box says (plain text). */
  readonly label: string;
  /** How many elements it hides or shows, shown beside the label. */
  readonly count: number;
  /** A CSS class coloring the label. */
  readonly tone?: SummaryItem['tone'];
}

/**
 * The filter's checkboxes, all checked: unchecking one hides every element marked with its key.
 *
 * @example
 * severityFilter([{ key: 'error', label: 'errors', count: 2, tone: 'error' }])
 * // '<p class="filter">Show: <label class="error"><input type="checkbox" data-severity="error" checked> errors (2)</label></p>'
 */
export function severityFilter(choices: readonly FilterChoice[]): string {
  const boxes = choices.map((c) => `<label${c.tone ? ` class="${c.tone}"` : ''}><input type="checkbox" data-severity="${escapeHtml(c.key)}" checked> ${escapeHtml(c.label)} (${c.count})</label>`);
  return `<p class="filter">Show: ${boxes.join('')}</p>`;
}
