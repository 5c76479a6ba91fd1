/**
 * Rows of text cells as aligned columns under a header, two spaces apart, for terminal output
 * of plain data (not query results, which `table.ts` renders from Arrow).
 *
 * @example
 * aligned(['name', 'rows'], [['orders', '42']]) // "name    rows\norders  42\n"
 */
export function aligned(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]): string => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i] ?? 0))).join('  ').trimEnd();
  return `${[header, ...rows].map(line).join('\n')}\n`;
}
