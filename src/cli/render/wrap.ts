const SGR = /\x1b\[[0-9;]*m/g;

/**
 * The narrowest width worth wrapping to: a terminal reporting fewer columns (`stty cols 0`, some
 * CI runners, `docker exec -t`) is taken to have no known width, since wrapping there would put
 * one word on each line.
 */
export const MIN_WRAP_WIDTH = 40;

/**
 * The width to wrap to for a width a terminal reports, or undefined (no wrapping) when it reports
 * none or one narrower than {@link MIN_WRAP_WIDTH}.
 *
 * @example
 * wrapWidth(120) // 120
 * wrapWidth(0) // undefined
 */
export function wrapWidth(columns: number | undefined): number | undefined {
  return columns !== undefined && Number.isFinite(columns) && columns >= MIN_WRAP_WIDTH ? columns : undefined;
}

/**
 * The width to wrap text written to `stream` to: its columns when it is a terminal with a usable
 * width, else undefined (no wrapping). Every width taken from a terminal goes through here.
 *
 * @example
 * renderFindingsText(findings, { color, from, to, width: terminalWidth(process.stdout) })
 */
export function terminalWidth(stream: { readonly isTTY?: boolean; readonly columns?: number }): number | undefined {
  return stream.isTTY ? wrapWidth(stream.columns) : undefined;
}

/** The width a line takes on a terminal: its length without ANSI color codes. */
function visible(s: string): number {
  return s.replace(SGR, '').length;
}

/**
 * Wraps one line at spaces so it fits `width` columns, continuation lines starting with
 * `indent`; a word longer than the width stays whole. Color codes take no width. A width below
 * {@link MIN_WRAP_WIDTH} leaves the line whole.
 *
 * @example
 * wrapLine('  ERROR C101 a message too long for a narrow terminal', 40, '        ')
 * // ['  ERROR C101 a message too long for a', '        narrow terminal']
 */
export function wrapLine(line: string, width: number, indent: string): string[] {
  if (visible(line) <= width || wrapWidth(width) === undefined) return [line];
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
