import type { LogicalType } from '../schema/model.js';

const INT_RANGES: Readonly<Record<string, readonly [bigint, bigint]>> = {
  TINYINT: [-128n, 127n],
  SMALLINT: [-32768n, 32767n],
  INTEGER: [-2147483648n, 2147483647n],
  BIGINT: [-9223372036854775808n, 9223372036854775807n],
};

function validDate(y: number, m: number, d: number): boolean {
  const dt = new Date(Date.UTC(2000, m - 1, d));
  dt.setUTCFullYear(y);
  return m >= 1 && m <= 12 && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

/**
 * Whether a value (as exact text, the way Ferry renders it) can be stored in a column of type
 * `to` without error or loss. Decides the incompatible-family findings (e.g. VARCHAR → INTEGER).
 *
 * @example
 * convertible('42', { family: 'integer', sqlType: 'INTEGER', precision: null, scale: null, display: 'INTEGER' }) // true
 */
export function convertible(value: string, to: LogicalType): boolean {
  const v = value.trim();
  switch (to.family) {
    case 'integer': {
      if (!/^[+-]?\d+$/.test(v)) return false;
      const range = INT_RANGES[to.sqlType] ?? INT_RANGES.BIGINT!;
      const n = BigInt(v);
      return n >= range[0] && n <= range[1];
    }
    case 'decimal': {
      const m = /^[+-]?(\d*)(?:\.(\d*))?$/.exec(v);
      if (!m || (m[1] === '' && (m[2] ?? '') === '')) return false;
      const intDigits = (m[1] ?? '').replace(/^0+/, '').length;
      const frac = (m[2] ?? '').replace(/0+$/, '').length;
      const p = to.precision ?? 38;
      const s = to.scale ?? 0;
      return intDigits <= p - s && frac <= s;
    }
    case 'float':
      return v !== '' && Number.isFinite(Number(v));
    case 'boolean':
      return /^(true|false|t|f|1|0|yes|no|y|n)$/i.test(v);
    case 'char':
      return to.precision === null || [...value].length <= to.precision;
    case 'binary':
      return true;
    case 'date': {
      const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
      return !!m && validDate(Number(m[1]), Number(m[2]), Number(m[3]));
    }
    case 'time':
      return /^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,9})?)?$/.test(v);
    case 'timestamp':
    case 'timestamptz': {
      const m = /^(\d{4})-(\d{2})-(\d{2})(?:[ T]([01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d{1,9})?)?)?(Z|[+-]\d{2}(:?\d{2})?)?$/.exec(v);
      return !!m && validDate(Number(m[1]), Number(m[2]), Number(m[3])) && (to.family === 'timestamptz' || !m[5]);
    }
    default:
      return false;
  }
}
