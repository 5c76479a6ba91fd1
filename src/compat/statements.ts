/** One statement of a `--queries` file and where it starts. */
export interface SqlStatement {
  readonly sql: string;
  /** 1-based line and column of the statement's first character in the file. */
  readonly line: number;
  readonly column: number;
}

/**
 * Splits a SQL file into statements at `;`, ignoring semicolons inside quotes, identifiers and
 * comments. Each statement is its text alone, without the comments and blank space around it,
 * and keeps where it starts so errors point into the file.
 *
 * @example
 * splitStatements('SELECT 1;\n-- two\nSELECT 2') // [{sql:'SELECT 1',line:1,column:1},{sql:'SELECT 2',line:3,column:1}]
 */
export function splitStatements(text: string): SqlStatement[] {
  const out: SqlStatement[] = [];
  // Where the current statement's first and last code (not comment, not space) characters are.
  let first = -1;
  let end = -1;
  let i = 0;
  const push = (): void => {
    if (first >= 0) {
      const lines = text.slice(0, first).split('\n');
      out.push({ sql: text.slice(first, end), line: lines.length, column: lines[lines.length - 1]!.length + 1 });
    }
    first = -1;
  };
  const code = (from: number, to: number): void => {
    if (first < 0) first = from;
    end = to;
  };
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === "'" || ch === '"' || ch === '`') {
      const start = i;
      i++;
      while (i < text.length) {
        if (text[i] === ch) {
          if (text[i + 1] === ch) i += 2;
          else break;
        } else i++;
      }
      i = Math.min(i + 1, text.length);
      code(start, i);
    } else if (ch === '-' && text[i + 1] === '-') {
      const nl = text.indexOf('\n', i);
      i = nl < 0 ? text.length : nl + 1;
    } else if (ch === '/' && text[i + 1] === '*') {
      const close = text.indexOf('*/', i + 2);
      i = close < 0 ? text.length : close + 2;
    } else if (ch === ';') {
      push();
      i++;
    } else {
      if (!/\s/.test(ch)) code(i, i + 1);
      i++;
    }
  }
  push();
  return out;
}
