// Dates, times and timestamps as exact text, by arithmetic rather than through JavaScript's Date:
// Date's range (±100 million days) is narrower than Date32's, and its year formatting is not ISO's.

/** Arrow's TimeUnit as a number: 0 SECOND, 1 MILLISECOND, 2 MICROSECOND, 3 NANOSECOND. */
export type TimeUnitCode = 0 | 1 | 2 | 3;

const PER_SECOND = [1n, 1_000n, 1_000_000n, 1_000_000_000n] as const;
const FRACTION_DIGITS = [0, 3, 6, 9] as const;

/** Floor division for a positive divisor (BigInt `/` truncates toward zero). */
export function floorDiv(value: bigint, divisor: bigint): bigint {
  const q = value / divisor;
  return value % divisor !== 0n && value < 0n ? q - 1n : q;
}

/**
 * Days since 1970-01-01 → `YYYY-MM-DD` in the proleptic Gregorian calendar. Years before 1 use
 * astronomical numbering as ISO 8601 and java.time do (1 BC is `0000`, 44 BC is `-0043`);
 * years after 9999 take a `+` (ISO 8601 expanded form, `+10000-01-01`).
 *
 * @example
 * isoDate(-735160n) // '-0043-03-15', i.e. 15 March 44 BC
 */
export function isoDate(days: bigint | number): string {
  // Howard Hinnant's civil_from_days; every Arrow date fits a double's exact integers.
  const z = Number(days) + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1_460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return `${isoYear(year)}-${pad(month)}-${pad(day)}`;
}

function isoYear(year: number): string {
  if (year < 0) return `-${String(-year).padStart(4, '0')}`;
  return year > 9999 ? `+${year}` : String(year).padStart(4, '0');
}

/**
 * A count of `unit`s since the epoch → `YYYY-MM-DD HH:MM:SS[.fff…]` (trailing zeros of the
 * fraction trimmed; years as in {@link isoDate}). A zone is appended: `Z` for UTC, else its name.
 *
 * @example
 * timestampText(-63517778703876544n, 2) // '-0043-03-15 12:34:56.123456'
 */
export function timestampText(value: bigint, unit: TimeUnitCode, timezone: string | null = null): string {
  const perDay = 86_400n * PER_SECOND[unit];
  const day = floorDiv(value, perDay);
  const zone = timezone ? (timezone === 'UTC' ? 'Z' : ` ${timezone}`) : '';
  return `${isoDate(day)} ${timeText(value - day * perDay, unit)}${zone}`;
}

/** Microseconds since the epoch → `YYYY-MM-DD HH:MM:SS[.ffffff]` (see {@link timestampText}). */
export function isoTimestamp(micros: bigint, timezone: string | null = null): string {
  return timestampText(micros, 2, timezone);
}

/**
 * A count of `unit`s since midnight → `HH:MM:SS[.fff…]`, trailing zeros of the fraction trimmed.
 *
 * @example
 * timeText(45_296_120_000n, 2) // '12:34:56.12'
 */
export function timeText(value: bigint, unit: TimeUnitCode): string {
  const perSecond = PER_SECOND[unit];
  const s = value / perSecond;
  const frac = value % perSecond;
  const text = `${pad(Number(s / 3600n))}:${pad(Number((s / 60n) % 60n))}:${pad(Number(s % 60n))}`;
  return frac === 0n ? text : `${text}.${frac.toString().padStart(FRACTION_DIGITS[unit], '0').replace(/0+$/, '')}`;
}

/** Microseconds since midnight → `HH:MM:SS[.ffffff]`. */
export function isoTime(micros: bigint): string {
  return timeText(micros, 2);
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
