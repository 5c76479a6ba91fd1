import type { Finding } from '../../compat/finding.js';
import { compareTableNames, groupFindingsByTable } from './findings-text.js';
import { proofText } from './findings-proof.js';

/** Options for {@link renderFindingsJunit}. */
export interface FindingsJunitOptions {
  /** The `<testsuite name>`, e.g. `ferry check old → new`. */
  readonly suiteName: string;
  /** Every table that was checked, so tables without findings show up as passing tests. */
  readonly tables: readonly string[];
}

// Everything outside XML 1.0's Char production, including lone surrogates (the `u` flag makes a
// paired surrogate one code point, so emoji survive).
const ILLEGAL_XML = /[^\x09\x0a\x0d\x20-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu;

function xmlText(s: string): string {
  // CR as a reference, or end-of-line handling turns CRLF into LF.
  return s.replace(ILLEGAL_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;');
}

function xmlAttr(s: string): string {
  // Whitespace as character references, or attribute-value normalization turns it into spaces.
  return xmlText(s).replace(/"/g, '&quot;').replace(/'/g, '&apos;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;');
}

function findingLine(f: Finding): string {
  const lines = [`${f.severity.toUpperCase()} ${f.code} ${f.column === null ? '' : `${f.column}: `}${f.message}`];
  if (f.suggestion !== undefined) lines.push(`  suggestion: ${f.suggestion}`);
  if (f.proof !== undefined) lines.push(`  proof: ${proofText(f.proof)}`);
  return lines.join('\n');
}

function testcase(table: string, findings: readonly Finding[]): string {
  const open = `  <testcase classname="ferry.check" name="${xmlAttr(table)}"`;
  if (findings.length === 0) return `${open}/>`;
  const parts = [`${open}>`];
  const errors = findings.filter((f) => f.severity === 'error');
  const first = errors[0];
  if (first !== undefined) {
    const message = `${errors.length} ${errors.length === 1 ? 'error' : 'errors'}: ${first.code} ${first.column === null ? '' : `${first.column}: `}${first.message}`;
    parts.push(`    <failure message="${xmlAttr(message)}" type="${xmlAttr(first.code)}">${xmlText(findings.map(findingLine).join('\n'))}</failure>`);
  }
  const notes = findings.filter((f) => f.severity !== 'error');
  if (notes.length > 0) parts.push(`    <system-out>${xmlText(notes.map(findingLine).join('\n'))}</system-out>`);
  parts.push('  </testcase>');
  return parts.join('\n');
}

/**
 * Renders JUnit XML for CI dashboards: one testcase per checked table, failing when the table has
 * an error finding (the failure lists all of the table's findings), with warnings and info in
 * `<system-out>`. Tables are sorted; a finding for a table missing from `opts.tables` still gets
 * its testcase so nothing is hidden.
 *
 * @example
 * renderFindingsJunit(findings, { suiteName: 'ferry check old → new', tables: ['orders', 'users'] })
 * // '<?xml version="1.0" encoding="UTF-8"?>\n<testsuite name="ferry check old → new" tests="2" failures="1" …'
 */
export function renderFindingsJunit(findings: readonly Finding[], opts: FindingsJunitOptions): string {
  const grouped = new Map(groupFindingsByTable(findings));
  for (const t of opts.tables) if (!grouped.has(t)) grouped.set(t, []);
  const tables = [...grouped.keys()].sort(compareTableNames);
  const cases = tables.map((t) => testcase(t, grouped.get(t) ?? []));
  const failures = tables.filter((t) => (grouped.get(t) ?? []).some((f) => f.severity === 'error')).length;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuite name="${xmlAttr(opts.suiteName)}" tests="${tables.length}" failures="${failures}" errors="0" skipped="0">`,
    ...cases,
    '</testsuite>',
    '',
  ].join('\n');
}
