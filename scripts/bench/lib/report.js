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
