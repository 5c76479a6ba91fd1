/**
 * Digits of values as text, for proofs tested in Node when A's engine cannot run the SQL that
 * counts them (SQLite has no EXTRACT, PostgreSQL no ROUND of a DOUBLE).
 */

/**
 * Significant fractional-second digits of a time or timestamp as its engine writes it
 * (`10:00:00.120`, `2024-01-01 10:00:00.5+00`), or of epoch milliseconds (SQLite keeps some
 * timestamps as integers); null when the text is neither.
 *
 * @example
 * fractionDigits('2024-01-01 10:00:00.123000') // 3
 */
export function fractionDigits(text: string): number | null {
  const v = text.trim();
  if (/^-?\d+$/.test(v)) return String(Math.abs(Number(BigInt(v) % 1000n))).padStart(3, '0').replace(/0+$/, '').length;
  const m = /\d{1,2}:\d{2}(?::\d{2}(?:\.(\d+))?)?/.exec(v);
  return m ? (m[1] ?? '').replace(/0+$/, '').length : null;
}

/**
 * Digits before the point and significant digits after it of a number's text, exponent
 * included (`1.5E-7` has 0 and 8); null when the text is not a finite number.
 *
 * @example
 * numberDigits('-0012.3400') // { integer: 2, fraction: 2 }
 */
export function numberDigits(text: string): { readonly integer: number; readonly fraction: number } | null {
  const m = /^[+-]?(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text.trim());
  if (!m || ((m[1] ?? '') === '' && (m[2] ?? '') === '')) return null;
  const digits = `${m[1] ?? ''}${m[2] ?? ''}`;
  // Where the point sits in `digits` once the exponent is applied.
  const point = (m[1] ?? '').length + Number(m[3] ?? 0);
  const whole = point <= 0 ? '' : digits.slice(0, point).padEnd(point, '0');
  const fraction = point >= digits.length ? '' : point < 0 ? `${'0'.repeat(-point)}${digits}` : digits.slice(point);
  return { integer: whole.replace(/^0+/, '').length, fraction: fraction.replace(/0+$/, '').length };
}
