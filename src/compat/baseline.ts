import { readFileSync } from 'node:fs';
import { FerryError } from '../errors/index.js';
import type { Finding } from './finding.js';

/** One accepted finding, identified by code, table and column (null for a table-level finding). */
export interface BaselineEntry {
  readonly code: string;
  readonly table: string;
  readonly column: string | null;
}

/**
 * Findings a team has accepted, so `ferry check` stops reporting them.
 *
 * @example
 * { file: 'ferry-baseline.json', accept: [{ code: 'Y101', table: 'orders', column: 'note' }] }
 */
export interface Baseline {
  /** Where the baseline was read from, for messages. */
  readonly file: string;
  readonly accept: readonly BaselineEntry[];
}

const EXPECTED =
  'expected the {"findings":[…]} document that `ferry check --format json` writes, or {"accept":[{"code":…,"table":…,"column":…}]}';

function invalid(file: string, what: string): FerryError {
  return new FerryError('CONFIG_INVALID', `baseline ${file}: ${what}`, { file });
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function entry(v: unknown, at: string, file: string): BaselineEntry {
  if (!isObject(v)) throw invalid(file, `${at}: expected an object with code, table and column`);
  const { code, table, column } = v;
  if (typeof code !== 'string' || code === '') throw invalid(file, `${at}.code: expected a non-empty string such as "Y101"`);
  if (typeof table !== 'string' || table === '') throw invalid(file, `${at}.table: expected a non-empty string`);
  // A missing column is refused rather than read as "any column", which would accept more than meant.
  if (column !== null && (typeof column !== 'string' || column === '')) {
    throw invalid(file, `${at}.column: expected a column name, or null for a table-level finding`);
  }
  return { code, table, column };
}

/**
 * Validates a parsed baseline document; throws CONFIG_INVALID naming the file, the offending key
 * and what was expected. Extra keys in entries (severity, message, proof) are ignored.
 *
 * @example
 * parseBaseline({ accept: [{ code: 'Y101', table: 'orders', column: 'note' }] }, 'ferry-baseline.json')
 */
export function parseBaseline(json: unknown, file: string): Baseline {
  if (!isObject(json)) throw invalid(file, EXPECTED);
  const lists = (['findings', 'accept'] as const).filter((k) => json[k] !== undefined);
  if (lists.length === 0) throw invalid(file, `no "findings" or "accept" key; ${EXPECTED}`);
  const accept: BaselineEntry[] = [];
  for (const key of lists) {
    const list = json[key];
    if (!Array.isArray(list)) throw invalid(file, `${key}: expected an array; ${EXPECTED}`);
    list.forEach((v, i) => accept.push(entry(v, `${key}[${i}]`, file)));
  }
  return { file, accept };
}

/**
 * Reads a baseline JSON file: CONFIG_NOT_FOUND when it does not exist, CONFIG_INVALID when it
 * cannot be read, is not JSON or has the wrong shape.
 *
 * @example
 * loadBaseline('ferry-baseline.json')
 */
export function loadBaseline(file: string): Baseline {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new FerryError('CONFIG_NOT_FOUND', `baseline file ${file} not found (write one with \`ferry check --format json --output ${file}\`)`, { file }, { cause: e });
    }
    throw new FerryError('CONFIG_INVALID', `baseline ${file}: cannot be read: ${(e as Error).message}`, { file }, { cause: e });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new FerryError('CONFIG_INVALID', `baseline ${file}: not valid JSON (${(e as Error).message.split('\n')[0]}); ${EXPECTED}`, { file }, { cause: e });
  }
  return parseBaseline(json, file);
}

function key(code: string, table: string, column: string | null): string {
  // JSON keeps the parts apart and null distinct from a column named "null".
  return JSON.stringify([code, table.toLowerCase(), column === null ? null : column.toLowerCase()]);
}

/**
 * Splits findings into those the baseline accepts (same code; same table and column ignoring case;
 * a null column matches only null) and those still to report, both in the order given.
 *
 * @example
 * applyBaseline(findings, baseline) // { kept: [the new findings], suppressed: [the accepted ones] }
 */
export function applyBaseline(findings: readonly Finding[], baseline: Baseline): { kept: Finding[]; suppressed: Finding[] } {
  const accepted = new Set(baseline.accept.map((e) => key(e.code, e.table, e.column)));
  const kept: Finding[] = [];
  const suppressed: Finding[] = [];
  for (const f of findings) (accepted.has(key(f.code, f.table, f.column)) ? suppressed : kept).push(f);
  return { kept, suppressed };
}
