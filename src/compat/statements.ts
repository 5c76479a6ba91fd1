/** One statement of a `--queries` file and where it starts. */
export interface SqlStatement {
  readonly sql: string;
  /** 1-based line and column of the statement's first character in the file. */
  readonly line: number;
  readonly column: number;
}

/**
 * Splits a SQL file into statements at `;`, ignoring semicolons inside quotes, identifiers and
 * comments, and keeps where each statement starts so errors point into the file.
 *
 * @example
 * splitStatements('SELECT 1;\nSELECT 2') // [{sql:'SELECT 1',line:1,column:1},{sql:'SELECT 2',line:2,column:1}]
 */
export function splitStatements(text: string): SqlStatement[] {
  const out: SqlStatement[] = [];
  let start = 0;
  let i = 0;
  const push = (end: number): void => {
    const raw = text.slice(start, end);
    const lead = raw.length - raw.trimStart().length;
    const sql = raw.trim();
    if (sql !== '' && !/^(--[^\n]*\n?|\/\*[\s\S]*?\*\/|\s)*$/.test(sql)) {
      const before = text.slice(0, start + lead);
      const lines = before.split('\n');
      out.push({ sql, line: lines.length, column: lines[lines.length - 1]!.length + 1 });
    }
  };
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === "'" || ch === '"' || ch === '`') {
      const close = ch;
      i++;
      while (i < text.length) {
        if (text[i] === close) {
          if (text[i + 1] === close) i += 2;
          else break;
        } else i++;
      }
      i++;
    } else if (ch === '-' && text[i + 1] === '-') {
      const nl = text.indexOf('\n', i);
      i = nl < 0 ? text.length : nl + 1;
    } else if (ch === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? text.length : end + 2;
    } else if (ch === ';') {
      push(i);
      start = i + 1;
      i++;
    } else i++;
  }
  push(text.length);
  return out;
}
