const SGR = /\x1b\[[0-9;]*m/g;

/** The width a line takes on a terminal: its length without ANSI color codes. */
function visible(s: string): number {
  return s.replace(SGR, '').length;
}

/**
 * Wraps one line at spaces so it fits `width` columns, continuation lines starting with
 * `indent`; a word longer than the width stays whole. Color codes take no width.
 *
 * @example
 * wrapLine('  ERROR C101 a long message', 16, '        ') // ['  ERROR C101 a', '        long', '        message']
 */
export function wrapLine(line: string, width: number, indent: string): string[] {
  if (visible(line) <= width) return [line];
  const lead = /^ */.exec(line)![0];
  const words = line.slice(lead.length).split(' ');
  const out: string[] = [];
  let cur = lead;
  let empty = true;
  for (const w of words) {
    if (!empty && visible(cur) + 1 + visible(w) > width) {
      out.push(cur);
      cur = indent + w;
    } else {
      cur = empty ? cur + w : `${cur} ${w}`;
    }
    empty = false;
  }
  out.push(cur);
  return out;
}
