import { existsSync, readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import type { Wire } from '../bridge/index.js';
import { FerryError } from '../errors/index.js';

/**
 * How one target table gets its rows: left alone (`skip`), or loaded from a source table
 * (`from`, default the same name), optionally filtered (`where`), with target columns computed by
 * Calcite SQL expressions over the source table's columns. Target columns not listed take the
 * source column of the same name, else the target's default.
 *
 * @example
 * { kind: 'map', from: 'clients', where: 'active = 1', columns: { email: 'email_address' } }
 */
export type TableMapping =
  | { readonly kind: 'skip' }
  | {
    readonly kind: 'map';
    readonly from: string | null;
    readonly where: string | null;
    readonly columns: Readonly<Record<string, string>>;
  };

/**
 * A validated mapping file (or `--map` options): per target table, where its values come from.
 *
 * @example
 * { tables: { customers: { kind: 'map', from: 'clients', where: null, columns: { full_name: "first_name || ' ' || last_name" } }, audit_log: { kind: 'skip' } } }
 */
export interface Mapping {
  readonly tables: Readonly<Record<string, TableMapping>>;
}

const TABLE_KEYS = ['from', 'where', 'columns', 'skip'] as const;
const FIX_EXPRESSION = `write it as text, quoted if it holds YAML characters, e.g. full_name: "first_name || ' ' || last_name"`;

function kindOf(v: unknown): string {
  if (v === null || v === undefined) return 'nothing';
  if (typeof v === 'object') return Array.isArray(v) ? 'a list' : 'a map';
  return typeof v === 'string' ? `string ${JSON.stringify(v)}` : `${typeof v === 'bigint' ? 'number' : typeof v} ${String(v)}`;
}

/** A SQL expression; YAML numbers and booleans are taken as SQL literals. */
const expression = z.preprocess(
  (v) => (typeof v === 'number' || typeof v === 'bigint' ? String(v) : typeof v === 'boolean' ? (v ? 'TRUE' : 'FALSE') : v),
  z.string({
    error: (i) => (i.input === null || i.input === undefined
      ? `empty: give a SQL expression over the source table's columns, or leave the column out to take the source column of the same name`
      : `expected a SQL expression, got ${kindOf(i.input)}: ${FIX_EXPRESSION}`),
  }).trim().min(1, 'empty: give a SQL expression, or leave the key out'),
);

const name = (what: string): z.ZodString => z.string({ error: (i) => `expected ${what} as text, got ${kindOf(i.input)}` }).trim().min(1, `empty: give ${what}, or leave the key out`);

const tableEntry = z.preprocess(
  (v) => (v === 'skip' ? { skip: true } : v),
  z.strictObject({
    from: name('the source table name').optional(),
    where: z.string({ error: (i) => `expected a SQL condition as text, got ${kindOf(i.input)}: quote it, e.g. where: "active = 1"` }).trim().min(1, 'empty: give a condition, or leave the key out').optional(),
    // `columns:` with every line commented out is an empty map.
    columns: z.record(z.string().min(1, 'a column name cannot be empty'), expression, {
      error: (i) => `expected a map of target column: SQL expression, got ${kindOf(i.input)}`,
    }).nullable().optional(),
    skip: z.boolean({ error: (i) => `expected true or false, got ${kindOf(i.input)}` }).optional(),
  }, {
    error: (i) => (i.code === 'invalid_type'
      ? `expected 'skip' or a map of ${TABLE_KEYS.join(', ')}, got ${kindOf(i.input)}`
      : undefined),
  }).superRefine((t, ctx) => {
    if (t.skip && (t.from !== undefined || t.where !== undefined || Object.keys(t.columns ?? {}).length > 0)) {
      ctx.addIssue({ code: 'custom', message: 'skip: true leaves the table alone, so it cannot have from, where or columns: remove skip, or the other keys' });
    }
  }).transform((t): TableMapping => (t.skip
    ? { kind: 'skip' }
    : { kind: 'map', from: t.from ?? null, where: t.where ?? null, columns: { ...(t.columns ?? {}) } })),
);

/**
 * The mapping file's zod schema: `tables:` maps each target table to `skip` or to `from`,
 * `where` and `columns`; unknown keys are refused.
 *
 * @example
 * mappingSchema.parse({ tables: { audit_log: 'skip' } }).tables.audit_log // { kind: 'skip' }
 */
export const mappingSchema = z.strictObject({
  tables: z.record(z.string().min(1, 'a table name cannot be empty'), tableEntry, {
    error: (i) => (i.input === undefined ? 'required: add it, with one key per target table' : `expected a map of target table: mapping, got ${kindOf(i.input)}`),
  }),
}, { error: (i) => (i.code === 'invalid_type' ? `expected a map with one key, tables, got ${kindOf(i.input)}` : undefined) });

function describeIssue(i: z.core.$ZodIssue): string {
  const key = i.path.map(String).join('.');
  const at = key === '' ? '' : `${key}: `;
  if (i.code === 'unrecognized_keys') {
    const valid = i.path.length === 0 ? ['tables'] : TABLE_KEYS;
    return `${at}unknown key${i.keys.length > 1 ? 's' : ''} ${i.keys.map((k) => `'${k}'`).join(', ')} (valid: ${valid.join(', ')})`;
  }
  return `${at}${i.message}`;
}

/**
 * Validates a mapping already parsed from YAML or JSON. Throws MAPPING_INVALID naming every
 * offending key path (`tables.customers.columns.full_name`), what is wrong and how to fix it.
 *
 * @example
 * validateMapping({ tables: { customers: { columns: { email: 'email_address' } } } }, 'mapping.yaml')
 */
export function validateMapping(raw: unknown, file: string): Mapping {
  if (raw === null || raw === undefined) {
    throw new FerryError('MAPPING_INVALID', `${file}: the mapping is empty: start it with tables:, one key per target table`, { file });
  }
  const result = mappingSchema.safeParse(raw);
  if (!result.success) {
    throw new FerryError('MAPPING_INVALID', `${file}: ${result.error.issues.map(describeIssue).join('; ')}`, {
      file,
      issues: result.error.issues.map((i) => ({ key: i.path.join('.'), message: describeIssue(i) })),
    });
  }
  return result.data;
}

/**
 * Parses a mapping file's text: JSON when `file` ends in `.json`, YAML otherwise. Throws
 * MAPPING_INVALID for text that does not parse (with line and column) or does not match the format.
 *
 * @example
 * parseMapping('tables:\n  customers:\n    columns:\n      email: email_address\n', 'mapping.yaml')
 */
export function parseMapping(text: string, file: string): Mapping {
  const json = file.toLowerCase().endsWith('.json');
  let raw: unknown;
  try {
    raw = json ? JSON.parse(text) : parseYaml(text, { intAsBigInt: true });
  } catch (e) {
    throw new FerryError('MAPPING_INVALID', `${file}: not valid ${json ? 'JSON' : 'YAML'}: ${(e as Error).message.split('\n')[0]}`, { file }, { cause: e });
  }
  return validateMapping(raw, file);
}

/**
 * Reads and parses a mapping file (`--mapping FILE`).
 *
 * @example
 * loadMapping('mapping.yaml').tables.customers
 */
export function loadMapping(file: string): Mapping {
  if (!existsSync(file)) throw new FerryError('CONFIG_NOT_FOUND', `mapping file ${file} not found (\`ferry check --suggest-mapping ${file}\` writes a first draft)`, { file });
  return parseMapping(readFileSync(file, 'utf8'), file);
}

/** Reads one identifier of `TABLE.COLUMN` from `s` at `i`: double-quoted (`""` escapes) or up to the next dot. */
function identifierAt(s: string, i: number): { readonly name: string; readonly end: number } | null {
  if (s[i] !== '"') {
    const dot = s.indexOf('.', i);
    return { name: s.slice(i, dot < 0 ? s.length : dot).trim(), end: dot < 0 ? s.length : dot };
  }
  let name = '';
  for (let j = i + 1; j < s.length; j++) {
    if (s[j] !== '"') name += s[j];
    else if (s[j + 1] === '"') { name += '"'; j++; }
    else return { name, end: j + 1 };
  }
  return null;
}

/** Splits `TABLE.COLUMN` (either part double-quoted when it holds a dot) or returns null. */
function splitTarget(key: string): readonly [string, string] | null {
  const table = identifierAt(key, 0);
  if (!table || key[table.end] !== '.') return null;
  const column = identifierAt(key, table.end + 1);
  if (!column || column.end !== key.length || !table.name || !column.name) return null;
  return [table.name, column.name];
}

/**
 * Builds a mapping from repeated `--map TABLE.TARGET_COLUMN=SQL` options (the first `=` ends the
 * target; quote a table or column name that holds a dot: `"a.b".c=…`). Throws USAGE for a
 * malformed option or a column given twice.
 *
 * @example
 * mappingFromMaps(["customers.full_name=first_name || ' ' || last_name"]).tables.customers
 * // { kind: 'map', from: null, where: null, columns: { full_name: "first_name || ' ' || last_name" } }
 */
export function mappingFromMaps(maps: readonly string[]): Mapping {
  const columns = new Map<string, Record<string, string>>();
  for (const m of maps) {
    const eq = m.indexOf('=');
    const target = eq < 0 ? null : splitTarget(m.slice(0, eq).trim());
    const sql = eq < 0 ? '' : m.slice(eq + 1).trim();
    if (!target || sql === '') {
      throw new FerryError('USAGE', `--map ${m}: expected TABLE.TARGET_COLUMN=SQL, e.g. --map "customers.full_name=first_name || ' ' || last_name"`, { map: m });
    }
    const [table, column] = target;
    const cols = columns.get(table) ?? {};
    if (Object.hasOwn(cols, column)) throw new FerryError('USAGE', `--map ${table}.${column} is given twice: keep one`, { map: m });
    columns.set(table, { ...cols, [column]: sql });
  }
  return { tables: Object.fromEntries([...columns].map(([t, cols]) => [t, { kind: 'map', from: null, where: null, columns: cols }])) };
}

/**
 * Lays `over` (the `--map` options) over `base` (the mapping file): per table, its columns
 * replace or add to the file's, and its `from`/`where` win when set. A table the file skips
 * cannot be given columns: USAGE.
 *
 * @example
 * mergeMappings(loadMapping('mapping.yaml'), mappingFromMaps(['customers.status=\'new\'']))
 */
export function mergeMappings(base: Mapping, over: Mapping): Mapping {
  const tables: Record<string, TableMapping> = { ...base.tables };
  for (const [table, o] of Object.entries(over.tables)) {
    const b = tables[table];
    if (!b || o.kind === 'skip') { tables[table] = o; continue; }
    if (b.kind === 'skip') {
      throw new FerryError('USAGE', `the mapping skips ${table}, so --map cannot give it columns: remove one or the other`, { table });
    }
    tables[table] = { kind: 'map', from: o.from ?? b.from, where: o.where ?? b.where, columns: { ...b.columns, ...o.columns } };
  }
  return { tables };
}

/**
 * The mapping as the JVM takes it: per target table, its source, condition, computed columns,
 * or skip.
 *
 * @example
 * mappingToWire({ tables: { audit: { kind: 'skip' } } }) // { audit: { from: null, where: null, columns: null, skip: true } }
 */
export function mappingToWire(m: Mapping): Record<string, Wire.TableMapping> {
  const out: Record<string, Wire.TableMapping> = {};
  for (const [table, t] of Object.entries(m.tables)) {
    out[table] = t.kind === 'skip' ? { from: null, where: null, columns: null, skip: true }
      : { from: t.from, where: t.where, columns: { ...t.columns }, skip: false };
  }
  return out;
}

/**
 * The entry of target table `target` (matched ignoring case), or undefined.
 *
 * @example
 * tableMapping(mapping, 'Customers') // the entry written as customers:
 */
export function tableMapping(m: Mapping | undefined, target: string): TableMapping | undefined {
  if (!m) return undefined;
  const key = Object.keys(m.tables).find((k) => k.toLowerCase() === target.toLowerCase());
  return key === undefined ? undefined : m.tables[key];
}

/**
 * The target table that source table `source` is loaded into: the entry naming it with `from:`,
 * else its own name.
 *
 * @example
 * mappedTarget({ tables: { customers: { kind: 'map', from: 'clients', where: null, columns: {} } } }, 'clients') // 'customers'
 */
export function mappedTarget(m: Mapping | undefined, source: string): string {
  const hit = Object.entries(m?.tables ?? {}).find(([, t]) => t.kind === 'map' && t.from?.toLowerCase() === source.toLowerCase());
  return hit ? hit[0] : source;
}

/**
 * The computed columns and row condition of target table `target` under `mapping`; columns not
 * listed are filled (and compared) by name, so a target with columns added or dropped loads.
 *
 * @example
 * columnsOf(undefined, 'orders') // { columns: {}, where: null }
 */
export function columnsOf(mapping: Mapping | undefined, target: string): { columns: Record<string, string>; where: string | null } {
  const m = tableMapping(mapping, target);
  return m?.kind === 'map' ? { columns: { ...m.columns }, where: m.where } : { columns: {}, where: null };
}
