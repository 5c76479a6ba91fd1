import type { LogicalType } from '../schema/model.js';
import type { ProofRequest } from './proofs.js';

/**
 * The column a type change happens to, in A's spelling, so the proof it needs can name it.
 *
 * @example
 * { table: 'orders', column: 'note' }
 */
export interface ColumnRef {
  readonly table: string;
  readonly column: string;
}

/**
 * A data question that decides whether a narrowing type change loses values, and the code the
 * finding is reported under.
 *
 * @example
 * { code: 'Y101', request: { kind: 'tooLong', table: 'orders', column: 'note', maxLength: 20 }, risk: 'values longer than 20 characters' }
 */
export interface TypeCheck {
  readonly code: 'Y101' | 'Y102' | 'Y103' | 'Y104' | 'Y105';
  readonly request: ProofRequest;
  /** The violating values in words, to say `3 rows hold …` or `no row holds …`. */
  readonly risk: string;
}

/**
 * How a column type change from A to B treats A's values.
 *
 * `narrow` and `incompatible` depend on the data: their checks say what to ask. A narrowing
 * usually has one check; DECIMAL(p, s > 0) or a floating-point type to an integer type has two,
 * one for the range (Y102, outOfRange with the integer type's bounds) and one for the dropped
 * fraction (Y103, tooManyDigits with scale 0), because no single question covers both exactly.
 * Requests always carry B's bounds (tooManyDigits: B's integer digits and scale).
 *
 * @example
 * classifyTypeChange(INTEGER, BIGINT, at).kind // 'widen'
 */
export type TypeChange =
  | { readonly kind: 'same' }
  | { readonly kind: 'widen' }
  | { readonly kind: 'floatLoss'; readonly reason: string }
  | { readonly kind: 'convert'; readonly reason: string }
  | { readonly kind: 'narrow'; readonly checks: readonly TypeCheck[] }
  | { readonly kind: 'incompatible'; readonly check: TypeCheck };

interface IntRange {
  readonly min: bigint;
  readonly max: bigint;
  /** Most decimal digits a value has. */
  readonly digits: number;
}

const INT_RANGES: Readonly<Record<string, IntRange>> = {
  TINYINT: { min: -128n, max: 127n, digits: 3 },
  SMALLINT: { min: -32768n, max: 32767n, digits: 5 },
  INTEGER: { min: -2147483648n, max: 2147483647n, digits: 10 },
  BIGINT: { min: -9223372036854775808n, max: 9223372036854775807n, digits: 19 },
  UTINYINT: { min: 0n, max: 255n, digits: 3 },
  USMALLINT: { min: 0n, max: 65535n, digits: 5 },
  UINTEGER: { min: 0n, max: 4294967295n, digits: 10 },
  UBIGINT: { min: 0n, max: 18446744073709551615n, digits: 20 },
};

/** Largest integer magnitude a REAL (2^24) and a DOUBLE (2^53) hold exactly. */
const REAL_EXACT = 2n ** 24n;
const DOUBLE_EXACT = 2n ** 53n;

/** An integer type's range; an unknown integer type is taken as BIGINT. */
function intRange(t: LogicalType): IntRange {
  return INT_RANGES[t.sqlType.toUpperCase()] ?? (INT_RANGES.BIGINT as IntRange);
}

/** 1 for REAL, 2 for DOUBLE and FLOAT (which Calcite treats as DOUBLE). */
function floatRank(t: LogicalType): 1 | 2 {
  return t.sqlType.toUpperCase() === 'REAL' ? 1 : 2;
}

const YEAR_MONTH = new Set(['INTERVAL_YEAR', 'INTERVAL_YEAR_MONTH', 'INTERVAL_MONTH']);

/** Whether precision and scale mean something for a family, so they take part in equality. */
function usesPrecision(t: LogicalType): boolean {
  return !['integer', 'float', 'boolean', 'date'].includes(t.family);
}

