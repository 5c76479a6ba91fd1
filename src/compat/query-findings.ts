import type { Finding } from './finding.js';
import type { SqlStatement } from './statements.js';

/** Calcite's verdict on one statement against one schema. */
export interface Validation {
  readonly valid: boolean;
  readonly message: string | null;
  /** Position within the statement (1-based), when the validator gave one. */
  readonly line: number | null;
  readonly column: number | null;
  /** Each name or alias the statement uses → its table (null or absent when it does not parse). */
  readonly tables?: Readonly<Record<string, string>> | null;
}

/** Where a statement-relative position lands in the file. */
function filePosition(s: SqlStatement, v: Validation): string {
  if (v.line === null || v.column === null) return `${s.line}:${s.column}`;
  const line = s.line + v.line - 1;
  const column = v.line === 1 ? s.column + v.column - 1 : v.column;
  return `${line}:${column}`;
}

/**
 * The table and column a validator message is about: `Column 'x' not found in table 'o'` (an
 * alias, mapped back through what A's validation saw), `Column 'x' not found in any table` (the
 * statement's first table), `Object 'y' not found`.
 */
function subject(message: string, tables: Readonly<Record<string, string>>, fallback: string): { table: string; column: string | null } {
  const first = Object.values(tables)[0] ?? fallback;
  const resolve = (name: string): string => tables[name] ?? Object.entries(tables).find(([k]) => k.toLowerCase() === name.toLowerCase())?.[1] ?? name;
  const colIn = /Column '([^']+)' not found in table '([^']+)'/.exec(message);
  if (colIn) return { table: resolve(colIn[2]!), column: colIn[1]! };
  const obj = /(?:Object|Table) '([^']+)' not found/.exec(message);
  if (obj) return { table: obj[1]!, column: null };
  const col = /Column '([^']+)' not found/.exec(message);
  if (col) return { table: first, column: col[1]! };
  return { table: first, column: null };
}

/**
 * Findings for the application's queries: Q101 (error) for a statement valid on A and invalid on
 * B, Q201 (warning) for one that is already invalid on A. `file` names the queries file.
 *
 * @example
 * queryFindings('app.sql', statements, onA, onB)
 */
export function queryFindings(file: string, statements: readonly SqlStatement[], onA: readonly Validation[], onB: readonly Validation[]): Finding[] {
  const out: Finding[] = [];
  statements.forEach((s, i) => {
    const a = onA[i];
    const b = onB[i];
    if (!a || !b) return;
    const preview = s.sql.replace(/\s+/g, ' ').slice(0, 80);
    if (a.valid && !b.valid) {
      const where = `${file}:${filePosition(s, b)}`;
      const subj = subject(b.message ?? '', { ...(b.tables ?? {}), ...(a.tables ?? {}) }, file);
      out.push({
        code: 'Q101',
        severity: 'error',
        table: subj.table,
        column: subj.column,
        message: `query at ${where} validates on A but not on B: ${b.message ?? 'invalid'} — ${preview}`,
        suggestion: 'update the query for the new schema, or keep what it needs (a view or the old column) in B',
      });
    } else if (!a.valid) {
      const where = `${file}:${filePosition(s, a)}`;
      const subj = subject(a.message ?? '', a.tables ?? {}, file);
      out.push({
        code: 'Q201',
        severity: 'warning',
        table: subj.table,
        column: subj.column,
        message: `query at ${where} does not validate on A either: ${a.message ?? 'invalid'} — ${preview}`,
      });
    }
  });
  return out;
}
