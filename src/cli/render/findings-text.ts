import type { Finding, Severity } from '../../compat/finding.js';
import { summarize } from '../../compat/finding.js';
import { proofText } from './findings-proof.js';
import { counted } from './numbers.js';
import { wrapLine } from './wrap.js';

/** Options for {@link renderFindingsText}. */
export interface FindingsTextOptions {
  /** Whether to emit ANSI colors; the CLI passes `stdout.isTTY && !NO_COLOR`. */
  readonly color: boolean;
  /** Name of the database (or snapshot) migrated from, shown in the summary line. */
  readonly from: string;
  /** Name of the database (or snapshot) migrated to, shown in the summary line. */
  readonly to: string;
  /** Wrap lines to this many columns (the terminal's width); unwrapped when absent or too narrow to wrap to (`MIN_WRAP_WIDTH`). */
  readonly width?: number;
}

const LABEL: Readonly<Record<Severity, string>> = { error: 'ERROR', warning: 'WARNING', info: 'INFO' };
// Plain SGR codes so the CLI needs no color dependency: red, yellow, cyan.
const COLOR: Readonly<Record<Severity, string>> = { error: '\x1b[31m', warning: '\x1b[33m', info: '\x1b[36m' };
const BOLD = '\x1b[1m';
const RESET = '\x1b[0m';
const LABEL_WIDTH = Math.max(...Object.values(LABEL).map((l) => l.length));
// Continuation lines start under the finding's code.
const DETAIL_INDENT = ' '.repeat(2 + LABEL_WIDTH + 1);

/**
 * Makes text from findings (which may quote row values) safe for a terminal: control characters,
 * including escape sequences and newlines, are shown as `\xNN` instead of being interpreted.
 */
function clean(s: string): string {
  return s.replace(/[\x00-\x1f\x7f-\x9f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

/**
 * Orders table names case-insensitively, breaking ties by code unit so the order is total.
 *
 * @example
 * ['b', 'A', 'a'].sort(compareTableNames) // ['A', 'a', 'b']
 */
export function compareTableNames(a: string, b: string): number {
  const la = a.toLowerCase();
  const lb = b.toLowerCase();
  if (la !== lb) return la < lb ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

function findingLines(f: Finding, color: boolean, width: number | undefined): string[] {
  const label = LABEL[f.severity];
  const shown = color ? `${COLOR[f.severity]}${label}${RESET}` : label;
  const pad = ' '.repeat(LABEL_WIDTH - label.length);
  const subject = f.column === null ? '' : `${clean(f.column)}: `;
  const wrap = (line: string, indent: string): string[] => (width === undefined ? [line] : wrapLine(line, width, indent));
  const lines = wrap(`  ${shown}${pad} ${clean(f.code)} ${subject}${clean(f.message)}`, DETAIL_INDENT);
  if (f.suggestion !== undefined) lines.push(...wrap(`${DETAIL_INDENT}suggestion: ${clean(f.suggestion)}`, `${DETAIL_INDENT}  `));
  if (f.proof !== undefined) {
    // Examples the message already quotes are not repeated under it.
    const quoted = f.proof.examples.length > 0 && f.proof.examples.every((e) => f.message.includes(e));
    lines.push(...wrap(`${DETAIL_INDENT}proof: ${proofText(quoted ? { ...f.proof, examples: [] } : f.proof, clean)}`, `${DETAIL_INDENT}  `));
  }
  return lines;
}

/**
 * Groups findings by table (tables sorted by name, case-insensitively), table-level findings first
 * within each table and the rest in the order given.
 *
 * @example
 * groupFindingsByTable(findings) // [['orders', [tableLevel, columnLevel]], ['users', […]]]
 */
export function groupFindingsByTable(findings: readonly Finding[]): Array<[string, Finding[]]> {
  const byTable = new Map<string, Finding[]>();
  for (const f of findings) {
    const list = byTable.get(f.table);
    if (list) list.push(f);
    else byTable.set(f.table, [f]);
  }
  return [...byTable.entries()]
    .sort(([a], [b]) => compareTableNames(a, b))
    .map(([table, list]) => [table, [...list.filter((f) => f.column === null), ...list.filter((f) => f.column !== null)]]);
}

/**
 * Summarizes findings in one line, e.g. `3 errors, 1 warning, 5 info — A → B`, or
 * `no differences that matter — A → B` when there are none.
 *
 * @example
 * findingsSummaryLine([], 'old', 'new') // 'no differences that matter — old → new'
 */
export function findingsSummaryLine(findings: readonly Finding[], from: string, to: string): string {
  const s = summarize(findings);
  const counts =
    findings.length === 0
      ? 'no differences that matter'
      : `${counted(s.error, 'error')}, ${counted(s.warning, 'warning')}, ${s.info} info`;
  return `${counts} — ${clean(from)} → ${clean(to)}`;
}

/**
 * Renders findings for people: a header per table, one line per finding with its suggestion and
 * proof indented beneath, and a summary line; ANSI colors only when `opts.color`.
 *
 * @example
 * renderFindingsText(findings, { color: false, from: 'old', to: 'new' })
 * // 'orders\n  ERROR   Y101 note: …\n          suggestion: …\n\n1 error, 0 warnings, 0 info — old → new\n'
 */
export function renderFindingsText(findings: readonly Finding[], opts: FindingsTextOptions): string {
  const blocks: string[] = [];
  for (const [table, list] of groupFindingsByTable(findings)) {
    const header = opts.color ? `${BOLD}${clean(table)}${RESET}` : clean(table);
    blocks.push([header, ...list.flatMap((f) => findingLines(f, opts.color, opts.width))].join('\n'));
  }
  blocks.push(findingsSummaryLine(findings, opts.from, opts.to));
  return `${blocks.join('\n\n')}\n`;
}