function canonicalSqlType(t: LogicalType): string {
  const s = t.sqlType.toUpperCase();
  return s === 'FLOAT' ? 'DOUBLE' : s;
}

/**
 * Whether two logical types are the same for the diff: family, SQL type, precision and scale
 * (the last two only where the family has them; FLOAT is DOUBLE). Native spelling and display
 * are ignored, so PostgreSQL's int4 and H2's INTEGER are equal.
 *
 * @example
 * sameType({ family: 'integer', sqlType: 'INTEGER', precision: null, scale: null, display: 'int4' }, INTEGER) // true
 */
export function sameType(a: LogicalType, b: LogicalType): boolean {
  if (a.family !== b.family || canonicalSqlType(a) !== canonicalSqlType(b)) return false;
  if (!usesPrecision(a)) return true;
  if (a.precision !== b.precision) return false;
  return !['decimal', 'interval', 'other'].includes(a.family) || (a.scale ?? 0) === (b.scale ?? 0);
}

/** Length, digits or fractional digits; null (unbounded) as Infinity. */
function bound(n: number | null): number {
  return n ?? Number.POSITIVE_INFINITY;
}

/** Decimal's digits before and after the point; DECIMAL without precision is unbounded. */
function decimalDigits(t: LogicalType): { readonly integer: number; readonly scale: number } {
  if (t.precision === null) return { integer: Number.POSITIVE_INFINITY, scale: Number.POSITIVE_INFINITY };
  const scale = t.scale ?? 0;
  return { integer: t.precision - scale, scale };
}

/** Most characters a value of `t` takes as text (CAST AS VARCHAR), or Infinity when unknown. */
function textWidth(t: LogicalType): number {
  const frac = (p: number | null): number => (p === null ? 10 : p > 0 ? p + 1 : 0);
  switch (t.family) {
    case 'integer': {
      const r = intRange(t);
      return Math.max(r.min.toString().length, r.max.toString().length);
    }
    case 'decimal': {
      if (t.precision === null) return Number.POSITIVE_INFINITY;
      const scale = t.scale ?? 0;
      return 1 + t.precision + (scale > 0 ? 1 : 0) + (scale >= t.precision ? 1 : 0);
    }
    case 'float': return floatRank(t) === 1 ? 15 : 24;
    case 'boolean': return 5;
    case 'date': return 10;
    case 'time': return 8 + frac(t.precision);
    case 'timestamp': return 19 + frac(t.precision);
    case 'timestamptz': return 25 + frac(t.precision);
    default: return Number.POSITIVE_INFINITY;
  }
}

function rangeText(r: { readonly min: bigint; readonly max: bigint }): string {
  return `${r.min}..${r.max}`;
}

function outOfRange(at: ColumnRef, min: bigint, max: bigint): TypeCheck {
  return { code: 'Y102', request: { kind: 'outOfRange', ...at, min: min.toString(), max: max.toString() }, risk: `values outside ${rangeText({ min, max })}` };
}

function tooManyDigits(at: ColumnRef, integerDigits: number, scale: number): TypeCheck {
  const after = scale === 0 ? 'a fractional part' : `more than ${scale} after it`;
  return { code: 'Y103', request: { kind: 'tooManyDigits', ...at, integerDigits, scale }, risk: `values with more than ${integerDigits} digits before the point or ${after}` };
}

function tooLong(at: ColumnRef, maxLength: number, unit: 'characters' | 'bytes'): TypeCheck {
  return { code: 'Y101', request: { kind: 'tooLong', ...at, maxLength }, risk: `values longer than ${maxLength} ${unit}` };
}

function fractionLost(at: ColumnRef, precision: number): TypeCheck {
  const risk = precision === 0 ? 'values with fractional seconds' : `values with more than ${precision} fractional-second digits`;
  return { code: 'Y104', request: { kind: 'fractionLost', ...at, precision }, risk };
}

