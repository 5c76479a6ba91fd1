// Text rendering for benchmark reports, kept apart from measuring so figures stay plain data.

/**
 * Renders rows/s compactly (`912k`, `1.84M`) so ratios between columns are easy to read.
 *
 * @example
 * rate(1_840_000) // '1.84M'
 */
export function rate(rowsPerSecond) {
  if (rowsPerSecond >= 1e6) return `${(rowsPerSecond / 1e6).toFixed(2)}M`;
  return `${Math.round(rowsPerSecond / 1e3)}k`;
}

/**
 * Renders milliseconds as seconds with two decimals.
 *
 * @example
 * seconds(1234.5) // '1.23 s'
 */
export function seconds(ms) {
  return `${(ms / 1000).toFixed(2)} s`;
}

/**
 * Renders a byte count exactly and in decimal units, the way backup sizes are compared.
 *
 * @example
 * bytes(41_234_567) // '41,234,567 B (41.2 MB)'
 */
export function bytes(n) {
  const unit = n >= 1e9 ? `${(n / 1e9).toFixed(2)} GB` : n >= 1e6 ? `${(n / 1e6).toFixed(1)} MB` : `${(n / 1e3).toFixed(1)} kB`;
  return `${n.toLocaleString('en-US')} B (${unit})`;
}

/**
 * A count with its noun, plural when it is not one.
 *
 * @example
 * counted(1, 'file') // '1 file'
 */
export function counted(n, noun) {
  return `${n.toLocaleString('en-US')} ${noun}${n === 1 ? '' : 's'}`;
}

/**
 * Lays out a text table: first column left-aligned, the others (figures) right-aligned.
 *
 * @example
 * table(['source', 'rows/s'], [['pg', '912k']])
 */
export function table(headers, rows) {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) =>
    cells.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  ');
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/**
 * Renders `label: value` pairs with the values aligned.
 *
 * @example
 * pairs([['node', 'v20.20.2']])
 */
export function pairs(entries) {
  const width = Math.max(...entries.map(([k]) => k.length));
  return entries.map(([k, v]) => `  ${`${k}:`.padEnd(width + 1)} ${v}`).join('\n');
}

/** PASS or MISS for an informational target line. */
export function verdict(ok) {
  return ok ? 'PASS' : 'MISS';
}

/** Quotes an argument for the printed command lines (they are meant to be pasted into a shell). */
export function shellQuote(arg) {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, "'\\''")}'`;
}

/** A command and its arguments as one pasteable shell line. */
export function commandLine(cmd, args) {
  return [cmd, ...args].map(shellQuote).join(' ');
}

/** The last `lines` lines of a command's output, indented, for error reports. */
export function tail(text, lines = 15) {
  const all = text.trimEnd().split('\n');
  return (all.length > lines ? ['…', ...all.slice(-lines)] : all).map((l) => `    ${l}`).join('\n');
}
