// Whether two engines gave the same answer, cell by cell. Both sides arrive as text (psql's
// unaligned output, Ferry's exact cell text), so decimals are compared as numbers: the more
// precise value is rounded (half away from zero, as PostgreSQL rounds NUMERIC) to the other's
// scale, and which side was rounded is recorded. Everything else — CHAR(n) padding included — is
// compared as it comes.

const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;

/**
 * A decimal's text rounded half away from zero to `scale` digits, as an exact string.
 *
 * @example
 * roundDecimal('2.345', 2) // '2.35'
 * roundDecimal('-2.345', 2) // '-2.35'
 */
export function roundDecimal(text, scale) {
  const [, sign, whole, frac = ''] = DECIMAL.exec(text);
  let digits = BigInt(whole + frac.padEnd(scale, '0').slice(0, scale));
  if (frac.length > scale && frac[scale] >= '5') digits += 1n;
  const s = digits.toString().padStart(scale + 1, '0');
  const body = scale === 0 ? s : `${s.slice(0, -scale)}.${s.slice(-scale)}`;
  return digits === 0n ? body : `${sign}${body}`;
}

function scaleOf(text) {
  return DECIMAL.exec(text)[3]?.length ?? 0;
}

function shown(v) {
  return v === null ? 'NULL' : `'${v}'`;
}

/**
 * Compares `ferry` with `psql` (each `{ columns, rows }`, cells as text or null; `columns` names
 * Ferry's columns for the report). Returns `exact`, the first difference as text when not
 * exact, and `rounded`: per column whose decimals had different scales, which side was rounded
 * to which scale.
 *
 * @example
 * compareResults({ columns: ['avg'], rows: [['1.50']] }, { columns: ['avg'], rows: [['1.5000']] })
 * // { exact: true, rounded: [{ column: 'avg', side: 'psql', from: 4, to: 2 }] }
 */
export function compareResults(ferry, psql) {
  const rounded = new Map();
  const result = (difference) => ({ exact: difference === undefined, ...(difference ? { difference } : {}), rounded: [...rounded.values()] });
  if (ferry.columns.length !== psql.columns.length) return result(`ferry has ${ferry.columns.length} columns, psql ${psql.columns.length}`);
  const n = Math.min(ferry.rows.length, psql.rows.length);
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < ferry.columns.length; c++) {
      const a = ferry.rows[r][c];
      const b = psql.rows[r][c];
      const where = `row ${r + 1}, column ${ferry.columns[c]}`;
      if (a !== null && b !== null && DECIMAL.test(a) && DECIMAL.test(b)) {
        const [sa, sb] = [scaleOf(a), scaleOf(b)];
        const scale = Math.min(sa, sb);
        if (sa !== sb && !rounded.has(c)) rounded.set(c, { column: ferry.columns[c], side: sa > sb ? 'ferry' : 'psql', from: Math.max(sa, sb), to: scale });
        if (roundDecimal(a, scale) !== roundDecimal(b, scale)) return result(`${where}: ferry ${a} ≠ psql ${b}${sa !== sb ? ` (compared at scale ${scale})` : ''}`);
      } else if (a !== b) {
        return result(`${where}: ferry ${shown(a)} ≠ psql ${shown(b)}`);
      }
    }
  }
  if (ferry.rows.length !== psql.rows.length) return result(`ferry returned ${ferry.rows.length} rows, psql ${psql.rows.length} (the first ${n} agree)`);
  return result(undefined);
}