function incompatible(at: ColumnRef, to: LogicalType, risk = `values that cannot be converted to ${to.display}`): TypeChange {
  return { kind: 'incompatible', check: { code: 'Y105', request: { kind: 'notConvertible', ...at, to }, risk } };
}

function narrow(...checks: TypeCheck[]): TypeChange {
  return { kind: 'narrow', checks };
}

/** Integer → integer or DECIMAL: widen when the target range holds the source range. */
function fromInteger(from: LogicalType, to: LogicalType, at: ColumnRef): TypeChange | undefined {
  const r = intRange(from);
  if (to.family === 'integer') {
    const t = intRange(to);
    return t.min <= r.min && t.max >= r.max ? { kind: 'widen' } : narrow(outOfRange(at, t.min > r.min ? t.min : r.min, t.max < r.max ? t.max : r.max));
  }
  if (to.family === 'decimal') {
    const { integer } = decimalDigits(to);
    if (integer >= r.digits) return { kind: 'widen' };
    const limit = 10n ** BigInt(Math.max(integer, 0)) - 1n;
    return narrow(outOfRange(at, -limit > r.min ? -limit : r.min, limit < r.max ? limit : r.max));
  }
  if (to.family === 'float') {
    const magnitude = -r.min > r.max ? -r.min : r.max;
    const exact = floatRank(to) === 1 ? REAL_EXACT : DOUBLE_EXACT;
    if (magnitude <= exact) return { kind: 'widen' };
    return { kind: 'floatLoss', reason: `integers beyond ±2^${floatRank(to) === 1 ? 24 : 53} are rounded` };
  }
  return undefined;
}

/** DECIMAL or floating point → integer: range (Y102) and dropped fraction (Y103) are checked apart. */
function toInteger(from: LogicalType, to: LogicalType, at: ColumnRef): TypeChange {
  const t = intRange(to);
  const d = from.family === 'decimal' ? decimalDigits(from) : { integer: Number.POSITIVE_INFINITY, scale: Number.POSITIVE_INFINITY };
  const checks: TypeCheck[] = [];
  const fromMax = d.integer === Number.POSITIVE_INFINITY ? null : 10n ** BigInt(d.integer) - 1n;
  if (fromMax === null || -fromMax < t.min || fromMax > t.max) checks.push(outOfRange(at, t.min, t.max));
  if (d.scale > 0) checks.push(tooManyDigits(at, t.digits, 0));
  return checks.length === 0 ? { kind: 'widen' } : narrow(...checks);
}

/** Time-like → time-like: fewer fractional-second digits is a narrowing, whatever else changes. */
function fractionNarrowed(from: LogicalType, to: LogicalType, at: ColumnRef): TypeChange | undefined {
  return bound(to.precision) < bound(from.precision) ? narrow(fractionLost(at, to.precision ?? 0)) : undefined;
}

function fromDatetime(from: LogicalType, to: LogicalType, at: ColumnRef): TypeChange {
  const timeLike = ['time', 'timestamp', 'timestamptz'];
  if (timeLike.includes(from.family) && timeLike.includes(to.family)) {
    const n = fractionNarrowed(from, to, at);
    if (n) return n;
  }
  const pair = `${from.family}>${to.family}`;
  switch (pair) {
    case 'time>time': case 'timestamp>timestamp': case 'timestamptz>timestamptz': return { kind: 'widen' };
    case 'date>timestamp': return { kind: 'widen' };
    case 'date>timestamptz': return { kind: 'convert', reason: 'dates become instants in the session time zone' };
    case 'timestamp>timestamptz': case 'timestamptz>timestamp': return { kind: 'convert', reason: 'values are reinterpreted in the session time zone' };
    case 'timestamp>date': case 'timestamptz>date': return { kind: 'convert', reason: 'the time of day is dropped' };
    case 'timestamp>time': case 'timestamptz>time': return { kind: 'convert', reason: 'the date is dropped' };
    case 'time>timestamp': case 'time>timestamptz': return { kind: 'convert', reason: 'a date is added to every time of day' };
    default: return incompatible(at, to);
  }
}

/** Anything → CHAR/VARCHAR: the length rule for text, the text form's width for other families. */
function toText(from: LogicalType, to: LogicalType, at: ColumnRef): TypeChange {
  if (from.family === 'char') {
    return bound(to.precision) >= bound(from.precision) ? { kind: 'widen' } : narrow(tooLong(at, to.precision ?? 0, 'characters'));
  }
  if (from.family === 'binary') return incompatible(at, to);
  if (to.precision === null || textWidth(from) <= to.precision) return { kind: 'convert', reason: `${from.display} values become text` };
  // Only some values' text fits: asked as notConvertible, which tests each value's text form.
  return incompatible(at, to, `values whose text form is longer than ${to.precision} characters`);
}

/**
 * Classifies a column type change from A's type to B's, and for data-dependent cases says which
 * question about A's data decides it.
 *
 * @example
 * classifyTypeChange(VARCHAR(40), VARCHAR(20), { table: 'orders', column: 'note' })
 * // { kind: 'narrow', checks: [{ code: 'Y101', request: { kind: 'tooLong', …, maxLength: 20 }, … }] }
 */
export function classifyTypeChange(from: LogicalType, to: LogicalType, at: ColumnRef): TypeChange {
  if (sameType(from, to)) return { kind: 'same' };
  if (to.family === 'char') return toText(from, to, at);
  switch (from.family) {
    case 'integer': return fromInteger(from, to, at) ?? incompatible(at, to);
    case 'decimal':
      if (to.family === 'integer') return toInteger(from, to, at);
      if (to.family === 'decimal') {
        const f = decimalDigits(from);
        const t = decimalDigits(to);
        if (t.integer >= f.integer && t.scale >= f.scale) return { kind: 'widen' };
        return narrow(tooManyDigits(at, t.integer, t.scale));
      }
      if (to.family === 'float') {
        const f = decimalDigits(from);
        const exactDigits = floatRank(to) === 1 ? 7 : 15;
        if (f.scale === 0 && f.integer <= exactDigits) return { kind: 'widen' };
        return { kind: 'floatLoss', reason: `values are rounded to about ${exactDigits} significant digits in binary floating point` };
      }
      return incompatible(at, to);
    case 'float':
      if (to.family === 'float') return floatRank(to) >= floatRank(from) ? { kind: 'widen' } : { kind: 'floatLoss', reason: 'values are rounded to about 7 significant digits' };
      if (to.family === 'integer') return toInteger(from, to, at);
      if (to.family === 'decimal') {
        if (to.precision === null) return { kind: 'convert', reason: 'floating-point values become exact decimals (NaN and infinities excepted)' };
        const t = decimalDigits(to);
        return narrow(tooManyDigits(at, t.integer, t.scale));
      }
      return incompatible(at, to);
    case 'char':
      return incompatible(at, to);
    case 'binary':
      if (to.family === 'binary') return bound(to.precision) >= bound(from.precision) ? { kind: 'widen' } : narrow(tooLong(at, to.precision ?? 0, 'bytes'));
      return incompatible(at, to);
    case 'date': case 'time': case 'timestamp': case 'timestamptz':
      return fromDatetime(from, to, at);
    case 'interval':
      if (to.family !== 'interval') return incompatible(at, to);
      return YEAR_MONTH.has(from.sqlType.toUpperCase()) === YEAR_MONTH.has(to.sqlType.toUpperCase())
        ? { kind: 'convert', reason: 'the interval fields or precision change' }
        : incompatible(at, to);
    case 'other':
      if (to.family === 'other' && canonicalSqlType(from) === canonicalSqlType(to)) return { kind: 'convert', reason: 'the type parameters change' };
      return incompatible(at, to);
    default:
      return incompatible(at, to);
  }
}
